// A throwaway PostgreSQL database per test file, on the server the machine provides on loopback. The
// queue tests need a real server: when none answers they fail with a message saying so, never skip.
import { randomBytes } from 'node:crypto';
import pg from 'pg';

export const ADMIN_URL = process.env.WIREWATCH_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface TestDatabase { url: string; name: string; drop(): Promise<void> }

export async function freshDatabase(): Promise<TestDatabase> {
  const name = `ww_q_${randomBytes(5).toString('hex')}`;
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    name,
    // FORCE: a worker process killed by a test may have left a connection the server has not reaped yet
    drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: ADMIN_URL, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
  } catch (e) {
    throw new Error(`PostgreSQL is not reachable at ${ADMIN_URL} (${(e as Error).message || (e as { code?: string }).code}): ` +
      'the queue tests need a real server (set WIREWATCH_TEST_PG to use another one)');
  }
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** Rows of one query on a test database. */
export async function rows<R extends pg.QueryResultRow>(url: string, sql: string, values: unknown[] = []): Promise<R[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<R>(sql, values)).rows;
  } finally {
    await client.end();
  }
}
