// Paragraphs signed by their speaker: transcript turns ("PENCE: …"), headline labels, and a name or
// attribution closing a paragraph.
import type { Document } from '../document.ts';
import type { Quote } from '../schema/article.ts';
import { abbreviationDot } from './source-phrase.ts';
import type { Ctx, Found } from './context.ts';
import { contentEnd, toQuote } from './spans.ts';
import { quotationAfter } from './clauses.ts';
import { speakerOfPhrase } from './speakers.ts';
import { words } from './cue-words.ts';

/** "“…” ― Sonya Herridge": a paragraph signed at its end, where the quotation layer found no quotation. */
function signedAtEnd(ctx: Ctx, out: Quote[], taken: number[][], s: number, last: number): void {
  const { doc } = ctx;
  const { tokens } = doc;
  const end = doc.tokenAt(doc.sentences[last].end) - 1;
  const first = doc.tokenAt(doc.sentences[s].start);
  if (end <= first || tokens[end].sentence !== last) return;
  let k = end;
  while (k > first && end - k < 5 && /^\p{Lu}/u.test(tokens[k].text)) k--;
  if (k === end || !/^(?:―|—|--)$/u.test(tokens[k].text)) return;
  let start = doc.sentences[s].start, stop = tokens[k].start;
  while (stop > start && /\s/u.test(doc.text[stop - 1])) stop--;
  if (stop - start < 8 || taken.some(([a, b]) => a < stop && start < b)) return;
  const found: Found = { speaker: speakerOfPhrase(ctx, { first: k + 1, last: end }), cue: doc.textSpan(tokens[k].start, tokens[k].end), cueToken: k };
  const marked = /^["“”]/u.test(doc.text[start]) && /["“”]$/u.test(doc.text[stop - 1]);
  if (marked) out.push(toQuote(doc, 'direct', start + 1, stop - 1, found));
  else out.push(toQuote(doc, 'indirect', start, stop, found));
  taken.push([start, stop]);
}

/** A label signs its line: the content ends where the input breaks the line, before `end` at the latest. */
function lineEnd(doc: Document, from: number, end: number): number {
  const { tokens } = doc;
  for (let k = from + 1; k < tokens.length && tokens[k].start < end; k++) {
    const gap = doc.raw.slice(doc.map.toSource(tokens[k - 1].end, 'end'), doc.map.toSource(tokens[k].start, 'start'));
    if (gap.includes('\n')) return tokens[k - 1].end;
  }
  return end;
}

/**
 * The colon ending a label of up to eight words that holds a capitalised name, when a quotation opens
 * right after it; else `k`, where the short label stopped.
 */
function labelBeforeQuotation(doc: Document, first: number, k: number): number {
  const { tokens } = doc;
  let j = k;
  while (j < tokens.length && j - first < 8 && !tokens[j].quoted && (/^[\p{L}\p{N}]/u.test(tokens[j].text) || abbreviationDot(tokens, j)) && tokens[j].sentence === tokens[first].sentence) j++;
  if (tokens[j]?.text !== ':' || !quotationAfter(doc, j + 1)) return k;
  const capitals = tokens.slice(first, j).filter((t) => /^\p{Lu}/u.test(t.text)).length;
  return capitals >= 2 ? j : k;
}

/**
 * A paragraph that opens with a short name and a colon or dash is signed by it: transcripts
 * ("PENCE: Well, look, …"), headlines ("Poll: Clinton and Trump in dead heat"), reader comments
 * ("Adriana Rodarte ― “…”"). The content runs to the paragraph's end, its
 * closing stop included: the turn is the speaker's words as spoken, not a clause reported in ours.
 */
export function labelled(ctx: Ctx, out: Quote[]): void {
  const { doc } = ctx;
  const { tokens } = doc;
  const taken = out.map((q) => [q.start, q.end]);
  for (let s = 0; s < doc.sentences.length; s++) {
    if (s > 0 && doc.sentences[s - 1].paragraph === doc.sentences[s].paragraph) continue;
    let last = s;
    while (last + 1 < doc.sentences.length && doc.sentences[last + 1].paragraph === doc.sentences[s].paragraph) last++;
    signedAtEnd(ctx, out, taken, s, last);
    let first = doc.tokenAt(doc.sentences[s].start);
    // a transcript inside a quotation that spans paragraphs: "WALLACE: …
    const quotedLabel = /^["“]$/u.test(tokens[first]?.text ?? '');
    if (quotedLabel) first++;
    // the label: up to five capitalised words, then the colon or dash
    let k = first;
    while (k < tokens.length && k - first < 5 && (!tokens[k].quoted || quotedLabel && /^\p{Lu}+$/u.test(tokens[k].text)) && (/^\p{Lu}/u.test(tokens[k].text) || abbreviationDot(tokens, k))) k++;
    // a longer label with small words in it signs a quotation after its colon: "A lesson from Jane Doe: “…”"
    if (tokens[k]?.text !== ':' && /^\p{Lu}/u.test(tokens[first]?.text ?? '')) k = labelBeforeQuotation(doc, first, k);
    const mark = tokens[k];
    if (k === first || !mark || !/^(?::|―|—|--)$/u.test(mark.text) || tokens[k + 1] === undefined) continue;
    // a name, not "The Latest:" or "This:"
    if (/^(?:the|a|an|this|that|these|those|also|and|but|or|in|on|at|for|from|with)$/i.test(tokens[first].text) && !(mark.text === ':' && quotationAfter(doc, k + 1))) continue;
    // "Correction: …", "Update: …": the paper's own notice
    if (words().notSpeakerLabels.has(tokens[first].text) || words().notSpeakerLabels.has(tokens[first].text.charAt(0) + tokens[first].text.slice(1).toLowerCase())) continue;
    // "WASHINGTON ― Donald Trump…" is a dateline; a dash signs only a quotation ("Adriana Rodarte ― “…”")
    if (mark.text !== ':' && !/^[“"”]$/u.test(tokens[k + 1].text)) continue;
    const start = tokens[k + 1].start;
    // a headline ("Poll: Clinton and Trump in dead heat.") takes no stop: one after it is the page's, not the speaker's
    const headline = s === 0 || doc.paragraphs[doc.sentences[s].paragraph]?.kind === 'heading';
    const para = doc.sentences[last];
    const end = lineEnd(doc, k + 1, headline ? contentEnd(doc, last) : para.start + doc.text.slice(para.start, para.end).trimEnd().length);
    if (end - start < 8 || taken.some(([a, b]) => a < end && start < b)) continue;
    const found: Found = { speaker: speakerOfPhrase(ctx, { first, last: k - 1 }), cue: doc.textSpan(mark.start, mark.end), cueToken: k };
    const q = doc.quoteMarkAt(start);
    if (q && q.start === start && q.end >= end) out.push(toQuote(doc, 'direct', q.contentStart, q.contentEnd, found));
    else out.push(toQuote(doc, 'indirect', start, end, found));
  }
}
