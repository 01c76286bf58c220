/**
 * Prints the plain closing line CI reads ("N passed, N failed, N skipped") after vitest's own report, and
 * before it how long the run took and its slowest files, so a suite that is getting slow says so.
 */
import { relative } from 'node:path';
import type { Reporter, TestModule } from 'vitest/node';

/** How many of the slowest files to name. */
const SLOWEST = 5;

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

export default class PlainSummaryReporter implements Reporter {
  private started = performance.now();

  onTestRunStart(): void {
    this.started = performance.now();
  }

  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const wallMs = performance.now() - this.started;
    const counts = { passed: 0, failed: 0, skipped: 0 };
    for (const module of testModules) {
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') counts.passed++;
        else if (state === 'failed') counts.failed++;
        else counts.skipped++;
      }
    }
    const total = counts.passed + counts.failed + counts.skipped;
    // A file's own time: importing it (and what it imports) plus its tests and hooks.
    const slowest = testModules
      .map((m) => ({ file: relative(process.cwd(), m.moduleId), ms: fileMs(m) }))
      .sort((a, b) => b.ms - a.ms)
      .slice(0, SLOWEST)
      .map((f) => `${f.file} ${seconds(f.ms)}`);
    const lines = [
      '',
      `${total} tests in ${seconds(wallMs)}${slowest.length ? `; slowest files: ${slowest.join(', ')}` : ''}`,
      `${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`,
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
  }
}

function fileMs(module: TestModule): number {
  const d = module.diagnostic();
  return d.collectDuration + d.duration;
}
