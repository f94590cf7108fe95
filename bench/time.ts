// TempEval-3 Task A (time expressions): recognition and normalisation of TIMEX3 against each document's DCT.
//   npm run bench:time [-- --data DIR] [--predictions-out DIR]
// Default data: TBAQ-cleaned (TimeBank + AQUAINT) beside the repo, read at run time and never copied into it.
// Runs the same pipeline as `wirewatch analyze` (analyzeDocument, publication date = the DCT) and reads doc.times.
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { analyzeDocument } from '../src/pipeline.ts';
import { findTimes } from '../src/time/timexes.ts';
import type { Document } from '../src/document.ts';
import { benchArgs } from './args.ts';

const args = benchArgs('time-tempeval3', {
  errors: { type: 'boolean', default: false },
});
const dataDir = resolve(args.data!);

function walk(dir: string): string[] {
  return readdirSync(dir).sort().flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? walk(p) : name.endsWith('.tml') ? [p] : [];
  });
}

interface Timex { start: number; end: number; type: string; value: string; text: string }
interface Doc { file: string; head: string; tail: string; text: string; dct: string; gold: Timex[] }

const attr = (tag: string, name: string) => new RegExp(`\\b${name}="([^"]*)"`).exec(tag)?.[1] ?? '';

/** The TEXT of a TimeML file with its tags stripped, and the gold TIMEX3 spans as offsets into it. */
function readTml(file: string): Doc {
  const xml = readFileSync(file, 'utf8');
  const open = xml.indexOf('<TEXT>'), close = xml.indexOf('</TEXT>');
  if (open < 0 || close < 0) throw new Error(`${file}: no <TEXT>`);
  const dctTag = /<TIMEX3[^>]*functionInDocument="CREATION_TIME"[^>]*>/.exec(xml)?.[0] ?? '';
  const inner = xml.slice(open + 6, close);
  let text = '';
  const gold: Timex[] = [];
  let pending: { start: number; type: string; value: string } | undefined;
  for (const m of inner.matchAll(/<[^>]+>|[^<]+/g)) {
    const piece = m[0];
    if (piece[0] !== '<') { text += piece; continue; }
    if (piece.startsWith('<TIMEX3')) pending = { start: text.length, type: attr(piece, 'type'), value: attr(piece, 'value') };
    else if (piece.startsWith('</TIMEX3') && pending) {
      gold.push({ ...pending, end: text.length, text: text.slice(pending.start, text.length) });
      pending = undefined;
    }
  }
  return { file, head: xml.slice(0, open + 6), tail: xml.slice(close), text, dct: attr(dctTag, 'value'), gold };
}

const files = walk(dataDir);
if (files.length === 0) {
  console.error(`bench: no .tml files under ${dataDir}`);
  process.exit(2);
}
const docs = files.map(readTml);

/** What the pipeline finds, with offsets mapped back into the TEXT as given. */
const analysed: Document[] = [];
function predict(d: Doc): Timex[] {
  const doc = analyzeDocument(d.text, { published: d.dct || undefined });
  analysed.push(doc);
  return doc.times.map((t) => {
    const start = doc.map.toSource(t.start, 'start'), end = doc.map.toSource(t.end, 'end');
    return { start, end, type: t.type, value: t.value ?? '', text: d.text.slice(start, end) };
  });
}

predict(docs[0]); // warm-up: JIT, lazy-loaded tables
const started = performance.now();
const predictions = docs.map(predict);
const msPerDoc = (performance.now() - started) / docs.length;
// the time stage alone, re-run on the analysed documents (it only rewrites doc.times)
const timeStarted = performance.now();
for (const doc of analysed.slice(1)) findTimes(doc);
const timeMsPerDoc = (performance.now() - timeStarted) / docs.length;

