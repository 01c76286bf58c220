/** Impossible dates are refused rather than rolled over, and a check-in cannot be dated in the future. */
import { describe, expect, it } from 'vitest';
import { harness } from './harness.js';

describe('dates in the API', () => {
  it('refuses impossible days and future check-ins with 400 naming the field', async () => {
    const h = await harness();
    try {
      const pain = await h.call('POST', '/api/diary/pain', { score: 3, regions: ['neck'], at: '2026-02-30' });
      expect(pain.status).toBe(400);
      expect(pain.json).toMatchObject({
        error: { field: 'at', message: expect.stringMatching(/not a day/) },
      });
      const range = await h.call('GET', '/api/diary?from=2026-02-31');
      expect(range.status).toBe(400);
      expect(range.json).toMatchObject({ error: { field: 'from' } });
      const future = await h.call('POST', '/api/assess', { date: '9999-12-31' });
      expect(future.status).toBe(400);
      expect(future.json).toMatchObject({
        error: { field: 'date', message: 'date 9999-12-31 is in the future' },
      });
      const impossible = await h.call('POST', '/api/assess', { date: '2026-02-30' });
      expect(impossible.status).toBe(400);
      const ok = await h.call('POST', '/api/assess?save=false', { date: '2024-02-29' });
      expect(ok.status).toBe(200);
    } finally {
      await h.close();
    }
  });
});
