// Article-body extraction on the scrapinghub article-extraction benchmark (dev half), Wirewatch beside
// @mozilla/readability over linkedom, in the same run. Each system runs in its own child process so the
// peak memory figures are its own.
//   npm run bench:extract [-- --data DIR] [--predictions-out FILE] [--per-page] [--rounds N (default 3)]
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { gunzipSync } from 'node:zlib';
import { performance } from 'node:perf_hooks';
import { macro, scorePage } from './extract-score.ts';
import { statedPublication } from '../src/clean/html/page-meta.ts';

const here = fileURLToPath(import.meta.url);
const repoRoot = resolve(dirname(here), '..');
const { values: args } = parseArgs({
  options: {
    data: { type: 'string', default: resolve(repoRoot, '../shared/benchmarks/article-extraction') },
    'predictions-out': { type: 'string' },
    'per-page': { type: 'boolean', default: false },
    rounds: { type: 'string', default: '3' },
    system: { type: 'string' }, // internal: run one system in this process
    out: { type: 'string' },
  },
});
const dataDir = resolve(args.data!);

interface Truth { articleBody: string; url?: string }
interface RunResult { predictions: Record<string, { articleBody: string }>; ms: number[]; peakRssMb: number; failed: number; meta?: Record<string, MetaFound> }
interface MetaFound { title: boolean; byline: boolean; date?: string; stated?: string }

