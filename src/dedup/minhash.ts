/**
 * Near-duplicate detection by MinHash over word shingles, banded for LSH (Broder 1997; Leskovec et al.,
 * Mining of Massive Datasets ch. 3). Written here because the npm packages for it are small and unkept; it is
 * a few dozen lines, and it must be deterministic: the same text always gives the same signature, on any
 * machine, so re-ingesting gives the same story ids.
 */
import { fold } from '../store/fold.ts';

/** Words per shingle: long enough that two unrelated articles on one topic share few of them. */
export const SHINGLE_WORDS = 5;
/** 32 bands of 4 rows: a pair with Jaccard 0.6 becomes a candidate with probability 0.98, one with 0.2 with 0.05. */
export const BANDS = 32;
export const ROWS = 4;
export const SIGNATURE_LENGTH = BANDS * ROWS;

/** 32-bit FNV-1a of a string's UTF-16 code units. */
export function fnv1a(s: string, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

// MurmurHash3's finaliser: mixes every input bit into every output bit, so x ^ seed gives independent-enough
// permutations for MinHash.
function fmix32(x: number): number {
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x >>> 0;
}

// Fixed seeds (a xorshift sequence from a constant) so signatures never depend on the run.
const SEEDS = (() => {
  const seeds = new Uint32Array(SIGNATURE_LENGTH);
  let s = 0x9e3779b9;
  for (let i = 0; i < SIGNATURE_LENGTH; i++) {
    s ^= s << 13; s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5; s >>>= 0;
    seeds[i] = s;
  }
  return seeds;
})();

/** Hashes of the article's word shingles; case, accents and punctuation do not count. */
export function shingles(text: string): Set<number> {
  const words = fold(text).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  const out = new Set<number>();
  const n = Math.min(SHINGLE_WORDS, words.length);
  for (let i = 0; n > 0 && i + n <= words.length; i++) out.add(shingleHash(words, i, n));
  return out;
}

/** fnv1a of words[i .. i+n) joined by spaces, without building the string (one per word of every article). */
function shingleHash(words: string[], i: number, n: number): number {
  let h = 0x811c9dc5;
  for (let j = i; j < i + n; j++) {
    if (j > i) { h ^= 32; h = Math.imul(h, 0x01000193) >>> 0; }
    const w = words[j];
    for (let k = 0; k < w.length; k++) {
      h ^= w.charCodeAt(k);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
  }
  return h >>> 0;
}

/** The MinHash signature, or null for a text without a single word. */
export function signature(text: string): Uint32Array | null {
  const set = shingles(text);
  if (set.size === 0) return null;
  const hashes = Uint32Array.from(set);
  const sig = new Uint32Array(SIGNATURE_LENGTH);
  // one permutation at a time, its minimum kept in a local rather than in the array; fmix32 written out in
  // the loop because the engine runs without TurboFan inlining (src/jit.mjs) and this is its hottest call
  for (let i = 0; i < SIGNATURE_LENGTH; i++) {
    const seed = SEEDS[i];
    let min = 0xffffffff;
    for (let k = 0; k < hashes.length; k++) {
      let x = hashes[k] ^ seed;
      x ^= x >>> 16;
      x = Math.imul(x, 0x85ebca6b);
      x ^= x >>> 13;
      x = Math.imul(x, 0xc2b2ae35);
      x ^= x >>> 16;
      const v = x >>> 0;
      if (v < min) min = v;
    }
    sig[i] = min;
  }
  return sig;
}

/** Estimated Jaccard similarity of the two shingle sets: the share of positions where the signatures agree. */
export function similarity(a: Uint32Array, b: Uint32Array): number {
  let same = 0;
  for (let i = 0; i < SIGNATURE_LENGTH; i++) if (a[i] === b[i]) same++;
  return same / SIGNATURE_LENGTH;
}

/** One bucket number per band; articles sharing a bucket in any band are candidate duplicates. */
export function bandBuckets(sig: Uint32Array): number[] {
  const out: number[] = [];
  for (let b = 0; b < BANDS; b++) {
    let h = 0x811c9dc5 ^ b;
    for (let r = 0; r < ROWS; r++) {
      h = Math.imul(h ^ sig[b * ROWS + r], 0x01000193) >>> 0;
      h = fmix32(h);
    }
    out.push(h | 0); // signed, so it is an ordinary SQLite INTEGER
  }
  return out;
}

/** Little-endian whatever the machine, so a database file means the same everywhere. */
export function toBlob(sig: Uint32Array): Buffer {
  const b = Buffer.alloc(sig.length * 4);
  for (let i = 0; i < sig.length; i++) b.writeUInt32LE(sig[i], i * 4);
  return b;
}

export function fromBlob(b: Buffer): Uint32Array {
  // Copy: a Buffer from SQLite may not be 4-byte aligned.
  const out = new Uint32Array(b.byteLength / 4);
  for (let i = 0; i < out.length; i++) out[i] = b.readUInt32LE(i * 4);
  return out;
}
