// The tagger: hashed feature weights (one row of NCLASSES weights per feature) and the gazetteer, greedy
// left-to-right decoding under BILOU constraints, and the compact file format (gzip of a small header and
// typed arrays: feature hashes, a float scale per row, int8 weights, gazetteer hashes and categories).
import { gzipSync, gunzipSync } from 'node:zlib';
import { KeyTable } from './hash.ts';
import { Gazetteer, NCLASSES as NCLASSES_, TYPES, allowed as allowed_, dynamicFeatures as dynamicFeatures_, posOf as posOf_, prepare as prepare_, stack as stack_, typeOf as typeOf_, FEATURES_VERSION, type EntityType, type Prepared } from './features.ts';
// hot-path bindings copied to module constants (the TypeScript loader turns imported bindings into getters)
const NCLASSES = NCLASSES_, allowed = allowed_, dynamicFeatures = dynamicFeatures_, posOf = posOf_, prepare = prepare_, stack = stack_, typeOf = typeOf_;

export interface Weights { table: KeyTable; weights: Float32Array | Float64Array }

export interface ModelInfo {
  format: 'wirewatch-ner';
  version: number;
  features: number;
  classes: string[];
  trainedOn: string;
  epochs: number;
  seed: number;
  [key: string]: unknown;
}

export interface EntitySpan { start: number; end: number; type: EntityType }

export class NerModel {
  /** stage 1 tags from local and document features; each later stage also sees the tags of the one before */
  constructor(readonly info: ModelInfo, readonly stages: Weights[], readonly gazetteer: Gazetteer) {}

  /** BILOU classes of every token of a document (sentences of token strings). */
  classes(sentences: readonly (readonly string[])[]): { p: Prepared; tags: Int8Array } {
    const p = prepare(sentences, this.gazetteer);
    let tags = decode(p, this.stages[0]);
    for (let k = 1; k < this.stages.length; k++) tags = decode(stack(p, tags), this.stages[k]);
    return { p, tags };
  }

  /** Tag a document (sentences of token strings): per sentence, its entities as token ranges (end inclusive). */
  tag(sentences: readonly (readonly string[])[]): EntitySpan[][] {
    const { p, tags } = this.classes(sentences);
    return sentences.map((_, s) => spansOf(tags, p.sentenceStarts[s], p.sentenceStarts[s + 1]));
  }

  /** Feature rows over all stages. */
  get rows(): number { return this.stages.reduce((a, s) => a + s.table.size, 0); }
}

/** Entities in tags [from, to), as ranges relative to `from`. */
export function spansOf(tags: ArrayLike<number>, from: number, to: number): EntitySpan[] {
  const out: EntitySpan[] = [];
  let open = -1;
  for (let i = from; i < to; i++) {
    const c = tags[i];
    if (c === 0) { open = -1; continue; }
    const p = posOf(c);
    if (p === 0) open = i;
    else if (p === 3) out.push({ start: i - from, end: i - from, type: TYPES[typeOf(c)] });
    else if (p === 2 && open >= 0) { out.push({ start: open - from, end: i - from, type: TYPES[typeOf(c)] }); open = -1; }
  }
  return out;
}

/**
 * Greedy decoding of a prepared document. `learn`, when given, sees each token's features and the guess
 * before the decoder moves on (the perceptron's update); the guess is what the history features remember.
 */
