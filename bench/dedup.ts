// One happening, many reports: how well copies of one wire story are clustered and their events merged,
// what it costs at ingest, and how fast the exports stream.
//   npm run bench:dedup [-- --data DIR] [--copies N] [--predictions-out FILE]
// There is no public near-duplicate news benchmark with event annotation, so the ground truth is made the
// way syndication makes it: every article of the data folder (default PolNeAR dev, 84 real political news
// articles, read from ../shared at run time) is republished N times with a new headline, a reworded
// attribution, a dropped closing paragraph (every other copy), an agency credit, another outlet's URL and a
// publication date up to a day later. Each copy goes through the real pipeline; nothing is copied over from
// the original's analysis.
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Writable } from 'node:stream';
import { signature } from '../src/dedup/index.ts';
import { exportTo, type ExportRequest } from '../src/export/index.ts';
import { readInput, readSidecar } from '../src/ingest/index.ts';
import { analyze } from '../src/pipeline.ts';
import type { Article } from '../src/schema/article.ts';
import { openStore, type Store } from '../src/store/index.ts';
import { benchArgs } from './args.ts';

const args = benchArgs('quotes/polnear/dev/text', {
  copies: { type: 'string', default: '2' },
});
const dataDir = resolve(args.data!);
const copies = Number(args.copies);
if (!Number.isInteger(copies) || copies < 1) fail(`--copies: not a positive whole number: ${args.copies}`);
let files: string[] = [];
try {
  files = readdirSync(dataDir).filter((f) => f.endsWith('.txt')).sort().map((f) => join(dataDir, f));
} catch (e) {
  fail(`${dataDir}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
}
if (files.length === 0) fail(`${dataDir}: no .txt files`);

interface Input { raw: string; uri: string; published?: string; url: string; truth: string }
const inputs: Input[] = [];
for (const file of files) {
  const { raw, uri } = readInput(file);
  const published = readSidecar(file).published ?? dateInName(file);
  const truth = basename(file);
  inputs.push({ raw, uri, published, url: `https://outlet-0.example/${truth}`, truth });
  for (let k = 1; k <= copies; k++) {
    inputs.push({ raw: republish(raw, k), uri: `${uri}#copy${k}`, published: published && laterDay(published, k % 2),
      url: `https://www.outlet-${k}.example/world/${truth}`, truth });
  }
}

// Analysis is not what is measured here (bench:throughput does that); failures are reported and skipped.
const analyses: { article: Article; truth: string }[] = [];
let failed = 0;
for (const i of inputs) {
  try {
    analyses.push({ article: analyze(i.raw, { uri: i.uri, published: i.published, url: i.url }), truth: i.truth });
  } catch (e) {
    failed++;
    console.error(`bench: ${i.uri}: ${(e as Error).message}`);
  }
}

const dir = mkdtempSync(join(tmpdir(), 'wirewatch-bench-dedup-'));
try {
  const store = await openStore(join(dir, 'a.db'));
  const t0 = performance.now();
  for (const { article } of analyses) await store.put(article);
  const storeMs = (performance.now() - t0) / analyses.length;
  // The store figure is the whole put (validation, rows, full-text index, stories, merging); the signature is
  // timed alone as the largest part that dedup adds.
  const t1 = performance.now();
  for (const { article } of analyses) signature(article.text);
  const signatureMs = (performance.now() - t1) / analyses.length;
  const db = store.sql;

  const story = new Map((await db.all<{ article_id: string; story_id: string }>('SELECT article_id, story_id FROM story_members'))
    .map((r) => [r.article_id, r.story_id]));
  const truthOf = new Map(analyses.map((a) => [a.article.id, a.truth]));
  const ids = [...truthOf.keys()];
  let tp = 0, fp = 0, fn = 0;
  for (let i = 0; i < ids.length; i++) {
    for (let j = i + 1; j < ids.length; j++) {
      const same = story.get(ids[i]) === story.get(ids[j]);
      const truly = truthOf.get(ids[i]) === truthOf.get(ids[j]);
      if (same && truly) tp++; else if (same) fp++; else if (truly) fn++;
    }
  }
  const precision = tp / Math.max(1, tp + fp), recall = tp / Math.max(1, tp + fn);
  const f1 = (2 * precision * recall) / Math.max(1e-9, precision + recall);
  const stories = new Set(story.values()).size;
  const trueStories = new Set(truthOf.values()).size;

  // A copy's mention is merged when it shares its merged event with a mention from the original.
  const mentions = await db.all<{ article_id: string; merged_event_id: string }>('SELECT article_id, merged_event_id FROM event_mentions');
  const byMerged = new Map<string, Set<string>>();
  for (const m of mentions) {
    if (!byMerged.has(m.merged_event_id)) byMerged.set(m.merged_event_id, new Set());
    byMerged.get(m.merged_event_id)!.add(truthOf.get(m.article_id)!);
  }
  const originals = new Set(analyses.filter((a) => !a.article.source.uri?.includes('#copy')).map((a) => a.article.id));
  const originalIn = new Map<string, boolean>();
  for (const m of mentions) if (originals.has(m.article_id)) originalIn.set(m.merged_event_id, true);
  const copyMentions = mentions.filter((m) => !originals.has(m.article_id));
  const copyMerged = copyMentions.filter((m) => originalIn.get(m.merged_event_id)).length;
  const crossStory = [...byMerged.values()].filter((s) => s.size > 1).length;
  const counts = (await db.get<{ articles: number; stories: number; n: number }>(
    'SELECT avg(num_articles) AS articles, avg(num_stories) AS stories, count(*) AS n FROM merged_event_counts'))!;

  // Stable ids: the same analyses stored in reverse order give the same stories and merged events.
  const again = await openStore(join(dir, 'b.db'));
  for (const { article } of [...analyses].reverse()) await again.put(article);
  const snapshot = async (s: Store) => JSON.stringify([
    await s.sql.all('SELECT article_id, story_id FROM story_members ORDER BY article_id'),
    await s.sql.all('SELECT article_id, event_id, merged_event_id FROM event_mentions ORDER BY article_id, event_id'),
  ]);
  const stable = (await snapshot(store)) === (await snapshot(again));
  await again.close();

  const exports: [string, ExportRequest][] = [
    ['events csv', { kind: 'events', format: 'csv' }],
    ['events --gdelt', { kind: 'events', format: 'tsv', gdelt: true }],
    ['mentions jsonl', { kind: 'mentions', format: 'jsonl' }],
    ['quotes csv', { kind: 'quotes', format: 'csv' }],
    ['actors csv', { kind: 'actors', format: 'csv' }],
    ['network gexf', { kind: 'network', format: 'gexf' }],
  ];
  const exportRows: [string, string, string][] = [];
  for (const [name, req] of exports) {
    let bytes = 0, lines = 0;
    const sink = new Writable({ write(chunk: Buffer | string, _enc, done) { bytes += chunk.length; lines += String(chunk).split('\n').length - 1; done(); } });
    const t = performance.now();
    await exportTo(db, req, sink);
    const ms = performance.now() - t;
    exportRows.push([`export ${name}`, `${lines} lines, ${(bytes / 1024).toFixed(0)} KB in ${ms.toFixed(0)} ms`, '']);
  }
  await store.close();

  const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
  const rows: [string, string, string][] = [
    ['articles (originals + copies)', `${analyses.length} (${failed} failed)`, ''],
    ['true stories', String(trueStories), ''],
    ['stories found', String(stories), `GDELT 2.0: ${analyses.length} (every copy its own article)`],
    ['story pairs precision', precision.toFixed(3), ''],
    ['story pairs recall', recall.toFixed(3), ''],
    ['story pairs F1', f1.toFixed(3), ''],
    ['event mentions', String(mentions.length), ''],
    ['happenings (merged events)', String(counts.n), `GDELT 2.0: ~${mentions.length} (one event per article and sentence)`],
    ['copy mentions merged with the original', pct(copyMerged / Math.max(1, copyMentions.length)), 'GDELT 2.0: 0% (copies counted again)'],
    ['happenings mixing true stories', String(crossStory), ''],
    ['mean articles per happening', counts.articles.toFixed(2), ''],
    ['mean independent stories per happening', counts.stories.toFixed(2), 'GDELT 2.0 counts articles: the row above'],
    ['ids equal when ingested in reverse order', stable ? 'yes' : 'NO', ''],
    ['store ms/article (rows, FTS, stories, merging)', storeMs.toFixed(2), ''],
    ['  of which MinHash signature ms/article', signatureMs.toFixed(2), ''],
    ['peak RSS MB', (process.resourceUsage().maxRSS / 1024).toFixed(0), ''],
    ...exportRows,
  ];
  const w0 = Math.max(...rows.map((r) => r[0].length));
  const w1 = Math.max('wirewatch'.length, ...rows.map((r) => r[1].length));
  console.log(`data: ${dataDir}, ${copies} copies each`);
  console.log(`${'metric'.padEnd(w0)}  ${'wirewatch'.padEnd(w1)}  anchor`);
  for (const [k, v, anchor] of rows) console.log(`${k.padEnd(w0)}  ${v.padEnd(w1)}  ${anchor}`.trimEnd());

  if (args['predictions-out']) {
    writeFileSync(args['predictions-out'], analyses.map(({ article, truth }) =>
      JSON.stringify({ uri: article.source.uri, article_id: article.id, truth, story_id: story.get(article.id) })).join('\n') + '\n');
    console.log(`predictions: ${args['predictions-out']}`);
  }
  console.log(`dedup: story F1 ${f1.toFixed(3)} (P ${precision.toFixed(3)}, R ${recall.toFixed(3)}), ${pct(copyMerged / Math.max(1, copyMentions.length))} of copy mentions merged, ` +
    `${mentions.length} mentions -> ${counts.n} happenings, ids ${stable ? 'stable' : 'NOT stable'}, ${storeMs.toFixed(1)} ms/article stored`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}

/** The k-th republication: new headline, reworded attribution, every other copy without its last paragraph, a credit line. */
function republish(raw: string, k: number): string {
  const paragraphs = raw.trim().split(/\n\s*\n/);
  const kept = k % 2 === 0 && paragraphs.length > 3 ? paragraphs.slice(0, -1) : paragraphs;
  const headline = `${paragraphs[0].split(/\s+/).slice(0, 8).join(' ').replace(/[.,;:]$/, '')}: what we know (${['Update', 'Explainer', 'Live'][k % 3]})`;
  const body = kept.join('\n\n').replace(/\bsaid\b/, k % 2 ? 'told reporters' : 'stated');
  return `${headline}\n\n${body}\n\n(With inputs from agencies)\n`;
}

function laterDay(published: string, days: number): string {
  const d = new Date(`${published.slice(0, 10)}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function dateInName(file: string): string | undefined {
  return /(?:^|[_-])(\d{4}-\d{2}-\d{2})(?:[_.-]|$)/.exec(basename(file))?.[1];
}

function fail(message: string): never {
  console.error(`bench: ${message}`);
  process.exit(2);
}
