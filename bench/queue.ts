// Distributed ingest through the PostgreSQL job queue: the same folder enqueued, then taken by 1 and by 2
// `wirewatch worker --until-empty` processes, each run in a fresh database of its own (queue and store).
//   npm run bench:queue [-- --data DIR] [--repeat N] [--pg URL] [--store postgres|sqlite] [--concurrency N] [--predictions-out FILE]
// Default data: PolNeAR dev texts beside the repo (read at run time, never copied into it), written to a
// scratch folder --repeat times (default 5), each copy tagged so it is a distinct article (its own content
// hash: a distinct job and a distinct stored article). --pg is the server's maintenance database; the
// bench creates and drops a database `ww_q_bench_…` per run. articles/s is counted over the processing
// window (first claim to last job done, from the queue table); wall time adds the workers' start-up.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { listInputs } from '../src/ingest/index.ts';
import { benchArgs, REPO_ROOT } from './args.ts';

const args = benchArgs('quotes/polnear/dev/text', {
  repeat: { type: 'string', default: '5' },
  pg: { type: 'string', default: process.env.WIREWATCH_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/postgres' },
  store: { type: 'string', default: 'postgres' },
  concurrency: { type: 'string', default: '1' },
});
const BIN = join(REPO_ROOT, 'bin/wirewatch.js');
const dataDir = resolve(args.data!);
const repeat = Math.max(1, Number(args.repeat));
if (args.store !== 'postgres' && args.store !== 'sqlite') {
  console.error('bench: --store is postgres or sqlite');
  process.exit(2);
}

const files = listInputs([dataDir]);
if (files.length === 0) {
  console.error(`bench: no articles found under ${dataDir}`);
  process.exit(2);
}

// ------------------------------------------------------------------------------- the corpus, copied
const scratch = mkdtempSync(join(tmpdir(), 'wirewatch-bench-queue-'));
const corpus = join(scratch, 'corpus');
let articles = 0;
for (let copy = 0; copy < repeat; copy++) {
  for (const f of files) {
    const out = join(corpus, String(copy).padStart(3, '0'), relative(dataDir, f));
    mkdirSync(resolve(out, '..'), { recursive: true });
    writeFileSync(out, vary(readFileSync(f, 'utf8'), copy));
    articles++;
  }
}

// ------------------------------------------------------------------------------- the runs
interface Run {
  workers: number;
  done: number;
  parked: number;
  stored: number;
  wallSeconds: number;
  processingSeconds: number;
  perWorker: number[];
  /** seconds summed over the workers: analysing, storing, on the queue */
  split: { analyse: number; store: number; queue: number };
  ids: { id: string; uri: string | null }[];
}

const runs: Run[] = [];
try {
  for (const workers of [1, 2]) runs.push(await run(workers));
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

// ------------------------------------------------------------------------------- the table
const rate = (r: Run) => r.done / r.processingSeconds;
const speedUp = rate(runs[1]) / rate(runs[0]);
const rows: [string, string, string, string][] = [
  ['articles (jobs)', String(articles), String(articles), ''],
  ['done', String(runs[0].done), String(runs[1].done), ''],
  ['parked', String(runs[0].parked), String(runs[1].parked), ''],
  ['articles stored', String(runs[0].stored), String(runs[1].stored), ''],
  ['jobs per worker', runs[0].perWorker.join(' + '), runs[1].perWorker.join(' + '), ''],
  ['wall s (with start-up)', runs[0].wallSeconds.toFixed(2), runs[1].wallSeconds.toFixed(2), ''],
  ['processing s', runs[0].processingSeconds.toFixed(2), runs[1].processingSeconds.toFixed(2), 'first claim to last job done'],
  ['analysing s (all workers)', runs[0].split.analyse.toFixed(1), runs[1].split.analyse.toFixed(1), ''],
  ['storing s (all workers)', runs[0].split.store.toFixed(1), runs[1].split.store.toFixed(1), ''],
  ['queue s (all workers)', runs[0].split.queue.toFixed(1), runs[1].split.queue.toFixed(1), 'claim, complete, look-ups'],
  ['articles/s', rate(runs[0]).toFixed(1), rate(runs[1]).toFixed(1), 'GDELT ~8.4/s (730,000/day)'],
  ['articles/s (wall)', (runs[0].done / runs[0].wallSeconds).toFixed(1), (runs[1].done / runs[1].wallSeconds).toFixed(1), ''],
  ['speed-up', '1.00', speedUp.toFixed(2), 'bar: >= 1.8 from 1 to 2 workers (2 cores)'],
];
const head: [string, string, string] = ['metric', '1 worker', '2 workers'];
const w = [0, 1, 2].map((i) => Math.max(head[i].length, ...rows.map((r) => r[i].length)));
console.log(`data: ${dataDir} × ${repeat} (${articles} articles), store: ${args.store}, jobs in hand per worker: ${args.concurrency}`);
console.log(`${head[0].padEnd(w[0])}  ${head[1].padStart(w[1])}  ${head[2].padStart(w[2])}  anchor`);
for (const r of rows) console.log(`${r[0].padEnd(w[0])}  ${r[1].padStart(w[1])}  ${r[2].padStart(w[2])}  ${r[3]}`.trimEnd());

if (args['predictions-out']) {
  writeFileSync(args['predictions-out'], runs[1].ids.map((x) => JSON.stringify(x)).join('\n') + '\n');
  console.log(`predictions: ${args['predictions-out']}`);
}
console.log(`queue: ${rate(runs[0]).toFixed(1)} articles/s with 1 worker, ${rate(runs[1]).toFixed(1)} with 2, speed-up ${speedUp.toFixed(2)}× (${articles} articles, ${args.store} store)`);

/** One run: a fresh database, the corpus enqueued (not timed), `workers` processes until the queue is empty. */
async function run(workers: number): Promise<Run> {
  const name = `ww_q_bench_${randomBytes(4).toString('hex')}`;
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(args.pg!);
  url.pathname = `/${name}`;
  const db = url.toString();
  const storeTarget = args.store === 'postgres' ? db : join(scratch, `store-${workers}.db`);
  try {
    const enq = spawnSync(process.execPath, [BIN, 'enqueue', corpus, '--db', db], { encoding: 'utf8' });
    if (enq.status !== 0) throw new Error(`enqueue failed: ${enq.stderr}`);
    const started = performance.now();
    const outs = await Promise.all(Array.from({ length: workers }, () => worker(['--db', db, '--store', storeTarget, '--until-empty', '--concurrency', args.concurrency!])));
    const wallSeconds = (performance.now() - started) / 1000;
    const perWorker = outs.map((o) => Number(/(\d+) done/.exec(o)?.[1] ?? 0));
    const sum = (re: RegExp) => outs.reduce((n, o) => n + Number(re.exec(o)?.[1] ?? 0), 0);
    const split = { analyse: sum(/analysing ([\d.]+)/), store: sum(/storing ([\d.]+)/), queue: sum(/on the queue ([\d.]+)/) };
    const q = await query<{ done: string; parked: string; seconds: number }>(db,
      `SELECT count(*) FILTER (WHERE status = 'done') AS done, count(*) FILTER (WHERE status = 'parked') AS parked,
              extract(epoch FROM max(updated_at) FILTER (WHERE status = 'done') - min(claimed_at)) AS seconds
       FROM queue_jobs`);
    const ids = args.store === 'postgres'
      ? await query<{ id: string; uri: string | null }>(db, 'SELECT id, uri FROM articles ORDER BY id')
      : sqliteIds(storeTarget);
    return {
      workers, done: Number(q[0].done), parked: Number(q[0].parked), stored: ids.length, ids,
      wallSeconds, processingSeconds: Number(q[0].seconds), perWorker, split,
    };
  } finally {
    await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  }
}

function worker(argv: string[]): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [BIN, 'worker', ...argv], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d) => { out += d; });
    child.on('close', (code) => (code === 0 ? resolvePromise(out) : reject(new Error(`worker exited with ${code}`))));
  });
}

