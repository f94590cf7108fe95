// The tagger: hashed feature weights (one row of NCLASSES weights per feature) and the gazetteer, greedy
// left-to-right decoding under BILOU constraints, and the compact file format (gzip of a small header and
// typed arrays: feature hashes, a float scale per row, int8 weights, gazetteer hashes and categories).
import { gzipSync, gunzipSync } from 'node:zlib';
import { KeyTable } from './hash.ts';
import { Gazetteer, NCLASSES as NCLASSES_, TYPES, allowed as allowed_, dynamicFeatures as dynamicFeatures_, posOf as posOf_, prepare as prepare_, stackedFeatures as stackedFeatures_, typeOf as typeOf_, FEATURES_VERSION, type EntityType, type Prepared, type PrepareOptions } from './features.ts';
// hot-path bindings copied to module constants (the TypeScript loader turns imported bindings into getters)
const NCLASSES = NCLASSES_, allowed = allowed_, dynamicFeatures = dynamicFeatures_, posOf = posOf_, prepare = prepare_, stackedFeatures = stackedFeatures_, typeOf = typeOf_;

/** Float weights as training makes them: a feature-hash table to rows of NCLASSES weights. */
export interface Weights { table: KeyTable; weights: Float32Array | Float64Array }

/** Adds the weights of features [from, to) to per-class scores. */
export interface Scorer { score(feats: Uint32Array, from: number, to: number, scores: Float64Array): void }

/**
 * Weights a tagger runs on, for all its stages at once, inside one open-addressing table: a slot holds the
 * feature hash, a float scale per stage and 17 int8 weights per stage (32 bytes for one stage, 48 for two).
 * A feature costs one memory access whichever stages use it, the static features of a token are looked up
 * once for all stages (`scoreAll`), and the table is saved and loaded as it is, so loading is unzipping.
 */
export class PackedWeights {
  readonly buffer: ArrayBuffer;
  private readonly keys: Uint32Array;
  private readonly scales: Float32Array;
  private readonly q: Int8Array;
  private readonly mask: number;
  /** slot size in 32-bit words */
  private readonly words: number;
  readonly rows: number;

  /** partial sums of a word's own features, per word (see scoreAll); dropped with the word's info */
  private readonly localSums = new WeakMap<object, Float64Array>();

  constructor(buffer: ArrayBuffer, byteOffset: number, readonly slots: number, readonly stages: number) {
    if (stages < 1 || stages > 2) throw new Error('the tagger has one or two stages');
    this.buffer = buffer;
    this.words = slotBytes(stages) / 4;
    this.keys = new Uint32Array(buffer, byteOffset, slots * this.words);
    this.scales = new Float32Array(buffer, byteOffset, slots * this.words);
    this.q = new Int8Array(buffer, byteOffset, slots * this.words * 4);
    this.mask = slots - 1;
    let rows = 0;
    for (let i = 0; i < slots; i++) if (this.keys[i * this.words] !== 0) rows++;
    this.rows = rows;
  }

  /** Pack rows (keys in the order given, which fixes the layout) with their float weights per stage. */
  static pack(keys: ArrayLike<number>, stages: number, weights: (row: number, stage: number, c: number) => number): PackedWeights {
    let slots = 16;
    while (slots < keys.length * 1.5) slots *= 2;
    const bytes = slotBytes(stages), words = bytes / 4;
    const buffer = new ArrayBuffer(slots * bytes);
    const k32 = new Uint32Array(buffer), f32 = new Float32Array(buffer), q = new Int8Array(buffer);
    for (let r = 0; r < keys.length; r++) {
      let slot = Math.imul(keys[r], 0x9e3779b1) >>> 0 & (slots - 1);
      while (k32[slot * words] !== 0) slot = (slot + 1) & (slots - 1);
      k32[slot * words] = keys[r];
      for (let s = 0; s < stages; s++) {
        let max = 0;
        for (let c = 0; c < NCLASSES; c++) max = Math.max(max, Math.abs(weights(r, s, c)));
        const sc = max / 127 || 1;
        f32[slot * words + 1 + s] = sc;
        for (let c = 0; c < NCLASSES; c++) q[slot * bytes + 4 + 4 * stages + 17 * s + c] = Math.round(weights(r, s, c) / sc);
      }
    }
    return new PackedWeights(buffer, 0, slots, stages);
  }

