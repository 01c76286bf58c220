#!/usr/bin/env node
// Triage evaluation: runs every case in tests/fixtures/triage-cases through the built engine (dist/) and
// reports the confusion matrix by level, exact / safe / over- / under-triage, emergency sensitivity,
// self-care exactness, how often the expected contributing factor ranks in the top 3, and every mismatch
// with the rules that fired. The expected levels come from the guidelines (cases.json), not the engine.
// `--json` prints one JSON document. Always exits 0: it is a report; missed targets are printed.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const casesDir = join(root, 'tests', 'fixtures', 'triage-cases');
const json = process.argv.includes('--json');

const load = (rel) => import(pathToFileURL(join(root, 'dist', rel)).href);
let assess;
let parseAnswers;
try {
  ({ assess } = await load('assess/index.js'));
  ({ parseAnswers } = await load('answers/index.js'));
} catch (error) {
  process.stderr.write(
    `eval-triage: cannot load the built engine from dist/ (run \`npm run build\`): ${error.message}\n`,
  );
  process.exit(1);
}

// The check-in's question catalogue, for how many questions each case is asked (absent in older builds).
// A question is one thing answered on its own; a checklist (a safety group, the form) counts once: the
// definition is in src/answers/questions.ts.
const questions = await load('answers/questions.js').catch(() => undefined);

/** Most urgent first. */
const LEVELS = ['emergency', 'urgent', 'clinician', 'self-care'];
const rank = (level) => LEVELS.length - 1 - LEVELS.indexOf(level); // self-care 0 … emergency 3
const TARGETS = { emergencySensitivity: 1, underTriage: 0, selfCareExact: 0.9, exact: 0.85 };

const manifest = JSON.parse(readFileSync(join(casesDir, 'cases.json'), 'utf8'));
const files = readdirSync(casesDir)
  .filter((f) => f.endsWith('.json') && f !== 'cases.json')
  .map((f) => f.replace(/\.json$/, ''));
const missingFiles = Object.keys(manifest).filter((slug) => !files.includes(slug));
const unlisted = files.filter((slug) => !(slug in manifest));
if (missingFiles.length || unlisted.length) {
  process.stderr.write(
    `eval-triage: cases.json and the answers files disagree: no file for [${missingFiles.join(', ')}]; not in cases.json [${unlisted.join(', ')}]\n`,
  );
  process.exit(1);
}

const results = Object.entries(manifest)
  .sort(([a], [b]) => a.localeCompare(b))
  .map(([slug, expected]) => {
    if (!LEVELS.includes(expected.level))
      throw new Error(`${slug}: unknown expected level ${expected.level}`);
    const answers = parseAnswers(JSON.parse(readFileSync(join(casesDir, `${slug}.json`), 'utf8')));
    const result = assess(answers);
    const top3 = result.factors.slice(0, 3).map((f) => f.id);
    return {
      slug,
      expected: expected.level,
      got: result.triage.level,
      rules: result.triage.reasons.map((r) => r.rule),
      factor: expected.factor,
      top3,
      factorHit: expected.factor ? top3.includes(expected.factor) : undefined,
      asked: questions?.askedQuestions(answers).length,
      // The same runner with imported runs that answer the running load.
      askedWithRuns: questions?.askedQuestions(answers, { hasRecentRuns: true }).length,
    };
  });

const n = results.length;
const pct = (num, den) => (den === 0 ? null : num / den);
const confusion = Object.fromEntries(
  LEVELS.map((e) => [
    e,
    Object.fromEntries(LEVELS.map((g) => [g, results.filter((r) => r.expected === e && r.got === g).length])),
  ]),
);
const exact = results.filter((r) => r.got === r.expected).length;
const over = results.filter((r) => rank(r.got) > rank(r.expected)).length;
const under = results.filter((r) => rank(r.got) < rank(r.expected)).length;
const safe = n - under;
const emergencies = results.filter((r) => r.expected === 'emergency');
const selfCare = results.filter((r) => r.expected === 'self-care');
const withFactor = results.filter((r) => r.factor);
const factorHits = withFactor.filter((r) => r.factorHit).length;

