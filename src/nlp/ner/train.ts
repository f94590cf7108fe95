// Averaged perceptron training of the tagger: documents in a seeded shuffled order each epoch, greedy
// decoding with the model's own previous tags (so training sees what tagging sees), an update on every
// wrong token, weights averaged over all steps at the end. Deterministic for a given corpus and seed.
import { KeyTable, rng } from './hash.ts';
import { Gazetteer, NCLASSES as NCLASSES_, TYPES, CLASS_NAMES, FEATURES_VERSION, classOf, prepare, stack, type Prepared } from './features.ts';
// hot-path bindings copied to module constants (the TypeScript loader turns imported bindings into getters)
const NCLASSES = NCLASSES_;
import { decode, deserialise, floatScorer, serialise, type EntitySpan, type ModelInfo, type NerModel, type Weights } from './model.ts';

/** A training document: sentences of tokens, and per sentence its entities (token ranges, end inclusive). */
export interface TrainingDoc { sentences: string[][]; entities: EntitySpan[][] }

export interface TrainOptions {
  epochs?: number;
  seed?: number;
  /** drop feature rows whose largest averaged weight is at most this */
  prune?: number;
  trainedOn?: string;
  /** more facts for the model header (where the gazetteer came from, say) */
  about?: Record<string, unknown>;
  /** 1: a single tagger; 2 (default): a second tagger stacked on the first one's document-wide tags */
  stages?: number;
  /** folds for the first-stage tags the second stage trains on (default 4) */
  folds?: number;
  log?: (line: string) => void;
}

class Perceptron {
  table = new KeyTable(1 << 18);
  weights = new Float64Array(NCLASSES * (1 << 17));
  private totals = new Float64Array(NCLASSES * (1 << 17));
  rows = 0;
  step = 1;

  private row(key: number): number {
    let r = this.table.get(key);
    if (r >= 0) return r;
    r = this.rows++;
    if (this.rows * NCLASSES > this.weights.length) {
      const grow = (a: Float64Array) => { const b = new Float64Array(a.length * 2); b.set(a); return b; };
      this.weights = grow(this.weights);
      this.totals = grow(this.totals);
    }
    this.table.set(key, r);
    return r;
  }

  update(feats: Uint32Array, count: number, gold: number, guess: number): void {
    for (let k = 0; k < count; k++) {
      const base = this.row(feats[k]) * NCLASSES;
      this.weights[base + gold] += 1;
      this.totals[base + gold] += this.step;
      this.weights[base + guess] -= 1;
      this.totals[base + guess] -= this.step;
    }
  }

  /** Averaged weights: w − (Σ step·Δ) / steps. */
  averaged(): Float64Array {
    const out = new Float64Array(this.rows * NCLASSES);
    for (let i = 0; i < out.length; i++) out[i] = this.weights[i] - this.totals[i] / this.step;
    return out;
  }
}

/** Gold BILOU classes of a document's tokens. */
export function goldClasses(doc: TrainingDoc): Int8Array {
  const n = doc.sentences.reduce((a, s) => a + s.length, 0);
  const gold = new Int8Array(n);
  let base = 0;
  doc.sentences.forEach((s, si) => {
    for (const e of doc.entities[si] ?? []) {
      const t = TYPES.indexOf(e.type);
      if (e.start === e.end) gold[base + e.start] = classOf(t, 3);
      else for (let i = e.start; i <= e.end; i++) gold[base + i] = classOf(t, i === e.start ? 0 : i === e.end ? 2 : 1);
    }
    base += s.length;
  });
  return gold;
}

/** One averaged-perceptron stage trained on prepared documents. */
function trainStage(data: { p: Prepared; gold: Int8Array }[], epochs: number, seed: number, prune: number, log?: (line: string) => void): Weights {
  const perceptron = new Perceptron();
  const scorer = floatScorer(() => perceptron);
  const random = rng(seed);
  const order = data.map((_, i) => i);
  for (let epoch = 1; epoch <= epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    let errors = 0, tokens = 0;
    for (const d of order) {
      const { p, gold } = data[d];
      decode(p, scorer, (feats, count, guess, token) => {
        if (guess !== gold[token]) { perceptron.update(feats, count, gold[token], guess); errors++; }
        perceptron.step++;
        tokens++;
      });
    }
    log?.(`  epoch ${epoch}: ${errors} token errors of ${tokens} (${(100 * (1 - errors / tokens)).toFixed(2)}% right), ${perceptron.rows} feature rows`);
  }
  const averaged = perceptron.averaged();
  // pruning: a row whose averaged weights are all tiny carries no decision; keep only the others
  const table = new KeyTable(perceptron.rows);
  const kept: number[] = [];
  const src = perceptron.table;
  for (let slot = 0; slot < src.keys.length; slot++) {
    if (src.keys[slot] === 0) continue;
    const r = src.values[slot];
    let max = 0;
    for (let c = 0; c < NCLASSES; c++) max = Math.max(max, Math.abs(averaged[r * NCLASSES + c]));
    if (max > prune) { table.set(src.keys[slot], kept.length); kept.push(r); }
  }
  const weights = new Float32Array(kept.length * NCLASSES);
  kept.forEach((r, i) => weights.set(averaged.subarray(r * NCLASSES, (r + 1) * NCLASSES), i * NCLASSES));
  return { table, weights };
}

/**
 * Train the tagger. With `stages: 2` (the default) a second stage is stacked on the first: its training
 * input carries first-stage tags made by models that did not see the document (k-fold, `folds`), so the
 * second stage learns how far to trust them.
 */
export function train(docs: TrainingDoc[], gazetteer: Gazetteer, opts: TrainOptions = {}): { model: NerModel; file: Buffer } {
  const epochs = opts.epochs ?? 10, seed = opts.seed ?? 1, prune = opts.prune ?? 0, stages = opts.stages ?? 2, folds = opts.folds ?? 4;
  const log = opts.log;
  const data = docs.map((d) => ({ p: prepare(d.sentences, gazetteer), gold: goldClasses(d) }));
  log?.('stage 1');
  const first = trainStage(data, epochs, seed, prune, log);
  const weights = [first];
  if (stages > 1) {
    const tags: Int8Array[] = new Array(data.length);
    for (let f = 0; f < folds; f++) {
      log?.(`stage 1, fold ${f + 1} of ${folds}`);
      const inFold = (i: number) => i % folds === f;
      const model = trainStage(data.filter((_, i) => !inFold(i)), epochs, seed + f + 1, prune);
      const scorer = floatScorer(() => model);
      data.forEach((d, i) => { if (inFold(i)) tags[i] = decode(d.p, scorer); });
    }
    log?.('stage 2');
    weights.push(trainStage(data.map((d, i) => ({ p: stack(d.p, tags[i]), gold: d.gold })), epochs, seed + 100, prune, log));
  }
  const info: ModelInfo = {
    format: 'wirewatch-ner', version: 1, features: FEATURES_VERSION, classes: [...CLASS_NAMES], trainedOn: opts.trainedOn ?? 'inline corpus', epochs, seed, stages, folds, ...opts.about,
  };
  // the model returned is the one the file holds (quantised and pruned), so what is measured is what ships
  const file = serialise(info, weights, gazetteer, prune);
  return { model: deserialise(file), file };
}
