// Throughput of the analysis pipeline, single process, on a folder of plain-text articles.
//   npm run bench:throughput [-- --data DIR] [--predictions-out FILE]
// Default data: PolNeAR dev (84 political news articles) beside the repo, never copied into it.
import { readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { readInput, readSidecar } from '../src/ingest/index.ts';
import { analyze } from '../src/pipeline.ts';
import type { Article } from '../src/schema/article.ts';
import { benchArgs } from './args.ts';

const args = benchArgs('quotes/polnear/dev/text');
const dataDir = resolve(args.data!);

const files = readdirSync(dataDir).filter((f) => f.endsWith('.txt')).sort().map((f) => join(dataDir, f));
if (files.length === 0) {
  console.error(`bench: no .txt files in ${dataDir}`);
  process.exit(2);
}

// Read before timing: the figure is for analysis, not for the disk.
const inputs = files.map((file) => {
  const { raw, uri } = readInput(file);
  return { raw, uri, published: readSidecar(file).published ?? dateInName(file) };
});

analyze(inputs[0].raw, { uri: inputs[0].uri, published: inputs[0].published }); // warm-up: JIT, lazy-loaded tables

const perArticleMs: number[] = [];
const analyses: Article[] = [];
let failed = 0;
const started = performance.now();
for (const { raw, uri, published } of inputs) {
  const t = performance.now();
  try {
    analyses.push(analyze(raw, { uri, published }));
  } catch (e) {
    // A rejected article (say, not English) is reported and counted, not allowed to stop the run.
    failed++;
    console.error(`bench: ${(e as Error).message}`);
  }
  perArticleMs.push(performance.now() - t);
}
const seconds = (performance.now() - started) / 1000;
const peakRssMb = process.resourceUsage().maxRSS / 1024; // maxRSS is in kilobytes

const chars = inputs.reduce((n, i) => n + i.raw.length, 0);
const perSecond = inputs.length / seconds;
const sorted = [...perArticleMs].sort((a, b) => a - b);
const pct = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

const rows: [string, string, string][] = [
  ['articles', String(inputs.length), ''],
  ['failed', String(failed), ''],
  ['total chars', chars.toLocaleString('en-US'), ''],
  ['seconds', seconds.toFixed(3), ''],
  ['articles/s', perSecond.toFixed(1), 'news-please ~1/s (users report); GDELT ~8.4/s (730,000/day)'],
  ['chars/s', Math.round(chars / seconds).toLocaleString('en-US'), ''],
  ['peak RSS MB', peakRssMb.toFixed(0), ''],
  ['p50 ms/article', pct(50).toFixed(2), ''],
  ['p95 ms/article', pct(95).toFixed(2), ''],
];
const w0 = Math.max(...rows.map((r) => r[0].length));
const w1 = Math.max('wirewatch'.length, ...rows.map((r) => r[1].length));
console.log(`data: ${dataDir}`);
console.log(`${'metric'.padEnd(w0)}  ${'wirewatch'.padStart(w1)}  anchor`);
for (const [k, v, anchor] of rows) console.log(`${k.padEnd(w0)}  ${v.padStart(w1)}  ${anchor}`.trimEnd());

if (args['predictions-out']) {
  writeFileSync(args['predictions-out'], analyses.map((a) => JSON.stringify(a)).join('\n') + '\n');
  console.log(`predictions: ${args['predictions-out']}`);
}
console.log(`throughput: ${perSecond.toFixed(1)} articles/s, peak RSS ${peakRssMb.toFixed(0)} MB (${inputs.length} articles)`);

/** Benchmark files such as breitbart_2016-09-12_....txt carry their publication day in the name. */
function dateInName(file: string): string | undefined {
  return /(?:^|[_-])(\d{4}-\d{2}-\d{2})(?:[_.-]|$)/.exec(file.slice(file.lastIndexOf('/') + 1))?.[1];
}