function loadPages(): { id: string; html: string; url?: string }[] {
  const truth = JSON.parse(readFileSync(join(dataDir, 'ground-truth.json'), 'utf8')) as Record<string, Truth>;
  const dir = join(dataDir, 'html');
  return readdirSync(dir).filter((f) => f.endsWith('.html.gz') || f.endsWith('.html')).sort().map((f) => {
    const id = f.replace(/\.html(\.gz)?$/, '');
    const bytes = readFileSync(join(dir, f));
    return { id, html: (f.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8'), url: truth[id]?.url };
  });
}

async function runSystem(system: string): Promise<RunResult> {
  const pages = loadPages();
  let extract: (html: string, url?: string) => { text: string; meta?: MetaFound };
  if (system === 'readability') {
    const { Readability } = await import('@mozilla/readability');
    const { parseHTML } = await import('linkedom');
    extract = (html) => {
      const { document } = parseHTML(html);
      const r = new Readability(document as unknown as Document).parse();
      return { text: r?.textContent ?? '' };
    };
  } else {
    const { analyzeDocumentStage } = await import('./extract-wirewatch.ts');
    extract = analyzeDocumentStage;
  }
  extract(pages[0].html, pages[0].url); // warm-up: JIT, lazily loaded data files
  const predictions: RunResult['predictions'] = {};
  const meta: Record<string, MetaFound> = {};
  const ms: number[] = [];
  let failed = 0;
  for (const p of pages) {
    const t = performance.now();
    try {
      const r = extract(p.html, p.url);
      ms.push(performance.now() - t);
      predictions[p.id] = { articleBody: r.text };
      // the independent reading of the stated date is the check, not part of the timed extraction
      if (r.meta) meta[p.id] = { ...r.meta, stated: statedPublication(p.html) };
    } catch (e) {
      failed++;
      predictions[p.id] = { articleBody: '' };
      console.error(`bench: ${p.id}: ${(e as Error).message}`);
      ms.push(performance.now() - t);
    }
  }
  return { predictions, ms, peakRssMb: process.resourceUsage().maxRSS / 1024, failed, meta };
}

if (args.system) {
  const r = await runSystem(args.system);
  writeFileSync(args.out!, JSON.stringify(r));
} else {
  const truth = JSON.parse(readFileSync(join(dataDir, 'ground-truth.json'), 'utf8')) as Record<string, Truth>;
  const results: Record<string, RunResult> = {};
  // The machine is shared: the systems take turns for several rounds and each page keeps its best time,
  // so a burst of load elsewhere does not land on one system only.
  const rounds = Math.max(1, Number(args.rounds) || 1);
  for (let round = 0; round < rounds; round++) {
    for (const system of ['readability', 'wirewatch']) {
      const out = join(process.env.TMPDIR ?? '/tmp', `wirewatch-bench-extract-${process.pid}-${system}.json`);
      const child = spawnSync(process.execPath, ['--import', 'tsx', here, '--system', system, '--data', dataDir, '--out', out], { stdio: ['ignore', 'inherit', 'inherit'] });
      if (child.status !== 0) { console.error(`bench: the ${system} run failed (exit ${child.status})`); process.exit(2); }
      const r = JSON.parse(readFileSync(out, 'utf8')) as RunResult;
      rmSync(out, { force: true });
      const prev = results[system];
      results[system] = prev ? { ...prev, ms: prev.ms.map((t, i) => Math.min(t, r.ms[i])), peakRssMb: Math.max(prev.peakRssMb, r.peakRssMb) } : r;
    }
  }
  const ids = Object.keys(results.wirewatch.predictions).filter((id) => truth[id]);
  const summary = (s: string) => {
    const scores = ids.map((id) => scorePage(results[s].predictions[id]?.articleBody ?? '', truth[id].articleBody));
    const sorted = [...results[s].ms].sort((a, b) => a - b);
    return { ...macro(scores), scores, median: sorted[Math.floor((sorted.length - 1) / 2)], peak: results[s].peakRssMb, failed: results[s].failed };
  };
  const ww = summary('wirewatch'), rd = summary('readability');
  if (args['per-page']) {
    ids.map((id, i) => ({ id, ww: ww.scores[i], rd: rd.scores[i] }))
      .sort((a, b) => f(a.ww) - f(b.ww))
      .forEach(({ id, ww: w, rd: r }) => console.log(`${id.slice(0, 12)}  P ${fx(w.precision)} R ${fx(w.recall)}   readability P ${fx(r.precision)} R ${fx(r.recall)}  ${truth[id].url ?? ''}`));
  }
  const rows: [string, string, string, string][] = [
    ['F1', ww.f1.toFixed(3), rd.f1.toFixed(3), 'bar ≥ .970; rs_trafilatura .970, trafilatura .958 (all 181 pages)'],
    ['precision', ww.precision.toFixed(3), rd.precision.toFixed(3), ''],
    ['recall', ww.recall.toFixed(3), rd.recall.toFixed(3), ''],
    ['exact-match accuracy', ww.accuracy.toFixed(3), rd.accuracy.toFixed(3), ''],
    [`median ms/page (best of ${rounds})`, ww.median.toFixed(1), rd.median.toFixed(1), `bar ≤ 2× readability+linkedom (${(2 * rd.median).toFixed(1)})`],
    ['peak RSS MB', ww.peak.toFixed(0), rd.peak.toFixed(0), ''],
    ['failed pages', String(ww.failed), String(rd.failed), ''],
  ];
  const metas = results.wirewatch.meta ?? {};
  const metaIds = ids.filter((id) => metas[id]);
  const stated = metaIds.filter((id) => metas[id].stated);
  // equal, or one side states only the day and the other's day (in its own offset) is that day
  const sameDate = (a?: string, b?: string) => !!a && !!b && (a === b || ((a.length === 10 || b.length === 10) && a.slice(0, 10) === b.slice(0, 10)));
  const dateOk = stated.filter((id) => sameDate(metas[id].date, metas[id].stated));
  const share = (k: 'title' | 'byline') => `${metaIds.filter((id) => metas[id][k]).length}/${metaIds.length}`;
  rows.push(
    ['title found', share('title'), '', ''],
    ['byline found', share('byline'), '', ''],
    ['date found', `${metaIds.filter((id) => metas[id].date).length}/${metaIds.length}`, '', ''],
    ['date = stated (JSON-LD/meta)', `${dateOk.length}/${stated.length}`, '', 'bar: all'],
  );
  const w = [Math.max(...rows.map((r) => r[0].length)), 9, 20];
  console.log(`data: ${dataDir} (${ids.length} pages)`);
  console.log(`${'metric'.padEnd(w[0])}  ${'wirewatch'.padStart(w[1])}  ${'readability+linkedom'.padStart(w[2])}  anchor`);
  for (const r of rows) console.log(`${r[0].padEnd(w[0])}  ${r[1].padStart(w[1])}  ${r[2].padStart(w[2])}  ${r[3]}`.trimEnd());
  if (args['predictions-out']) {
    writeFileSync(args['predictions-out'], JSON.stringify(results.wirewatch.predictions, null, 1));
    console.log(`predictions: ${args['predictions-out']}`);
  }
  console.log(`extract: F1 ${ww.f1.toFixed(3)} (readability+linkedom ${rd.f1.toFixed(3)}), median ${ww.median.toFixed(1)} ms/page (${(ww.median / rd.median).toFixed(2)}× readability), dates ${dateOk.length}/${stated.length} as stated, ${ids.length} pages`);
}

function f(s: { precision?: number; recall?: number }): number {
  const p = s.precision ?? 0, r = s.recall ?? 0;
  return p + r ? (2 * p * r) / (p + r) : 0;
}
function fx(x?: number): string { return x === undefined ? '  -  ' : x.toFixed(3); }