function sqliteIds(file: string): { id: string; uri: string | null }[] {
  const r = spawnSync(process.execPath, ['-e', `const D=require('better-sqlite3');const d=new D(process.argv[1],{readonly:true});` +
    `process.stdout.write(JSON.stringify(d.prepare('SELECT id, uri FROM articles ORDER BY id').all()))`, file], { encoding: 'utf8', cwd: REPO_ROOT });
  return JSON.parse(r.stdout) as { id: string; uri: string | null }[];
}

async function admin(sql: string): Promise<void> {
  await query(args.pg!, sql);
}

async function query<R extends pg.QueryResultRow>(url: string, sql: string): Promise<R[]> {
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
  } catch (e) {
    throw new Error(`bench: PostgreSQL not reachable at ${url} (${(e as Error).message}); give --pg URL`);
  }
  try {
    return (await client.query<R>(sql)).rows;
  } finally {
    await client.end();
  }
}

/**
 * Copy `copy` of an article, different in its text (so a distinct job and a distinct stored article). The
 * tag goes at the end of the middle paragraph, the likeliest to be body text: a tag on the last line may
 * fall in a credit or share line that cleaning removes, and the copy would be the same article again.
 */
function vary(content: string, copy: number): string {
  if (copy === 0) return content;
  const tag = ` [${copy}]`;
  const html = /<\/p>/i.test(content);
  const ends = html ? [...content.matchAll(/<\/p>/gi)].map((m) => m.index) : [...content.matchAll(/\S(?=[ \t]*\n\s*\n)/g)].map((m) => m.index + 1);
  if (ends.length === 0) return content.replace(/(\S)(\s*)$/, `$1${tag}$2`);
  const at = ends[Math.floor(ends.length / 2)];
  return content.slice(0, at) + tag + content.slice(at);
}
