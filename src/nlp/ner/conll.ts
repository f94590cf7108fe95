// CoNLL-2003 files (TOKEN POS CHUNK NER, IOB1 tags, blank line between sentences, -DOCSTART- between
// documents): reading into documents with entity spans, and writing back with a predicted-tag column.
import { TYPES, type EntityType } from './features.ts';
import type { EntitySpan } from './model.ts';
import type { TrainingDoc } from './train.ts';

export interface ConllDoc extends TrainingDoc { lines: string[][] }

export function readConll(text: string): ConllDoc[] {
  const docs: ConllDoc[] = [];
  let doc: ConllDoc | undefined;
  let sentence: string[] = [], tags: string[] = [], lines: string[] = [];
  const flush = () => {
    if (!sentence.length) return;
    if (!doc) docs.push((doc = { sentences: [], entities: [], lines: [] }));
    doc.sentences.push(sentence);
    doc.entities.push(iob1Spans(tags));
    doc.lines.push(lines);
    sentence = []; tags = []; lines = [];
  };
  for (const line of text.split(/\r?\n/)) {
    if (line.startsWith('-DOCSTART-')) { flush(); doc = undefined; continue; }
    if (!line.trim()) { flush(); continue; }
    const cols = line.split(' ');
    sentence.push(cols[0]);
    tags.push(cols[cols.length - 1]);
    lines.push(line);
  }
  flush();
  return docs;
}

/** IOB1 (or IOB2) tags to spans: an entity starts at B-X, or at I-X not continuing an X. */
export function iob1Spans(tags: string[]): EntitySpan[] {
  const out: EntitySpan[] = [];
  let cur: EntitySpan | undefined;
  tags.forEach((tag, i) => {
    const m = /^([BI])-(\w+)$/.exec(tag);
    if (!m || !TYPES.includes(m[2] as EntityType)) { cur = undefined; return; }
    const type = m[2] as EntityType;
    if (m[1] === 'B' || !cur || cur.type !== type) { cur = { start: i, end: i, type }; out.push(cur); } else cur.end = i;
  });
  return out;
}

/** IOB1 tags of spans over a sentence of `length` tokens (B- only where an entity follows one of its type). */
export function spansToIob1(spans: EntitySpan[], length: number): string[] {
  const tags = new Array<string>(length).fill('O');
  for (const s of spans) {
    for (let i = s.start; i <= s.end; i++) tags[i] = `I-${s.type}`;
    if (s.start > 0 && tags[s.start - 1] === `I-${s.type}`) tags[s.start] = `B-${s.type}`;
  }
  return tags;
}

export interface Counts { tp: number; fp: number; fn: number }
export interface Scores { byType: Record<EntityType, Counts>; overall: Counts }

/** Entity-level exact-match counts (span and type), as conlleval; `overall` counts PER, ORG and LOC only. */
export function score(gold: EntitySpan[][], predicted: EntitySpan[][]): Scores {
  const byType = Object.fromEntries(TYPES.map((t) => [t, { tp: 0, fp: 0, fn: 0 }])) as Record<EntityType, Counts>;
  gold.forEach((g, s) => {
    const p = predicted[s] ?? [];
    const key = (e: EntitySpan) => `${e.start}:${e.end}:${e.type}`;
    const gs = new Set(g.map(key)), ps = new Set(p.map(key));
    for (const e of p) (gs.has(key(e)) ? byType[e.type].tp++ : byType[e.type].fp++);
    for (const e of g) if (!ps.has(key(e))) byType[e.type].fn++;
  });
  const overall = { tp: 0, fp: 0, fn: 0 };
  for (const t of ['PER', 'ORG', 'LOC'] as const) { overall.tp += byType[t].tp; overall.fp += byType[t].fp; overall.fn += byType[t].fn; }
  return { byType, overall };
}

export function prf(c: Counts): { p: number; r: number; f: number } {
  const p = c.tp + c.fp ? c.tp / (c.tp + c.fp) : 0, r = c.tp + c.fn ? c.tp / (c.tp + c.fn) : 0;
  return { p: 100 * p, r: 100 * r, f: p + r ? 200 * p * r / (p + r) : 0 };
}