  /** The scorer of one stage. */
  stage(s: number): Scorer {
    return { score: (f, from, to, scores) => this.score(f, from, to, scores, s) };
  }

  score(f: Uint32Array, from: number, to: number, scores: Float64Array, stage: number): void {
    const keys = this.keys, mask = this.mask, q = this.q, scales = this.scales, words = this.words;
    const qoff = 4 + 4 * this.stages + 17 * stage;
    let s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0, s8 = 0, s9 = 0, s10 = 0, s11 = 0, s12 = 0, s13 = 0, s14 = 0, s15 = 0, s16 = 0;
    for (let k = from; k < to; k++) {
      const key = f[k];
      let slot = Math.imul(key, 0x9e3779b1) >>> 0 & mask;
      let x = keys[slot * words];
      while (x !== key && x !== 0) { slot = (slot + 1) & mask; x = keys[slot * words]; }
      if (x === 0) continue;
      const sc = scales[slot * words + 1 + stage], b = slot * words * 4 + qoff;
      s0 += q[b + 0] * sc; s1 += q[b + 1] * sc; s2 += q[b + 2] * sc; s3 += q[b + 3] * sc; s4 += q[b + 4] * sc; s5 += q[b + 5] * sc; s6 += q[b + 6] * sc; s7 += q[b + 7] * sc; s8 += q[b + 8] * sc; s9 += q[b + 9] * sc; s10 += q[b + 10] * sc; s11 += q[b + 11] * sc; s12 += q[b + 12] * sc; s13 += q[b + 13] * sc; s14 += q[b + 14] * sc; s15 += q[b + 15] * sc; s16 += q[b + 16] * sc;
    }
    scores[0] += s0; scores[1] += s1; scores[2] += s2; scores[3] += s3; scores[4] += s4; scores[5] += s5; scores[6] += s6; scores[7] += s7; scores[8] += s8; scores[9] += s9; scores[10] += s10; scores[11] += s11; scores[12] += s12; scores[13] += s13; scores[14] += s14; scores[15] += s15; scores[16] += s16;
  }

