// Compiles the token patterns of data/events/patterns.json and matches them over the token layer.
import { loadData } from '../data.ts';
import type { Token } from '../document.ts';

export interface PatternSpec { id: string; cameo: string; match: string; gap?: number; intent?: boolean; targetless?: boolean; anaphors?: string[] }

type Element =
  | { kind: 'word'; alternatives: string[]; prefixes: string[]; optional: boolean }
  | { kind: 'gap'; max: number }
  | { kind: 'slot'; slot: 'SOURCE' | 'TARGET' | 'PAIR' };

export interface CompiledPattern extends PatternSpec { elements: Element[] }

export interface SlotFiller {
  slot: 'SOURCE' | 'TARGET' | 'PAIR'; token: number; tokenEnd: number;
  /** the entity, when the matcher already knows it, and the sector an agent word gives it ("Gondor's government") */
  entity?: string; sector?: string;
}

export interface PatternMatch { pattern: CompiledPattern; start: number; end: number; slots: SlotFiller[]; words: number[] }

/** Finds the actor mention starting at a token; returns its last token. */
export type SlotMatcher = (slot: SlotFiller['slot'], token: number) => number | undefined;

function compile(spec: PatternSpec): CompiledPattern {
  const elements: Element[] = spec.match.split(/\s+/).map((w): Element => {
    if (w === '...') return { kind: 'gap', max: spec.gap ?? 4 };
    const slot = /^\{(SOURCE|TARGET|PAIR)\}$/.exec(w);
    if (slot) return { kind: 'slot', slot: slot[1] as 'SOURCE' | 'TARGET' | 'PAIR' };
    const optional = w.endsWith('?');
    const alts = (optional ? w.slice(0, -1) : w).toLowerCase().split('|');
    return { kind: 'word', optional, alternatives: alts.filter((a) => !a.endsWith('*')), prefixes: alts.filter((a) => a.endsWith('*')).map((a) => a.slice(0, -1)) };
  });
  return { ...spec, elements };
}

let compiled: CompiledPattern[] | undefined;
export function eventPatterns(): CompiledPattern[] {
  return (compiled ??= loadData<{ patterns: PatternSpec[] }>('events/patterns.json').patterns.map(compile));
}

/** Patterns by the word they must open with, so a token is tried only against the patterns that can start there. */
export interface PatternIndex { byWord: Map<string, number[]>; byPrefix: { prefix: string; at: number }[]; any: number[] }

const indexes = new WeakMap<CompiledPattern[], PatternIndex>();
export function patternIndex(patterns: CompiledPattern[]): PatternIndex {
  let ix = indexes.get(patterns);
  if (ix) return ix;
  ix = { byWord: new Map(), byPrefix: [], any: [] };
  patterns.forEach((p, at) => {
    const first = p.elements[0];
    if (first?.kind !== 'word' || first.optional) { ix!.any.push(at); return; }
    for (const w of first.alternatives) {
      let list = ix!.byWord.get(w);
      if (!list) ix!.byWord.set(w, (list = []));
      list.push(at);
    }
    for (const prefix of first.prefixes) ix!.byPrefix.push({ prefix, at });
  });
  indexes.set(patterns, ix);
  return ix;
}


function wordMatches(e: Extract<Element, { kind: 'word' }>, w: string): boolean {
  if (e.alternatives.includes(w)) return true;
  // a loop, not prefixes.some(…): tried for every pattern at every token, a closure per call added up
  for (const p of e.prefixes) if (w.startsWith(p)) return true;
  return false;
}

/**
 * Match one pattern starting at token `from` within tokens `[from, limit)`; backtracking over gaps and
 * optionals. `lower` is the tokens' text in lower case, computed once per document by the caller.
 */
export function matchAt(p: CompiledPattern, tokens: Token[], from: number, limit: number, slotAt: SlotMatcher, lower: string[] = tokens.map((t) => t.text.toLowerCase())): PatternMatch | undefined {
  // every pattern is tried at every token: reject on its opening element before anything is built
  const first = p.elements[0];
  if (first?.kind === 'word' && !first.optional && (from >= limit || !wordMatches(first, lower[from]))) return undefined;
  if (first?.kind === 'slot' && (from >= limit || slotAt(first.slot, from) === undefined)) return undefined;
  // the search state is shared scratch (matching is synchronous and not re-entered); a match copies it out
  scratch.p = p; scratch.limit = limit; scratch.slotAt = slotAt; scratch.lower = lower;
  scratch.slots.length = 0; scratch.words.length = 0;
  const end = step(scratch, 0, from);
  if (end === undefined || !scratch.words.length) return undefined;
  return { pattern: p, start: from, end: end - 1, slots: [...scratch.slots], words: [...scratch.words] };
}

interface Search { p: CompiledPattern; limit: number; slotAt: SlotMatcher; lower: string[]; slots: SlotFiller[]; words: number[] }
const scratch: Search = { p: undefined as unknown as CompiledPattern, limit: 0, slotAt: () => undefined, lower: [], slots: [], words: [] };

/** Elements [ei, …) matched from token ti; the token after the match, or undefined. */
function step(s: Search, ei: number, ti: number): number | undefined {
  const { p, limit } = s;
  if (ei === p.elements.length) return ti;
  const e = p.elements[ei];
  if (e.kind === 'gap') {
    for (let skip = 0; skip <= e.max && ti + skip <= limit; skip++) {
      const r = step(s, ei + 1, ti + skip);
      if (r !== undefined) return r;
    }
    return undefined;
  }
  if (ti >= limit) return e.kind === 'word' && e.optional ? step(s, ei + 1, ti) : undefined;
  if (e.kind === 'slot') {
    const end = s.slotAt(e.slot, ti);
    if (end === undefined) return undefined;
    s.slots.push({ slot: e.slot, token: ti, tokenEnd: end });
    const r = step(s, ei + 1, end + 1);
    if (r === undefined) s.slots.pop();
    return r;
  }
  if (wordMatches(e, s.lower[ti])) {
    s.words.push(ti);
    const r = step(s, ei + 1, ti + 1);
    if (r !== undefined) return r;
    s.words.pop();
  }
  return e.optional ? step(s, ei + 1, ti) : undefined;
}

/** Indexes (in pattern order) of the patterns that may open at a token whose lower-case text is `w`. */
export function candidatePatterns(ix: PatternIndex, w: string): number[] {
  const own = ix.byWord.get(w);
  let out: number[] | undefined;
  for (const { prefix, at } of ix.byPrefix) if (w.startsWith(prefix)) (out ??= []).push(at);
  if (!own && !out) return ix.any; // the common case: nothing to merge, nothing allocated
  return [...new Set([...ix.any, ...(own ?? []), ...(out ?? [])])].sort((a, b) => a - b);
}
