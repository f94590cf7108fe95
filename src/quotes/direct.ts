// Direct and partial quotes: a quotation from the quotation layer attributed by the clause next to it
// ("…," Peskov added; Peskov said, "…"), a quoted fragment by the narrator's cue in its sentence.
import type { Document, QuoteMark, Token } from '../document.ts';
import type { Quote, TextSpan } from '../schema/article.ts';
import { resolveDefinite } from '../actors/resolve.ts';
import { abbreviationDot, isBridge, phraseAfter, phraseBefore } from './source-phrase.ts';
import type { Ctx, Found, Speaker } from './context.ts';
import { cueAt, passive } from './clauses.ts';
import { cueSpan, paragraphOf, pushIndirect, toQuote } from './spans.ts';
import { cueTries, words } from './cue-words.ts';
import { nounByAgreement, placeAfter } from './indirect.ts';
import { speakerOfPhrase, subjectPhrase, withApposition } from './speakers.ts';

/** The attribution clause next to a direct quote, searched after it first, then before it. */
function attributeDirect(ctx: Ctx, q: QuoteMark): Found | undefined {
  const { doc } = ctx;
  const c = cueTries();
  const { tokens } = doc;
  const after = doc.tokenAt(q.end);
  // "...," Peskov added.   "...," said Peskov.   "...," he said.   "...," the Kremlin spokesman has said.
  let i = after;
  // "…" ― Sonya Herridge: a dash after the quotation signs it
  if (tokens[i] && /^[―—]$/u.test(tokens[i].text) && !tokens[i].quoted) {
    const p = phraseAfter(doc, i + 1);
    if (p) return { speaker: speakerOfPhrase(ctx, p), cue: doc.textSpan(tokens[i].start, tokens[i].end), cueToken: i };
  }
  if (tokens[i]?.text === ',') i++;
  if (tokens[i] && !tokens[i].quoted && (tokens[i].sentence === doc.sentenceAt(Math.max(q.start, q.end - 1)) || attributionAfterQuestion(doc, q, i))) {
    const cueFirst = c.speech.match(tokens, i);
    if (cueFirst) {
      let p = phraseAfter(doc, cueFirst.end + 1);
      // "…," said one source on the panel.  (see placeAfter)
      const place = p ? placeAfter(doc, p.last + 1) : 0;
      if (p && place > p.last + 1 && /^\p{Ll}/u.test(tokens[p.last].text) && (!tokens[place] || tokens[place].sentence !== tokens[p.last].sentence || /^[.!?]$/.test(tokens[place].text))) p = { first: p.first, last: place - 1 };
      if (p) return { speaker: withApposition(ctx, speakerOfPhrase(ctx, p)), cue: cueSpan(doc, i, cueFirst.end), cueToken: i };
    }
    for (let j = i + 1; j < tokens.length && j <= i + 30 && tokens[j].sentence === tokens[i].sentence && !tokens[j].quoted; j++) {
      const cue = c.speech.match(tokens, j);
      // "one of the states suing the EPA": a noun, not the cue
      if (!cue || cue.end === j && words().needsThat.has(tokens[j].text.toLowerCase())) continue;
      const p = phraseBefore(doc, j);
      if (p && p.first === i) return { speaker: speakerOfPhrase(ctx, p), cue: cueSpan(doc, j, cue.end), cueToken: j };
      break;
    }
  }
  return attributeBefore(ctx, q);
}

/**
 * "“Why not?” Holt asked.": the sentence splitter ends a sentence at a question or exclamation closing a
 * quotation before a capital, yet the attribution after it still belongs to the quotation.
 */
function attributionAfterQuestion(doc: Document, q: QuoteMark, i: number): boolean {
  const { tokens } = doc;
  const s = doc.sentenceAt(Math.max(q.start, q.end - 1));
  return tokens[i].sentence === s + 1 && tokens[i].start === doc.sentences[s + 1].start && doc.sentences[s + 1].paragraph === doc.sentences[s].paragraph
    && /[?!]\s*$/u.test(doc.text.slice(q.contentStart, q.contentEnd));
}

