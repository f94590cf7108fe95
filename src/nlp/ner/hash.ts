// 32-bit string hashing and an open-addressing table from 32-bit keys to row numbers. Features and
// gazetteer phrases are identified by hashes, so the model file holds numbers, not strings, and the
// tagger never builds a feature string at run time.

/** FNV-1a over UTF-16 code units. */
export function hashString(s: string, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * Combine two 32-bit values into one (order matters); never returns 0, the table's empty marker. The bits
 * come back as a signed int32: a uint32 above 2^31 is no small integer to V8, so every such return was a
 * heap allocation (a tenth of what analysing an article allocated). Typed arrays store the same bits, and
 * KeyTable reads its keys back unsigned.
 */
export function mix(a: number, b: number): number {
  let h = Math.imul((a ^ 0x9e3779b9) >>> 0, 0x85ebca6b) ^ b;
  h = Math.imul(h ^ (h >>> 15), 0xc2b2ae35);
  h ^= h >>> 13;
  h = Math.imul(h, 0x27d4eb2f);
  h ^= h >>> 16;
  return h || 1;
}

/** Open-addressing (linear probing) map from non-zero uint32 keys to int32 values. */
export class KeyTable {
  keys: Uint32Array;
  values: Int32Array;
  size = 0;
  private mask: number;

  constructor(capacity = 1024) {
    let cap = 16;
    while (cap < capacity * 2) cap *= 2;
    this.keys = new Uint32Array(cap);
    this.values = new Int32Array(cap);
    this.mask = cap - 1;
  }

  /** A table over arrays saved from another one (same capacity, a power of two). */
  static over(keys: Uint32Array, values: Int32Array): KeyTable {
    const t = new KeyTable(1);
    t.keys = keys;
    t.values = values;
    t.mask = keys.length - 1;
    for (let i = 0; i < keys.length; i++) if (keys[i] !== 0) t.size++;
    return t;
  }

  get(key: number): number {
    key >>>= 0;
    const { keys, mask } = this;
    let i = Math.imul(key, 0x9e3779b1) >>> 0 & mask;
    for (;;) {
      const k = keys[i];
      if (k === key) return this.values[i];
      if (k === 0) return -1;
      i = (i + 1) & mask;
    }
  }

  set(key: number, value: number): void {
    key >>>= 0;
    if ((this.size + 1) * 2 > this.keys.length) this.grow();
    const { keys, mask } = this;
    let i = Math.imul(key, 0x9e3779b1) >>> 0 & mask;
    for (;;) {
      const k = keys[i];
      if (k === key) { this.values[i] = value; return; }
      if (k === 0) { keys[i] = key; this.values[i] = value; this.size++; return; }
      i = (i + 1) & mask;
    }
  }

  private grow(): void {
    const { keys, values } = this;
    const cap = keys.length * 2;
    this.keys = new Uint32Array(cap);
    this.values = new Int32Array(cap);
    this.mask = cap - 1;
    this.size = 0;
    for (let i = 0; i < keys.length; i++) if (keys[i] !== 0) this.set(keys[i], values[i]);
  }
}

/** Deterministic PRNG (mulberry32) for shuffling in training. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
