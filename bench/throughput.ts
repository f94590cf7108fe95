// Throughput from files to stored events, on one core and on all of them.
//   npm run bench:throughput [-- --data DIR] [--articles N] [--workers N] [--pg URL|none] [--corpus-out DIR] [--predictions-out FILE]
// Default data: the shared benchmark articles beside the repo (PolNeAR dev texts, the article-extraction
// HTML pages, the TempEval-3 news texts), read at run time and never copied into the repo. They are
// written, varied per copy so every copy is a distinct article, to a scratch folder until there are
// --articles of them (default 5,000), then ingested by `wirewatch ingest` with 1 worker (free, and held to one
// core), with one worker per core, and as one separate 1-worker ingest per core of an equal share each (the
// machine's own ceiling), each run in fresh processes and fresh databases. Besides each run's whole rate, its
// rate over its second half, when every worker has warmed up.
import '../src/jit.mjs'; // the engine's V8 settings, as the CLI and its workers run with them
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { gunzipSync } from 'node:zlib';
import { decodeHTML } from 'entities';
import { Document } from '../src/document.ts';
import { STAGES, contentId } from '../src/pipeline.ts';
import { toArticle } from '../src/schema/to-article.ts';
import type { Article } from '../src/schema/article.ts';
import { openStore } from '../src/store/index.ts';
import { ingestFiles } from '../src/cli/ingest-files.ts';
import { listInputs } from '../src/ingest/index.ts';
import { benchArgs, REPO_ROOT } from './args.ts';

