/**
 * The offline banner at the top of every page: says plainly when the server cannot be reached and what
 * still works, how many entries wait to be sent (with "Try now"), that they were sent, or that one
 * was refused when it was finally sent (it was not saved). Its live region is always there, so each
 * change is announced without moving focus.
 */
import { useEffect, useState } from 'preact/hooks';
import { dateTime } from '../format.js';
import './offline.css';
import { type DiaryKind, diaryQueue, retryNow, useOfflineState } from './index.js';

const KIND_NAME: Record<DiaryKind, string> = {
  pain: 'pain check-in',
  exercise: 'exercise session',
  psfs: 'activity rating',
};

/** How long "Sent …" stays up. */
const SENT_MS = 8_000;

const entriesWord = (n: number) => (n === 1 ? '1 entry is' : `${n} entries are`);

export function OfflineBanner() {
  const { offline, queued, refused, lastSent } = useOfflineState();
  const [now, setNow] = useState(Date.now());
  const [trying, setTrying] = useState(false);
  const recentlySent = lastSent !== undefined && now - lastSent.at < SENT_MS;

  useEffect(() => {
    if (!lastSent) return;
    setNow(Date.now());
    const t = setTimeout(() => setNow(Date.now()), SENT_MS);
    return () => clearTimeout(t);
  }, [lastSent]);

  const tryNow = async () => {
    setTrying(true);
    try {
      await retryNow();
    } finally {
      setTrying(false);
    }
  };

  const showWaiting = queued.length > 0;
  return (
    <div class="offline-banner" role="status">
      {offline && (
        <p class="notice notice-warning offline-notice">
          <strong>You're offline:</strong> the plan, exercises and logging still work; entries are sent when
          Backstride is back.
        </p>
      )}
      {showWaiting && (
        <p class="notice notice-info offline-notice offline-waiting">
          <span>{entriesWord(queued.length)} saved on this device, waiting to be sent.</span>{' '}
          <button type="button" class="button small secondary" onClick={tryNow} disabled={trying}>
            {trying ? 'Trying…' : 'Try now'}
          </button>
        </p>
      )}
      {!showWaiting && recentlySent && lastSent && (
        <p class="notice notice-success offline-notice">
          Sent {lastSent.count === 1 ? 'the entry' : `the ${lastSent.count} entries`} you logged offline.
        </p>
      )}
      {refused.length > 0 && (
        <div class="notice notice-error offline-notice">
          <ul>
            {refused.map((r) => (
              <li key={r.entry.id}>
                The {KIND_NAME[r.entry.kind]} you logged offline ({dateTime(r.entry.body.at)}) was not saved:{' '}
                {r.message}
              </li>
            ))}
          </ul>
          <button type="button" class="button small secondary" onClick={() => diaryQueue.dismissRefused()}>
            Dismiss
          </button>
        </div>
      )}
    </div>
  );
}