  /** Static scores of every token for every stage: out[(stage · n + token) · 17 + class]. */
  scoreAll(f: Uint32Array, offsets: Int32Array, n: number, local?: { localCount: Uint8Array; wordKeys: readonly object[] }): Float32Array {
    const out = new Float32Array(this.stages * n * 17);
    const keys = this.keys, mask = this.mask, q = this.q, scales = this.scales, words = this.words;
    const two = this.stages === 2;
    const cache = this.localSums;
    for (let i = 0; i < n; i++) {
      let s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0, s8 = 0, s9 = 0, s10 = 0, s11 = 0, s12 = 0, s13 = 0, s14 = 0, s15 = 0, s16 = 0;
      let t0 = 0, t1 = 0, t2 = 0, t3 = 0, t4 = 0, t5 = 0, t6 = 0, t7 = 0, t8 = 0, t9 = 0, t10 = 0, t11 = 0, t12 = 0, t13 = 0, t14 = 0, t15 = 0, t16 = 0;
      // A word's own features come first and sum the same wherever it occurs: their partial sums are kept
      // per word and the loop resumes after them. Same additions in the same order, so the same scores.
      let k = offsets[i], saveAt = -1, saved: Float64Array | undefined;
      if (local) {
        const word = local.wordKeys[i];
        const c = cache.get(word);
        if (c) {
          s0 = c[0]; s1 = c[1]; s2 = c[2]; s3 = c[3]; s4 = c[4]; s5 = c[5]; s6 = c[6]; s7 = c[7]; s8 = c[8]; s9 = c[9]; s10 = c[10]; s11 = c[11]; s12 = c[12]; s13 = c[13]; s14 = c[14]; s15 = c[15]; s16 = c[16];
          t0 = c[17]; t1 = c[18]; t2 = c[19]; t3 = c[20]; t4 = c[21]; t5 = c[22]; t6 = c[23]; t7 = c[24]; t8 = c[25]; t9 = c[26]; t10 = c[27]; t11 = c[28]; t12 = c[29]; t13 = c[30]; t14 = c[31]; t15 = c[32]; t16 = c[33];
          k += local.localCount[i];
        } else {
          saved = new Float64Array(34);
          cache.set(word, saved);
          saveAt = k + local.localCount[i];
        }
      }
      for (; k < offsets[i + 1]; k++) {
        if (k === saveAt) {
          const c = saved!;
          c[0] = s0; c[1] = s1; c[2] = s2; c[3] = s3; c[4] = s4; c[5] = s5; c[6] = s6; c[7] = s7; c[8] = s8; c[9] = s9; c[10] = s10; c[11] = s11; c[12] = s12; c[13] = s13; c[14] = s14; c[15] = s15; c[16] = s16;
          c[17] = t0; c[18] = t1; c[19] = t2; c[20] = t3; c[21] = t4; c[22] = t5; c[23] = t6; c[24] = t7; c[25] = t8; c[26] = t9; c[27] = t10; c[28] = t11; c[29] = t12; c[30] = t13; c[31] = t14; c[32] = t15; c[33] = t16;
        }
        const key = f[k];
        let slot = Math.imul(key, 0x9e3779b1) >>> 0 & mask;
        let x = keys[slot * words];
        while (x !== key && x !== 0) { slot = (slot + 1) & mask; x = keys[slot * words]; }
        if (x === 0) continue;
        const w = slot * words;
        let sc = scales[w + 1], b = w * 4 + (two ? 12 : 8);
        s0 += q[b + 0] * sc; s1 += q[b + 1] * sc; s2 += q[b + 2] * sc; s3 += q[b + 3] * sc; s4 += q[b + 4] * sc; s5 += q[b + 5] * sc; s6 += q[b + 6] * sc; s7 += q[b + 7] * sc; s8 += q[b + 8] * sc; s9 += q[b + 9] * sc; s10 += q[b + 10] * sc; s11 += q[b + 11] * sc; s12 += q[b + 12] * sc; s13 += q[b + 13] * sc; s14 += q[b + 14] * sc; s15 += q[b + 15] * sc; s16 += q[b + 16] * sc;
        if (two) {
          sc = scales[w + 2]; b += 17;
          t0 += q[b + 0] * sc; t1 += q[b + 1] * sc; t2 += q[b + 2] * sc; t3 += q[b + 3] * sc; t4 += q[b + 4] * sc; t5 += q[b + 5] * sc; t6 += q[b + 6] * sc; t7 += q[b + 7] * sc; t8 += q[b + 8] * sc; t9 += q[b + 9] * sc; t10 += q[b + 10] * sc; t11 += q[b + 11] * sc; t12 += q[b + 12] * sc; t13 += q[b + 13] * sc; t14 += q[b + 14] * sc; t15 += q[b + 15] * sc; t16 += q[b + 16] * sc;
        }
      }
      // a word whose features are all its own (none are, today) has nothing cached
      if (saved && saveAt >= offsets[i + 1]) cache.delete(local!.wordKeys[i]);
      let o = i * 17;
      out[o + 0] = s0; out[o + 1] = s1; out[o + 2] = s2; out[o + 3] = s3; out[o + 4] = s4; out[o + 5] = s5; out[o + 6] = s6; out[o + 7] = s7; out[o + 8] = s8; out[o + 9] = s9; out[o + 10] = s10; out[o + 11] = s11; out[o + 12] = s12; out[o + 13] = s13; out[o + 14] = s14; out[o + 15] = s15; out[o + 16] = s16;
      if (two) {
        o = (n + i) * 17;
        out[o + 0] = t0; out[o + 1] = t1; out[o + 2] = t2; out[o + 3] = t3; out[o + 4] = t4; out[o + 5] = t5; out[o + 6] = t6; out[o + 7] = t7; out[o + 8] = t8; out[o + 9] = t9; out[o + 10] = t10; out[o + 11] = t11; out[o + 12] = t12; out[o + 13] = t13; out[o + 14] = t14; out[o + 15] = t15; out[o + 16] = t16;
      }
    }
    return out;
  }
}

