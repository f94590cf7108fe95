// The queue's own tables, versioned like the store's: each migration runs once, in order, inside one
// transaction that holds an advisory lock, so any number of workers and enqueuers may start at the same
// moment on an empty database and exactly one of them creates the tables.
import type { Pool, PoolClient } from 'pg';
import { inTransaction } from './transaction.ts';

/** Arbitrary but fixed: the advisory lock every process takes while migrating the queue tables. */
const MIGRATION_LOCK = 0x77770001;

const MIGRATIONS: string[] = [
  // 1: one row per input. Files travel as their bytes (workers may not share a file system); URLs and
  // feeds are fetched by the worker. `key` makes enqueueing idempotent: sha256 of a file's bytes, or the URL.
  `CREATE TABLE queue_jobs (
     id           bigserial PRIMARY KEY,
     key          text        NOT NULL UNIQUE,
     kind         text        NOT NULL CHECK (kind IN ('file', 'url')),
     input        text        NOT NULL,
     bytes        bytea,
     meta         jsonb       NOT NULL DEFAULT '{}',
     status       text        NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'done', 'parked')),
     attempts     integer     NOT NULL DEFAULT 0,
     run_after    timestamptz NOT NULL DEFAULT now(),
     locked_by    text,
     locked_until timestamptz,
     claimed_at   timestamptz,
     last_error   text,
     articles     integer,
     created_at   timestamptz NOT NULL DEFAULT now(),
     updated_at   timestamptz NOT NULL DEFAULT now(),
     CHECK (kind <> 'file' OR bytes IS NOT NULL)
   );
   -- what a claim scans: only unfinished jobs, in order
   CREATE INDEX queue_jobs_open ON queue_jobs (id) WHERE status IN ('queued', 'running');
   CREATE INDEX queue_jobs_parked ON queue_jobs (id) WHERE status = 'parked';
   -- leases to check for expiry: only the few jobs in hand
   CREATE INDEX queue_jobs_leases ON queue_jobs (locked_until) WHERE status = 'running';`,
];

export const QUEUE_SCHEMA_VERSION = MIGRATIONS.length;

export async function migrateQueue(pool: Pool): Promise<void> {
  await inTransaction(pool, async (client) => {
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await client.query(`CREATE TABLE IF NOT EXISTS queue_migrations (
                          version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`);
    const done = await appliedVersion(client);
    if (done > MIGRATIONS.length) {
      throw new Error(`the queue tables are at version ${done}, newer than this wirewatch knows (${MIGRATIONS.length}); upgrade wirewatch`);
    }
    for (let v = done + 1; v <= MIGRATIONS.length; v++) {
      await client.query(MIGRATIONS[v - 1]);
      await client.query('INSERT INTO queue_migrations (version) VALUES ($1)', [v]);
    }
  });
}

async function appliedVersion(client: PoolClient): Promise<number> {
  const r = await client.query<{ v: number | null }>('SELECT max(version) AS v FROM queue_migrations');
  return r.rows[0].v ?? 0;
}