/** The attribution clause right before a quotation: Peskov said, "..."   ..., saying, "..."   He told reporters: "..." */
function attributeBefore(ctx: Ctx, q: QuoteMark): Found | undefined {
  const { doc } = ctx;
  const c = cueTries();
  const { tokens } = doc;
  let sentenceOfQuote = doc.sentenceAt(q.start);
  let k = doc.tokenAt(q.start) - 1;
  // "He said:" closing a paragraph introduces the quotation that opens the next
  if (k >= 0 && tokens[k].text === ':' && !tokens[k].quoted) sentenceOfQuote = tokens[k].sentence;
  if (k >= 0 && /^[,:]$/.test(tokens[k].text)) k--;
  for (let start = k; start >= 0 && start >= k - 3 && tokens[start].sentence === sentenceOfQuote && !tokens[start].quoted; start--) {
    const participle = c.participles.match(tokens, start, k + 1);
    // "…, adding later, “…”"
    if (participle && (participle.end === k || participle.end === k - 1 && isBridge(tokens[k]))) {
      return { speaker: subjectPhrase(ctx, sentenceOfQuote, tokens[start].start), cue: cueSpan(doc, start, k), cueToken: start };
    }
    // "…, before asking her, “…”", "…, telling reporters, “…”": a participle with its listener
    if (participle && participle.end === k - 1 && participle.end === start && words().objectCues.has(tokens[start].text.toLowerCase()) && /^\p{L}+$/u.test(tokens[k].text) && !isBridge(tokens[k])) {
      // … after its own noun ("shows the mayor telling reporters, “…”") the noun speaks
      const p = tokens[start - 1]?.text !== ',' ? phraseBefore(doc, start) : undefined;
      return { speaker: p ? speakerOfPhrase(ctx, p) : subjectPhrase(ctx, sentenceOfQuote, tokens[start].start), cue: cueSpan(doc, start, start), cueToken: start };
    }
    const speech = c.speech.match(tokens, start, k + 1);
    // "said Friday: “We …”" is direct, "says Kaine “has a passion …”" the quoted rest of a reported clause
    // "Said Ellis: “…”": a cue opening its sentence is inverted, its speaker after it
    if (speech && speech.end < k && /^\p{Lu}/u.test(tokens[start].text) && (start === 0 || tokens[start - 1].sentence !== tokens[start].sentence)) {
      const after = phraseAfter(doc, speech.end + 1);
      if (after && after.last === k) return { speaker: speakerOfPhrase(ctx, after), cue: cueSpan(doc, start, speech.end), cueToken: start };
    }
    if (speech && (speech.end === k || speech.end === k - 1 && !clauseRest(doc, q))) {
      const p = phraseBefore(doc, start);
      return { speaker: p ? speakerOfPhrase(ctx, p) : subjectPhrase(ctx, sentenceOfQuote, tokens[start].start), cue: cueSpan(doc, start, speech.end), cueToken: start };
    }
  }
  return accordingBefore(ctx, sentenceOfQuote, k);
}

/** "According to Limbaugh, “…”": the source named after "according to" opens the quotation's sentence. */
function accordingBefore(ctx: Ctx, sentence: number, k: number): Found | undefined {
  const { doc } = ctx;
  const { tokens } = doc;
  const first = doc.tokenAt(doc.sentences[sentence].start);
  if (k < 0 || tokens[k + 1]?.text !== ',' || k - first > 12) return undefined;
  const according = cueTries().according.match(tokens, first);
  const p = according && phraseAfter(doc, according.end + 1);
  if (!according || !p || p.last !== k) return undefined;
  return { speaker: speakerOfPhrase(ctx, p), cue: doc.textSpan(tokens[first].start, tokens[according.end].end), cueToken: first };
}

/** A quotation opening in lower case right after a word that is not its cue's comma or colon continues that word's clause. */
function clauseRest(doc: Document, q: QuoteMark): boolean {
  const before = doc.tokens[doc.tokenAt(q.start) - 1];
  return /^\p{Ll}/u.test(doc.text.slice(q.contentStart, q.contentStart + 1)) && !!before && /^[\p{L}\p{N}]/u.test(before.text);
}

