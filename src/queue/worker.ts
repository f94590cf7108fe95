// One worker process's loop: claim a job, analyse its input, store the articles, mark the job done.
// Storing is idempotent (an article's id is the hash of its text), so a worker that dies between storing
// and marking done costs a repeat of the analysis when the job is taken again, never a double article.
import { hostname } from 'node:os';
import { performance } from 'node:perf_hooks';
import { randomBytes } from 'node:crypto';
import type { ReadOptions } from '../ingest/index.ts';
import type { Article } from '../schema/article.ts';
import type { Job, Queue } from './queue.ts';
import { runJob, sweepStaleCopies, type JobOutcome } from './run-job.ts';

export type PutResult = 'inserted' | 'unchanged';

/** Consecutive failed looks at the queue (about a minute, backing off) before a worker gives up. */
const MAX_OUTAGES = 10;

export interface WorkerOptions {
  queue: Queue;
  /** store one article (sync or async); 'unchanged' when it was already stored */
  put: (article: Article) => PutResult | Promise<PutResult>;
  /** how long a claim holds without renewal; renewed every third of it while the job runs */
  leaseMs: number;
  /** claims per job before it is parked (a claim the worker died on counts) */
  maxAttempts: number;
  /** wait before a failed job may be tried again */
  retryMs: number;
  /** longest wait between looks at the queue when idle (a NOTIFY from enqueue wakes the worker sooner) */
  pollMs: number;
  /** return once no job is queued or running, instead of waiting for more */
  untilEmpty: boolean;
  /** abort to stop after the current job */
  signal?: AbortSignal;
  read?: ReadOptions;
  /**
   * jobs in hand at once (default 1). Analysis is synchronous, so two never run at the same moment, but
   * one job's analysis overlaps another's storing and queue round trips.
   */
  concurrency?: number;
  /** how this worker names itself in the queue (locked_by) */
  id?: string;
  log?: (line: string) => void;
  /** the analysis of one job; runJob unless a test replaces it */
  analyse?: (job: Job) => Promise<JobOutcome>;
}

export interface WorkerCounts {
  jobs: number;
  done: number;
  /** attempts that failed (the job queued again or parked) */
  failed: number;
  parked: number;
  inserted: number;
  unchanged: number;
  /** where the time went, in milliseconds: analysing inputs, storing articles, talking to the queue */
  ms: { analyse: number; store: number; queue: number };
}

export function workerId(): string {
  return `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
}

export async function runWorker(o: WorkerOptions): Promise<WorkerCounts> {
  const id = o.id ?? workerId();
  const log = o.log ?? (() => {});
  const analyse = o.analyse ?? ((job: Job) => runJob(job, o.read));
  if (!o.analyse) sweepStaleCopies();
  const counts: WorkerCounts = { jobs: 0, done: 0, failed: 0, parked: 0, inserted: 0, unchanged: 0, ms: { analyse: 0, store: 0, queue: 0 } };
  const timed = async <T>(part: keyof WorkerCounts['ms'], p: () => Promise<T>): Promise<T> => {
    const t = performance.now();
    try { return await p(); } finally { counts.ms[part] += performance.now() - t; }
  };
  const pollMs = Math.max(10, Math.min(o.pollMs, o.leaseMs / 2));

  await Promise.all(Array.from({ length: Math.max(1, o.concurrency ?? 1) }, () => loop()));
  return counts;

  async function loop(): Promise<void> {
    let outages = 0;
    while (!o.signal?.aborted) {
      try {
        const abandoned = await timed('queue', () => o.queue.parkAbandoned(o.maxAttempts));
        if (abandoned) { counts.parked += abandoned; log(`parked ${abandoned} job(s) whose lease ran out on every attempt`); }
        const job = await timed('queue', () => o.queue.claim(id, o.leaseMs));
        if (!job) {
          if (o.untilEmpty && (await timed('queue', () => o.queue.open())) === 0) break;
          // Nothing claimable now: wait for a NOTIFY, a retry coming due, or another worker's lease running out.
          await o.queue.waitForWork(pollMs, o.signal);
        } else {
          counts.jobs++;
          await work(job);
        }
        outages = 0;
      } catch (e) {
        // The database went away (restart, network): the job in hand, if any, comes back when its lease runs
        // out. Keep trying for a while rather than leave a fleet of workers dead after a short outage.
        if (++outages > MAX_OUTAGES) throw e;
        log(`queue unreachable (${(e as Error).message}); trying again (${outages}/${MAX_OUTAGES})`);
        await o.queue.waitForWork(Math.min(1000 * outages, 10_000), o.signal);
      }
    }
  }

  async function work(job: Job): Promise<void> {
    let lost = false;
    const beat = setInterval(() => {
      o.queue.renew(job.id, id, o.leaseMs)
        .then((held) => { if (!held && !lost) { lost = true; log(`${job.input}: lease lost (another worker may take the job)`); } })
        .catch((e: Error) => log(`${job.input}: could not renew the lease (${e.message})`));
    }, Math.max(5, Math.floor(o.leaseMs / 3)));
    try {
      let outcome: JobOutcome;
      try {
        outcome = await timed('analyse', () => analyse(job));
        if (outcome.articles.length === 0 && outcome.errors.length > 0) throw new Error(outcome.errors.join('\n'));
        const { articles } = outcome;
        await timed('store', async () => { for (const a of articles) counts[await o.put(a)]++; });
      } catch (e) {
        counts.failed++;
        const raw = e instanceof Error ? e.message : String(e);
        // input errors already name the input; a crash in analysis or storing does not
        const message = raw.startsWith(job.input) ? raw : `${job.input}: ${raw}`;
        const status = await timed('queue', () => o.queue.fail(job.id, id, message, o.maxAttempts, o.retryMs));
        if (status === 'parked') counts.parked++;
        log(`${message}${status === 'parked' ? ` (parked after ${job.attempts} attempt(s))` : status === 'queued' ? ` (attempt ${job.attempts} of ${o.maxAttempts}; will retry)` : ''}`);
        return;
      }
      await timed('queue', () => o.queue.complete(job.id, id, outcome.articles.length, outcome.errors.length ? outcome.errors.join('\n') : undefined));
      for (const err of outcome.errors) log(err);
      counts.done++;
    } finally {
      clearInterval(beat);
    }
  }
}