const report = {
  cases: n,
  perLevel: Object.fromEntries(LEVELS.map((l) => [l, results.filter((r) => r.expected === l).length])),
  confusion,
  exact: { count: exact, share: pct(exact, n) },
  safe: { count: safe, share: pct(safe, n) },
  overTriage: { count: over, share: pct(over, n) },
  underTriage: { count: under, share: pct(under, n) },
  emergencySensitivity: {
    count: emergencies.filter((r) => r.got === 'emergency').length,
    of: emergencies.length,
    share: pct(emergencies.filter((r) => r.got === 'emergency').length, emergencies.length),
  },
  selfCareExact: {
    count: selfCare.filter((r) => r.got === 'self-care').length,
    of: selfCare.length,
    share: pct(selfCare.filter((r) => r.got === 'self-care').length, selfCare.length),
  },
  factorTop3: { count: factorHits, of: withFactor.length, share: pct(factorHits, withFactor.length) },
  mismatches: results
    .filter((r) => r.got !== r.expected)
    .map(({ slug, expected, got, rules }) => ({
      slug,
      expected,
      got,
      direction: rank(got) > rank(expected) ? 'over' : 'under',
      rules,
    })),
  factorMisses: withFactor
    .filter((r) => !r.factorHit)
    .map(({ slug, factor, top3 }) => ({ slug, factor, top3 })),
  targets: TARGETS,
};
/** Median (the lower middle), min and max. */
function spread(xs) {
  const sorted = [...xs].sort((a, b) => a - b);
  return { min: sorted[0], median: sorted[Math.floor((sorted.length - 1) / 2)], max: sorted.at(-1) };
}
const askedSelfCare = selfCare.map((r) => r.asked).filter((x) => x !== undefined);
if (questions && askedSelfCare.length) {
  report.questionsAskedSelfCare = {
    ...spread(askedSelfCare),
    withImportedRuns: spread(selfCare.map((r) => r.askedWithRuns)),
    // The check-in before the adaptive catalogue (commit 578dd1b), counted the same way.
    legacy: questions.LEGACY_QUESTION_COUNTS ?? { web: questions.LEGACY_QUESTION_COUNT },
  };
}
report.missedTargets = [
  report.emergencySensitivity.share !== null &&
  report.emergencySensitivity.share < TARGETS.emergencySensitivity
    ? `emergency sensitivity ${fmtPct(report.emergencySensitivity.share)} < 100%`
    : null,
  under > TARGETS.underTriage ? `under-triage ${under} > 0` : null,
  report.selfCareExact.share !== null && report.selfCareExact.share < TARGETS.selfCareExact
    ? `self-care exact ${fmtPct(report.selfCareExact.share)} < 90%`
    : null,
  report.exact.share !== null && report.exact.share < TARGETS.exact
    ? `exact ${fmtPct(report.exact.share)} < 85%`
    : null,
].filter(Boolean);

function fmtPct(share) {
  return share === null ? 'n/a' : `${(share * 100).toFixed(1)}%`;
}

if (json) {
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
} else {
  const out = [];
  const short = {
    emergency: 'emergency',
    urgent: 'urgent',
    clinician: 'clinician',
    'self-care': 'self-care',
  };
  out.push(`Triage evaluation: ${n} cases (tests/fixtures/triage-cases)`);
  out.push(`Cases per expected level: ${LEVELS.map((l) => `${l} ${report.perLevel[l]}`).join(', ')}`);
  out.push('');
  out.push('Confusion matrix (rows: expected, columns: result)');
  const w = 11;
  out.push(
    `${'expected \\ got'.padEnd(16)}${LEVELS.map((l) => short[l].padStart(w)).join('')}${'total'.padStart(w)}`,
  );
  for (const e of LEVELS) {
    const row = LEVELS.map((g) => String(confusion[e][g]).padStart(w)).join('');
    out.push(`${e.padEnd(16)}${row}${String(report.perLevel[e]).padStart(w)}`);
  }
  out.push('');
  out.push(`Exact:                ${exact}/${n} (${fmtPct(report.exact.share)})   target >= 85%`);
  out.push(`Safe (at or above):   ${safe}/${n} (${fmtPct(report.safe.share)})`);
  out.push(`Over-triage:          ${over}/${n} (${fmtPct(report.overTriage.share)})`);
  out.push(`Under-triage:         ${under}/${n} (${fmtPct(report.underTriage.share)})   target 0`);
  out.push(
    `Emergency sensitivity: ${report.emergencySensitivity.count}/${report.emergencySensitivity.of} (${fmtPct(report.emergencySensitivity.share)})   target 100%`,
  );
  out.push(
    `Self-care exact:      ${report.selfCareExact.count}/${report.selfCareExact.of} (${fmtPct(report.selfCareExact.share)})   target >= 90%`,
  );
  out.push(
    `Expected factor in top 3: ${factorHits}/${withFactor.length} (${fmtPct(report.factorTop3.share)})`,
  );
  const q = report.questionsAskedSelfCare;
  if (q) {
    const earlier = [
      q.legacy.web !== undefined ? `${q.legacy.web} on the web` : null,
      q.legacy.terminal !== undefined ? `${q.legacy.terminal} in the terminal` : null,
    ].filter(Boolean);
    out.push(
      `Questions to answer (self-care cases): median ${q.median} (${q.min}–${q.max}), ${q.withImportedRuns.median} with imported runs; earlier check-in: ${earlier.join(', ')}`,
    );
  }
  out.push('');
  if (report.mismatches.length === 0) out.push('Mismatches: none');
  else {
    out.push(`Mismatches (${report.mismatches.length}):`);
    for (const m of report.mismatches)
      out.push(
        `  ${m.direction === 'under' ? 'UNDER' : 'over '} ${m.slug}: expected ${m.expected}, got ${m.got}; rules: ${m.rules.join(', ') || '(none)'}`,
      );
  }
  if (report.factorMisses.length) {
    out.push('');
    out.push(`Expected factor not in the top 3 (${report.factorMisses.length}):`);
    for (const f of report.factorMisses)
      out.push(`  ${f.slug}: expected ${f.factor}; top 3: ${f.top3.join(', ')}`);
  }
  out.push('');
  if (report.missedTargets.length === 0) out.push('All targets met.');
  else for (const t of report.missedTargets) out.push(`TARGET MISSED: ${t}`);
  process.stdout.write(`${out.join('\n')}\n`);
}
