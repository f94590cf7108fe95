// `wirewatch enqueue`, `wirewatch worker` and `wirewatch queue status|retry`: one ingest shared by any
// number of worker processes on any number of machines, through a job table in PostgreSQL.
// The queue code (and the pipeline a worker loads) is imported only when one of these commands runs.
import { Command, InvalidArgumentError, Option } from 'commander';
import { InputError } from '../errors.ts';
import { parsePublished } from '../ingest/published.ts';

const queueDb = () => new Option('--db <url>', 'PostgreSQL database holding the queue: postgres://user@host:port/name').makeOptionMandatory()
  .argParser((v: string) => {
    if (!/^postgres(?:ql)?:\/\//i.test(v)) throw new InvalidArgumentError('the job queue lives in PostgreSQL: give a postgres:// URL');
    return v;
  });
const collect = (value: string, list: string[]) => [...list, value];

export function addQueueCommands(program: Command): void {
  program.command('enqueue')
    .description('queue inputs for `wirewatch worker` processes: files, folders (recursively, as ingest), URLs, feeds')
    .argument('<paths...>', 'files, folders, URLs, or - for stdin')
    .addOption(queueDb())
    .option('--published <date>', 'publication date for these inputs (YYYY-MM-DD or ISO date-time with offset)')
    .option('--url <url>', 'where the article was published (for a single article)')
    .option('--again', 'queue inputs already done or parked once more (say, a feed to read again)')
    .addHelpText('after', '\nA file is queued with its bytes (and its sidecar metadata), so workers need not see this file system;\n' +
      'a URL is fetched by the worker that takes it. Enqueueing the same file (same bytes) or URL twice makes one job.\n' +
      'Exit status: 0 when every input was queued (or already was), 2 when any could not be read.')
    .action(async (paths: string[], o: { db: string; published?: string; url?: string; again?: boolean }) => {
      const meta = { published: o.published === undefined ? undefined : parsePublished(o.published), url: o.url };
      const { openQueue, inputJobs, redact } = await import('../queue/index.ts');
      const queue = await openQueue(o.db);
      const total = { added: 0, already: 0, requeued: 0, unreadable: 0 };
      try {
        let chunk: import('../queue/index.ts').NewJob[] = [];
        let bytes = 0;
        const flush = async () => {
          const r = await queue.enqueue(chunk, { again: o.again });
          total.added += r.added; total.already += r.already; total.requeued += r.requeued;
          chunk = []; bytes = 0;
        };
        for (const j of inputJobs(paths, meta)) {
          if (j instanceof InputError) { total.unreadable++; process.stderr.write(`wirewatch: ${j.message}\n`); continue; }
          chunk.push(j);
          bytes += j.bytes?.length ?? 0;
          // one transaction per chunk: bounded memory, and a large enqueue shows up for workers as it goes
          if (chunk.length >= 200 || bytes >= 32 << 20) await flush();
        }
        await flush();
      } finally {
        await queue.close();
      }
      process.stdout.write(`${redact(o.db)}: ${total.added} queued, ${total.already} already queued` +
        `${o.again ? `, ${total.requeued} queued again` : ''}, ${total.unreadable} unreadable\n`);
      if (total.unreadable > 0) process.exitCode = 2;
    });

  program.command('worker')
    .description('take jobs from the PostgreSQL queue (filled by `wirewatch enqueue`), analyse them and store the articles')
    .addOption(queueDb())
    .option('--store <target>', 'where articles are stored (default: the --db database; a file path for SQLite)')
    .addOption(new Option('--lease <duration>', 'how long a claimed job is held without renewal (renewed while it runs): 500ms, 30s, 2m').default(30_000, '30s').argParser((v) => duration(v)))
    .addOption(new Option('--max-attempts <n>', 'attempts before an input is parked with its error').default(3).argParser(positiveInt))
    .addOption(new Option('--retry-delay <duration>', 'wait before a failed input is tried again (0 for none)').default(5_000, '5s').argParser((v) => duration(v, true)))
    .addOption(new Option('--poll <duration>', 'longest wait between looks at the queue when idle').default(5_000, '5s').argParser((v) => duration(v)))
    .addOption(new Option('--concurrency <n>', 'jobs in hand at once: one analyses while another is being stored').default(1).argParser(positiveInt))
    .option('--until-empty', 'exit once no job is queued or running (instead of waiting for more)')
    .option('--allow-private', 'allow fetching from loopback, private and link-local addresses (refused by default)')
    .addOption(new Option('--actors <file>', 'extra actor dictionary (JSON, or PETRARCH .actors.txt); repeatable').argParser(collect).default([]))
    .addHelpText('after', '\nRun as many workers as you like, on as many machines: each job goes to one worker at a time.\n' +
      'A worker that dies leaves its job to be taken again once the lease runs out; an input that fails\n' +
      '--max-attempts times (a crash on it counts) is parked: see `wirewatch queue status`.\n' +
      'SIGINT/SIGTERM: finish the current job, then exit (a second signal exits at once; the lease returns the job).')
    .action(async (o: { db: string; store?: string; lease: number; maxAttempts: number; retryDelay: number; poll: number; concurrency: number; untilEmpty?: boolean; allowPrivate?: boolean; actors: string[] }) => {
      const { checkActorFiles } = await import('./actor-files.ts');
      checkActorFiles(o.actors);
      const { openQueue, runWorker, workerId } = await import('../queue/index.ts');
      const { openStoreTarget } = await import('../queue/store-target.ts');
      const store = await openStoreTarget(o.store ?? o.db);
      let queue;
      try {
        queue = await openQueue(o.db);
      } catch (e) {
        await store.close();
        throw e;
      }
      const id = workerId();
      const log = (line: string) => process.stderr.write(`wirewatch: worker ${id}: ${line}\n`);
      const stop = new AbortController();
      const onSignal = (sig: string) => {
        if (stop.signal.aborted) process.exit(130);
        log(`${sig}: finishing the current job, then exiting`);
        stop.abort();
      };
      process.on('SIGINT', onSignal);
      process.on('SIGTERM', onSignal);
      try {
        const c = await runWorker({
          queue, put: store.put, id, log, signal: stop.signal,
          leaseMs: o.lease, maxAttempts: o.maxAttempts, retryMs: o.retryDelay, pollMs: o.poll, concurrency: o.concurrency, untilEmpty: o.untilEmpty === true,
          read: { allowPrivate: o.allowPrivate, actors: o.actors },
        });
        process.stdout.write(`worker ${id}: ${c.jobs} jobs, ${c.done} done, ${c.inserted} inserted, ${c.unchanged} unchanged, ` +
          `${c.failed} failed attempts, ${c.parked} parked; seconds analysing ${(c.ms.analyse / 1000).toFixed(1)}, ` +
          `storing ${(c.ms.store / 1000).toFixed(1)}, on the queue ${(c.ms.queue / 1000).toFixed(1)}\n`);
      } finally {
        process.off('SIGINT', onSignal);
        process.off('SIGTERM', onSignal);
        await queue.close();
        await store.close();
      }
    });

  const queue = program.command('queue').description('look after the PostgreSQL job queue');
  queue.command('status')
    .description('jobs by status, and the parked ones with their errors')
    .addOption(queueDb())
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .addOption(new Option('--limit <n>', 'parked jobs listed at most').default(50).argParser(positiveInt))
    .action(async (o: { db: string; format: 'text' | 'json'; limit: number }) => {
      const { openQueue } = await import('../queue/index.ts');
      const q = await openQueue(o.db);
      try {
        const s = await q.status(o.limit);
        if (o.format === 'json') { process.stdout.write(`${JSON.stringify(s, null, 2)}\n`); return; }
        const { queued, running, done, parked } = s.counts;
        process.stdout.write(`queued ${queued}, running ${running}, done ${done}, parked ${parked}\n`);
        for (const p of s.parked) {
          process.stdout.write(`parked #${p.id} ${p.input} after ${p.attempts} attempt(s):\n${p.error.replace(/^/gm, '  ')}\n`);
        }
        if (parked > s.parked.length) process.stdout.write(`… and ${parked - s.parked.length} more parked (--limit)\n`);
      } finally {
        await q.close();
      }
    });
  queue.command('retry')
    .description('queue every parked job again, with fresh attempts (after fixing what made them fail)')
    .addOption(queueDb())
    .action(async (o: { db: string }) => {
      const { openQueue } = await import('../queue/index.ts');
      const q = await openQueue(o.db);
      try {
        process.stdout.write(`${await q.retryParked()} parked job(s) queued again\n`);
      } finally {
        await q.close();
      }
    });
  queue.command('prune')
    .description('delete done jobs and the input bytes they keep (enqueueing the same input later makes a new job)')
    .addOption(queueDb())
    .option('--parked', 'delete parked jobs too')
    .action(async (o: { db: string; parked?: boolean }) => {
      const { openQueue } = await import('../queue/index.ts');
      const q = await openQueue(o.db);
      try {
        process.stdout.write(`${await q.prune({ parked: o.parked })} job(s) deleted\n`);
      } finally {
        await q.close();
      }
    });
}

/** "500ms", "30s", "2m", or a bare number of seconds, as milliseconds. */
export function duration(s: string, zeroAllowed = false): number {
  const m = /^(\d+(?:\.\d+)?)\s*(ms|s|m|h)?$/.exec(s.trim());
  if (!m) throw new InvalidArgumentError('expected a duration such as 500ms, 30s or 2m');
  const ms = Number(m[1]) * { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }[m[2] ?? 's']!;
  if (ms <= 0 && !zeroAllowed) throw new InvalidArgumentError('must be more than zero');
  return ms;
}

function positiveInt(s: string): number {
  const n = Number(s);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('expected a whole number of at least 1');
  return n;
}
