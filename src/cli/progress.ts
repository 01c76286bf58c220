/**
 * Progress for long work: a bar on a terminal (files, MB, runs/s, ETA), plain lines otherwise. Always on
 * stderr, so `--json` output on stdout stays one document.
 */
import type { ImportProgress } from '../import/index.js';

const mb = (bytes: number) => (bytes / 1_048_576).toFixed(1);
const clock = (s: number) => {
  if (!Number.isFinite(s) || s < 0) return '--:--';
  const m = Math.floor(s / 60);
  return `${m}:${String(Math.floor(s % 60)).padStart(2, '0')}`;
};

export function importProgress(stream: NodeJS.WriteStream = process.stderr): {
  update(p: ImportProgress): void;
  done(): void;
} {
  const started = performance.now();
  const tty = stream.isTTY === true;
  let lastLine = 0;
  let lastPct = -1;
  return {
    update(p) {
      const now = performance.now();
      const elapsedS = (now - started) / 1000;
      const frac =
        p.bytesTotal > 0 ? p.bytesDone / p.bytesTotal : p.filesTotal > 0 ? p.filesDone / p.filesTotal : 1;
      const rate = elapsedS > 0 ? p.runsImported / elapsedS : 0;
      const eta = frac > 0 ? elapsedS * (1 / frac - 1) : Number.NaN;
      const text = `${p.filesDone}/${p.filesTotal} files  ${mb(p.bytesDone)}/${mb(p.bytesTotal)} MB  ${p.runsImported} runs  ${rate.toFixed(0)} runs/s  ETA ${clock(eta)}`;
      if (tty) {
        if (now - lastLine < 80 && p.filesDone < p.filesTotal) return;
        lastLine = now;
        const width = Math.max(10, Math.min(30, (stream.columns ?? 80) - text.length - 10));
        const filled = Math.round(frac * width);
        stream.write(
          `\r\x1b[2K[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${Math.round(frac * 100)}% ${text}`,
        );
      } else {
        // Plain lines every 10% (and at the end), so logs stay short.
        const pct = Math.floor(frac * 10) * 10;
        if (pct === lastPct && p.filesDone < p.filesTotal) return;
        lastPct = pct;
        stream.write(`import: ${pct}% ${text}\n`);
      }
    },
    done() {
      if (tty) stream.write('\n');
    },
  };
}