/** A partial quote: the narrator's sentence frames a quoted phrase with a cue verb of its own. */
function attributePartial(ctx: Ctx, q: QuoteMark): Found | undefined {
  const { doc } = ctx;
  const c = cueTries();
  const s = doc.sentenceAt(q.start);
  const { tokens } = doc;
  const first = doc.tokenAt(doc.sentences[s].start);
  const qStart = doc.tokenAt(q.start);
  for (let i = qStart - 1; i >= first; i--) {
    if (tokens[i].quoted) continue;
    // a sentence end the splitter missed: "… advocacy group. ''It's anti-reform.''"
    if (missedSentenceEnd(tokens, i)) break;
    // "he said, adding that “…”": the participle nearest the quotation is its cue
    const cue = c.partial.match(tokens, i) ?? c.speech.match(tokens, i) ?? (tokens[i - 1]?.text === ',' && /^\p{Ll}/u.test(tokens[i].text) ? c.participles.match(tokens, i) : undefined);
    if (!cue || cue.end >= qStart) continue;
    // "When attackers are revealed as …, officials call them “…”": a passive without its agent quotes no one,
    // and a bare form after a singular word is a noun ("a phone call")
    if (cue.end === i && (passive(doc, i) || nounByAgreement(doc, i))) continue;
    let p = phraseBefore(doc, i);
    // "The ad concludes with footage of the senator saying …": a participle after a noun in another verb's
    // phrase has that noun, after the last preposition, for its speaker
    if (p && /^\p{Ll}+ing$/u.test(tokens[i].text) && tokens[i - 1]?.text !== ',') {
      let v = -1;
      for (let k = p.first + 1; k < p.last; k++) if (cueAt(doc, k)) v = k;
      let prep = -1;
      for (let k = v + 1; v >= 0 && k < p.last; k++) if (/^(?:of|with|from|by|in|on|at|to|for|about)$/i.test(tokens[k].text)) prep = k;
      if (prep >= 0) p = { first: prep + 1, last: p.last };
    }
    const speaker = p ? speakerOfPhrase(ctx, p) : subjectPhrase(ctx, s, tokens[i].start);
    return { speaker, cue: cueSpan(doc, i, cue.end, false), cueToken: i };
  }
  return undefined;
}

/** Does the next sentence of the same paragraph open with a quotation? */
function quotationNext(doc: Document, sentence: number): boolean {
  const next = doc.sentences[sentence + 1];
  return !!next && next.paragraph === doc.sentences[sentence].paragraph && !!doc.quoteMarkAt(next.start + 1) && doc.quoteMarkAt(next.start + 1)!.start === next.start;
}

/**
 * Where the narrator's words before a quotation start, when they open its sentence and are its clause's
 * beginning ("The country “has made dramatic changes,”"), not a frame of their own (a cue, a colon, another quotation).
 */
