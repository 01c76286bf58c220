#!/usr/bin/env node
// The contact sheet: every exercise and self-check figure drawn at phone width (390 px) in headless
// Chromium, key poses side by side with their sentences, plus a strip of in-between frames, written to
// test-artifacts/figures/contact-sheet.png (and one PNG per figure) for a person to look at.
//
//   npm run figures:sheet
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = fileURLToPath(new URL('..', import.meta.url));
const lib = process.env.FIGURES_LIB ?? join(root, 'dist/figures/index.js');
const kbLib = process.env.KNOWLEDGE_LIB ?? join(root, 'dist/knowledge/index.js');
const { buildFigure, renderFigureSvg, frameSvg, shapesAt } = await import(lib);
const { knowledge } = await import(kbLib);
const { CHROMIUM_ARGS } = await import(join(root, 'dist/report/pdf.js'));

const out = join(root, 'test-artifacts/figures');
mkdirSync(out, { recursive: true });
const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
const kb = knowledge();
const items = [
  ...kb.exercises.map((e) => ({
    id: e.id,
    name: e.name,
    spec: e.figure,
    captions: e.positions,
    holdS: e.dose.holdS,
  })),
  ...kb.selfChecks.map((c) => ({
    id: `self-check-${c.id}`,
    name: `Self-check: ${c.name}`,
    spec: c.figure,
    captions: c.figure.captions ?? {},
  })),
];

const cards = items.map((it, i) => {
  const f = buildFigure(it.spec, it.holdS);
  const keys = renderFigureSvg(f, { title: it.name, captions: it.captions, idPrefix: `f${i}` });
  const [x, y, w, h] = f.viewBox;
  const frames = Array.from({ length: 8 }, (_, k) => {
    const t = (f.timeline.durationMs * k) / 8;
    return `<svg class="frame" viewBox="${x} ${y} ${w} ${h}">${frameSvg(f, shapesAt(f, t))}</svg>`;
  }).join('');
  const caps = f.names.map((n) => `<li>${esc(it.captions[n] ?? it.spec.captions?.[n] ?? '')}</li>`).join('');
  return `<section id="c${i}"><h2>${i + 1}. ${esc(it.name)} <small>(${f.view})</small></h2>${keys}<div class="frames">${frames}</div><ol>${caps}</ol></section>`;
});

const html = `<!doctype html><html><head><meta charset="utf-8"><style>
body{font:12px/1.3 sans-serif;margin:8px;color:#111;background:#fff}
section{border:1px solid #bbb;border-radius:6px;padding:6px;margin:0 0 8px}
h2{font-size:13px;margin:0 0 4px} small{color:#555;font-weight:normal}
svg.exercise-figure{width:100%;height:auto;max-height:170px;display:block}
.frames{display:grid;grid-template-columns:repeat(8,1fr);gap:2px;border-top:1px dashed #ccc;margin-top:4px;padding-top:4px}
svg.frame{width:100%;height:auto}
ol{margin:4px 0 0;padding-left:18px;color:#333}
.fig-band{stroke:#0a58a8}
</style></head><body>${cards.join('')}</body></html>`;
writeFileSync(join(out, 'contact-sheet.html'), html);

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [...CHROMIUM_ARGS],
});
const page = await browser.newPage({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2 });
await page.setContent(html);
await page.screenshot({ path: join(out, 'contact-sheet.png'), fullPage: true });
for (let i = 0; i < items.length; i++)
  await page
    .locator(`#c${i}`)
    .screenshot({ path: join(out, `${String(i + 1).padStart(2, '0')}-${items[i].id}.png`) });
await browser.close();
console.log(`${items.length} figures drawn into ${join(out, 'contact-sheet.png')}`);
