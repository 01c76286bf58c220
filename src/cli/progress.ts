/**
 * Progress for long work: a bar on a terminal (files, MB, runs/s, ETA), plain lines otherwise. Always on
 * stderr, so `--json` output on stdout stays one document.
 */
import type { ImportProgress } from '../import/index.js';

const mb = (bytes: number) => (bytes / 1_048_576).toFixed(1);

/** Seconds as `m:ss`, or `h:mm:ss` from an hour. */
const clock = (s: number) => {
  const total = Math.round(s);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const ss = String(total % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
};

/**
 * Before this much of the work and this many seconds, a straight-line estimate is mostly start-up time
 * (opening the store, starting the decoders) divided by a sliver of progress: the first line of a
 * one-minute import said "ETA 85:30". Until both are reached the ETA is shown as not known yet.
 */
export const ETA_FROM = { fraction: 0.05, seconds: 2 } as const;

/**
 * The time left in words for the progress line: `ETA 0:42`, or `ETA --:--` while it cannot be estimated.
 * @example etaText(10, 0.5) // 'ETA 0:10'
 */
export function etaText(elapsedS: number, fraction: number): string {
  if (!(fraction >= ETA_FROM.fraction && elapsedS >= ETA_FROM.seconds) || fraction > 1) return 'ETA --:--';
  const left = elapsedS * (1 / fraction - 1);
  return Number.isFinite(left) && left >= 0 ? `ETA ${clock(left)}` : 'ETA --:--';
}

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
      const text = `${p.filesDone}/${p.filesTotal} files  ${mb(p.bytesDone)}/${mb(p.bytesTotal)} MB  ${p.runsImported} runs  ${rate.toFixed(0)} runs/s  ${etaText(elapsedS, frac)}`;
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