export function decode(p: Prepared, model: Weights, learn?: (feats: Uint32Array, count: number, guess: number, token: number) => void): Int8Array {
  const tags = new Int8Array(p.n);
  const buf = new Uint32Array(512);
  const scores = new Float64Array(NCLASSES);
  const history = new Map<number, Int32Array>();
  const sentences = p.sentenceStarts.length - 1;
  const feats = p.feats, offsets = p.offsets;
  for (let s = 0; s < sentences; s++) {
    const from = p.sentenceStarts[s], to = p.sentenceStarts[s + 1];
    let prev1 = -1, prev2 = -1;
    for (let i = from; i < to; i++) {
      const h = history.get(p.word[i]);
      let hist = 0;
      if (h) { let best = 0; for (let c = 0; c < 5; c++) if (h[c] > best) { best = h[c]; hist = c + 1; } }
      let nf = 0;
      if (learn) for (let k = offsets[i]; k < offsets[i + 1]; k++) buf[nf++] = feats[k];
      const dynStart = nf;
      nf = dynamicFeatures(p, i, prev1, prev2, hist, buf, nf);
      scores.fill(0);
      if (!learn) score(model, feats, offsets[i], offsets[i + 1], scores);
      score(model, buf, learn ? 0 : dynStart, nf, scores);
      const allow = ALLOWED[(prev1 + 1) * 2 + (i === to - 1 ? 1 : 0)];
      let guess = -1;
      for (let c = 0; c < NCLASSES; c++) if (allow[c] && (guess < 0 || scores[c] > scores[guess])) guess = c;
      if (learn) learn(buf, nf, guess, i);
      tags[i] = guess;
      prev2 = prev1;
      prev1 = guess;
    }
    for (let i = from; i < to; i++) {
      if (p.caseClass[i] === 0 || p.caseClass[i] === 4) continue;
      let h = history.get(p.word[i]);
      if (!h) history.set(p.word[i], (h = new Int32Array(5)));
      h[tags[i] === 0 ? 4 : typeOf(tags[i])]++;
    }
  }
  return tags;
}

if (NCLASSES !== 17) throw new Error('score() is unrolled for 17 classes');

/** Add the weights of features [from, to) to scores. Unrolled over the 17 classes: the rows are read at
 * random, and independent accumulators let the CPU overlap those memory reads. */
function score(model: Weights, f: Uint32Array, from: number, to: number, scores: Float64Array): void {
  const keys = model.table.keys, values = model.table.values, mask = keys.length - 1;
  const w = model.weights;
  let s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0, s8 = 0, s9 = 0, s10 = 0, s11 = 0, s12 = 0, s13 = 0, s14 = 0, s15 = 0, s16 = 0;
  for (let k = from; k < to; k++) {
    const key = f[k];
    let slot = Math.imul(key, 0x9e3779b1) >>> 0 & mask;
    let found = true;
    for (;;) {
      const x = keys[slot];
      if (x === key) break;
      if (x === 0) { found = false; break; }
      slot = (slot + 1) & mask;
    }
    if (!found) continue;
    const b = values[slot] * 17;
    s0 += w[b + 0]; s1 += w[b + 1]; s2 += w[b + 2]; s3 += w[b + 3]; s4 += w[b + 4]; s5 += w[b + 5]; s6 += w[b + 6]; s7 += w[b + 7]; s8 += w[b + 8]; s9 += w[b + 9]; s10 += w[b + 10]; s11 += w[b + 11]; s12 += w[b + 12]; s13 += w[b + 13]; s14 += w[b + 14]; s15 += w[b + 15]; s16 += w[b + 16];
  }
  scores[0] += s0; scores[1] += s1; scores[2] += s2; scores[3] += s3; scores[4] += s4; scores[5] += s5; scores[6] += s6; scores[7] += s7; scores[8] += s8; scores[9] += s9; scores[10] += s10; scores[11] += s11; scores[12] += s12; scores[13] += s13; scores[14] += s14; scores[15] += s15; scores[16] += s16;
}

/** ALLOWED[(prev + 1) * 2 + last][c]: may class c follow prev (−1 = start), last in its sentence or not. */
const ALLOWED: Uint8Array[] = [];
for (let prev = -1; prev < NCLASSES; prev++) for (const last of [false, true]) ALLOWED.push(Uint8Array.from({ length: NCLASSES }, (_, c) => (allowed(prev, c, last) ? 1 : 0)));

// ------------------------------------------------------------------------------------------- file format

const MAGIC = 'WWNER';

