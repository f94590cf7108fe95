// Dating a fact: the time expression governing its clause (the narrator's words in the same sentence,
// nearest the cue or trigger), else the reporting context — the latest earlier sentence, close by, in
// which the same actor is the subject and a time is given — else publication.
import type { Document } from '../document.ts';
import type { DateRef } from '../schema/article.ts';

type Draft = Document['times'][number];

/** A point on the calendar (a day, month, year, week, quarter…), not a duration, a set or PRESENT_REF. */
const datable = (t: Draft) => t.type !== 'DURATION' && t.type !== 'SET' && (t.value === null || /^\d{4}/.test(t.value));
/** Day precision or finer. */
const exact = (t: Draft) => t.value !== null && /^\d{4}-\d{2}-\d{2}/.test(t.value);

interface SentenceIndex { mentions: number; times: number; timesBySentence: Draft[][]; subjects: Map<number, string | undefined> }
const indexes = new WeakMap<Document, SentenceIndex>();

/** Times grouped by sentence and subjects memoised, rebuilt when the layers grew (facts are dated per quote and event). */
function indexOf(doc: Document): SentenceIndex {
  let ix = indexes.get(doc);
  if (!ix || ix.mentions !== doc.mentions.length || ix.times !== doc.times.length) {
    const timesBySentence: Draft[][] = [];
    for (const t of doc.times) (timesBySentence[doc.sentenceAt(t.start)] ??= []).push(t);
    ix = { mentions: doc.mentions.length, times: doc.times.length, timesBySentence, subjects: new Map() };
    indexes.set(doc, ix);
  }
  return ix;
}

/** The narrator's time expressions in a sentence (not those inside quotations or an excluded range). */
function narratorTimes(doc: Document, sentence: number, exclude?: [number, number]): Draft[] {
  const s = doc.sentences[sentence];
  if (!s) return [];
  return (indexOf(doc).timesBySentence[sentence] ?? []).filter((t) => t.start >= s.start && t.end <= s.end && datable(t)
    && !(exclude && t.start >= exclude[0] && t.end <= exclude[1]) && !doc.quoteMarkAt(t.start));
}

/** The entity a sentence is about: the first person (or organisation) the narrator names in it. */
export function sentenceSubject(doc: Document, sentence: number): string | undefined {
  const ix = indexOf(doc);
  if (ix.subjects.has(sentence)) return ix.subjects.get(sentence);
  const s = doc.sentences[sentence];
  let fallback: string | undefined, found: string | undefined;
  // mentions are sorted by start: binary-search the sentence's first one
  let lo = 0, hi = doc.mentions.length;
  while (lo < hi) { const mid = (lo + hi) >> 1; if (doc.mentions[mid].start < s.start) lo = mid + 1; else hi = mid; }
  for (let i = lo; i < doc.mentions.length && doc.mentions[i].start < s.end; i++) {
    const m = doc.mentions[i];
    if (doc.tokens[m.token].quoted) continue;
    const type = doc.entity(m.entity)?.type;
    if (type === 'PERSON') { found = m.entity; break; }
    if (type === 'ORG') fallback ??= m.entity;
  }
  const subject = found ?? fallback;
  ix.subjects.set(sentence, subject);
  return subject;
}

/** How far back the reporting context reaches, in sentences. */
const CONTEXT_WINDOW = 8;

function contextDate(doc: Document, entity: string, sentence: number): DateRef | undefined {
  for (let s = sentence - 1; s >= 0 && s >= sentence - CONTEXT_WINDOW; s--) {
    if (sentenceSubject(doc, s) !== entity) continue;
    const t = narratorTimes(doc, s).find((x) => x.value && /^\d{4}-\d{2}-\d{2}/.test(x.value));
    if (t) return { value: t.value, text: t.text, basis: 'context' };
  }
  return undefined;
}

export function dateFor(doc: Document, anchor: number, exclude: [number, number] | undefined, actor?: string): DateRef {
  const sentence = doc.sentenceAt(anchor);
  // the nearest expression in the clause's sentence, a day ("on Monday") before a coarser one ("this year")
  let best: Draft | undefined;
  const candidates = narratorTimes(doc, sentence, exclude);
  const pool = candidates.some(exact) ? candidates.filter(exact) : candidates;
  for (const t of pool) if (!best || Math.abs(t.start - anchor) < Math.abs(best.start - anchor)) best = t;
  if (best) return { value: best.value, text: best.text, basis: best.value ? 'expression' : 'unresolved' };
  const context = actor ? contextDate(doc, actor, sentence) : undefined;
  if (context) return context;
  const day = doc.meta.published?.slice(0, 10);
  return day ? { value: day, basis: 'publication' } : { value: null, basis: 'unresolved' };
}
