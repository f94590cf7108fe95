// Discard lists in the PETRARCH/TABARI format: phrases that mark a sentence (or, with a leading `+`, the whole
// text) as not political news — sports fixtures, weather — so the verb dictionary codes nothing there.
import { readFileSync } from 'node:fs';
import type { Document } from '../document.ts';
import { InputError } from '../errors.ts';

export interface Discards { sentence: string[][]; story: string[][] }

export function parseDiscards(text: string, into: Discards = { sentence: [], story: [] }): Discards {
  for (let line of text.split(/\r?\n/)) {
    const hash = line.indexOf('#');
    line = (hash >= 0 ? line.slice(0, hash) : line).trim();
    if (!line || line.startsWith('<!--')) continue;
    const story = line.startsWith('+');
    const words = line.replace(/^\+/, '').toLowerCase().split(/[\s_]+/).filter(Boolean);
    if (words.length) (story ? into.story : into.sentence).push(words);
  }
  return into;
}

export function loadDiscards(files: string[]): Discards {
  const d: Discards = { sentence: [], story: [] };
  for (const file of files) {
    let text: string;
    try { text = readFileSync(file, 'utf8'); } catch (err) { throw new InputError(file, `cannot read discard list: ${(err as Error).message}`); }
    parseDiscards(text, d);
  }
  return d;
}

/** Indices of the sentences a discard phrase rules out (every sentence when a story-level phrase occurs). */
export function discardedSentences(doc: Document, d: Discards): Set<number> {
  const out = new Set<number>();
  if (!d.sentence.length && !d.story.length) return out;
  // phrases indexed by their first word, so the scan stays linear in the number of tokens
  const byFirst = new Map<string, { words: string[]; story: boolean }[]>();
  for (const [list, story] of [[d.sentence, false], [d.story, true]] as const) {
    for (const words of list) {
      const l = byFirst.get(words[0]) ?? [];
      l.push({ words, story });
      byFirst.set(words[0], l);
    }
  }
  const words = doc.tokens.map((t) => t.text.toLowerCase());
  for (let i = 0; i < words.length; i++) {
    for (const p of byFirst.get(words[i]) ?? []) {
      if (!p.words.every((w, k) => words[i + k] === w)) continue;
      if (p.story) return new Set(doc.sentences.map((_, n) => n));
      out.add(doc.tokens[i].sentence);
    }
  }
  return out;
}
