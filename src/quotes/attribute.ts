// Quotes with speakers. Direct quotes come from the quotation layer and are attributed by the clause
// next to them ("..., Peskov added", "Peskov said, ..."), partial quotes by the narrator's cue verb in the
// same sentence, indirect speech by "<speaker> <cue> that <content>" and "according to <speaker>".
// Speakers resolve through the mention layer, so pronouns and titles reach a named person.
import { loadData } from '../data.ts';
import type { Document, EntityRecord, MentionRecord, QuoteMark } from '../document.ts';
import type { Quote, TextSpan } from '../schema/article.ts';
import { TokenTrie, phraseTokens } from '../nlp/token-trie.ts';
import { resolveDefinite } from '../actors/resolve.ts';
import { dateFor } from '../time/dating.ts';

interface CuesFile { speech: string[]; participles: string[]; partial: string[]; according: string[] }
interface Cues { speech: TokenTrie<true>; participles: TokenTrie<true>; partial: TokenTrie<true>; according: TokenTrie<true> }

let cues: Cues | undefined;
function cueTries(): Cues {
  if (cues) return cues;
  const data = loadData<CuesFile>('quotes/cues.json');
  const trie = (list: string[]) => {
    const t = new TokenTrie<true>((w) => w.toLowerCase());
    for (const phrase of list) t.add(phraseTokens(phrase), true);
    return t;
  };
  return (cues = { speech: trie(data.speech), participles: trie(data.participles), partial: trie(data.partial), according: trie(data.according) });
}

/** Words that may stand between a speaker and the cue: "Peskov further said", "he had suggested". */
const BRIDGE = /^(?:has|had|have|also|further|later|then|again|once|previously|earlier|quickly|repeatedly|,)$/i;
/** Words that may stand between a cue and "that": "said on Friday that", "told reporters that". */
const GAP_MAX = 6;

interface Speaker { mention?: MentionRecord; entity?: EntityRecord; name: string }

function speakerOf(doc: Document, mention: MentionRecord | undefined): Speaker | null {
  if (!mention) return null;
  const entity = doc.entity(mention.entity);
  return entity ? { mention, entity, name: entity.name } : null;
}

/** The mention that names the grammatical subject of a sentence (outside quotations), if any. */
function subjectMention(doc: Document, sentence: number, before = Infinity): MentionRecord | undefined {
  const candidates = doc.mentions.filter((m) => doc.tokens[m.token].sentence === sentence && !doc.tokens[m.token].quoted && m.start < before);
  const person = candidates.find((m) => doc.entity(m.entity)?.type === 'PERSON');
  if (person) return person;
  const org = candidates.find((m) => doc.entity(m.entity)?.type !== 'COUNTRY' && doc.entity(m.entity)?.type !== 'MISC');
  return org;
}

/** The mention that ends right before token `cue`, allowing only bridge words between them. */
function mentionBefore(doc: Document, cue: number): MentionRecord | undefined {
  let i = cue - 1;
  while (i >= 0 && BRIDGE.test(doc.tokens[i].text)) i--;
  if (i < 0) return undefined;
  const hits = doc.mentions.filter((m) => m.tokenEnd === i);
  return hits.find((m) => doc.entity(m.entity)?.type === 'PERSON') ?? hits.find((m) => doc.entity(m.entity)?.type === 'ORG') ?? hits[0];
}

function mentionAfter(doc: Document, from: number): MentionRecord | undefined {
  const hits = doc.mentions.filter((m) => m.token === from);
  return hits.find((m) => doc.entity(m.entity)?.type === 'PERSON') ?? hits.find((m) => doc.entity(m.entity)?.type === 'ORG');
}

function cueSpan(doc: Document, from: number, to: number): TextSpan {
  return doc.textSpan(doc.tokens[from].start, doc.tokens[to].end);
}

