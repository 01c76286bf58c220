/**
 * The app's frame through `app.request()`: health, the OpenAPI document against the real routes, errors
 * (unknown routes, bad JSON, oversize bodies, internal errors without internals), security headers, the
 * same-origin and localhost checks, and the web app's files with the SPA fallback.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, harness } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await harness();
});
afterAll(() => h.close());

describe('health and documents', () => {
  it('answers health with the version', async () => {
    const r = await h.call('GET', '/api/health');
    expect(r.status).toBe(200);
    expect(r.json).toEqual({ ok: true, version: expect.stringMatching(/^\d+\.\d+\.\d+/) });
  });

  it('serves the answers schema', async () => {
    const r = await h.call('GET', '/api/schema/answers');
    expect(r.status).toBe(200);
    expect(r.json.$schema).toContain('2020-12');
    expect(r.json.properties.pain).toBeDefined();
  });

  it('documents every registered route, and documents nothing that is not one', async () => {
    const r = await h.call('GET', '/api/openapi.json');
    expect(r.status).toBe(200);
    const doc = r.json as { openapi: string; paths: Record<string, Record<string, unknown>> };
    expect(doc.openapi).toBe('3.1.0');
    const methods = new Set(['get', 'post', 'put', 'patch', 'delete']);
    const documented = new Set(
      Object.entries(doc.paths).flatMap(([path, ops]) =>
        Object.keys(ops)
          .filter((m) => methods.has(m))
          .map((m) => `${m.toUpperCase()} ${path}`),
      ),
    );
    const registered = new Set(
      h.app.routes
        .filter((route) => route.method !== 'ALL' && route.path.startsWith('/api/'))
        .map((route) => `${route.method} ${route.path.replace(/:(\w+)/g, '{$1}')}`),
    );
    expect(registered.size).toBeGreaterThan(20);
    expect([...registered].filter((r) => !documented.has(r))).toEqual([]);
    expect([...documented].filter((d) => !registered.has(d))).toEqual([]);
    // Every path parameter is declared, and every operation says what it answers.
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const op of Object.values(ops) as {
        parameters?: { name: string; in: string }[];
        responses: object;
      }[]) {
        for (const name of path.match(/\{(\w+)\}/g) ?? []) {
          expect(op.parameters?.some((p) => p.in === 'path' && `{${p.name}}` === name)).toBe(true);
        }
        expect(Object.keys(op.responses).length).toBeGreaterThan(0);
      }
    }
  });

  it('resolves every $ref in the document', async () => {
    const doc = (await h.call('GET', '/api/openapi.json')).json;
    const refs = JSON.stringify(doc).match(/"#\/components\/schemas\/[^"]+"/g) ?? [];
    expect(refs.length).toBeGreaterThan(10);
    for (const ref of refs) expect(doc.components.schemas[ref.slice(22, -1)]).toBeDefined();
  });
});

describe('errors', () => {
  it('answers an unknown /api route with a JSON 404', async () => {
    for (const [method, path] of [
      ['GET', '/api/nope'],
      ['GET', '/api'],
      ['PUT', '/api/assess'],
      ['GET', '/api/runs/x/y'],
    ] as const) {
      const r = await h.call(method, path);
      expect(r.status, `${method} ${path}`).toBe(404);
      expect(r.json.error.code).toBe('not-found');
    }
  });

  it('rejects bad JSON, and a body that is not declared as JSON', async () => {
    const bad = await h.call('POST', '/api/assess', '{"pain": ', { 'content-type': 'application/json' });
    expect(bad.status).toBe(400);
    expect(bad.json.error).toEqual({
      code: 'bad-input',
      field: 'body',
      message: 'the body is not valid JSON',
    });
    const plain = await h.call('POST', '/api/diary/pain', '{"score":1,"regions":["neck"]}', {
      'content-type': 'text/plain',
    });
    expect(plain.status).toBe(400);
    expect(plain.json.error.field).toBe('body');
  });

  it('refuses a JSON body over 1 MiB with a JSON 413', async () => {
    const big = JSON.stringify({ note: 'x'.repeat(1024 * 1024 + 10) });
    const r = await h.call('POST', '/api/diary/pain', big, { 'content-type': 'application/json' });
    expect(r.status).toBe(413);
    expect(r.json.error.code).toBe('too-large');
    const declared = await h.call('POST', '/api/assess', big, {
      'content-type': 'application/json',
      'content-length': String(big.length),
    });
    expect(declared.status).toBe(413);
  });

  it('hides an internal error behind a plain 500', async () => {
    const seen: unknown[] = [];
    const broken = await harness({ onInternalError: (e) => seen.push(e) });
    // A closed store makes every query fail: an unexpected error, not the runner's fault.
    await broken.store.close();
    const r = await broken.call('GET', '/api/runs');
    expect(r.status).toBe(500);
    expect(r.json).toEqual({ error: { code: 'internal', message: 'internal error' } });
    expect(r.text).not.toMatch(/ at |destroyed|sqlite|kysely/i);
    expect(seen).toHaveLength(1);
    // The harness closes the store again; closing twice is harmless.
    await broken.close();
  });
});

describe('security', () => {
  it('sets security headers and no-store on API responses, errors included', async () => {
    for (const path of ['/api/health', '/api/nope', '/']) {
      const r = await h.call('GET', path);
      const csp = r.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("img-src 'self' data:");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).not.toContain('unsafe');
      expect(r.headers.get('x-content-type-options')).toBe('nosniff');
      expect(r.headers.get('x-frame-options')).toBe('DENY');
      expect(r.headers.get('referrer-policy')).toBe('no-referrer');
      if (path.startsWith('/api')) expect(r.headers.get('cache-control')).toBe('no-store');
    }
  });

  it('refuses changes from another site, but not from this one or from a script', async () => {
    const body = { score: 2, regions: ['neck'] };
    const evil = await h.call('POST', '/api/diary/pain', body, { origin: 'http://evil.example' });
    expect(evil.status).toBe(403);
    expect(evil.json.error.code).toBe('forbidden');
    const crossSite = await h.call('POST', '/api/diary/pain', body, { 'sec-fetch-site': 'cross-site' });
    expect(crossSite.status).toBe(403);
    const same = await h.call('POST', '/api/diary/pain', body, {
      origin: 'http://localhost',
      'sec-fetch-site': 'same-origin',
    });
    expect(same.status).toBe(201);
    expect((await h.call('POST', '/api/diary/pain', body)).status).toBe(201);
  });

  it('answers only to localhost names (no DNS rebinding)', async () => {
    const res = await h.app.request('http://evil.example/api/health');
    expect(res.status).toBe(403);
    expect((await h.app.request('http://127.0.0.1/api/health')).status).toBe(200);
  });
});

describe('the web app', () => {
  it('says how to build it when it is not built', async () => {
    const empty = await harness({ webRoot: mkdtempSync(join(tmpdir(), 'backstride-noweb-')) });
    const r = await empty.call('GET', '/');
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toContain('text/html');
    expect(r.text).toContain('npm run build');
    expect((await empty.call('GET', '/runs')).status).toBe(404);
    await empty.close();
  });

  it('serves built files, falls back to index.html for pages, and stays inside its folder', async () => {
    const root = mkdtempSync(join(tmpdir(), 'backstride-web-'));
    mkdirSync(join(root, 'assets'));
    writeFileSync(
      join(root, 'index.html'),
      '<!doctype html><title>app</title><script src="/assets/app-1.js"></script>',
    );
    writeFileSync(join(root, 'assets', 'app-1.js'), 'console.log(1)');
    writeFileSync(join(root, '..', 'secret.txt'), 'secret');
    const web = await harness({ webRoot: root });
    const index = await web.call('GET', '/');
    expect(index.text).toContain('<title>app</title>');
    expect(index.headers.get('cache-control')).toBe('no-cache');
    const asset = await web.call('GET', '/assets/app-1.js');
    expect(asset.headers.get('content-type')).toContain('text/javascript');
    expect(asset.headers.get('cache-control')).toContain('immutable');
    const page = await web.call('GET', '/runs/123');
    expect(page.status).toBe(200);
    expect(page.text).toContain('<title>app</title>');
    expect((await web.call('GET', '/assets/missing.js')).status).toBe(404);
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt']) {
      const r = await web.call('GET', path);
      expect(r.text, path).not.toContain('secret');
    }
    await web.close();
  });
});
