// Load and latency of the HTTP API and the page at 10,000 articles.
//   npm run bench:serve [-- --data DIR]... [--count 10000] [--db FILE|postgres://…] [--predictions-out FILE]
// With a postgres:// URL the same load runs against PostgreSQL (the database should be empty, or --reuse).
// Data: synthetic analyses made by scripts/synth-analyses.ts from the shared example texts (default: the
// shared example and the PolNeAR dev articles beside the repo, read at run time, never copied into it).
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { buildServer } from '../src/serve/index.ts';
import { isPostgresUrl, openStore } from '../src/store/index.ts';
import { baseAnalyses, DEFAULT_SOURCES, synthesize } from '../scripts/synth-analyses.ts';

const { values: args } = parseArgs({
  options: {
    data: { type: 'string', multiple: true },
    count: { type: 'string', default: '10000' },
    db: { type: 'string' },
    requests: { type: 'string', default: '100' },
    'predictions-out': { type: 'string' },
    // Measure the queries again on a database an earlier run left (--db), without ingesting anew.
    reuse: { type: 'boolean', default: false },
  },
});
const count = Number(args.count);
const perQuery = Number(args.requests);
const BARS = { p95Ms: 50, firstLoadMs: 1000 };

// 1. Synthetic analyses (not timed as ingest: they stand for articles arriving already analysed).
const sources = (args.data ?? DEFAULT_SOURCES).map((d) => resolve(d));
const dir = mkdtempSync(join(tmpdir(), 'wirewatch-bench-serve-'));
const pg = args.db !== undefined && isPostgresUrl(args.db);
const dbFile = args.db ? (pg ? args.db : resolve(args.db)) : join(dir, 'bench.db');
const reuse = args.reuse && (pg || existsSync(dbFile));
if (args.reuse && !reuse) {
  console.error(`bench: --reuse: ${dbFile}: no such database`);
  process.exit(2);
}
const bases = reuse ? [] : baseAnalyses(sources);
if (!pg && !reuse && existsSync(dbFile)) rmSync(dbFile);

// 2. Ingest: validation, the article's rows, its FTS rows, one transaction each, as `wirewatch ingest` does.
const store = await openStore(dbFile);
const db = store.sql;
const t0 = performance.now();
if (!reuse) for (let i = 0; i < count; i++) await store.put(synthesize(bases, i));
const ingestS = reuse ? NaN : (performance.now() - t0) / 1000;
const stored = (await db.value<number>('SELECT count(*) FROM articles'))!;
if (pg) {
  await db.exec('ANALYZE');
} else {
  await db.exec('PRAGMA wal_checkpoint(TRUNCATE); PRAGMA optimize;');
}
const dbMb = pg ? (await db.value<number>('SELECT pg_database_size(current_database())'))! / 1024 / 1024 : statSync(dbFile).size / 1024 / 1024;

// 3. Queries over loopback, one at a time, as a user of the page makes them.
const app = await buildServer({ store, host: '127.0.0.1' });
await app.listen({ host: '127.0.0.1', port: 0 });
const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;

const topActors = (await db.all<{ n: string }>(`SELECT source_name AS n, count(*) AS c FROM events WHERE source_name IS NOT NULL
  GROUP BY source_name ORDER BY c DESC LIMIT 20`)).map((r) => r.n);
const topSpeakers = (await db.all<{ n: string }>(`SELECT speaker_name AS n FROM quotes WHERE speaker_name IS NOT NULL
  GROUP BY speaker_name ORDER BY count(*) DESC LIMIT 20`)).map((r) => r.n);
const { lo: minDate, hi: maxDate } = (await db.get<{ lo: string; hi: string }>(`SELECT min(date) AS lo, max(date) AS hi FROM events
  WHERE ${pg ? "date ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}'" : "date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]*'"}`))!;
const WORDS = ['president', 'campaign', 'election', 'phone call', 'tariffs', 'health', 'debate', 'ceasefire', 'emails', 'voters said'];

let seed = 42;
const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)];
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
function window90(): [string, string] {
  const lo = Date.parse(minDate.slice(0, 10));
  const hi = Date.parse(maxDate.slice(0, 10)) - 90 * 86_400_000;
  const from = lo + rand() * Math.max(hi - lo, 0);
  return [day(from), day(from + 90 * 86_400_000)];
}

const QUERIES: Record<string, () => string> = {
  'events by actor + 90-day range': () => {
    const [from, to] = window90();
    return `/api/events?actor=${encodeURIComponent(pick(topActors).split(' ').pop()!)}&from=${from}&to=${to}`;
  },
  'quotes by speaker': () => `/api/quotes?speaker=${encodeURIComponent(pick(topSpeakers).split(' ').pop()!)}`,
  'full-text search': () => `/api/search?q=${encodeURIComponent(pick(WORDS))}`,
  'full-text search, sort=relevance': () => `/api/search?q=${encodeURIComponent(pick(WORDS))}&sort=relevance`,
};
// The issue's bars are for the first three; relevance order is measured for the record.
const BARRED = new Set(['events by actor + 90-day range', 'quotes by speaker', 'full-text search']);