const args = benchArgs('', {
  articles: { type: 'string', default: '5000' },
  workers: { type: 'string', default: String(availableParallelism()) },
  // internal: one timed ingest run, in its own process so its memory and start-up are its own
  // a third run stores into a fresh database on this PostgreSQL server (its maintenance database); 'none' skips it
  pg: { type: 'string', default: process.env.WIREWATCH_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/postgres' },
  // write the corpus to this folder and keep it (to ingest it by hand, or to look at it)
  'corpus-out': { type: 'string' },
  child: { type: 'string' },
  db: { type: 'string' },
});

if (args.child) {
  const store = await openStore(args.db!);
  const t = performance.now();
  // `@FILE`: the inputs listed in FILE, one per line
  const inputs = args.child.startsWith('@') ? readFileSync(args.child.slice(1), 'utf8').split('\n').filter(Boolean) : [args.child];
  // when half the articles are stored: the rate after it is the warm rate, each worker's JIT warm-up behind it
  const total = listInputs(inputs).length;
  let half: { at: number; stored: number } | undefined;
  const c = await ingestFiles(store, inputs, {}, undefined, {
    workers: Number(args.workers),
    onStored: (n) => { if (!half && n.inserted + n.unchanged + n.failed >= total / 2) half = { at: performance.now(), stored: n.inserted + n.unchanged }; },
  });
  const end = performance.now();
  const seconds = (end - t) / 1000;
  const warmRate = half && end > half.at ? (c.inserted + c.unchanged - half.stored) / ((end - half.at) / 1000) : 0;
  await store.close();
  const u = process.resourceUsage(); // all threads of the process: the CPU the work took, whatever else ran
  process.stdout.write(JSON.stringify({ seconds, ...c, warmRate, rssMb: u.maxRSS / 1024, cpuSeconds: (u.userCPUTime + u.systemCPUTime) / 1e6 }));
  process.exit(0);
}

interface Item { name: string; ext: 'txt' | 'html'; content: string; published?: string }

const dataDir = resolve(args.data!);
const items = collect(dataDir);
if (items.length === 0) {
  console.error(`bench: no articles found under ${dataDir}`);
  process.exit(2);
}
const target = Math.max(items.length, Number(args.articles));
const allCores = Math.max(1, Number(args.workers));

// ------------------------------------------------------------- cost by stage, one thread, distinct articles
const stageMs = new Map<string, number>(STAGES.map((s) => [s.name, 0]));
let storeMs = 0, toArticleMs = 0;
const scratch = mkdtempSync(join(tmpdir(), 'wirewatch-bench-'));
const analyses: Article[] = [];
{
  const store = await openStore(join(scratch, 'stages.db'));
  const run = async (it: Item, record: boolean) => {
    const doc = new Document(it.content, { published: it.published }, it.name);
    if (it.ext === 'html') doc.format = 'html';
    for (const s of STAGES) {
      const t = performance.now();
      s.run(doc, {});
      if (record) stageMs.set(s.name, stageMs.get(s.name)! + performance.now() - t);
    }
    let t = performance.now();
    const a = toArticle(doc, contentId(doc.text));
    if (record) toArticleMs += performance.now() - t;
    t = performance.now();
    if (a.text !== '') await store.put(a);
    if (record) { storeMs += performance.now() - t; analyses.push(a); }
  };
  await run(items[0], false); // warm-up: JIT, lazy-loaded tables
  for (const it of items) await run(it, true);
  await store.close();
}

// -------------------------------------------------------------------------- the corpus, written as files
const corpus = args['corpus-out'] ? resolve(args['corpus-out']) : join(scratch, 'corpus');
let bytes = 0, written = 0;
for (let copy = 0; written < target; copy++) {
  const dir = join(corpus, String(copy).padStart(4, '0'));
  mkdirSync(dir, { recursive: true });
  for (const it of items) {
    if (written >= target) break;
    const content = vary(it, copy);
    const file = join(dir, `${it.name}.${it.ext}`);
    writeFileSync(file, content);
    if (it.published) writeFileSync(join(dir, `${it.name}.meta.json`), JSON.stringify({ published: it.published }));
    bytes += Buffer.byteLength(content);
    written++;
  }
}

// ------------------------------------------------------------------------------ timed ingests, 1 and N workers
interface RunResult {
  seconds: number; inserted: number; unchanged: number; failed: number; rssMb: number; cpuSeconds: number;
  /** articles/s over the second half of the run */
  warmRate: number;
}
const runs: { workers: number; store: string; oneCore?: boolean; apart?: boolean; r: RunResult }[] = [];
// `oneCore`: the run is held to a single core (taskset), as on a one-core machine. A one-worker run left free
// also uses part of the second core (V8 collects garbage and compiles on helper threads), so it is not
// the single-core figure that the speed-up of adding a core is measured against.
const childArgv = (input: string, db: string, workers: number) => [process.execPath, '--import', 'tsx',
  join(REPO_ROOT, 'bench/throughput.ts'), '--child', input, '--db', db, '--workers', String(workers)];
const timed = (workers: number, db: string, oneCore = false): RunResult => {
  const [command, ...argv] = [...(oneCore ? ['taskset', '-c', '0'] : []), ...childArgv(corpus, db, workers)];
  const out = spawnSync(command, argv, { encoding: 'utf8', maxBuffer: 1 << 26 });
  if (out.status !== 0) {
    console.error(`bench: the ${workers}-worker run${oneCore ? ' on one core' : ''} failed:\n${out.error?.message ?? out.stderr}`);
    process.exit(1);
  }
  return JSON.parse(out.stdout) as RunResult;
};
/**
 * What the machine itself allows: `n` wholly separate 1-worker ingests at once, each of its own share of the
 * corpus into its own database file, sharing nothing but the hardware. Its speed-up over the 1-worker run
 * is the ceiling for any way of spreading this work over the cores.
 */
const independent = async (n: number): Promise<RunResult> => {
  // every n-th article (with its .meta.json), so each share has the same mix of pages and texts
  const articles = walk(corpus).filter((f) => !f.endsWith('.meta.json'));
  const shares = Array.from({ length: n }, (_, i) => {
    const list = join(scratch, `independent-${i}.list`);
    writeFileSync(list, articles.filter((_, j) => j % n === i).join('\n'));
    return `@${list}`;
  });
  const t = performance.now();
  const results = await Promise.all(shares.map((share, i) => new Promise<RunResult>((done) => {
    const [command, ...argv] = childArgv(share, join(scratch, `independent-${i}.db`), 1);
    const child = spawn(command, argv, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '', err = '';
    child.stdout.on('data', (d) => { out += d; });
    child.stderr.on('data', (d) => { err += d; });
    child.on('close', (code) => {
      if (code !== 0) {
        console.error(`bench: independent ingest ${i + 1} of ${n} failed:\n${err}`);
        process.exit(1);
      }
      done(JSON.parse(out) as RunResult);
    });
  })));
  const sum = (k: 'inserted' | 'unchanged' | 'failed' | 'cpuSeconds' | 'rssMb' | 'warmRate') => results.reduce((a, r) => a + r[k], 0);
  return { seconds: (performance.now() - t) / 1000, inserted: sum('inserted'), unchanged: sum('unchanged'), failed: sum('failed'), rssMb: sum('rssMb'),
    cpuSeconds: sum('cpuSeconds'), warmRate: sum('warmRate') };
};
const canPin = allCores > 1 && spawnSync('taskset', ['-c', '0', 'true']).status === 0;
for (const [workers, oneCore] of [[1, false], ...(canPin ? [[1, true]] : []), ...(allCores > 1 ? [[allCores, false]] : [])] as [number, boolean][]) {
  const db = join(scratch, `ingest-${workers}${oneCore ? '-pinned' : ''}.db`);
  runs.push({ workers, store: 'SQLite', oneCore, r: timed(workers, db, oneCore) });
  rmSync(db, { force: true });
}
if (allCores > 1) runs.push({ workers: allCores, store: 'SQLite', apart: true, r: await independent(allCores) });
let pgNote = '';
if (args.pg !== 'none') {
  const name = `ww_bench_${randomBytes(5).toString('hex')}`;
  const admin = async (q: string) => {
    const c = new pg.Client({ connectionString: args.pg });
    await c.connect();
    try { await c.query(q); } finally { await c.end(); }
  };
  try {
    await admin(`CREATE DATABASE ${name}`);
    const url = new URL(args.pg!);
    url.pathname = `/${name}`;
    try {
      runs.push({ workers: allCores, store: 'PostgreSQL', r: timed(allCores, url.toString()) });
    } finally {
      await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    }
  } catch (e) {
    pgNote = `PostgreSQL run skipped: ${(e as Error).message} (give --pg URL, or --pg none)`;
  }
}

// ------------------------------------------------------------------------------------------------- report
const n = items.length;
const analysisMs = [...stageMs.values()].reduce((a, b) => a + b, 0) + toArticleMs;
console.log(`data: ${dataDir} (${n} distinct articles: ${items.filter((i) => i.ext === 'txt').length} text, ${items.filter((i) => i.ext === 'html').length} HTML; ` +
  `${written} written, ${(bytes / 1e6).toFixed(1)} MB)`);
console.log(`machine: ${availableParallelism()} cores\n`);
const table = (head: string[], rows: string[][]) => {
  const w = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  for (const r of [head, ...rows]) console.log(r.map((c, i) => (i === 0 ? c.padEnd(w[i]) : c.padStart(w[i]))).join('  ').trimEnd());
};
console.log('cost by stage, one thread, ms per article');
table(['stage', 'ms', 'share'], [
  ...[...stageMs].map(([k, v]) => [k, (v / n).toFixed(2), `${((v / (analysisMs + storeMs)) * 100).toFixed(1)}%`]),
  ['to-article', (toArticleMs / n).toFixed(2), `${((toArticleMs / (analysisMs + storeMs)) * 100).toFixed(1)}%`],
  ['store (SQLite)', (storeMs / n).toFixed(2), `${((storeMs / (analysisMs + storeMs)) * 100).toFixed(1)}%`],
  ['total', ((analysisMs + storeMs) / n).toFixed(2), '100%'],
]);
console.log('\nend to end, files to stored events (`wirewatch ingest --workers N`)');
const base = runs[0].r;
const perSec = (r: RunResult) => (r.inserted + r.unchanged) / r.seconds;
table(['store', 'workers', 'articles', 'failed', 'seconds', 'CPU ms/article', 'articles/s', 'MB/s', 'peak RSS MB', 'speed-up', '2nd half /s', 'speed-up', 'anchor'], runs.map(({ workers, store, oneCore, apart, r }) => [
  apart ? `SQLite ×${workers} files` : store, oneCore ? `${workers}, one core` : apart ? `${workers} processes × 1` : String(workers), String(r.inserted + r.unchanged), String(r.failed), r.seconds.toFixed(1), (r.cpuSeconds * 1000 / (r.inserted + r.unchanged + r.failed)).toFixed(1), perSec(r).toFixed(1),
  (bytes / 1e6 / r.seconds).toFixed(2), r.rssMb.toFixed(0), `${(perSec(r) / perSec(base)).toFixed(2)}×`,
  r.warmRate ? r.warmRate.toFixed(1) : '–', warmRatio(r, base),
  oneCore ? 'taskset -c 0: as on a one-core machine' : apart ? 'ceiling: separate ingests sharing only the machine' : workers === 1 ? 'news-please ~1/s (users report); GDELT ~8.4/s (730,000/day)' : store === 'SQLite' ? 'bar ≥ 100/s and ≥ 1.8× on 2 cores' : '',
]));
if (pgNote) console.log(pgNote);
// (a run too short to have a second half apart from its first batch has no warm rate)
function warmRatio(r: RunResult, base: RunResult): string {
  return r.warmRate > 0 && base.warmRate > 0 ? `${(r.warmRate / base.warmRate).toFixed(2)}×` : 'n/a';
}
const best = runs.filter((r) => r.store === 'SQLite' && !r.apart).at(-1)!;
const apart = runs.find((r) => r.apart);
const pinned = runs.find((r) => r.oneCore);
const onPg = runs.find((r) => r.store === 'PostgreSQL');
if (args['predictions-out']) {
  writeFileSync(args['predictions-out'], analyses.map((a) => JSON.stringify(a)).join('\n') + '\n');
  console.log(`predictions: ${args['predictions-out']} (the ${analyses.length} distinct analyses)`);
}
rmSync(scratch, { recursive: true, force: true });
console.log(`throughput: ${perSec(best.r).toFixed(1)} articles/s with ${best.workers} workers, ${perSec(base).toFixed(1)} with 1 ` +
  `(${(perSec(best.r) / perSec(base)).toFixed(2)}×${pinned ? `; ${perSec(pinned.r).toFixed(1)} on one core, ${(perSec(best.r) / perSec(pinned.r)).toFixed(2)}×` : ''}` +
  `${apart ? `; ceiling ${(perSec(apart.r) / perSec(base)).toFixed(2)}× with ${apart.workers} separate processes` : ''}` +
  `; second half of each run ${warmRatio(best.r, base)}), ${(bytes / 1e6 / best.r.seconds).toFixed(2)} MB/s, peak RSS ${best.r.rssMb.toFixed(0)} MB, ` +
  `${onPg ? `PostgreSQL ${perSec(onPg.r).toFixed(1)} articles/s, ` : ''}${written} articles`);

// -------------------------------------------------------------------------------------------------- input
/** The shared benchmarks' news articles, or any folder of .txt / .html files. */
function collect(dir: string): Item[] {
  const out: Item[] = [];
  const polnear = join(dir, 'quotes/polnear/dev/text');
  const pages = join(dir, 'article-extraction/html');
  const tempeval = join(dir, 'time-tempeval3');
  const known = [polnear, pages, tempeval].filter(existsSync);
  if (known.length === 0) {
    for (const f of walk(dir)) {
      if (/\.(txt|text)$/i.test(f)) out.push({ name: stem(f), ext: 'txt', content: readFileSync(f, 'utf8'), published: dateInName(f) });
      else if (/\.html?(\.gz)?$/i.test(f)) out.push({ name: stem(f), ext: 'html', content: html(f) });
    }
    return out;
  }
  if (existsSync(polnear)) for (const f of walk(polnear)) if (f.endsWith('.txt')) out.push({ name: stem(f), ext: 'txt', content: readFileSync(f, 'utf8'), published: dateInName(f) });
  if (existsSync(pages)) for (const f of walk(pages)) if (/\.html?(\.gz)?$/.test(f)) out.push({ name: stem(f), ext: 'html', content: html(f) });
  if (existsSync(tempeval)) {
    for (const f of walk(tempeval)) {
      if (!f.endsWith('.tml')) continue;
      const xml = readFileSync(f, 'utf8');
      const text = /<TEXT>([\s\S]*?)<\/TEXT>/.exec(xml)?.[1];
      if (!text) continue;
      const dct = /<DCT>\s*<TIMEX3[^>]*\bvalue="(\d{4}-\d{2}-\d{2})/.exec(xml)?.[1];
      out.push({ name: stem(f), ext: 'txt', content: decodeHTML(text.replace(/<[^>]+>/g, '')).trim() + '\n', published: dct });
    }
  }
  return out;
}

function walk(dir: string): string[] {
  return readdirSync(dir).sort().flatMap((e) => {
    const p = join(dir, e);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

function stem(f: string): string { return basename(f).replace(/\.(txt|text|html?|tml)(\.gz)?$/i, ''); }
function html(f: string): string { return (f.endsWith('.gz') ? gunzipSync(readFileSync(f)) : readFileSync(f)).toString('utf8'); }

/** Benchmark files such as breitbart_2016-09-12_....txt carry their publication day in the name. */
function dateInName(file: string): string | undefined {
  return /(?:^|[_-])(\d{4}-\d{2}-\d{2})(?:[_.-]|$)/.exec(basename(file))?.[1];
}

/**
 * Copy `copy` of an article, different in its text (so a distinct article to the store, as a syndicated
 * rewrite would be) and otherwise the same work for the pipeline: a short tag at the end of a paragraph.
 */
function vary(it: Item, copy: number): string {
  if (copy === 0) return it.content;
  const tag = ` [${copy}]`;
  if (it.ext === 'txt') return it.content.replace(/(\S)(\s*)$/, `$1${tag}$2`);
  // every paragraph of the page is tagged: which of them cleaning keeps as the article body is not known here
  const end = /<\/p>/i.test(it.content) ? /<\/p>/gi : /<\/div>/gi;
  return it.content.replace(end, (m) => `${tag}${m}`);
}
