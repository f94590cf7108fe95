// PostgreSQL for the tests: a server on loopback (CI machines provide one; see the README for starting
// one elsewhere). Each test file gets a database of its own, created here and dropped at the end, so runs
// never see each other's data. An unreachable server FAILS the tests that need it, with the reason: a
// silently skipped backend would look like a passing one.
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import pg from 'pg';
import { openStore, type Store } from '../src/store/index.ts';
import { tmpDir } from './fixtures.ts';

/** The server's maintenance database; WIREWATCH_TEST_PG overrides it. */
export const PG_ADMIN_URL = process.env.WIREWATCH_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface TestDatabase {
  url: string;
  name: string;
  drop(): Promise<void>;
}

async function admin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: PG_ADMIN_URL, connectionTimeoutMillis: 5000 });
  try {
    await c.connect();
  } catch (e) {
    throw new Error(`PostgreSQL is not reachable at ${PG_ADMIN_URL} (${(e as Error).message}). These tests need a server: ` +
      'start one (README, "PostgreSQL") or point WIREWATCH_TEST_PG at one.');
  }
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

/** A new, empty database ww_test_<random> on the test server. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `ww_test_${randomBytes(6).toString('hex')}`;
  await admin((c) => c.query(`CREATE DATABASE ${name}`));
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    name,
    drop: () => admin(async (c) => {
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    }),
  };
}

export type Backend = 'sqlite' | 'postgres';
export const BACKENDS: Backend[] = ['sqlite', 'postgres'];

/**
 * Where a suite run on `backend` stores its data: a new SQLite file, or a new PostgreSQL database.
 * `target()` makes a fresh one each call (a test wanting two stores calls it twice); `cleanup()` drops
 * every database it made.
 */
export function testTargets(backend: Backend): { target(): Promise<string>; cleanup(): Promise<void> } {
  const made: TestDatabase[] = [];
  let n = 0;
  const dir = backend === 'sqlite' ? tmpDir() : '';
  return {
    async target() {
      if (backend === 'sqlite') return join(dir, `t${n++}.db`);
      const db = await createTestDatabase();
      made.push(db);
      return db.url;
    },
    async cleanup() {
      for (const db of made.splice(0)) await db.drop();
    },
  };
}

/** A store on a fresh target of `backend`, filled with `articles` in order. */
export async function filledStore(targets: { target(): Promise<string> }, articles: Parameters<Store['put']>[0][]): Promise<Store> {
  const store = await openStore(await targets.target());
  for (const a of articles) await store.put(a);
  return store;
}