const slotBytes = (stages: number) => Math.ceil((4 + 21 * stages) / 16) * 16;

/** Scoring straight from float weights (used while training). */
export function floatScorer(get: () => Weights): Scorer {
  return {
    score(f, from, to, scores) {
      const { table, weights } = get();
      for (let k = from; k < to; k++) {
        const r = table.get(f[k]);
        if (r < 0) continue;
        const b = r * NCLASSES;
        for (let c = 0; c < NCLASSES; c++) scores[c] += weights[b + c];
      }
    },
  };
}

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
  private readonly scorers: Scorer[];
  constructor(readonly info: ModelInfo, readonly weights: PackedWeights, readonly gazetteer: Gazetteer) {
    this.scorers = Array.from({ length: weights.stages }, (_, s) => weights.stage(s));
  }

  /** BILOU classes of every token of a document (sentences of token strings). */
  classes(sentences: readonly (readonly string[])[], opts: PrepareOptions = {}): { p: Prepared; tags: Int8Array } {
    const p = prepare(sentences, this.gazetteer, opts);
    const base = this.weights.scoreAll(p.feats, p.offsets, p.n, p);
    let tags = decode(p, this.scorers[0], undefined, { base, at: 0 });
    if (this.weights.stages > 1) tags = decode(p, this.scorers[1], undefined, { base, at: p.n * 17, extra: stackedFeatures(p, tags) });
    return { p, tags };
  }

  /** Tag a document (sentences of token strings): per sentence, its entities as token ranges (end inclusive). */
  tag(sentences: readonly (readonly string[])[], opts: PrepareOptions = {}): EntitySpan[][] {
    const { p, tags } = this.classes(sentences, opts);
    return sentences.map((_, s) => spansOf(tags, p.sentenceStarts[s], p.sentenceStarts[s + 1]));
  }

  /** Feature rows over all stages. */
  get rows(): number { return this.weights.rows; }

  get stages(): number { return this.weights.stages; }
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
export function decode(
  p: Prepared, model: Scorer, learn?: (feats: Uint32Array, count: number, guess: number, token: number) => void,
  pre?: { base: Float32Array; at: number; extra?: { feats: Uint32Array; offsets: Int32Array } },
): Int8Array {
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
      if (pre) {
        // static scores computed beforehand for all stages; only the rest is looked up here
        for (let c = 0; c < NCLASSES; c++) scores[c] = pre.base[pre.at + i * NCLASSES + c];
        if (pre.extra) model.score(pre.extra.feats, pre.extra.offsets[i], pre.extra.offsets[i + 1], scores);
      } else {
        scores.fill(0);
        if (!learn) model.score(feats, offsets[i], offsets[i + 1], scores);
      }
      model.score(buf, learn ? 0 : dynStart, nf, scores);
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

/** ALLOWED[(prev + 1) * 2 + last][c]: may class c follow prev (−1 = start), last in its sentence or not. */
const ALLOWED: Uint8Array[] = [];
for (let prev = -1; prev < NCLASSES; prev++) for (const last of [false, true]) ALLOWED.push(Uint8Array.from({ length: NCLASSES }, (_, c) => (allowed(prev, c, last) ? 1 : 0)));

// ------------------------------------------------------------------------------------------- file format

const MAGIC = 'WWNER';

/** Serialise: rows whose largest weight is at most `prune` are dropped; weights become int8 with a scale per
 * row. The file is a gzip of: magic, header length, JSON header, then (8-byte aligned) each stage's slot
 * table and the gazetteer's key and value arrays, byte for byte as the tagger uses them. */
export function serialise(info: ModelInfo, stages: Weights[], gaz: Gazetteer, prune = 0): Buffer {
  // rows of every stage under one key; a stage whose weights for a key are all tiny contributes zeros
  const kept = new Map<number, number[]>();
  stages.forEach(({ table, weights }, s) => {
    for (let slot = 0; slot < table.keys.length; slot++) {
      const key = table.keys[slot];
      if (key === 0) continue;
      const r = table.values[slot];
      let max = 0;
      for (let c = 0; c < NCLASSES; c++) max = Math.max(max, Math.abs(weights[r * NCLASSES + c]));
      if (max <= prune) continue;
      let rows = kept.get(key);
      if (!rows) kept.set(key, (rows = new Array(stages.length).fill(-1)));
      rows[s] = r;
    }
  });
  // deterministic layout regardless of the training tables': insert in key order
  const keys = [...kept.keys()].sort((a, b) => a - b);
  const packed = PackedWeights.pack(keys, stages.length, (r, s, c) => {
    const row = kept.get(keys[r])![s];
    return row < 0 ? 0 : stages[s].weights[row * NCLASSES + c];
  });
  const gazKeys: number[] = [];
  for (let slot = 0; slot < gaz.table.keys.length; slot++) if (gaz.table.keys[slot]) gazKeys.push(gaz.table.keys[slot]);
  gazKeys.sort((a, b) => a - b);
  const gt = new KeyTable(gazKeys.length);
  for (const k of gazKeys) gt.set(k, gaz.table.get(k));
  const header = Buffer.from(JSON.stringify({
    ...info, rows: packed.rows, stages: packed.stages, slots: packed.slots, gazetteerSlots: gt.keys.length, gazetteerMaxLength: gaz.maxLength,
  }), 'utf8');
  const pad = (8 - ((MAGIC.length + 4 + header.length) % 8)) % 8;
  const len = Buffer.alloc(4);
  len.writeUInt32LE(header.length + pad);
  const parts = [Buffer.from(MAGIC), len, header, Buffer.alloc(pad, 32), Buffer.from(packed.buffer), bytes(gt.keys), bytes(gt.values)];
  return gzipSync(Buffer.concat(parts), { level: 9 });
}

const bytes = (a: ArrayBufferView) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);