function narratorLead(doc: Document, q: QuoteMark): number | undefined {
  const { tokens } = doc;
  const first = doc.tokenAt(q.start);
  const sentence = doc.sentenceAt(q.start);
  const s = doc.sentences[sentence];
  let k = first - 1, n = 0;
  for (; k >= 0 && tokens[k].sentence === sentence; k--) {
    const t = tokens[k];
    if (t.quoted || /^[.:;!?—―–()"“”'‘’]$/u.test(t.text) || cueAt(doc, k)) return undefined;
    if (/^[\p{L}\p{N}]/u.test(t.text)) n++;
  }
  return n > 0 && tokens[k + 1]?.start === s.start && !/^[,]$/.test(tokens[first - 1].text) ? s.start : undefined;
}

/** Nothing of the narrator's precedes the quotation in its sentence ("the slogan “Peace Through Strength.”" is no continuation). */
function startsSentence(doc: Document, q: QuoteMark): boolean {
  const before = doc.tokens[doc.tokenAt(q.start) - 1];
  return !before || before.sentence !== doc.sentenceAt(q.start) || before.quoted || /^[.!?…"“”]$/u.test(before.text);
}

/** Do three or more of the narrator's words stand between the cue at token `cue` and the quotation? */
function narratorBetween(doc: Document, cue: number | undefined, q: QuoteMark): boolean {
  if (cue === undefined) return false;
  let n = 0;
  for (let k = cue + 1; k < doc.tokens.length && doc.tokens[k].start < q.start; k++) if (!doc.tokens[k].quoted && /^[\p{L}\p{N}]/u.test(doc.tokens[k].text)) n++;
  return n >= 3;
}

/** Every content word capitalised, at most eight words, inside the narrator's clause: a title, not speech. */
function titleOfWork(doc: Document, q: QuoteMark, content: string): boolean {
  const ws = content.replace(/[.,!?;:…]+$/u, '').split(/\s+/u).filter((x) => /\p{L}/u.test(x));
  if (!ws.length || ws.length > 8) return false;
  if (!ws.every((x, n) => /^\p{Lu}/u.test(x) || n > 0 && /^(?:of|the|a|an|and|or|to|in|on|for|at|by|with|from|is|are|as)$/.test(x))) return false;
  const k = doc.tokenAt(q.start) - 1;
  const before = doc.tokens[k];
  // 'he replied “No.”' is speech
  if (before && (cueTries().speech.match(doc.tokens, k) || cueTries().participles.match(doc.tokens, k))) return false;
  return !!before && before.sentence === doc.sentenceAt(q.start) && !/^[,:;—―–(.!?]$/u.test(before.text) && !before.quoted;
}

/** A subheading in single marks on a paragraph of its own ('All Bets Are Off.'): every content word capitalised. */
function quotedHeading(doc: Document, q: QuoteMark, content: string): boolean {
  if (!/^['‘]$/u.test(doc.text[q.start]) || q.contentStart - q.start > 1) return false;
  const s = doc.sentenceAt(q.start);
  const alone = doc.sentences[s].start === q.start && doc.sentences[s + 1]?.paragraph !== doc.sentences[s].paragraph;
  const ws = content.replace(/[.,!?;:…]+$/u, '').split(/\s+/u).filter((x) => /\p{L}/u.test(x));
  return alone && ws.length > 0 && ws.length <= 8 && ws.every((x, n) => /^\p{Lu}/u.test(x) || n > 0 && /^(?:of|the|a|an|and|or|to|in|on|for|at|by|with|from)$/.test(x));
}

/** A period, question or exclamation mark before a capital or a quotation mark that the sentence splitter did not split at. */
export function missedSentenceEnd(tokens: Token[], i: number): boolean {
  const next = tokens[i + 1];
  return /^[.!?]$/.test(tokens[i].text) && !!next && next.sentence === tokens[i].sentence && /^(?:\p{Lu}|[“"‘'«„])/u.test(next.text) && !abbreviationDot(tokens, i);
}

/** Nothing of the narrator's follows the quotation in its sentence. */
function endsSentence(doc: Document, q: QuoteMark): boolean {
  const next = doc.tokens[doc.tokenAt(q.end)];
  return !next || next.sentence !== doc.sentenceAt(Math.max(q.start, q.end - 1)) || /^[.!?…]$/u.test(next.text) || next.quoted;
}

/** Does the quotation open its sentence or follow its cue's comma, colon or "that"? */
function opensClause(doc: Document, q: QuoteMark): boolean {
  const before = doc.tokens[doc.tokenAt(q.start) - 1];
  return !before || before.sentence !== doc.sentenceAt(q.start) || /^(?:[,:;—―–]|that)$/iu.test(before.text);
}

/** "…, he said, but “…”": a conjunction after the attribution's comma, right before the quotation. */
function joinsResumed(doc: Document, q: QuoteMark): boolean {
  const k = doc.tokenAt(q.start) - 1;
  const before = doc.tokens[k], comma = doc.tokens[k - 1];
  return !!before && !!comma && before.sentence === doc.sentenceAt(q.start) && /^(?:and|but)$/i.test(before.text) && comma.text === ',';
}

function isWholeClause(doc: Document, q: QuoteMark): boolean {
  const content = doc.text.slice(q.contentStart, q.contentEnd).trim();
  const words = content.split(/\s+/).length;
  return words >= 4 && (/^[\p{Lu}"“‘]/u.test(content) || /[.!?,…]["”’']?$/u.test(content));
}

/** Does the speaker phrase ending at `end` close on a contracted "has" before a participle cue ("she’s said", "the mayor's called for")? */
export function contractedHas(doc: Document, end: number, cue: TextSpan): boolean {
  return /\p{L}['’]s$/u.test(doc.text.slice(end - 3, end)) && /^\s+$/.test(doc.text.slice(end, cue.start)) && /^(?:\p{Ll}+(?:ed|en)|said|told|made|put|been)\b/u.test(cue.text);
}

export function directAndPartial(ctx: Ctx, out: Quote[], usedCues: Set<number>): void {
  const { doc } = ctx;
  let previous: { quote: Quote; speaker: Speaker | null } | undefined;
  for (const q of doc.quoteMarks) {
    const content = doc.text.slice(q.contentStart, q.contentEnd);
    if (!content.trim()) continue;
    let kind: Quote['kind'] = 'direct';
    // a title of a work or a programme ("on CBS's “Face the Nation,”") is not speech
    if (titleOfWork(doc, q, content)) {
      doc.note('quotes', 'quotation in title case after the narrator\'s words (a title?)', q.start, q.end);
      continue;
    }
    const whole = isWholeClause(doc, q);
    // a short quotation is still a sentence when it ends like one: "I would," Melanie said.
    const sentenceLike = whole || /[,.!?…]$/u.test(content.trim());
    // "A," he said, "B": the second half takes the attribution the first half already used
    const resumed = attributeBefore(ctx, q);
    let found = resumed?.cueToken !== undefined && usedCues.has(resumed.cueToken) ? resumed : sentenceLike ? attributeDirect(ctx, q) : undefined;
    if (!found) {
      const partial = attributePartial(ctx, q);
      // framed by the narrator's clause ("Trump says voter fraud “would be…”"), a quotation is partial
      // … unless the narrator's own words stand between the cue and the quotation ("acknowledged that there
      // are still "some people" who feel that way, "but not among the vast majority."")
      // … and "“A,” he told reporters on Friday, “b …”" resumes the quotation whose cue it shares, however far
      // the attribution runs between the halves
      const resumes = partial?.cueToken !== undefined && usedCues.has(partial.cueToken) && /^\p{Ll}/u.test(content);
      // … and so does "“A,” he said, but “b …”": the conjunction joins the speaker's two sentences
      if (partial) { found = partial; kind = whole && (opensClause(doc, q) || resumes && joinsResumed(doc, q)) && (resumes || !narratorBetween(doc, partial.cueToken, q)) ? 'direct' : 'partial'; }
    }
    if (!found && (whole || /^\p{Lu}/u.test(content) && /[.!?…]$/u.test(content.trim())) && endsSentence(doc, q) && startsSentence(doc, q) && !quotedHeading(doc, q, content) && previous?.speaker && paragraphOf(doc, previous.quote.start) >= paragraphOf(doc, q.start) - 1) {
      // a quotation standing alone continues the previous speaker
      found = { speaker: previous.speaker };
    }
    if (!found) {
      doc.note('quotes', 'quotation without a speaker or cue (scare quote or title?)', q.start, q.end);
      continue;
    }
    // "The summit accomplished “too little,” he added": the narrator's subject and the quoted predicate are one report
    // (a quotation going on after the attribution makes the whole a direct quote interrupted by it)
    const goesOn = found.cueToken !== undefined && quotationNext(doc, doc.tokens[found.cueToken].sentence);
    const lead = kind === 'direct' && !goesOn && found.cueToken !== undefined && doc.tokens[found.cueToken].start > q.end ? narratorLead(doc, q) : undefined;
    if (lead !== undefined) {
      kind = 'partial';
      usedCues.add(found.cueToken!);
      pushIndirect(doc, out, lead, q.end, found);
    }
    // a partial quote's cue still governs the reported clause around it, which the indirect pass reports
    if (found.cueToken !== undefined && kind === 'direct') usedCues.add(found.cueToken);
    // "“…,” McConnell said in June, citing …": a participle after the attribution shares its speaker
    if (found.cueToken !== undefined && found.speaker) (ctx.quoter ??= new Map()).set(doc.tokens[found.cueToken].sentence, { cue: found.cueToken, speaker: found.speaker });
    const quote = toQuote(doc, kind, q.contentStart, q.contentEnd, found);
    out.push(quote);
    // a quotation standing alone after "… “<partial>,” she said." continues that speaker too
    if (kind === 'direct' || found.cue) previous = { quote, speaker: found.speaker };
  }
}

/** Inside a quotation, "I" is its speaker and "the president" the speaker's own president. */
export function resolveInsideQuotes(ctx: Ctx, quotes: Quote[]): void {
  const { doc } = ctx;
  const persons = doc.entities.filter((e) => e.type === 'PERSON');
  // only "the" before a title, a name or a count can be a definite description; look those up once
  const mentioned = new Set(doc.mentions.map((m) => m.token));
  const describable = new Set([...doc.titles.map((t) => t.token), ...doc.names.map((n) => n.token)]);
  for (const q of quotes) {
    if (q.kind === 'indirect' || !q.speaker?.entity) continue;
    const speaker = ctx.entity(q.speaker.entity);
    if (!speaker) continue;
    for (let i = doc.tokenAt(q.start); i < doc.tokens.length && doc.tokens[i].start < q.end; i++) {
      const t = doc.tokens[i];
      if (speaker.type === 'PERSON' && /^(?:I|me|my|myself)$/.test(t.text)) {
        doc.mentions.push({ start: t.start, end: t.end, entity: speaker.id, kind: 'pronoun', token: i, tokenEnd: i });
      } else if (/^the$/i.test(t.text) && !mentioned.has(i) && (describable.has(i + 1) || /^(?:two|three|both)$/i.test(doc.tokens[i + 1]?.text ?? ''))) {
        const r = resolveDefinite(doc, persons, i, speaker);
        if (r) for (const e of r.entities) doc.mentions.push({ start: t.start, end: doc.tokens[r.end].end, entity: e.id, kind: 'title', token: i, tokenEnd: r.end });
      }
    }
  }
  doc.mentions.sort((a, b) => a.start - b.start || b.end - a.end);
}
