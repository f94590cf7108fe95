// Tags and features of the named-entity tagger. A document is prepared once (normalised words, shapes,
// affixes, gazetteer matches, document-level casing statistics) into a flat array of hashed "static"
// features per token; the decoder adds the few features that depend on its own earlier decisions (the two
// previous tags and what it has already called the same word in this document).
import { hashString as hashString_, mix as mix_, KeyTable } from './hash.ts';
// hot-path bindings copied to module constants (the TypeScript loader turns imported bindings into getters)
const hashString = hashString_, mix = mix_;

export const TYPES = ['PER', 'ORG', 'LOC', 'MISC'] as const;
export type EntityType = (typeof TYPES)[number];
/** BILOU positions: B(egin), I(nside), L(ast), U(nit). Class 0 is O; class 1 + 4·type + position. */
export const POSITIONS = ['B', 'I', 'L', 'U'] as const;
export const NCLASSES = 1 + TYPES.length * POSITIONS.length;
export const CLASS_NAMES = ['O', ...TYPES.flatMap((t) => POSITIONS.map((p) => `${p}-${t}`))];

export const classOf = (type: number, pos: number) => 1 + type * 4 + pos;
export const typeOf = (c: number) => (c - 1) >> 2;
export const posOf = (c: number) => (c - 1) & 3;

/** May class `c` follow class `prev` (-1 = sentence start), and may it stand last when `last`? */
export function allowed(prev: number, c: number, last: boolean): boolean {
  const open = prev > 0 && posOf(prev) <= 1; // after B or I an entity is open
  if (open) {
    if (c === 0 || typeOf(c) !== typeOf(prev)) return false;
    const p = posOf(c);
    return last ? p === 2 : p === 1 || p === 2;
  }
  if (c === 0) return true;
  const p = posOf(c);
  return last ? p === 3 : p === 0 || p === 3;
}

// ------------------------------------------------------------------------------------------- gazetteer

/** Gazetteer categories (bit flags); MORE marks a phrase prefix that longer entries extend. */
export const GAZ = { LOC: 1, COUNTRY: 2, DEMONYM: 4, ORG: 8, PER: 16, FIRST: 32, LAST: 64, MORE: 128 } as const;
const GAZ_SEED = 0x5eed1;

/** The gazetteer form of a token: normalised, lower case, without periods ("U.S." → "us"). */
export function gazWord(token: string): number {
  return hashString(normalise(token).toLowerCase().replace(/\./g, ''));
}

export class Gazetteer {
  readonly table: KeyTable;
  maxLength = 1;
  constructor(table = new KeyTable(1 << 14)) { this.table = table; }

  /** Add a phrase (already split into tokens) with category bits. */
  add(tokens: string[], category: number): void {
    const words = tokens.map(gazWord).filter((h) => h !== EMPTY);
    if (!words.length) return;
    let h = GAZ_SEED;
    words.forEach((w, k) => {
      h = mix(h, w);
      const old = Math.max(0, this.table.get(h));
      this.table.set(h, old | (k === words.length - 1 ? category : GAZ.MORE));
    });
    this.maxLength = Math.max(this.maxLength, words.length);
  }

  /** Is this word (a `gazWord` hash) a name, or a first or last word of one, by itself? */
  knowsWord(word: number): boolean {
    return this.table.get(mix(GAZ_SEED, word)) > 0;
  }

  /** Every phrase found in tokens [from, to): calls back with first and last token and categories. */
  scan(words: Uint32Array, from: number, to: number, found: (i: number, j: number, cats: number) => void): void {
    for (let i = from; i < to; i++) {
      if (words[i] === EMPTY) continue;
      let h = GAZ_SEED;
      for (let j = i; j < to && j < i + this.maxLength; j++) {
        h = mix(h, words[j]);
        const m = this.table.get(h);
        if (m < 0) break;
        if (m & 127) found(i, j, m & 127);
        if (!(m & GAZ.MORE)) break;
      }
    }
  }
}
const EMPTY = hashString('');

// ------------------------------------------------------------------------------------------- words

