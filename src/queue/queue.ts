// The job queue in PostgreSQL: claims with SELECT … FOR UPDATE SKIP LOCKED, so any number of workers on
// any number of machines take disjoint jobs without waiting on one another; a claim is a lease
// (`locked_until`) that the holder renews while it works, so a worker that dies leaves its job to be taken
// again once the lease runs out. Every claim counts an attempt, a crash included; a job that has used up
// its attempts is parked with its last error and never handed out again.
import pg from 'pg';
import { migrateQueue } from './migrations.ts';
import { inTransaction } from './transaction.ts';

export type JobStatus = 'queued' | 'running' | 'done' | 'parked';

export interface NewJob {
  key: string;
  kind: 'file' | 'url';
  /** the path or URL as given: recorded as the articles' source.uri and in messages */
  input: string;
  bytes?: Buffer;
  meta?: { published?: string; url?: string };
}

export interface Job {
  id: string;
  kind: 'file' | 'url';
  input: string;
  bytes: Buffer | null;
  meta: { published?: string; url?: string };
  attempts: number;
}

export interface ParkedJob { id: string; input: string; attempts: number; error: string }

export interface QueueStatus {
  counts: Record<JobStatus, number>;
  parked: ParkedJob[];
}

export interface Queue {
  /** Add jobs; a job whose key is already queued is left alone. With `again`, a done or parked one is queued afresh. */
  enqueue(jobs: NewJob[], opts?: { again?: boolean }): Promise<{ added: number; already: number; requeued: number }>;
  /** Take the oldest available job for `leaseMs`, or null when none is available now. */
  claim(worker: string, leaseMs: number): Promise<Job | null>;
  /** Extend the lease; false when the job is no longer this worker's (its lease ran out and someone took it). */
  renew(id: string, worker: string, leaseMs: number): Promise<boolean>;
  complete(id: string, worker: string, articles: number, warnings?: string): Promise<void>;
  /** A failed attempt: queued again after `retryMs`, or parked with the error once `maxAttempts` are used. */
  fail(id: string, worker: string, error: string, maxAttempts: number, retryMs: number): Promise<JobStatus>;
  /** Give a claimed job back untouched (shutdown before it was started): the attempt is not counted. */
  release(id: string, worker: string): Promise<void>;
  /** Park running jobs whose lease ran out after their last allowed attempt (the worker died on them each time). */
  parkAbandoned(maxAttempts: number): Promise<number>;
  /** Jobs still to do: queued, or running under a lease (that may yet run out). */
  open(): Promise<number>;
  status(parkedLimit?: number): Promise<QueueStatus>;
  /** Queue every parked job again with fresh attempts. */
  retryParked(): Promise<number>;
  /** Delete finished jobs (done; parked too with `parked`), and their bytes with them. */
  prune(opts?: { parked?: boolean }): Promise<number>;
  /** Resolves on the next NOTIFY from an enqueue, or after `ms`, or when `signal` aborts. */
  waitForWork(ms: number, signal?: AbortSignal): Promise<void>;
  close(): Promise<void>;
}

const CHANNEL = 'queue_jobs';

export function isPostgresUrl(s: string): boolean {
  return /^postgres(?:ql)?:\/\//i.test(s);
}

