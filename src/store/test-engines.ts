/**
 * The real engines for storage tests: a fresh embedded SQLite folder, and a fresh PostgreSQL database per
 * test when BACKSTRIDE_TEST_DATABASE_URL is set (CI starts a server with scripts/start-postgres.sh).
 * Test support only; nothing in the product imports it.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openStore, type Store } from './index.js';

export const pgUrl = process.env.BACKSTRIDE_TEST_DATABASE_URL;

/** A fresh PostgreSQL database, so tests never see each other's rows or migrations. */
export async function freshPostgresUrl(url: string): Promise<string> {
  const name = `backstride_t_${randomBytes(6).toString('hex')}`;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(`CREATE DATABASE ${name}`);
  await client.end();
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/** Each engine by name, with a function that opens a fresh, empty store on it. */
export const engines: [string, () => Promise<Store>][] = [
  ['sqlite', () => openStore({ dataDir: mkdtempSync(join(tmpdir(), 'backstride-store-')) })],
];
if (pgUrl) engines.push(['postgres', async () => openStore({ url: await freshPostgresUrl(pgUrl) })]);
