#!/usr/bin/env node
// Draw the app's icons (the header's wavy spine mark, white on the accent blue) as SVG and render them
// to PNG once with Debian's Chromium. The PNGs are committed; run this again only when the mark changes:
//
//   node scripts/make-icons.mjs
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const out = fileURLToPath(new URL('../web/public/icons/', import.meta.url));
const ACCENT = '#0a58a8';
// The same path as the header's brand mark and the favicon (a 24-unit box).
const MARK = 'M12 2c1.5 3 1.5 5 0 7s-1.5 4 0 6 1.5 4 0 7';

/**
 * One icon as SVG. `full`: the background fills the square (maskable and Apple icons, which the system
 * crops); otherwise a rounded square with clear corners. `markScale`: the mark's height over the icon's
 * (a maskable icon keeps it inside the central safe circle, 80 % of the width).
 */
function svg(size, { full, markScale }) {
  const r = full ? 0 : size * 0.22;
  const h = size * markScale;
  const s = h / 20; // the path spans y 2..22
  const x = size / 2 - 12 * s;
  const y = size / 2 - 12 * s;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 ${size} ${size}">
  <rect width="${size}" height="${size}" rx="${r}" fill="${ACCENT}"/>
  <path d="${MARK}" transform="translate(${x} ${y}) scale(${s})" fill="none" stroke="#ffffff"
    stroke-width="2.6" stroke-linecap="round" stroke-linejoin="round"/>
</svg>`;
}

const ICONS = [
  { file: 'icon-192.png', size: 192, full: false, markScale: 0.62 },
  { file: 'icon-512.png', size: 512, full: false, markScale: 0.62 },
  { file: 'icon-maskable-512.png', size: 512, full: true, markScale: 0.5 },
  { file: 'apple-touch-icon.png', size: 180, full: true, markScale: 0.58 },
];

mkdirSync(out, { recursive: true });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless=new', '--no-sandbox', '--disable-gpu'],
});
try {
  const page = await browser.newPage({ deviceScaleFactor: 1 });
  for (const icon of ICONS) {
    const source = svg(icon.size, icon);
    await page.setViewportSize({ width: icon.size, height: icon.size });
    await page.setContent(`<html><body style="margin:0;background:transparent">${source}</body></html>`);
    const png = await page.locator('svg').screenshot({ omitBackground: true });
    writeFileSync(join(out, icon.file), png);
    process.stdout.write(`${icon.file} ${icon.size}×${icon.size}\n`);
  }
} finally {
  await browser.close();
}