const SINGLE_QUOTES = /[\u2018\u2019\u201A\u201B\u2032\u00B4`]/g;
const DOUBLE_QUOTES = /[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB]/g;
const DASHES = /[\u2010-\u2015\u2212]/g;

/** Typographic variants folded to the plain forms newswire training data uses. */
export function normalise(token: string): string {
  return token.replace(SINGLE_QUOTES, "'").replace(DOUBLE_QUOTES, '"').replace(DASHES, '-');
}

/** Word shape: X for upper, x for lower, d for digit, other characters kept; runs capped at 4 (short: 1). */
export function shapes(word: string): [string, string] {
  let long = '', short = '', last = '', run = 0;
  for (const ch of word) {
    const c = /\p{Lu}/u.test(ch) ? 'X' : /\p{L}/u.test(ch) ? 'x' : /\p{N}/u.test(ch) ? 'd' : ch;
    if (c === last) run++; else { run = 1; last = c; short += c; }
    if (run <= 4) long += c;
  }
  return [long, short];
}

/** 0 lower-initial word, 1 Capitalised, 2 ALLCAPS (2+ letters), 3 single capital or mixed, 4 no letter. */
export function caseClass(word: string): number {
  if (!/\p{L}/u.test(word)) return 4;
  if (/^\p{Ll}/u.test(word)) return 0;
  const letters = word.replace(/[^\p{L}]/gu, '');
  if (letters.length >= 2 && letters === letters.toUpperCase()) return 2;
  if (/^\p{Lu}/u.test(word) && letters.length >= 2 && /\p{Ll}/u.test(letters.slice(1))) return 1;
  return 3;
}

// ------------------------------------------------------------------------------------------- templates

// Template ids: any fixed distinct numbers; changing one invalidates trained models (see FEATURES_VERSION).
export const FEATURES_VERSION = 1;
const enum T {
  Bias = 1, Word, Cased, Shape, SShape, Pre1, Pre2, Pre3, Pre4, Suf1, Suf2, Suf3, Suf4,
  WordM1, WordM2, WordP1, WordP2, SShapeM1, SShapeP1, SShape3, BiM, BiP, Mode, Initial, Length,
  Gaz, GazAll, GazM1, GazP1, Doc, WordM1Shape, WordP1Shape, SufM1, Prev1, Prev2, Prev1Word, Prev1Shape,
  Hist, HistShape, DocShapeWord, GazShape, ModeWord,
  S1Tag, S1TagM1, S1TagP1, S1DocMaj, S1DocHas, S1SpanMaj, S1First, S1TagWord,
  CasePattern, Prev1WordM1, Prev1WordP1, Prev1CasePattern, WordM1P1, PreM1, SufP1, SShapeM2, SShapeP2,
}

const BOS = hashString('<s>'), EOS = hashString('</s>');

/** Sentence modes: 0 ordinary, 1 ALL CAPS (headlines, datelines), 2 Title Case (headlines). */
function sentenceMode(infos: readonly WordInfo[], from: number, to: number): number {
  let letterTokens = 0, upper = 0, longWords = 0, capitalised = 0, allCaps = 0;
  for (let i = from; i < to; i++) {
    const { cc, lower } = infos[i];
    if (cc === 4) continue;
    letterTokens++;
    if (cc === 2) allCaps++;
    if (cc === 2 || (cc === 3 && lower.length === 1)) upper++;
    if (lower.length >= 4) { longWords++; if (cc === 1 || cc === 2) capitalised++; }
  }
  if (letterTokens > 0 && upper === letterTokens && allCaps > 0) return 1;
  if (longWords >= 3 && capitalised >= 0.8 * longWords) return 2;
  return 0;
}

const OPENERS = new Set(['"', "'", '(', '[', '-', '--']);

/** A document prepared for tagging: per token hashes and static features. */
export interface Prepared {
  /** token count */
  n: number;
  /** sentence of each token, and sentence starts (length sentences + 1) */
  sentenceStarts: Int32Array;
  word: Uint32Array;
  sshape: Uint32Array;
  caseClass: Uint8Array;
  casePattern: Uint32Array;
  wordM1: Uint32Array;
  wordP1: Uint32Array;
  /** static features of token i: feats[offsets[i] .. offsets[i+1]) */
  feats: Uint32Array;
  offsets: Int32Array;
  /**
   * The first localCount[i] of token i's features depend on its word alone, and word[i]'s info object
   * stands for them: a scorer may keep their sum per word instead of looking them up at every occurrence.
   */
  localCount: Uint8Array;
  wordKeys: readonly object[];
}

/** What a token contributes on its own, cached per distinct token text. */
interface WordInfo { raw: string; word: number; cased: number; lshape: number; sshape: number; gaz: number; cc: number; affixes: number[]; lower: string }
const wordCache = new Map<string, WordInfo>();

function wordInfo(raw: string): WordInfo {
  let info = wordCache.get(raw);
  if (info) return info;
  const t = normalise(raw);
  const lw = t.toLowerCase();
  const [ls, ss] = shapes(t);
  const affixes: number[] = [];
  for (let a = 1; a <= 4 && a <= lw.length; a++) affixes.push(mix(T.Pre1 + a - 1, hashString(lw.slice(0, a))), mix(T.Suf1 + a - 1, hashString(lw.slice(-a))));
  const cc = caseClass(t);
  affixes.push(mix(mix(T.Length, Math.min(lw.length, 10)), cc));
  info = { raw, word: hashString(lw.replace(/\p{N}/gu, '0')), cased: mix(T.Cased, hashString(t)), lshape: mix(T.Shape, hashString(ls)), sshape: hashString(ss), gaz: gazWord(t), cc, affixes, lower: lw };
  if (wordCache.size > 100_000) wordCache.clear();
  wordCache.set(raw, info);
  return info;
}

const FUNCTION_WORDS = new Set(('a an the of in on at to for with by from as and or but nor so if than then over under after before about against amid ' +
  'among between into onto out up down off via per vs not no is are was were be been being has have had will would can could may might must ' +
  'shall should do does did says said say tells told its his her their our your my it he she they we you i this that these those what who ' +
  'why how when where which new more most less all any some').split(' '));

export interface PrepareOptions {
  /** re-case Title Case headlines from the rest of the document (for running text; see `truecase`) */
  truecase?: boolean;
}

/**
 * Headlines in Title Case say little through their capitals (and the training data has almost none).
 * Where the rest of the document shows how a word is written (in ordinary sentences, not first in them)
 * the headline's word takes that form; otherwise a word the gazetteer knows as (part of) a name keeps its
 * capital and any other word is lower-cased (a name in a headline nearly always recurs in the article).
 * ALL CAPS headlines are left alone: the training data has many, and the model learnt to read them.
 * Off in training and on CoNLL (tokenised newswire); the pipeline turns it on for articles.
 */
function truecase(infos: WordInfo[], mode: Uint8Array, initial: Uint8Array, gaz: Gazetteer): void {
  const forms = new Map<string, Map<string, number>>();
  for (let i = 0; i < infos.length; i++) {
    if (mode[i] !== 0 || initial[i] || infos[i].cc === 4) continue;
    const raw = infos[i].raw;
    let f = forms.get(infos[i].lower);
    if (!f) forms.set(infos[i].lower, (f = new Map()));
    f.set(raw, (f.get(raw) ?? 0) + 1);
  }
  for (let i = 0; i < infos.length; i++) {
    if (mode[i] !== 2 || infos[i].cc === 4) continue;
    const f = forms.get(infos[i].lower);
    let best: string | undefined;
    if (f) { let count = 0; for (const [form, c] of f) if (c > count) { count = c; best = form; } }
    else if (FUNCTION_WORDS.has(infos[i].lower) || !gaz.knowsWord(infos[i].gaz)) best = infos[i].lower;
    if (best !== undefined && best !== infos[i].raw) infos[i] = wordInfo(best);
  }
}

/** Prepare a document: an array of sentences, each an array of token strings. */
export function prepare(sentences: readonly (readonly string[])[], gaz: Gazetteer, opts: PrepareOptions = {}): Prepared {
  let n = 0;
  for (const s of sentences) n += s.length;
  const sentenceStarts = new Int32Array(sentences.length + 1);
  const infos: WordInfo[] = new Array(n);
  const word = new Uint32Array(n), sshape = new Uint32Array(n), gw = new Uint32Array(n);
  const cc = new Uint8Array(n), initial = new Uint8Array(n), mode = new Uint8Array(n), sent = new Int32Array(n);
  let k = 0;
  sentences.forEach((s, si) => {
    sentenceStarts[si] = k;
    for (let j = 0; j < s.length; j++) infos[k + j] = wordInfo(s[j]);
    const m = sentenceMode(infos, k, k + s.length);
    for (let j = 0; j < s.length; j++) {
      const info = infos[k];
      word[k] = info.word;
      sshape[k] = info.sshape;
      gw[k] = info.gaz;
      cc[k] = info.cc;
      mode[k] = m;
      sent[k] = si;
      initial[k] = j === 0 || (OPENERS.has(infos[k - 1].lower) && (j === 1 || infos[k - 2].lower === ':' || infos[k - 2].lower === ',')) ? 1 : 0;
      k++;
    }
  });
  sentenceStarts[sentences.length] = n;
  if (opts.truecase) truecase(infos, mode, initial, gaz);
  for (let i = 0; i < n; i++) {
    const info = infos[i];
    word[i] = info.word;
    sshape[i] = info.sshape;
    gw[i] = info.gaz;
    cc[i] = info.cc;
  }

  // document-level casing: how each word is written where casing is informative (ordinary sentences, not first)
  const seen = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    if (mode[i] !== 0 || initial[i]) continue;
    const bit = cc[i] === 0 ? 1 : cc[i] === 1 ? 2 : cc[i] === 2 ? 4 : 0;
    if (bit) seen.set(word[i], (seen.get(word[i]) ?? 0) | bit);
  }

  // gazetteer matches
  const gazFeats: number[][] = Array.from({ length: n }, () => []);
  const gazAll = new Uint8Array(n);
  for (let si = 0; si < sentences.length; si++) {
    gaz.scan(gw, sentenceStarts[si], sentenceStarts[si + 1], (i, j, cats) => {
      for (let t = i; t <= j; t++) {
        const pos = i === j ? 3 : t === i ? 0 : t === j ? 2 : 1;
        gazAll[t] |= cats;
        for (let b = 1; b < 128; b <<= 1) if (cats & b) gazFeats[t].push(mix(mix(T.Gaz, b), pos));
      }
    });
  }

  // capitalisation pattern of the window i-2 .. i+2 (case class per token, 7 = outside the sentence)
  const casePattern = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    const s0 = sentenceStarts[sent[i]], s1 = sentenceStarts[sent[i] + 1];
    let v = mode[i];
    for (let d = -2; d <= 2; d++) v = v * 8 + (i + d >= s0 && i + d < s1 ? cc[i + d] : 7);
    casePattern[i] = v;
  }
  let feats = new Uint32Array(n * 48 + 16);
  let nf = 0;
  const push = (f: number) => {
    if (nf === feats.length) { const b = new Uint32Array(feats.length * 2); b.set(feats); feats = b; }
    feats[nf++] = f;
  };
  const offsets = new Int32Array(n + 1);
  const localCount = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    offsets[i] = nf;
    const info = infos[i];
    const s0 = sentenceStarts[sent[i]], s1 = sentenceStarts[sent[i] + 1];
    const wm1 = i - 1 >= s0 ? word[i - 1] : BOS, wm2 = i - 2 >= s0 ? word[i - 2] : BOS;
    const wp1 = i + 1 < s1 ? word[i + 1] : EOS, wp2 = i + 2 < s1 ? word[i + 2] : EOS;
    const sm1 = i - 1 >= s0 ? sshape[i - 1] : BOS, sp1 = i + 1 < s1 ? sshape[i + 1] : EOS;
    const w = word[i], ss = sshape[i];
    push(T.Bias); push(mix(T.Word, w)); push(info.cased); push(info.lshape); push(mix(T.SShape, ss));
    for (const f of info.affixes) push(f);
    localCount[i] = nf - offsets[i];
    push(mix(T.WordM1, wm1)); push(mix(T.WordM2, wm2)); push(mix(T.WordP1, wp1)); push(mix(T.WordP2, wp2));
    push(mix(T.SShapeM1, sm1)); push(mix(T.SShapeP1, sp1)); push(mix(mix(mix(T.SShape3, sm1), ss), sp1));
    push(mix(mix(T.BiM, wm1), w)); push(mix(mix(T.BiP, w), wp1));
    push(mix(mix(T.Mode, mode[i]), ss)); push(mix(mix(T.Initial, initial[i]), ss));
    push(mix(mix(T.WordM1Shape, wm1), ss)); push(mix(mix(T.WordP1Shape, wp1), ss));
    push(mix(mix(T.ModeWord, mode[i] === 0 ? 0 : 1), w));
    if (i - 1 >= s0) push(mix(T.SufM1, hashString(infos[i - 1].lower.slice(-3))));
    if (i + 1 < s1) push(mix(T.SufP1, hashString(infos[i + 1].lower.slice(-3))));
    push(mix(T.CasePattern, casePattern[i]));
    push(mix(mix(T.WordM1P1, wm1), wp1));
    push(mix(T.SShapeM2, i - 2 >= s0 ? sshape[i - 2] : BOS)); push(mix(T.SShapeP2, i + 2 < s1 ? sshape[i + 2] : EOS));
    for (const f of gazFeats[i]) push(f);
    if (gazAll[i]) { push(mix(mix(T.GazAll, gazAll[i]), cc[i])); push(mix(mix(T.GazShape, gazAll[i]), ss)); }
    push(mix(T.GazM1, i - 1 >= s0 ? gazAll[i - 1] : 255)); push(mix(T.GazP1, i + 1 < s1 ? gazAll[i + 1] : 255));
    const docBits = seen.get(w) ?? 0;
    push(mix(T.Doc, docBits | cc[i] << 3 | initial[i] << 6 | mode[i] << 7));
    if (cc[i] !== 0 && cc[i] !== 4) push(mix(mix(T.DocShapeWord, docBits), mix(wm1, wp1)));
  }
  offsets[n] = nf;
  const wordM1 = new Uint32Array(n), wordP1 = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    const s0 = sentenceStarts[sent[i]], s1 = sentenceStarts[sent[i] + 1];
    wordM1[i] = i - 1 >= s0 ? word[i - 1] : BOS;
    wordP1[i] = i + 1 < s1 ? word[i + 1] : EOS;
  }
  return { n, sentenceStarts, word, sshape, caseClass: cc, casePattern, wordM1, wordP1, feats: feats.subarray(0, nf), offsets, localCount, wordKeys: infos };
}

/** History labels: what the tagger called this word earlier in the document (0 nothing, 1+type, 5 O). */
export function dynamicFeatures(p: Prepared, i: number, prev1: number, prev2: number, hist: number, out: Uint32Array, at: number): number {
  const w = p.word[i], ss = p.sshape[i];
  out[at++] = mix(T.Prev1, prev1 + 1);
  out[at++] = mix(mix(T.Prev2, prev2 + 1), prev1 + 1);
  out[at++] = mix(mix(T.Prev1Word, prev1 + 1), w);
  out[at++] = mix(mix(T.Prev1Shape, prev1 + 1), ss);
  out[at++] = mix(mix(T.Prev1WordM1, prev1 + 1), p.wordM1[i]);
  out[at++] = mix(mix(T.Prev1WordP1, prev1 + 1), p.wordP1[i]);
  out[at++] = mix(mix(T.Prev1CasePattern, prev1 + 1), p.casePattern[i]);
  out[at++] = mix(T.Hist, hist);
  out[at++] = mix(mix(T.HistShape, hist), p.caseClass[i]);
  return at;
}

/**
 * Second-stage features (stacking): the first-stage tags of this token and its neighbours, and what the first
 * stage called the same word and the same entity string elsewhere in the document — so a name tagged
 * clearly once ("Aung San Suu Kyi", PER) informs its other mentions ("Suu Kyi said").
 */
export function stack(p: Prepared, tags: Int8Array): Prepared {
  const extra = stackedFeatures(p, tags);
  const n = p.n;
  const feats = new Uint32Array(p.feats.length + extra.feats.length);
  const offsets = new Int32Array(n + 1);
  let at = 0;
  for (let i = 0; i < n; i++) {
    offsets[i] = at;
    feats.set(p.feats.subarray(p.offsets[i], p.offsets[i + 1]), at);
    at += p.offsets[i + 1] - p.offsets[i];
    feats.set(extra.feats.subarray(extra.offsets[i], extra.offsets[i + 1]), at);
    at += extra.offsets[i + 1] - extra.offsets[i];
  }
  offsets[n] = at;
  return { ...p, feats, offsets };
}

/** Only the second-stage features of `stack`, per token. */
export function stackedFeatures(p: Prepared, tags: Int8Array): { feats: Uint32Array; offsets: Int32Array } {
  const n = p.n;
  const label = (c: number) => (c === 0 ? 4 : typeOf(c));
  // word-level counts over capitalised occurrences, and each word's first label
  const wordCounts = new Map<number, Int32Array>();
  const firstLabel = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    if (p.caseClass[i] === 0 || p.caseClass[i] === 4) continue;
    let c = wordCounts.get(p.word[i]);
    if (!c) { wordCounts.set(p.word[i], (c = new Int32Array(5))); firstLabel.set(p.word[i], label(tags[i])); }
    c[label(tags[i])]++;
  }
  // entity-level: the span covering each token, and per span string the types it got
  const spanOf = new Int32Array(n).fill(-1);
  const spanKey: number[] = [], spanType: number[] = [];
  const spanCounts = new Map<number, Int32Array>();
  for (let s = 0; s + 1 < p.sentenceStarts.length; s++) {
    const from = p.sentenceStarts[s], to = p.sentenceStarts[s + 1];
    for (const e of spansIn(tags, from, to)) {
      let key = 0x51a4;
      for (let i = e.start; i <= e.end; i++) { key = mix(key, p.word[i]); spanOf[i] = spanKey.length; }
      spanKey.push(key);
      spanType.push(e.type);
      let c = spanCounts.get(key);
      if (!c) spanCounts.set(key, (c = new Int32Array(4)));
      c[e.type]++;
    }
  }
  const isStart = new Uint8Array(n + 1);
  for (const s of p.sentenceStarts) isStart[s] = 1;
  const extra: number[][] = [];
  for (let i = 0; i < n; i++) {
    const out: number[] = [];
    const sent0 = isStart[i] === 1;
    const last = isStart[i + 1] === 1;
    const own = label(tags[i]);
    out.push(mix(T.S1Tag, tags[i] + 1), mix(T.S1TagM1, sent0 ? 99 : tags[i - 1] + 1), mix(T.S1TagP1, last ? 99 : tags[i + 1] + 1));
    out.push(mix(mix(T.S1TagWord, tags[i] + 1), p.word[i]));
    const c = wordCounts.get(p.word[i]);
    if (c) {
      let best = -1, bestCount = 0, others = 0;
      for (let l = 0; l < 5; l++) {
        const k = c[l] - (l === own ? 1 : 0);
        others += k;
        if (k > 0) out.push(mix(T.S1DocHas, l));
        if (k > bestCount) { bestCount = k; best = l; }
      }
      if (best >= 0) out.push(mix(mix(T.S1DocMaj, best), Math.min(others, 3) * 8 + p.caseClass[i]));
      out.push(mix(T.S1First, firstLabel.get(p.word[i])! * 8 + p.caseClass[i]));
    }
    if (spanOf[i] >= 0) {
      const sc = spanCounts.get(spanKey[spanOf[i]])!;
      let best = -1, bestCount = 0;
      for (let l = 0; l < 4; l++) {
        const k = sc[l] - (l === spanType[spanOf[i]] ? 1 : 0);
        if (k > bestCount) { bestCount = k; best = l; }
      }
      out.push(mix(T.S1SpanMaj, best + 1));
    }
    extra.push(out);
  }
  let total = 0;
  for (const e of extra) total += e.length;
  const feats = new Uint32Array(total);
  const offsets = new Int32Array(n + 1);
  let at = 0;
  for (let i = 0; i < n; i++) {
    offsets[i] = at;
    for (const f of extra[i]) feats[at++] = f;
  }
  offsets[n] = at;
  return { feats, offsets };
}

/** Entities in BILOU classes [from, to) with absolute token indexes and type numbers. */
export function spansIn(tags: ArrayLike<number>, from: number, to: number): { start: number; end: number; type: number }[] {
  const out: { start: number; end: number; type: number }[] = [];
  let open = -1;
  for (let i = from; i < to; i++) {
    const c = tags[i];
    if (c === 0) { open = -1; continue; }
    const pos = posOf(c);
    if (pos === 0) open = i;
    else if (pos === 3) out.push({ start: i, end: i, type: typeOf(c) });
    else if (pos === 2 && open >= 0) { out.push({ start: open, end: i, type: typeOf(c) }); open = -1; }
  }
  return out;
}