/** The attribution clause next to a direct quote, searched after it first, then before it. */
function attributeDirect(doc: Document, q: QuoteMark): { speaker: Speaker | null; cue?: TextSpan } | undefined {
  const c = cueTries();
  const { tokens } = doc;
  const after = doc.tokenAt(q.end);
  const sentenceOfQuote = doc.sentenceAt(q.start);
  // "...," Peskov added.   "...," said Peskov.   "...," he said.
  let i = after;
  if (tokens[i]?.text === ',') i++;
  if (tokens[i] && !tokens[i].quoted && tokens[i].sentence === sentenceOfQuote) {
    const cueFirst = c.speech.match(tokens, i);
    if (cueFirst) {
      const m = mentionAfter(doc, cueFirst.end + 1);
      if (m) return { speaker: speakerOf(doc, m), cue: cueSpan(doc, i, cueFirst.end) };
    }
    const m = mentionAfter(doc, i);
    if (m) {
      let j = m.tokenEnd + 1;
      while (tokens[j] && BRIDGE.test(tokens[j].text)) j++;
      const cue = tokens[j] && c.speech.match(tokens, j);
      if (cue) return { speaker: speakerOf(doc, m), cue: cueSpan(doc, j, cue.end) };
    }
  }
  // Peskov said, "..."   ..., saying, "..."   He told reporters: "..."
  let k = doc.tokenAt(q.start) - 1;
  if (k >= 0 && /^[,:]$/.test(tokens[k].text)) k--;
  for (let start = k; start >= 0 && start >= k - 3 && tokens[start].sentence === sentenceOfQuote; start--) {
    const participle = c.participles.match(tokens, start, k + 1);
    if (participle && participle.end === k) {
      const subject = subjectMention(doc, sentenceOfQuote, tokens[start].start);
      return { speaker: speakerOf(doc, subject ?? previousSubject(doc, sentenceOfQuote)), cue: cueSpan(doc, start, k) };
    }
    const speech = c.speech.match(tokens, start, k + 1);
    if (speech && (speech.end === k || speech.end === k - 1)) {
      return { speaker: speakerOf(doc, mentionBefore(doc, start) ?? subjectMention(doc, sentenceOfQuote, tokens[start].start)), cue: cueSpan(doc, start, speech.end) };
    }
  }
  return undefined;
}

function previousSubject(doc: Document, sentence: number): MentionRecord | undefined {
  const para = doc.sentences[sentence].paragraph;
  for (let s = sentence - 1; s >= 0 && s >= sentence - 3; s--) {
    const m = subjectMention(doc, s);
    if (m) return m;
    if (doc.sentences[s].paragraph < para - 1) break;
  }
  return undefined;
}

/** A partial quote: the narrator's sentence frames a quoted phrase with a cue verb of its own. */
function attributePartial(doc: Document, q: QuoteMark): { speaker: Speaker | null; cue?: TextSpan } | undefined {
  const c = cueTries();
  const s = doc.sentenceAt(q.start);
  const { tokens } = doc;
  const first = doc.tokenAt(doc.sentences[s].start);
  const qStart = doc.tokenAt(q.start);
  for (let i = qStart - 1; i >= first; i--) {
    if (tokens[i].quoted) continue;
    const cue = c.partial.match(tokens, i) ?? c.speech.match(tokens, i);
    if (!cue || cue.end >= qStart) continue;
    const m = mentionBefore(doc, i) ?? subjectMention(doc, s, tokens[i].start) ?? previousSubject(doc, s);
    return { speaker: speakerOf(doc, m), cue: cueSpan(doc, i, cue.end) };
  }
  return undefined;
}

function isWholeClause(doc: Document, q: QuoteMark): boolean {
  const content = doc.text.slice(q.contentStart, q.contentEnd).trim();
  const words = content.split(/\s+/).length;
  return words >= 4 && (/^[\p{Lu}"“‘]/u.test(content) || /[.!?,…]["”’]?$/u.test(content));
}

function directAndPartial(doc: Document, out: Quote[]): void {
  let previous: Quote | undefined;
  for (const q of doc.quoteMarks) {
    const content = doc.text.slice(q.contentStart, q.contentEnd);
    if (!content.trim()) continue;
    let kind: Quote['kind'] = 'direct';
    let found = isWholeClause(doc, q) ? attributeDirect(doc, q) : undefined;
    if (!found) {
      const partial = attributePartial(doc, q);
      if (partial) { found = partial; kind = isWholeClause(doc, q) ? 'direct' : 'partial'; }
    }
    if (!found && isWholeClause(doc, q) && previous?.speaker && paragraphOf(doc, previous.start) >= paragraphOf(doc, q.start) - 1) {
      // a quotation standing alone continues the previous speaker
      found = { speaker: { name: previous.speaker.name, entity: doc.entity(previous.speaker.entity) }, cue: undefined };
    }
    if (!found) {
      doc.note('quotes', 'quotation without a speaker or cue (scare quote or title?)', q.start, q.end);
      continue;
    }
    const quote: Quote = {
      id: '', kind, text: content, ...doc.span(q.contentStart, q.contentEnd),
      speaker: found.speaker ? { name: found.speaker.name, entity: found.speaker.entity?.id, mention: found.speaker.mention ? doc.textSpan(found.speaker.mention.start, found.speaker.mention.end) : undefined } : null,
      ...(found.cue ? { cue: found.cue } : {}),
    };
    out.push(quote);
    if (kind === 'direct') previous = quote;
  }
}

const paragraphOf = (doc: Document, offset: number) => doc.sentences[doc.sentenceAt(offset)]?.paragraph ?? 0;

