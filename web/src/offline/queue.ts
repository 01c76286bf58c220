/**
 * The offline queue's logic, apart from the browser: diary entries (pain check-ins, exercise sessions,
 * activity ratings) that could not be sent because the server was unreachable wait here with the id
 * the app gave them, and are sent again later. The server keeps one entry per id (the same id again
 * answers with the stored entry), so sending twice, from two tabs or after a lost answer, stores one.
 *
 * Storage is a string slot (localStorage in the app, a variable in tests); every operation reads it
 * afresh, so two tabs see one queue.
 */

export type DiaryKind = 'pain' | 'exercise' | 'psfs';

/** An entry waiting to be sent: its body already carries its `id` and the time it was logged (`at`). */
export type QueuedEntry = {
  id: string;
  kind: DiaryKind;
  body: Record<string, unknown> & { id: string; at: number };
  queuedAt: number;
};

/** An entry the server refused when it was finally sent (it was not saved), to tell the runner. */
export type RefusedEntry = { entry: QueuedEntry; message: string };

type Stored = { entries: QueuedEntry[]; refused: RefusedEntry[] };

/** How a failed send is read: the server was not reached, refused the entry (4xx), or failed (5xx). */
export type FailureKind = 'unreachable' | 'refused' | 'failed';

export type QueueDeps = {
  /** Where the queue is kept between visits. */
  storage: { read(): string | null; write(text: string): void };
  /** Sends one entry; resolves with the server's saved entry, rejects with the failure. */
  send: (kind: DiaryKind, body: Record<string, unknown>) => Promise<unknown>;
  classify: (error: unknown) => FailureKind;
  /** The sentence to show for a refusal. */
  messageOf: (error: unknown) => string;
  newId: () => string;
  now: () => number;
  /**
   * Runs `task` while no other tab flushes (the Web Locks API in the app); the ids make a double send
   * harmless anyway, this only saves the requests.
   */
  exclusive?: <T>(task: () => Promise<T>) => Promise<T>;
};

export type PostOutcome<T = unknown> =
  | { status: 'sent'; id: string; saved: T }
  | { status: 'queued'; id: string; entry: QueuedEntry };

export type FlushReport = {
  sent: QueuedEntry[];
  refused: RefusedEntry[];
  /** Whether the server answered at all (false: everything is still queued). */
  reachable: boolean;
  remaining: number;
};

const KINDS: readonly string[] = ['pain', 'exercise', 'psfs'];

function isEntry(x: unknown): x is QueuedEntry {
  const e = x as QueuedEntry;
  return (
    typeof e === 'object' &&
    e !== null &&
    typeof e.id === 'string' &&
    KINDS.includes(e.kind) &&
    typeof e.queuedAt === 'number' &&
    typeof e.body === 'object' &&
    e.body !== null &&
    e.body.id === e.id &&
    typeof e.body.at === 'number'
  );
}

/** The stored queue; anything unreadable (an older format, a hand edit) is left out, never thrown. */
export function parseStored(text: string | null): Stored {
  if (!text) return { entries: [], refused: [] };
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return { entries: [], refused: [] };
  }
  const d = doc as Partial<Stored>;
  return {
    entries: Array.isArray(d.entries) ? d.entries.filter(isEntry) : [],
    refused: Array.isArray(d.refused)
      ? d.refused.filter((r) => isEntry(r?.entry) && typeof r.message === 'string')
      : [],
  };
}

export class DiaryQueue {
  private flushing: Promise<FlushReport> | undefined;
  private readonly listeners = new Set<() => void>();

  constructor(private readonly deps: QueueDeps) {}

  /** The entries waiting, oldest first. */
  entries(): QueuedEntry[] {
    return this.read().entries;
  }

  /** Entries the server refused when they were sent, until {@link dismissRefused}. */
  refused(): RefusedEntry[] {
    return this.read().refused;
  }

  /** Called after every change (here, or announced by {@link changed} for another tab's). */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  changed(): void {
    for (const l of this.listeners) l();
  }

  /**
   * Send an entry now, or keep it to send later when the server cannot be reached. The entry gets an id
   * (unless it has one) and its time (`at`, now unless given) before the first try, so every try sends
   * the same thing. A refusal (bad input) or a server failure rejects as it would without the queue.
   */
  async post<T = unknown>(kind: DiaryKind, body: Record<string, unknown>): Promise<PostOutcome<T>> {
    const id = typeof body.id === 'string' ? body.id : this.deps.newId();
    const at = typeof body.at === 'number' ? body.at : this.deps.now();
    const full = { ...body, id, at };
    try {
      const saved = (await this.deps.send(kind, full)) as T;
      return { status: 'sent', id, saved };
    } catch (error) {
      if (this.deps.classify(error) !== 'unreachable') throw error;
    }
    const entry: QueuedEntry = { id, kind, body: full, queuedAt: this.deps.now() };
    this.update((s) => ({ ...s, entries: [...s.entries.filter((e) => e.id !== id), entry] }));
    return { status: 'queued', id, entry };
  }

  /** Take an entry out of the queue before it is sent (Undo); false when it is no longer there. */
  remove(id: string): boolean {
    let found = false;
    this.update((s) => {
      found = s.entries.some((e) => e.id === id);
      return { ...s, entries: s.entries.filter((e) => e.id !== id) };
    });
    return found;
  }

  dismissRefused(): void {
    this.update((s) => ({ ...s, refused: [] }));
  }

  /** Forget everything (after all data is deleted). */
  clear(): void {
    this.update(() => ({ entries: [], refused: [] }));
  }

  /**
   * Send what waits, oldest first, each at most once at a time: a flush already under way is joined,
   * not repeated. It stops at the first entry the server cannot be reached for; one the server refuses
   * is dropped and reported; one it fails on stays for the next try.
   */
  flush(): Promise<FlushReport> {
    this.flushing ??= (async () => {
      try {
        return await (this.deps.exclusive ? this.deps.exclusive(() => this.sendAll()) : this.sendAll());
      } finally {
        this.flushing = undefined;
      }
    })();
    return this.flushing;
  }

  private async sendAll(): Promise<FlushReport> {
    const report: FlushReport = { sent: [], refused: [], reachable: true, remaining: 0 };
    // Read afresh: another tab may have sent some meanwhile.
    for (const entry of this.read().entries) {
      if (!this.read().entries.some((e) => e.id === entry.id)) continue;
      try {
        await this.deps.send(entry.kind, entry.body);
        this.update((s) => ({ ...s, entries: s.entries.filter((e) => e.id !== entry.id) }));
        report.sent.push(entry);
      } catch (error) {
        const kind = this.deps.classify(error);
        if (kind === 'unreachable') {
          report.reachable = false;
          break;
        }
        if (kind === 'refused') {
          const refused = { entry, message: this.deps.messageOf(error) };
          this.update((s) => ({
            entries: s.entries.filter((e) => e.id !== entry.id),
            refused: [...s.refused, refused],
          }));
          report.refused.push(refused);
        }
      }
    }
    report.remaining = this.read().entries.length;
    return report;
  }

  private read(): Stored {
    return parseStored(this.deps.storage.read());
  }

  private update(change: (s: Stored) => Stored): void {
    this.deps.storage.write(JSON.stringify(change(this.read())));
    this.changed();
  }
}