/** Serialise: rows whose largest weight is at most `prune` are dropped; weights are int8 with a scale per row. */
export function serialise(info: ModelInfo, stages: Weights[], gaz: Gazetteer, prune = 0): Buffer {
  const blocks: Buffer[] = [];
  const rowCounts: number[] = [];
  for (const { table, weights } of stages) {
    const rows: number[] = [];
    const keys: number[] = [];
    for (let slot = 0; slot < table.keys.length; slot++) {
      const key = table.keys[slot];
      if (key === 0) continue;
      const r = table.values[slot];
      let max = 0;
      for (let c = 0; c < NCLASSES; c++) max = Math.max(max, Math.abs(weights[r * NCLASSES + c]));
      if (max > prune) { rows.push(r); keys.push(key); }
    }
    // deterministic order regardless of hash-table layout
    const order = keys.map((_, i) => i).sort((a, b) => keys[a] - keys[b]);
    const n = order.length;
    const keyArr = new Uint32Array(n), scale = new Float32Array(n), q = new Int8Array(n * NCLASSES);
    order.forEach((idx, i) => {
      const r = rows[idx];
      keyArr[i] = keys[idx];
      let max = 0;
      for (let c = 0; c < NCLASSES; c++) max = Math.max(max, Math.abs(weights[r * NCLASSES + c]));
      const sc = max / 127;
      scale[i] = sc;
      for (let c = 0; c < NCLASSES; c++) q[i * NCLASSES + c] = Math.round(weights[r * NCLASSES + c] / sc);
    });
    rowCounts.push(n);
    blocks.push(bytes(keyArr), bytes(scale), bytes(q), Buffer.alloc((4 - (q.length % 4)) % 4));
  }
  const gazKeys: number[] = [];
  for (let slot = 0; slot < gaz.table.keys.length; slot++) if (gaz.table.keys[slot]) gazKeys.push(gaz.table.keys[slot]);
  gazKeys.sort((a, b) => a - b);
  const gk = Uint32Array.from(gazKeys), gm = Uint8Array.from(gazKeys, (k) => gaz.table.get(k));
  const header = Buffer.from(JSON.stringify({ ...info, rows: rowCounts, gazetteer: gk.length, gazetteerMaxLength: gaz.maxLength }), 'utf8');
  const pad = (4 - ((MAGIC.length + 4 + header.length) % 4)) % 4;
  const len = Buffer.alloc(4);
  len.writeUInt32LE(header.length + pad);
  const parts = [Buffer.from(MAGIC), len, header, Buffer.alloc(pad, 32), ...blocks, bytes(gk), bytes(gm)];
  return gzipSync(Buffer.concat(parts), { level: 9 });
}

const bytes = (a: ArrayBufferView) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);

export function deserialise(file: Buffer): NerModel {
  const raw = gunzipSync(file);
  if (raw.subarray(0, MAGIC.length).toString() !== MAGIC) throw new Error('not a Wirewatch NER model');
  const hlen = raw.readUInt32LE(MAGIC.length);
  const at = MAGIC.length + 4;
  const info = JSON.parse(raw.subarray(at, at + hlen).toString('utf8')) as ModelInfo & { rows: number[]; gazetteer: number; gazetteerMaxLength: number };
  if (info.format !== 'wirewatch-ner' || info.features !== FEATURES_VERSION || info.classes.length !== NCLASSES) {
    throw new Error(`NER model built for features v${info.features}, this code has v${FEATURES_VERSION}: retrain with npm run train:ner`);
  }
  // the body starts 4-byte aligned in `raw`; copy it once into its own buffer so typed arrays can view it
  const body = raw.buffer.slice(raw.byteOffset + at + hlen, raw.byteOffset + raw.length);
  let off = 0;
  const stages: Weights[] = info.rows.map((n) => {
    const keys = new Uint32Array(body, off, n); off += 4 * n;
    const scale = new Float32Array(body, off, n); off += 4 * n;
    const q = new Int8Array(body, off, n * NCLASSES); off += n * NCLASSES;
    off += (4 - (off % 4)) % 4;
    const table = new KeyTable(n);
    const weights = new Float32Array(n * NCLASSES);
    for (let i = 0; i < n; i++) {
      table.set(keys[i], i);
      const sc = scale[i];
      for (let c = 0; c < NCLASSES; c++) weights[i * NCLASSES + c] = q[i * NCLASSES + c] * sc;
    }
    return { table, weights };
  });
  const g = info.gazetteer;
  const gk = new Uint32Array(body, off, g); off += 4 * g;
  const gm = new Uint8Array(body, off, g);
  const gt = new KeyTable(g);
  for (let i = 0; i < g; i++) gt.set(gk[i], gm[i]);
  const gaz = new Gazetteer(gt);
  gaz.maxLength = info.gazetteerMaxLength;
  return new NerModel(info, stages, gaz);
}