/** Connect, check the server answers, and bring the queue tables up to date. */
export async function openQueue(url: string): Promise<Queue> {
  const pool = new pg.Pool({ connectionString: url, max: 4 });
  // an idle client losing its connection (server restart) must not crash the process
  pool.on('error', () => {});
  try {
    await migrateQueue(pool);
  } catch (e) {
    await pool.end().catch(() => {});
    throw new Error(`${redact(url)}: cannot open the job queue (${describe(e)})`);
  }
  let listener: pg.Client | undefined;
  const waiters = new Set<() => void>();

  const q = <R extends pg.QueryResultRow>(text: string, values?: unknown[]) => pool.query<R>(text, values);

  return {
    async enqueue(jobs, opts = {}) {
      let added = 0, already = 0, requeued = 0;
      if (jobs.length === 0) return { added, already, requeued };
      await inTransaction(pool, async (client) => {
        for (const j of jobs) {
          const r = await client.query<{ fresh: boolean }>(
            `INSERT INTO queue_jobs (key, kind, input, bytes, meta) VALUES ($1, $2, $3, $4, $5)
             ON CONFLICT (key) DO ${opts.again
               ? `UPDATE SET status = 'queued', attempts = 0, run_after = now(), locked_by = NULL, locked_until = NULL,
                             last_error = NULL, articles = NULL, input = EXCLUDED.input, bytes = EXCLUDED.bytes, meta = EXCLUDED.meta, updated_at = now()
                  WHERE queue_jobs.status IN ('done', 'parked')`
               : 'NOTHING'}
             RETURNING (xmax = 0) AS fresh`,
            [j.key, j.kind, j.input, j.bytes ?? null, JSON.stringify(j.meta ?? {})]);
          if (r.rowCount === 0) already++;
          else if (r.rows[0].fresh) added++;
          else requeued++;
        }
        if (added + requeued > 0) await client.query(`NOTIFY ${CHANNEL}`);
      });
      return { added, already, requeued };
    },

    async claim(worker, leaseMs) {
      const r = await q<Job & { bytes: Buffer | null }>(
        `WITH next AS (
           SELECT id FROM queue_jobs
           WHERE (status = 'queued' AND run_after <= now()) OR (status = 'running' AND locked_until < now())
           ORDER BY id
           LIMIT 1
           FOR UPDATE SKIP LOCKED)
         UPDATE queue_jobs j
         SET status = 'running', attempts = j.attempts + 1, locked_by = $1,
             locked_until = now() + $2 * interval '1 millisecond', claimed_at = now(), updated_at = now()
         FROM next WHERE j.id = next.id
         RETURNING j.id, j.kind, j.input, j.bytes, j.meta, j.attempts`,
        [worker, leaseMs]);
      return r.rows[0] ?? null;
    },

    async renew(id, worker, leaseMs) {
      const r = await q(`UPDATE queue_jobs SET locked_until = now() + $3 * interval '1 millisecond'
                         WHERE id = $1 AND locked_by = $2 AND status = 'running'`, [id, worker, leaseMs]);
      return r.rowCount === 1;
    },

    async complete(id, worker, articles, warnings) {
      // Only the holder marks its job done; if the lease was lost and another worker took the job, that
      // worker finishes it (storing is idempotent, so the articles are there once either way).
      await q(`UPDATE queue_jobs SET status = 'done', articles = $3, last_error = $4, locked_by = NULL,
                                     locked_until = NULL, updated_at = now()
               WHERE id = $1 AND locked_by = $2 AND status = 'running'`, [id, worker, articles, warnings ?? null]);
    },

    async fail(id, worker, error, maxAttempts, retryMs) {
      const r = await q<{ status: JobStatus }>(
        `UPDATE queue_jobs
         SET status = CASE WHEN attempts >= $4 THEN 'parked' ELSE 'queued' END,
             run_after = now() + $5 * interval '1 millisecond',
             last_error = $3, locked_by = NULL, locked_until = NULL, updated_at = now()
         WHERE id = $1 AND locked_by = $2 AND status = 'running'
         RETURNING status`, [id, worker, error, maxAttempts, retryMs]);
      return r.rows[0]?.status ?? 'running';
    },

    async release(id, worker) {
      await q(`UPDATE queue_jobs SET status = 'queued', attempts = greatest(attempts - 1, 0), locked_by = NULL,
                                     locked_until = NULL, updated_at = now()
               WHERE id = $1 AND locked_by = $2 AND status = 'running'`, [id, worker]);
    },

    async parkAbandoned(maxAttempts) {
      const r = await q(
        `UPDATE queue_jobs
         SET status = 'parked', locked_by = NULL, locked_until = NULL, updated_at = now(),
             last_error = concat_ws(E'\\n', last_error,
               'lease ran out ' || attempts || ' time(s): the worker died or hung on this input (last held by ' || locked_by || ')')
         WHERE status = 'running' AND locked_until < now() AND attempts >= $1`, [maxAttempts]);
      return r.rowCount ?? 0;
    },

    async open() {
      const r = await q<{ n: string }>(`SELECT count(*) AS n FROM queue_jobs WHERE status IN ('queued', 'running')`);
      return Number(r.rows[0].n);
    },

    async status(parkedLimit = 50) {
      const counts: Record<JobStatus, number> = { queued: 0, running: 0, done: 0, parked: 0 };
      const c = await q<{ status: JobStatus; n: string }>('SELECT status, count(*) AS n FROM queue_jobs GROUP BY status');
      for (const row of c.rows) counts[row.status] = Number(row.n);
      const p = await q<ParkedJob>(`SELECT id, input, attempts, coalesce(last_error, '') AS error FROM queue_jobs
                                    WHERE status = 'parked' ORDER BY id LIMIT $1`, [parkedLimit]);
      return { counts, parked: p.rows };
    },

    async retryParked() {
      const r = await q(`UPDATE queue_jobs SET status = 'queued', attempts = 0, run_after = now(), updated_at = now()
                         WHERE status = 'parked'`);
      if (r.rowCount) await q(`NOTIFY ${CHANNEL}`);
      return r.rowCount ?? 0;
    },

    async prune(opts = {}) {
      const r = await q(`DELETE FROM queue_jobs WHERE status = 'done'${opts.parked ? " OR status = 'parked'" : ''}`);
      return r.rowCount ?? 0;
    },

    async waitForWork(ms, signal) {
      if (!listener) {
        // One dedicated connection LISTENs; a lost connection only means falling back to polling.
        const l = new pg.Client({ connectionString: url });
        l.on('error', () => { listener = undefined; });
        l.on('notification', () => { for (const w of waiters) w(); });
        try {
          await l.connect();
          await l.query(`LISTEN ${CHANNEL}`);
          listener = l;
        } catch {
          await l.end().catch(() => {});
        }
      }
      await new Promise<void>((resolve) => {
        const done = () => { clearTimeout(timer); waiters.delete(done); signal?.removeEventListener('abort', done); resolve(); };
        const timer = setTimeout(done, ms);
        waiters.add(done);
        signal?.addEventListener('abort', done, { once: true });
        if (signal?.aborted) done();
      });
    },

    async close() {
      await listener?.end().catch(() => {});
      await pool.end();
    },
  };
}

/** A connection URL with its password hidden, for messages. */
export function redact(url: string): string {
  return url.replace(/(\/\/[^:/@]*:)[^@]*@/, '$1***@');
}

function describe(e: unknown): string {
  const err = e as NodeJS.ErrnoException & { errors?: Error[] };
  if (err.code === 'ECONNREFUSED') return 'connection refused: is PostgreSQL running there?';
  if (err.errors?.length) return err.errors.map((x) => x.message).join('; ');
  return err.message || String(e);
}
