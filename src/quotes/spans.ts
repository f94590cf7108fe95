// Turning what a construction found into Quote records: cue spans with their auxiliaries and adjuncts,
// content spans trimmed to the clause, reports pushed once.
import type { Document } from '../document.ts';
import type { Quote, TextSpan } from '../schema/article.ts';
import { bridgeBefore, isBridge } from './source-phrase.ts';
import type { Found } from './context.ts';
import { contractedHas } from './direct.ts';
import { words } from './cue-words.ts';

/** The cue with its auxiliaries and adverbs ("has also said") and a day or colon right after it ("said Monday:"). */
export function cueSpan(doc: Document, from: number, to: number, days = true): TextSpan {
  const { tokens } = doc;
  const sentence = tokens[from].sentence;
  for (let n = 0; from > 0 && tokens[from - 1].sentence === sentence && (n = bridgeBefore(tokens, from - 1)); ) from -= n;
  let tail = to;
  // … but "called Friday's decision a …" has a possessor there, not a day
  while (tail + 1 < tokens.length && tokens[tail + 1].sentence === sentence && !tokens[tail + 1].quoted && words().cueTail.has(tokens[tail + 1].text) && !/^['’]s$/u.test(tokens[tail + 2]?.text ?? '')) tail++;
  // beside a direct quotation the day is part of the cue ("…," he said Monday.); in reported speech it joins
  // only between the cue and what opens the report ("said Monday:", "said Monday that"); closing the
  // sentence ("…, the senator said Monday.") it stays apart
  if (days || tokens[tail].text === ':' || tail > to && /^that$/i.test(tokens[tail + 1]?.text ?? '')) to = tail;
  if (mannerAfter(doc, to)) to++;
  to = interviewAfter(doc, to);
  return doc.textSpan(tokens[from].start, tokens[to].end);
}

/** "complained bitterly that", "said sarcastically.", "knows exactly what": an adverb of manner closing the cue belongs to it. */
export function mannerAfter(doc: Document, k: number): boolean {
  const { tokens } = doc;
  const t = tokens[k + 1], next = tokens[k + 2];
  if (!t || t.sentence !== tokens[k].sentence || t.quoted || !/^\p{Ll}{3,}ly$/u.test(t.text) || !isBridge(t)) return false;
  return !next || next.sentence !== t.sentence || /^(?:[.,:;!?]|that|what|how|why|whether|who|where|when)$/.test(next.text);
}

/** "said in a phone interview (on Monday)", "wrote in an email": the occasion of speaking belongs to the cue. */
function interviewAfter(doc: Document, to: number): number {
  const { tokens } = doc;
  const sentence = tokens[to].sentence;
  const w = (k: number) => (tokens[k] && tokens[k].sentence === sentence && !tokens[k].quoted ? tokens[k].text : '');
  if (!/^(?:in|during)$/i.test(w(to + 1)) || !/^(?:a|an|his|her|their)$/i.test(w(to + 2))) return to;
  const k = /^(?:interview|e-?mail)$/i.test(w(to + 3)) ? to + 3 : /^\p{Ll}+$/u.test(w(to + 3)) && /^(?:interview|e-?mail)$/i.test(w(to + 4)) ? to + 4 : undefined;
  if (k === undefined) return to;
  return /^on$/i.test(w(k + 1)) && words().cueTail.has(w(k + 2)) ? k + 2 : k;
}

export function toQuote(doc: Document, kind: Quote['kind'], start: number, end: number, found: Found): Quote {
  const sp = found.speaker;
  let mention = sp?.phrase ? doc.textSpan(doc.tokens[sp.phrase.first].start, doc.tokens[sp.phrase.last].end) : undefined;
  let cue = found.cue;
  // "he’s called for", "who’s heralded": the contracted "has" is the cue's auxiliary, not the speaker's
  if (mention && cue && contractedHas(doc, mention.end, cue)) {
    cue = doc.textSpan(mention.end - 2, cue.end);
    mention = doc.textSpan(mention.start, mention.end - 2);
  }
  return {
    id: '', kind, text: doc.text.slice(start, end), ...doc.span(start, end),
    speaker: sp ? { name: sp.name, ...(sp.entity ? { entity: sp.entity.id } : {}), ...(mention ? { mention } : {}) } : null,
    ...(cue ? { cue } : {}),
  };
}

export const paragraphOf = (doc: Document, offset: number) => doc.sentences[doc.sentenceAt(offset)]?.paragraph ?? 0;

/** End of a sentence's content: its final period dropped, closing quote marks kept. */
export function contentEnd(doc: Document, sentence: number): number {
  const s = doc.sentences[sentence];
  return s.start + doc.text.slice(s.start, s.end).replace(/\s+$/u, '').replace(/[.]$/u, '').length;
}

export const CLAUSE_END = /^(?:[.,;!?]|—|―|–)$/u;

export const ADVERB = /^(?:even|again|also|still|then|repeatedly|often|later|once|long|never|always|already|\p{Ll}+ly)$/u;

export const PARTICLE = /^(?:up|out|down|back|away|into)$/i;

export function pushLead(doc: Document, out: Quote[], lead: { start: number; end: number; direct: boolean }, found: Found): void {
  if (lead.direct) out.push(toQuote(doc, 'direct', lead.start, lead.end, found));
  // a relative pronoun alone ("…, which, she said, is …") is content all the same
  else pushIndirect(doc, out, lead.start, lead.end, found, /^(?:which|who)$/u.test(doc.text.slice(lead.start, lead.end)) ? 1 : 8);
}

export function pushIndirect(doc: Document, out: Quote[], start: number, end: number, found: Found, shortest = 8): void {
  while (start < end && /\s/u.test(doc.text[start])) start++;
  // "scolded him: “…,” she said": a colon hands over to a quotation with an attribution of its own
  // (its closing comma shows the attribution: "…: “…,” she said")
  const colon = /:\s*(?:[“"‘]|'')/u.exec(doc.text.slice(start, end));
  const handed = colon && doc.quoteMarkAt(start + colon.index + colon[0].length);
  if (colon && handed && /,['’]?\s*$/u.test(doc.text.slice(handed.contentStart, handed.contentEnd))) end = start + colon.index;
  // a clause cut before a comma phrase leaves no dangling conjunction: "… than Mr. Trump's and"
  const dangling = /[\s,]+(?:and|or|but)$/u.exec(doc.text.slice(start, end));
  if (dangling) end -= dangling[0].length;
  // a reported question drops its mark, and a bracket closed after the report is the narrator's
  while (end > start && /[?!\s]/u.test(doc.text[end - 1])) end--;
  if (doc.text[end - 1] === ')' && !doc.text.slice(start, end).includes('(')) end--;
  if (end - start < shortest) return;
  // a direct quotation filling the whole content is already reported as direct
  const inside = doc.quoteMarkAt(start);
  if (inside && inside.end >= end) return;
  const opener = doc.quoteMarkAt(start + 1);
  if (opener && opener.start === start && opener.end >= end - 1) return;
  out.push(toQuote(doc, 'indirect', start, end, found));
}
