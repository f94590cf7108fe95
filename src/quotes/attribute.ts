// Quotes with speakers. Direct quotes come from the quotation layer and are attributed by the clause
// next to them ("..., Peskov added", "Peskov said, ..."), partial quotes by the narrator's cue verb in the
// same sentence, indirect speech by "<speaker> <cue> that <content>" and "according to <speaker>".
// Speakers resolve through the mention layer, so pronouns and titles reach a named person.
// The stage in order: direct.ts (quotations and quoted fragments), labelled.ts (paragraphs signed by a
// speaker), indirect.ts (reported speech, with the special readings in constructions.ts); speakers.ts,
// spans.ts and clauses.ts are what they share, cue-words.ts the word classes from data/quotes/cues.json.
import type { Document } from '../document.ts';
import type { Quote } from '../schema/article.ts';
import { dateFor } from '../time/dating.ts';
import { context } from './context.ts';
import { directAndPartial, resolveInsideQuotes } from './direct.ts';
import { indirect } from './indirect.ts';
import { labelled } from './labelled.ts';

export function attributeQuotes(doc: Document): void {
  const quotes: Quote[] = [];
  const ctx = context(doc);
  const usedCues = new Set<number>();
  directAndPartial(ctx, quotes, usedCues);
  labelled(ctx, quotes);
  indirect(ctx, quotes, usedCues);
  quotes.sort((a, b) => a.start - b.start || b.end - a.end);
  // reported speech nested in a longer report by the same speaker ("he maintains a … relationship") is one report
  const reports = quotes.filter((q, i) => !(q.kind === 'indirect' && quotes.some((o, j) => j !== i && o.kind === 'indirect'
    && o.start <= q.start && o.end >= q.end && (o.end - o.start) > (q.end - q.start) && o.speaker?.name === q.speaker?.name)));
  quotes.length = 0;
  for (const q of reports) quotes.push(q);
  resolveInsideQuotes(ctx, quotes);
  // the words were said when the clause carrying the cue says, else when the reporting context says
  quotes.forEach((q, n) => {
    q.id = `q${n + 1}`;
    q.date = dateFor(doc, q.cue?.start ?? q.start, [q.start, q.end], q.speaker?.entity);
  });
  doc.quotes = quotes;
}
