/** `--verbose` request logging: one line per request, whatever the path holds, and never a body. */
import { describe, expect, it } from 'vitest';
import { printable } from './app.js';
import { harness } from './harness.js';

describe('request log', () => {
  it('escapes control characters so a path cannot add a fake line', async () => {
    const lines: string[] = [];
    const h = await harness({ log: (line) => lines.push(line) });
    try {
      const r = await h.call('GET', '/api/x%0aFAKE%0d%1b[2J');
      expect(r.status).toBe(404);
      expect(lines).toHaveLength(1);
      const line = lines[0] as string;
      expect(line.split('\n')).toHaveLength(1);
      expect(line).not.toMatch(/[\p{Cc}]/u);
      expect(line).toMatch(/^GET \/api\/x\\x0aFAKE\\x0d\\x1b\[2J 404 \d+ ms$/);
    } finally {
      await h.close();
    }
  });

  it('logs method, path and status, never the body or the query', async () => {
    const lines: string[] = [];
    const h = await harness({ log: (line) => lines.push(line) });
    try {
      await h.call('POST', '/api/diary/pain?secret=1', { score: 3, regions: ['neck'], note: 'pain note' });
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/^POST \/api\/diary\/pain \d{3} \d+ ms$/);
      expect(lines[0]).not.toMatch(/pain note|secret/);
    } finally {
      await h.close();
    }
  });

  it('escapes non-printables and backslashes', () => {
    expect(printable('/a b')).toBe('/a b');
    expect(printable('/a\\x0a')).toBe('/a\\\\x0a');
    expect(printable('/\u2028\u0000\u00ad')).toBe('/\\u{2028}\\x00\\xad');
    expect(printable('/café/跑')).toBe('/café/跑');
  });
});