export function deserialise(file: Buffer): NerModel {
  let raw = gunzipSync(file);
  if (raw.subarray(0, MAGIC.length).toString() !== MAGIC) throw new Error('not a Wirewatch NER model');
  if (raw.byteOffset % 8 !== 0) raw = Buffer.from(raw); // typed-array views need aligned memory
  const hlen = raw.readUInt32LE(MAGIC.length);
  let off = raw.byteOffset + MAGIC.length + 4;
  const info = JSON.parse(raw.subarray(MAGIC.length + 4, MAGIC.length + 4 + hlen).toString('utf8')) as ModelInfo & { slots: number; stages: number; gazetteerSlots: number; gazetteerMaxLength: number };
  if (info.format !== 'wirewatch-ner' || info.features !== FEATURES_VERSION || info.classes.length !== NCLASSES) {
    throw new Error(`NER model built for features v${info.features}, this code has v${FEATURES_VERSION}: retrain with npm run train:ner`);
  }
  off += hlen;
  const weights = new PackedWeights(raw.buffer, off, info.slots, info.stages);
  off += info.slots * slotBytes(info.stages);
  const g = info.gazetteerSlots;
  const gaz = new Gazetteer(KeyTable.over(new Uint32Array(raw.buffer, off, g), new Int32Array(raw.buffer, off + 4 * g, g)));
  gaz.maxLength = info.gazetteerMaxLength;
  return new NerModel(info, weights, gaz);
}