function indirect(doc: Document, out: Quote[]): void {
  const c = cueTries();
  const { tokens } = doc;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.quoted) continue;
    const according = c.according.match(tokens, i);
    if (according) {
      const m = mentionAfter(doc, according.end + 1);
      const s = doc.sentences[t.sentence];
      if (m) {
        // "<content>, according to X." or "According to X, <content>."
        const before = doc.text.slice(s.start, t.start).replace(/[\s,]+$/, '');
        const afterStart = tokens[m.tokenEnd + 1]?.text === ',' ? tokens[m.tokenEnd + 1].end : doc.tokens[m.tokenEnd].end;
        const [cs, ce] = before.length > 10 ? [s.start, s.start + before.length] : [afterStart, s.end];
        pushIndirect(doc, out, cs, ce, speakerOf(doc, m), cueSpan(doc, i, according.end));
      }
      i = according.end;
      continue;
    }
    const cue = c.speech.match(tokens, i);
    if (!cue) continue;
    const m = mentionBefore(doc, i);
    if (!m) continue;
    // content after "that", allowing a few words between the cue and it ("suggested on Friday that")
    let j = cue.end + 1;
    while (j < tokens.length && j <= cue.end + GAP_MAX && tokens[j].sentence === t.sentence && !/^that$/i.test(tokens[j].text) && !/^["“]$/.test(tokens[j].text) && tokens[j].text !== '.') j++;
    const hasThat = tokens[j]?.text.toLowerCase() === 'that' && tokens[j].sentence === t.sentence;
    let contentStart: number;
    if (hasThat) contentStart = j + 1;
    else if (/^(?:said|says|say|told|believes|thinks)$/i.test(t.text) && tokens[cue.end + 1] && /^(?:the|a|an|it|he|she|they|we|there|this|his|her|their|\p{Lu}\p{L}+)$/u.test(tokens[cue.end + 1].text) && !tokens[cue.end + 1].quoted && tokens[cue.end + 1].sentence === t.sentence) contentStart = cue.end + 1;
    else continue;
    const s = doc.sentences[t.sentence];
    const start = tokens[contentStart]?.start;
    if (start === undefined || start >= s.end) continue;
    const end = s.start + doc.text.slice(s.start, s.end).replace(/[\s.!?…]+$/u, '').length;
    if (end - start < 8) continue;
    pushIndirect(doc, out, start, end, speakerOf(doc, m), cueSpan(doc, i, cue.end));
    i = cue.end;
  }
}

function pushIndirect(doc: Document, out: Quote[], start: number, end: number, speaker: Speaker | null, cue: TextSpan): void {
  // a direct quotation filling the whole content is already reported as direct
  if (doc.quoteMarks.some((q) => q.start <= start && q.end >= end)) return;
  out.push({
    id: '', kind: 'indirect', text: doc.text.slice(start, end), ...doc.span(start, end),
    speaker: speaker ? { name: speaker.name, entity: speaker.entity?.id, mention: speaker.mention ? doc.textSpan(speaker.mention.start, speaker.mention.end) : undefined } : null,
    cue,
  });
}

/** Inside a quotation, "I" is its speaker and "the president" the speaker's own president. */
function resolveInsideQuotes(doc: Document, quotes: Quote[]): void {
  const persons = doc.entities.filter((e) => e.type === 'PERSON');
  for (const q of quotes) {
    if (q.kind === 'indirect' || !q.speaker?.entity) continue;
    const speaker = doc.entity(q.speaker.entity);
    if (!speaker) continue;
    for (let i = doc.tokenAt(q.start); i < doc.tokens.length && doc.tokens[i].start < q.end; i++) {
      const t = doc.tokens[i];
      if (speaker.type === 'PERSON' && /^(?:I|me|my|myself)$/.test(t.text)) {
        doc.mentions.push({ start: t.start, end: t.end, entity: speaker.id, kind: 'pronoun', token: i, tokenEnd: i });
      } else if (/^the$/i.test(t.text) && !doc.mentions.some((m) => m.token === i)) {
        const r = resolveDefinite(doc, persons, i, speaker);
        if (r) for (const e of r.entities) doc.mentions.push({ start: t.start, end: doc.tokens[r.end].end, entity: e.id, kind: 'title', token: i, tokenEnd: r.end });
      }
    }
  }
  doc.mentions.sort((a, b) => a.start - b.start || b.end - a.end);
}

export function attributeQuotes(doc: Document): void {
  const quotes: Quote[] = [];
  directAndPartial(doc, quotes);
  indirect(doc, quotes);
  quotes.sort((a, b) => a.start - b.start);
  resolveInsideQuotes(doc, quotes);
  // the words were said when the clause carrying the cue says, else when the reporting context says
  quotes.forEach((q, n) => {
    q.id = `q${n + 1}`;
    q.date = dateFor(doc, q.cue?.start ?? q.start, [q.start, q.end], q.speaker?.entity);
  });
  doc.quotes = quotes;
}
