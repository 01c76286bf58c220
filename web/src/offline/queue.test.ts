/**
 * The offline queue's logic with a stand-in server: what is queued and what is not, that every try
 * sends the same id and time, that flushes run once at a time and stop when the server is unreachable,
 * and that a refusal drops the entry with a note.
 */
import { describe, expect, it } from 'vitest';
import { type DiaryKind, DiaryQueue, type FailureKind, parseStored } from './queue.js';

class HttpError extends Error {
  constructor(readonly status: number) {
    super(status === 409 ? 'a different pain check-in was already stored with this id' : `HTTP ${status}`);
  }
}

/** A server that stores by id (as the real one does), can be switched off, and counts requests. */
function fakeServer() {
  const stored = new Map<string, Record<string, unknown>>();
  const server = {
    up: false,
    requests: 0,
    stored,
    /** Answers a request but loses the answer (the page sees a network failure). */
    loseNextAnswer: false,
    refuse: undefined as number | undefined,
    async send(_kind: DiaryKind, body: Record<string, unknown>): Promise<unknown> {
      server.requests++;
      await new Promise((r) => setTimeout(r, 1));
      if (!server.up) throw new Error('fetch failed');
      if (server.refuse) throw new HttpError(server.refuse);
      const id = body.id as string;
      if (!stored.has(id)) stored.set(id, body);
      if (server.loseNextAnswer) {
        server.loseNextAnswer = false;
        throw new Error('fetch failed');
      }
      return stored.get(id);
    },
  };
  return server;
}

function makeQueue(server = fakeServer()) {
  let slot: string | null = null;
  let clock = 1_700_000_000_000;
  let n = 0;
  const queue = new DiaryQueue({
    storage: { read: () => slot, write: (t) => (slot = t) },
    send: server.send,
    classify: (e): FailureKind =>
      e instanceof HttpError ? (e.status < 500 ? 'refused' : 'failed') : 'unreachable',
    messageOf: (e) => (e as Error).message,
    newId: () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`,
    now: () => (clock += 1000),
  });
  return { queue, server, slot: () => slot };
}

describe('the offline queue', () => {
  it('sends at once when the server answers, with an id and the time it was logged', async () => {
    const { queue, server } = makeQueue();
    server.up = true;
    const r = await queue.post('pain', { score: 4, regions: ['lower-back'] });
    expect(r.status).toBe('sent');
    expect(queue.entries()).toEqual([]);
    const body = server.stored.get(r.id);
    expect(body).toMatchObject({ id: r.id, score: 4, at: expect.any(Number) });
  });

  it('keeps an entry when the server is unreachable, with the time it was logged, not sent', async () => {
    const { queue, server } = makeQueue();
    const r = await queue.post('pain', { score: 6, regions: ['neck'], note: 'after the hills' });
    expect(r.status).toBe('queued');
    const [entry] = queue.entries();
    expect(entry?.id).toBe(r.id);
    const loggedAt = entry?.body.at;
    server.up = true;
    const report = await queue.flush();
    expect(report).toMatchObject({ reachable: true, remaining: 0 });
    expect(report.sent.map((e) => e.id)).toEqual([r.id]);
    // Sent later, it still says when it was logged.
    expect(server.stored.get(r.id)?.at).toBe(loggedAt);
  });

  it('does not queue a refusal: bad input rejects as it would without the queue', async () => {
    const { queue, server } = makeQueue();
    server.up = true;
    server.refuse = 400;
    await expect(queue.post('pain', { score: 11, regions: [] })).rejects.toThrow('HTTP 400');
    expect(queue.entries()).toEqual([]);
  });

  it('stores each entry once when flushes overlap and when an answer is lost', async () => {
    const { queue, server } = makeQueue();
    await queue.post('pain', { score: 3, regions: ['neck'] });
    await queue.post('exercise', { items: ['plank'] });
    // Two tries while the server is down: both entries stay.
    await Promise.all([queue.flush(), queue.flush()]);
    expect(queue.entries()).toHaveLength(2);
    server.up = true;
    server.loseNextAnswer = true;
    const before = server.requests;
    // Three overlapping flushes are one: the first entry's answer is lost, so it stays for the next try.
    const [a, b, c] = await Promise.all([queue.flush(), queue.flush(), queue.flush()]);
    expect(a).toBe(b);
    expect(b).toBe(c);
    expect(a?.reachable).toBe(false);
    expect(server.requests - before).toBe(1);
    await queue.flush();
    expect(queue.entries()).toEqual([]);
    // The pain check-in was sent twice but stored once, under the id made when it was logged.
    expect(server.stored.size).toBe(2);
  });

  it('drops an entry the server refuses when it is sent, with a note to show', async () => {
    const { queue, server } = makeQueue();
    const r = await queue.post('pain', { score: 5, regions: ['neck'] });
    server.up = true;
    server.refuse = 409;
    const report = await queue.flush();
    expect(report.refused).toHaveLength(1);
    expect(queue.entries()).toEqual([]);
    expect(queue.refused()).toEqual([
      { entry: expect.objectContaining({ id: r.id }), message: expect.stringContaining('already stored') },
    ]);
    queue.dismissRefused();
    expect(queue.refused()).toEqual([]);
  });

  it('keeps an entry the server fails on (a 500) for the next try', async () => {
    const { queue, server } = makeQueue();
    await queue.post('psfs', { ratings: [{ activity: 'Run 10 km', score: 4 }] });
    server.up = true;
    server.refuse = 500;
    const report = await queue.flush();
    expect(report).toMatchObject({ reachable: true, remaining: 1, sent: [], refused: [] });
    server.refuse = undefined;
    expect((await queue.flush()).sent).toHaveLength(1);
  });

  it('takes an entry out before it is sent (Undo), and tells listeners of every change', async () => {
    const { queue } = makeQueue();
    let changes = 0;
    queue.subscribe(() => changes++);
    const r = await queue.post('exercise', { items: ['bird-dog'] });
    expect(queue.remove(r.id)).toBe(true);
    expect(queue.remove(r.id)).toBe(false);
    expect(queue.entries()).toEqual([]);
    expect(changes).toBeGreaterThanOrEqual(2);
  });

  it('reads what another tab wrote, and ignores what it cannot read', () => {
    expect(parseStored(null)).toEqual({ entries: [], refused: [] });
    expect(parseStored('not json')).toEqual({ entries: [], refused: [] });
    const good = { id: 'a', kind: 'pain', body: { id: 'a', at: 1, score: 2 }, queuedAt: 1 };
    const bad = { id: 'b', kind: 'run', body: { id: 'b', at: 1 }, queuedAt: 1 };
    const mismatched = { id: 'c', kind: 'pain', body: { id: 'd', at: 1 }, queuedAt: 1 };
    expect(parseStored(JSON.stringify({ entries: [good, bad, mismatched], refused: [{}] }))).toEqual({
      entries: [good],
      refused: [],
    });
  });
});