const records: { query: string; url: string; ms: number; status: number; items: number }[] = [];
const latency: Record<string, number[]> = {};
for (const [name, make] of Object.entries(QUERIES)) {
  for (let i = 0; i < 10; i++) await (await fetch(base + make())).arrayBuffer(); // warm-up
  latency[name] = [];
  for (let i = 0; i < perQuery; i++) {
    const url = make();
    const t = performance.now();
    const res = await fetch(base + url);
    const body = await res.json() as { items?: unknown[] };
    const ms = performance.now() - t;
    if (res.status !== 200) console.error(`bench: ${url}: ${res.status} ${JSON.stringify(body)}`);
    latency[name].push(ms);
    records.push({ query: name, url, ms: +ms.toFixed(3), status: res.status, items: body.items?.length ?? 0 });
  }
}

// 4. The page's first load in Chromium, cold cache each time: from navigation to the rendered timeline.
const loads: number[] = [];
let pageNote = '';
if (existsSync('/usr/bin/chromium')) {
  const { launchChromium } = await import('../test/web-browser.ts');
  const browser = await launchChromium();
  for (let i = 0; i < 6; i++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    const t = performance.now();
    await page.goto(`${base}/#/timeline`);
    await page.waitForFunction(() => document.querySelector('main')?.dataset.rendered === location.hash);
    const ms = performance.now() - t;
    if (i > 0) loads.push(ms); // the first launch pays for the browser's own start-up
    records.push({ query: 'page first load', url: '/#/timeline', ms: +ms.toFixed(3), status: 200, items: 0 });
    await context.close();
  }
  await browser.close();
} else {
  pageNote = '/usr/bin/chromium missing';
}
await app.close();
await store.close();
if (!args.db) rmSync(dir, { recursive: true, force: true });

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
};
const ok = (v: number, bar: number) => (v <= bar ? 'yes' : 'NO');
const rows: string[][] = [
  ['articles stored', String(stored), '10,000', ''],
  ['ingest seconds', reuse ? 'reused' : ingestS.toFixed(1), '', ''],
  ['ingest articles/s', reuse ? 'reused' : (count / ingestS).toFixed(0), '', ''],
  ['database MB', dbMb.toFixed(1), '', ''],
];
for (const [name, xs] of Object.entries(latency)) {
  rows.push([`${name} median ms`, pct(xs, 50).toFixed(1), '', '']);
  rows.push([`${name} p95 ms`, pct(xs, 95).toFixed(1), BARRED.has(name) ? `≤ ${BARS.p95Ms}` : '', BARRED.has(name) ? ok(pct(xs, 95), BARS.p95Ms) : '']);
}
const firstLoad = loads.length ? pct(loads, 50) : NaN;
rows.push(['page first load median ms', loads.length ? firstLoad.toFixed(0) : pageNote, `≤ ${BARS.firstLoadMs}`, loads.length ? ok(firstLoad, BARS.firstLoadMs) : '']);
rows.push(['page first load max ms', loads.length ? Math.max(...loads).toFixed(0) : pageNote, '', '']);

const widths = [0, 1, 2, 3].map((c) => Math.max(...[['metric', 'wirewatch', 'bar (issue 8)', 'met'], ...rows].map((r) => r[c].length)));
const line = (r: string[]) => r.map((v, c) => (c === 0 ? v.padEnd(widths[c]) : v.padStart(widths[c]))).join('  ').trimEnd();
console.log(pg ? `database: ${store.target} (PostgreSQL)` : `database: SQLite`);
console.log(reuse ? `data: ${dbFile} (reused, ${stored} articles); ${perQuery} requests per query over loopback`
  : `data: ${count} synthetic analyses from ${bases.length} real ones (${sources.join(', ')}); ${perQuery} requests per query over loopback`);
console.log(line(['metric', 'wirewatch', 'bar (issue 8)', 'met']));
for (const r of rows) console.log(line(r));
if (args['predictions-out']) {
  writeFileSync(args['predictions-out'], records.map((r) => JSON.stringify(r)).join('\n') + '\n');
  console.log(`predictions: ${args['predictions-out']}`);
}
const p95s = [...BARRED].map((name) => pct(latency[name], 95));
console.log(`serve: ${stored} articles, ingest ${reuse ? 'reused' : `${ingestS.toFixed(1)} s`}, ${dbMb.toFixed(0)} MB; p95 ${p95s.map((x) => x.toFixed(1)).join(' / ')} ms (events by actor+range / quotes by speaker / search); page first load ${loads.length ? `${firstLoad.toFixed(0)} ms` : pageNote}`);
