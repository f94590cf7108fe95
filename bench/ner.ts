// Named-entity recognition on CoNLL-2003: entity-level exact-match precision/recall/F1 (as conlleval) of the
// model the pipeline uses, tokens per second (one core, tagging only) and the model's load time.
//   npm run bench:ner [-- --data FILE] [--predictions-out FILE] [--model FILE]
// Default data: ../shared/benchmarks/ner-conll2003/eng.testa (the development split), read at run time and
// never copied into the repo. Overall F1 counts PER, ORG and LOC; MISC is reported apart.
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { deserialise } from '../src/nlp/ner/model.ts';
import { MODEL_FILE } from '../src/nlp/ner/index.ts';
import { readConll, score, prf, spansToIob1, type Counts } from '../src/nlp/ner/conll.ts';
import { benchArgs } from './args.ts';

const args = benchArgs('ner-conll2003/eng.testa', {
  model: { type: 'string', default: MODEL_FILE },
});

let text: string;
try {
  text = readFileSync(resolve(args.data!), 'utf8');
} catch (e) {
  console.error(`bench: ${args.data}: ${(e as Error).message}`);
  process.exit(2);
}
const docs = readConll(text);
const tokens = docs.reduce((n, d) => n + d.sentences.reduce((m, s) => m + s.length, 0), 0);

// load time: reading, unzipping and indexing the committed file, the first time in this process
const t0 = performance.now(), c0 = process.cpuUsage();
const model = deserialise(readFileSync(args.model!));
const loadMs = performance.now() - t0, loadCpu = process.cpuUsage(c0), loadCpuMs = (loadCpu.user + loadCpu.system) / 1000;

// Speed: one warm-up pass (JIT), then three timed passes. The machine may be shared, so besides wall-clock
// time the process's CPU time is measured: tokens per CPU-second is the throughput of the one core doing
// the work (tagging is single-threaded), whatever else the machine runs. Both are best of three.
let predicted = docs.map((d) => model.tag(d.sentences));
let bestWall = Infinity, bestCpu = Infinity;
for (let pass = 0; pass < 3; pass++) {
  const cpu0 = process.cpuUsage(), wall0 = performance.now();
  predicted = docs.map((d) => model.tag(d.sentences));
  const wall = (performance.now() - wall0) / 1000, cpu = process.cpuUsage(cpu0);
  bestWall = Math.min(bestWall, wall);
  bestCpu = Math.min(bestCpu, (cpu.user + cpu.system) / 1e6);
}
const perSecond = tokens / bestCpu, perWallSecond = tokens / bestWall;

const s = score(docs.flatMap((d) => d.entities), predicted.flat());
const fmt = (x: number) => x.toFixed(1);
const row = (label: string, c: Counts, anchor = '') => {
  const { p, r, f } = prf(c);
  return [label, fmt(p), fmt(r), fmt(f), String(c.tp + c.fn), anchor];
};
const rows = [
  ['', 'P', 'R', 'F1', 'gold', 'anchors (F1, CoNLL-2003 test split)'],
  row('PER', s.byType.PER),
  row('ORG', s.byType.ORG),
  row('LOC', s.byType.LOC),
  row('overall (PER/ORG/LOC)', s.overall, 'Stanford NER 86.3 · best 2003 system 88.8 · compromise 47'),
  row('MISC (apart)', s.byType.MISC),
];
const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
console.log(`data: ${args.data} (${docs.length} documents, ${tokens.toLocaleString('en-US')} tokens)`);
console.log(`model: ${args.model} (${model.info.trainedOn}; ${model.rows.toLocaleString('en-US')} feature rows in ${model.stages} stages)\n`);
for (const r of rows) console.log(r.map((c, i) => (i === 0 || i === 5 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ').trimEnd());
const n = (x: number) => Math.round(x).toLocaleString('en-US');
console.log(`\ntagging: ${n(perSecond)} tokens per CPU-second on one core (${n(perWallSecond)} tokens/s wall-clock); load ${Math.round(loadMs)} ms (${Math.round(loadCpuMs)} ms CPU)`);

if (args['predictions-out']) {
  const out: string[] = [];
  docs.forEach((d, di) => {
    out.push('-DOCSTART- -X- O O O', '');
    d.sentences.forEach((sent, si) => {
      const tags = spansToIob1(predicted[di][si], sent.length);
      d.lines[si].forEach((line, i) => out.push(`${line} ${tags[i]}`));
      out.push('');
    });
  });
  writeFileSync(args['predictions-out'], out.join('\n'));
  console.log(`predictions: ${args['predictions-out']}`);
}

const f = (c: Counts) => fmt(prf(c).f);
console.log(`ner: F1 ${f(s.overall)} (PER ${f(s.byType.PER)}, ORG ${f(s.byType.ORG)}, LOC ${f(s.byType.LOC)}; MISC ${f(s.byType.MISC)}), ${Math.round(perSecond).toLocaleString('en-US')} tokens/s, load ${Math.round(loadMs)} ms`);