// TempEval-3 Task A. Strict: exact extent. Relaxed: any overlap; each gold and system timex matched at most once.
let goldN = 0, sysN = 0, strictTp = 0, relaxedTp = 0, typeOk = 0, valueOk = 0;
const errors: string[] = [];
docs.forEach((d, i) => {
  const sys = predictions[i];
  goldN += d.gold.length;
  sysN += sys.length;
  const used = new Set<number>();
  for (const g of d.gold) {
    let best = -1;
    for (let k = 0; k < sys.length; k++) {
      if (used.has(k) || sys[k].start >= g.end || g.start >= sys[k].end) continue;
      if (best < 0 || (sys[k].start === g.start && sys[k].end === g.end)) best = k;
    }
    if (best < 0) { errors.push(`FN\t${g.type}\t${g.value}\t${g.text}\t${context(d, g)}`); continue; }
    used.add(best);
    const s = sys[best];
    relaxedTp++;
    if (s.start === g.start && s.end === g.end) strictTp++;
    else errors.push(`SPAN\t${g.text}\t${s.text}\t${context(d, g)}`);
    if (s.type === g.type) typeOk++; else errors.push(`TYPE\t${g.type}\t${s.type}\t${g.text}\t${s.text}`);
    if (s.value === g.value) valueOk++; else errors.push(`VALUE\t${g.value}\t${s.value}\t${g.text}\t${s.text}\t${d.dct}\t${context(d, g)}`);
  }
  sys.forEach((s, k) => { if (!used.has(k)) errors.push(`FP\t${s.type}\t${s.value}\t${s.text}\t${context(d, s)}`); });
});

function context(d: Doc, t: { start: number; end: number }): string {
  return (d.text.slice(Math.max(0, t.start - 50), t.start) + '[' + d.text.slice(t.start, t.end) + ']' + d.text.slice(t.end, t.end + 40)).replace(/\s+/g, ' ');
}

const f1 = (p: number, r: number) => (p + r ? (2 * p * r) / (p + r) : 0);
const pct = (x: number) => (100 * x).toFixed(1);
const strictP = strictTp / (sysN || 1), strictR = strictTp / (goldN || 1);
const relaxedP = relaxedTp / (sysN || 1), relaxedR = relaxedTp / (goldN || 1);
const strictF = f1(strictP, strictR), relaxedF = f1(relaxedP, relaxedR);
const typeAcc = typeOk / (relaxedTp || 1), valueAcc = valueOk / (relaxedTp || 1);
const valueF = relaxedF * valueAcc;

const rows: [string, string, string][] = [
  ['documents', String(docs.length), ''],
  ['gold TIMEX3 (DCT excluded)', String(goldN), ''],
  ['predicted', String(sysN), ''],
  ['strict span P / R / F1', `${pct(strictP)} / ${pct(strictR)} / ${pct(strictF)}`, ''],
  ['relaxed span P / R / F1', `${pct(relaxedP)} / ${pct(relaxedR)} / ${pct(relaxedF)}`, 'bar ≥ 90'],
  ['type accuracy', pct(typeAcc), ''],
  ['value accuracy', pct(valueAcc), ''],
  ['value F1', pct(valueF), 'chrono-node 33.5, compromise 38.6, SUTime 67.4, HeidelTime 77.6; bar ≥ 80'],
  ['ms/doc, whole pipeline', msPerDoc.toFixed(2), ''],
  ['ms/doc, time stage', timeMsPerDoc.toFixed(2), ''],
];
const w0 = Math.max(...rows.map((r) => r[0].length)), w1 = Math.max(...rows.map((r) => r[1].length));
console.log(`TempEval-3 Task A on ${relative(process.cwd(), dataDir) || '.'}\n`);
console.log(`${'measure'.padEnd(w0)}  ${'Wirewatch'.padEnd(w1)}  anchors`);
for (const [a, b, c] of rows) console.log(`${a.padEnd(w0)}  ${b.padEnd(w1)}  ${c}`);
console.log('\n(anchors: published TempEval-3 platinum-test figures; ours are on the TBAQ-cleaned training data)');

if (args.errors) console.error(errors.join('\n'));

if (args['predictions-out']) {
  const out = resolve(args['predictions-out']);
  docs.forEach((d, i) => {
    const sys = [...predictions[i]].sort((a, b) => a.start - b.start).filter((s, k, all) => k === 0 || s.start >= all[k - 1].end);
    let body = '', at = 0;
    sys.forEach((s, k) => {
      body += d.text.slice(at, s.start) + `<TIMEX3 tid="t${k + 1}" type="${s.type}" value="${s.value}">` + d.text.slice(s.start, s.end) + '</TIMEX3>';
      at = s.end;
    });
    body += d.text.slice(at);
    const target = join(out, relative(dataDir, d.file));
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, d.head + body + d.tail);
  });
}

console.log(`\ntime: value F1 ${pct(valueF)}, relaxed span F1 ${pct(relaxedF)}, strict ${pct(strictF)}, type acc ${pct(typeAcc)} (${docs.length} docs, ${msPerDoc.toFixed(1)} ms/doc, time stage ${timeMsPerDoc.toFixed(2)} ms/doc)`);
