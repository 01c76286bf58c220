/**
 * What the service worker caches: the app's files and page loads, the offline pages' API reads, and
 * nothing else (no writes, no downloads with health data, no other host).
 */
import { describe, expect, it } from 'vitest';
import { DATA_CACHE, shellCacheName, staleCaches, strategyFor } from './routes.js';

const ORIGIN = 'http://127.0.0.1:4640';
const PRECACHED = new Set(['/', '/assets/index-abc.js', '/manifest.webmanifest', '/icons/icon-192.png']);
const get = (path: string, mode = 'cors') =>
  strategyFor({ method: 'GET', url: `${ORIGIN}${path}`, mode }, ORIGIN, PRECACHED);

describe('the service worker', () => {
  it('answers page loads with the app, and its files from the cache', () => {
    expect(get('/', 'navigate')).toBe('shell');
    expect(get('/plan', 'navigate')).toBe('shell');
    expect(get('/assets/index-abc.js', 'no-cors')).toBe('precached');
    expect(get('/manifest.webmanifest')).toBe('precached');
    expect(get('/assets/unknown.js')).toBe('pass');
  });

  it('keeps a copy of the API reads the offline pages need', () => {
    for (const path of [
      '/api/plan',
      '/api/kb?kind=exercise&full=true',
      '/api/kb/search?q=plank',
      '/api/kb/items/exercise%3Aplank',
      '/api/diary',
      '/api/progress',
    ])
      expect(get(path), path).toBe('data');
  });

  it('never stores exports, reports, backups, runs or writes', () => {
    for (const path of [
      '/api/export',
      '/api/report?download=1',
      '/api/backup',
      '/api/runs',
      '/api/assessments/latest',
      '/api/health',
      '/api/plan/changes',
    ])
      expect(get(path), path).toBe('pass');
    // A report opened in the tab is a page load under /api: not the app.
    expect(get('/api/report', 'navigate')).toBe('pass');
    for (const method of ['POST', 'PATCH', 'DELETE', 'PUT'])
      expect(strategyFor({ method, url: `${ORIGIN}/api/diary/pain` }, ORIGIN, PRECACHED)).toBe('pass');
  });

  it('leaves other hosts alone', () => {
    expect(strategyFor({ method: 'GET', url: 'https://example.org/api/plan' }, ORIGIN, PRECACHED)).toBe(
      'pass',
    );
    expect(strategyFor({ method: 'GET', url: 'http://localhost:4640/' }, ORIGIN, PRECACHED)).toBe('pass');
  });

  it('deletes older builds’ caches on taking over, keeping its own, the data and other sites’', () => {
    const names = [shellCacheName('old1'), shellCacheName('new2'), DATA_CACHE, 'someone-else'];
    expect(staleCaches(names, 'new2')).toEqual([shellCacheName('old1')]);
  });
});
