/**
 * Import fidelity on real files other projects recorded (shared/fixtures/activities): every run that comes
 * out of the import is plausible, and agrees with the file's own summary where the file has one. Runs in
 * this process through `processFile`, the same function the import's workers call.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { decodeFit } from '../activities/fit.js';
import { decodeTcx } from '../activities/tcx.js';
import type { DecodedActivity } from '../activities/types.js';
import { runMetrics } from '../metrics/index.js';
import type { NewRunInput } from '../store/runs.js';
import { processFile } from './process.js';

const FIXTURES = fileURLToPath(new URL('../../../shared/fixtures/activities/', import.meta.url));
const haveFixtures = existsSync(FIXTURES);
if (!haveFixtures)
  console.info('fidelity.test: shared/fixtures/activities not found; real-file checks not run');

/** Every activity file among the fixtures, the zip's entry included, as [name, bytes]. */
function fixtureFiles(): [string, Uint8Array][] {
  const out: [string, Uint8Array][] = [];
  for (const name of readdirSync(FIXTURES).sort()) {
    if (name.endsWith('.md')) continue;
    const bytes = new Uint8Array(readFileSync(FIXTURES + name));
    if (name.endsWith('.zip')) {
      for (const [entry, data] of Object.entries(unzipSync(bytes))) out.push([`${name}!${entry}`, data]);
    } else out.push([name, bytes]);
  }
  return out;
}

function storedRuns(): { file: string; run: NewRunInput }[] {
  const out: { file: string; run: NewRunInput }[] = [];
  for (const [file, bytes] of fixtureFiles()) {
    const outcome = processFile(file, bytes);
    if (outcome.kind === 'runs') for (const run of outcome.runs) out.push({ file, run });
  }
  return out;
}

if (haveFixtures)
  describe('import fidelity on the real fixture runs', () => {
    const runs = storedRuns();

    it('finds the runs', () => {
      expect(runs.length).toBeGreaterThanOrEqual(25);
    });

    it('never has more moving time than elapsed time, nor moving time of zero over a real distance', () => {
      for (const { file, run } of runs) {
        if (run.moving_s !== null && run.elapsed_s !== null)
          expect(run.moving_s, file).toBeLessThanOrEqual(run.elapsed_s + 1e-6);
        if (run.distance_m >= 500 && run.elapsed_s !== null && run.elapsed_s > 0)
          expect(run.moving_s ?? 0, file).toBeGreaterThan(0);
      }
    });

    it('gives every run over 500 m with times a pace a person can move at (2:00 to 25:00 per km)', () => {
      for (const { file, run } of runs) {
        if (run.distance_m < 500 || run.moving_s === null || run.moving_s === 0) continue;
        expect(run.pace_s_per_km, file).not.toBeNull();
        expect(run.pace_s_per_km ?? 0, file).toBeGreaterThanOrEqual(120);
        expect(run.pace_s_per_km ?? 0, file).toBeLessThanOrEqual(1500);
        // Pace is the moving time over the distance shown beside it: 3.10 km in 13:07 is 4:14 /km.
        expect(run.pace_s_per_km ?? 0, file).toBeCloseTo(run.moving_s / (run.distance_m / 1000), 6);
      }
    });

    it('takes moving time from the timer where the file records one', () => {
      const sample = runs.find((r) => r.file === 'togeojson-sample.tcx')?.run;
      // A Forerunner 305 lap of 8.35 km over 38:45 whose 19 trackpoints cover only part of it.
      expect(sample?.moving_s).toBeCloseTo(2325, 0);
      expect(sample?.distance_m).toBeCloseTo(8348.5, 0);
      expect(sample?.samples_distance_m).toBeCloseTo(3441, -1);
      const strava = runs.find((r) => r.file === 'togeojson-strava.gpx')?.run;
      // Three points over 7.5 km and two hours: no timer, so the samples decide; never 0 s.
      expect(strava?.moving_s ?? 0).toBeGreaterThan(0);
      const friday = runs.find((r) => r.file === 'togeojson-Friday-Evening-Run.gpx')?.run;
      // 17 points in three bursts; the 3.6-minute gap covering 390 m is running, the 38-minute one a pause.
      expect(friday?.moving_s ?? 0).toBeGreaterThan(200);
      expect(friday?.moving_s ?? 0).toBeLessThan(400);
    });

    it("agrees with the device's own heart-rate and cadence averages", () => {
      const checked: string[] = [];
      for (const [file, bytes] of fixtureFiles()) {
        let activities: DecodedActivity[];
        if (/\.fit$/i.test(file)) activities = decodeFit(bytes);
        else if (file.endsWith('.tcx')) activities = decodeTcx(new TextDecoder().decode(bytes));
        else continue;
        for (const a of activities) {
          if (a.sport !== 'running' || a.samples.t.length < 100) continue;
          const m = runMetrics(a.samples, a.summary);
          if (a.summary.avgHr !== undefined && m.avgHr !== undefined) {
            // Devices round the session average to a whole beat and average their 1 s sensor stream, which
            // smart recording thins out: within 2 beats (a plain mean of the records was 3.6 off on one).
            expect(Math.abs(m.avgHr - a.summary.avgHr), `${file} HR`).toBeLessThanOrEqual(2);
            checked.push(`${file} HR`);
          }
          if (a.summary.avgCadenceSpm !== undefined && m.avgCadenceSpm !== undefined) {
            // Within 1.5 % (a plain mean of non-zero records was 2–20 % above the device's figure).
            expect(Math.abs(m.avgCadenceSpm / a.summary.avgCadenceSpm - 1), `${file} cadence`).toBeLessThan(
              0.015,
            );
            checked.push(`${file} cadence`);
          }
        }
      }
      expect(checked.filter((c) => c.endsWith('HR')).length).toBeGreaterThanOrEqual(6);
      expect(checked.filter((c) => c.endsWith('cadence')).length).toBeGreaterThanOrEqual(4);
    });
  });
