// Indirect speech: "<speaker> <cue> (that) <content>", "according to <speaker>", leading content with
// the attribution after it, and the checks that keep nouns, passives and idioms from passing as cues.
import { loadData } from '../data.ts';
import type { Document } from '../document.ts';
import type { Quote } from '../schema/article.ts';
import { abbreviationDot, bridgeBefore, isBridge, phraseAfter, phraseBefore, type Phrase } from './source-phrase.ts';
import { ADVERB, CLAUSE_END, PARTICLE, contentEnd, cueSpan, mannerAfter, pushIndirect, pushLead } from './spans.ts';
import type { Ctx, Found, Speaker } from './context.ts';
import { type CuesFile, GAP_MAX, cueTries, cueWords, words } from './cue-words.ts';
import { beBefore, beBeforeAdjective, clauseAhead, clauseEnd, cueAt, demonstrative, directsListener, gerundOfSaying, opensQuestion, passive, perfectBefore, quotedComplement, titleCase } from './clauses.ts';
import { raisedReport, readConstruction } from './constructions.ts';
import { speakerOfPhrase, subjectPhrase, unreadSpeaker, withApposition, withoutReportingRelative } from './speakers.ts';

export function indirect(ctx: Ctx, out: Quote[], usedCues: Set<number>): void {
  const { doc } = ctx;
  const c = cueTries();
  const { tokens } = doc;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.quoted) continue;
    const s = doc.sentences[t.sentence];
    const according = c.according.match(tokens, i);
    if (according) {
      const p = phraseAfter(doc, according.end + 1);
      if (p) {
        // "<content>, according to X." or "According to X, <content>."
        const before = doc.text.slice(s.start, t.start).replace(/[\s,]+$/, '');
        const next = tokens[p.last + 1];
        const afterStart = next && next.text === ',' ? next.end : tokens[p.last].end;
        // "And more than half of …, according to …": a conjunction opening the sentence links it to the last one
        const conjunction = /^(?:And|But|So|Yet)\s+/u.exec(before)?.[0].length ?? 0;
        // "Pressure is building on the mayor, who …, according to …": the relative clause is the report
        const [cs, ce] = before.length > 10 ? [relativeLead(doc.text, afterConnective(doc.text, s.start + conjunction, s.start + before.length), s.start + before.length), s.start + before.length] : [afterStart, contentEnd(doc, t.sentence)];
        const speaker = speakerOfPhrase(ctx, p);
        pushIndirect(doc, out, cs, ce, { speaker: before.length > 10 ? withApposition(ctx, speaker) : speaker, cue: cueSpan(doc, i, according.end, false) });
      }
      i = according.end;
      continue;
    }
    if (usedCues.has(i)) continue;
    if (nominal(ctx, out, i)) continue;
    if (raisedReport(ctx, out, i)) { i++; continue; }
    const read = readConstruction(ctx, out, i);
    if (read !== undefined) { i = read; continue; }
    // cues are verbs: "the United States" holds no cue
    // a headline capitalises its verbs too: "Obama Says Museum Will Tell of 'Suffering and Delight'"
    const verb = /^\p{Ll}/u.test(t.text) || titleCase(ctx, t.sentence);
    const speech = verb ? c.speech.match(tokens, i) : undefined;
    // "Clinton is stressing that…", "Republicans are slamming…": a participle after a form of "be"
    const participle = verb ? c.participles.match(tokens, i) : undefined;
    const progressive = participle && beBefore(doc, i) ? participle : undefined;
    // the longer cue wins: "warned of …" is a stance with a topic, "warned that …" speech
    const longer = verb ? c.stance.match(tokens, i) : undefined;
    const stance = !verb || speech && !(longer && longer.end > speech.end) ? undefined : longer ?? progressive;
    let cue = stance && speech ? stance : speech ?? stance;
    // "avoids condemning …", "kept insisting …": a participle after a verb of will or aspect is the cue, that verb a bridge
    if (!cue && participle && bridgeBefore(tokens, i - 1) === 1 && !isBridge(tokens[i - 1])) cue = participle;
    // "refused to disclose …", "wanted to know …": a verb of will before another cue bridges to it
    if (cue && cue.end === i && bridgeBefore(tokens, i + 1) > 1 && /^\p{Ll}/u.test(tokens[i + 2]?.text ?? '') && (c.speech.match(tokens, i + 2) || c.stance.match(tokens, i + 2))) continue;
    // "the survey was published on Monday": a passive's subject is not its source
    const adjective = words().adjectives.has(t.text.toLowerCase());
    if (cue && !progressive && !adjective && passive(doc, i)) {
      // "… is supported by far fewer papers": the agent after "by" is the source, the subject the content
      if (passiveWithAgent(ctx, out, i, cue.end)) { i = cue.end; continue; }
      cue = undefined;
    }
    // "a coalition backed by the West": a participle after its noun
    if (cue && cue.end === i && reducedRelative(doc, i)) cue = undefined;
    // "Let's say you think …", "Having said that, …": idioms, not reports
    if (cue && (/^let['’]s$/i.test((tokens[i - 2]?.text ?? '') + (tokens[i - 1]?.text ?? '')) || /^having$/i.test(tokens[i - 1]?.text ?? ''))) cue = undefined;
    // "Republicans were incensed that …", "she is confident that …": an adjective after "be" before its clause
    // … and a verb when it has a subject of its own: "Regulators worried that …"
    // … and after "have": "Both candidates have opposed the deal"
    const verbal = adjective && /ed$/.test(t.text) && (/^that$/i.test(tokens[(cue?.end ?? i) + 1]?.text ?? '') && !!phraseBefore(doc, i) || perfectBefore(doc, i));
    // … and before a topic: "Republicans were concerned about the shift", "Graham has been critical of Trump"
    // (some adjectives of attitude take only a topic, never a clause: "has been critical of Trump"), but not
    // "what she is more passionate about than …", whose topic went before
    const topicalOnly = verb && !cue && !t.quoted && words().topicalAdjectives.has(t.text);
    if (topicalOnly) cue = { end: i, values: [] };
    const be = adjective || topicalOnly ? beBeforeAdjective(doc, i) : -1;
    const topical = !!cue && be >= 0 && cue.end <= i + 1 && /^(?:about|of|over)$/.test(tokens[i + 1]?.text ?? '') && tokens[i + 2]?.sentence === t.sentence && !tokens[i + 2].quoted && tokens[i + 2].text !== 'than';
    if (cue && topical) cue = { ...cue, end: i + 1 };
    else if (topicalOnly) cue = undefined;
    else if (cue && adjective && !verbal && !(passive(doc, i, true) && /^(?:that|to)$/i.test(tokens[cue.end + 1]?.text ?? ''))) cue = undefined;
    // words that are more often nouns ("the rules", "her plans") are cues only before "that"
    // … but after a verb of will and its "to" it is an infinitive: "refused to pledge to release …"
    if (cue && cue.end === i && words().needsThat.has(t.text.toLowerCase()) && !(bridgeBefore(tokens, i - 1) > 1) && !/^that$/i.test(tokens[i + 1]?.text ?? '') && !verbBetween(doc, i) && !closesReport(doc, i) && !judgedAs(doc, i)) cue = undefined;
    if (cue && nounByAgreement(doc, i)) cue = undefined;
    if (cue && cue.end === i && pluralBeforeRelative(doc, i)) cue = undefined;
    // "…, compared with 11 percent last year": a participle fused with its preposition compares, it reports nothing
    if (cue && cue.end === i && tokens[i + 1]?.sentence === t.sentence && words().complexPrepositions.has(`${t.text.toLowerCase()} ${tokens[i + 1].text.toLowerCase()}`)) cue = undefined;
    if (cue && askedOfReader(doc, i)) cue = undefined;
    if (cue && cue.end === i && naming(doc, i)) cue = undefined;
    if (!cue) {
      if (participle) participleClause(ctx, out, i, participle);
      continue;
    }
    // the cue of a topical adjective starts at its "be", degree words and all ("weren't too concerned about")
    const head = topical ? be : i;
    const found: Found = { speaker: null, cue: cueSpan(doc, head, cue.end, false), cueToken: i };
    const p = phraseBefore(doc, head);
    // "said Friday afternoon, as …": a day after the cue still leaves it at the clause's end
    let afterCue = cue.end + 1;
    while (tokens[afterCue] && tokens[afterCue].sentence === t.sentence && words().cueTail.has(tokens[afterCue].text)) afterCue++;
    const nextTok = tokens[afterCue];
    const adjunctEnd = adjunctToEnd(doc, i, afterCue, !!p && tokens[p.first - 1]?.text === ',' && tokens[p.first - 1].sentence === t.sentence);
    const atEnd = !nextTok || nextTok.sentence !== t.sentence || CLAUSE_END.test(nextTok.text) || adjunctEnd !== undefined;
    const resumeAt = adjunctEnd !== undefined && tokens[adjunctEnd].text === ',' ? adjunctEnd : afterCue;
    // "…," the sign read: a verb that mostly takes a plain object reports only when it closes a quotation
    if (cue.end === i && words().closingOnly.has(t.text.toLowerCase()) && !(p && atEnd && leadingContent(doc, t.sentence, p.first)?.direct)) continue;
    // "bounce houses and face painting, on game days": a bare "-ing" word after its noun with nothing of its
    // own after it is a noun, not a verb closing a report ("…, the mayor said")
    if (p && atEnd && !progressive && cue.end === i && /^\p{Ll}+ing$/u.test(t.text)) continue;
    // "…, painting Trump as a caricature": a participle after a comma shares the sentence's subject
    if (!p && participle && participle.end === cue.end && (tokens[i - 1]?.text === ',' || gerundOfSaying(doc, i, cue.end))) { participleClause(ctx, out, i, participle); i = cue.end; continue; }
    if (!p && coordinated(doc, i)) {
      // "He claimed vast wealth and said <content>": the second verb shares the sentence's subject
      let from = contentAfterCue(ctx, i, cue.end, !!stance || !!c.stance.match(tokens, i));
      if (from === cue.end + 1 && topicAfter(doc, from, !!stance)) found.cue = cueSpan(doc, i, from++, false);
      if (from !== undefined) {
        found.speaker = subjectPhrase(ctx, t.sentence, t.start);
        const start = tokens[from].start, end = clauseEnd(ctx, from);
        if (end - start >= 8) { pushIndirect(doc, out, start, end, found); i = cue.end; }
      }
      continue;
    }
    if (p) {
      // "in a box labeled “medical problem”": a noun after a preposition is no subject; its participle names no speaker
      const governed = /^\p{Ll}+ed$/u.test(t.text) && cue.end === i && /^(?:in|on|at|from|with|into|under|over|inside)$/i.test(tokens[p.first - 1]?.text ?? '') && tokens[p.first - 1].sentence === t.sentence;
      found.speaker = governed ? null : speakerOfPhrase(ctx, withoutReportingRelative(doc, out, p));
      // the sentence's first reporter is its main clause's; a later one reports inside its content ("X told them
      // that she believes …, saying …") or names a noun's owner ("rejected a press request …, saying …")
      if (found.speaker && ctx.reporter?.sentence !== t.sentence) ctx.reporter = { sentence: t.sentence, cue: i, speaker: found.speaker };
      // "As the experts have pointed out, <content>", "<content>, as police have said."
      if (asAttribution(ctx, out, p, i, cue.end, atEnd, found)) { i = cue.end; continue; }
      // <content>, the source said.
      const lead = leadingContent(doc, t.sentence, p.first);
      if (atEnd && lead) {
        // "But to prevent problems, he said, local officials should be vigilant": the report goes on after
        // the attribution; both parts share the cue
        const rest = !lead.direct && resumedAfter(doc, resumeAt);
        // "But in recent days, advisers say, the president has grown …": a time or place before the attribution is the narrator's
        if (!rest || !circumstance(doc, lead)) pushLead(doc, out, lead, found);
        if (rest) pushIndirect(doc, out, tokens[rest].start, clauseEnd(ctx, rest), found);
        i = cue.end;
        continue;
      }
      if (cue === speech && blockAfterColon(doc, out, cue.end, found)) { i = cue.end; continue; }
      // the source said (on Friday) that <content>; "agreed to …", "promised to …" take an infinitive
      let from = contentAfterCue(ctx, i, cue.end, !!stance || !!c.stance.match(tokens, i));
      if (from === undefined && cue === speech) from = relativeReport(doc, p.first, cue.end);
      // "decided against raising taxes": the preposition names the stance, the rest is its topic
      let topicAt = -1;
      if (from === cue.end + 1 && topicAfter(doc, from, !!stance)) { topicAt = from; found.cue = cueSpan(doc, i, from++, false); }
      if (from !== undefined) {
        // a stance verb's object ends before the circumstances: "attacked Machado [in early-morning tweets]"
        // … and so does the topic after its preposition: "decided against [raising taxes] in July"
        const object = cue !== speech && (from === cue.end + 1 || from === topicAt + 1) && (!/^(?:to|that)$/i.test(tokens[from].text) || /^that$/i.test(tokens[from].text) && demonstrative(tokens, from)) && !words().questionWords.has(tokens[from].text.toLowerCase()) && !directsListener(doc, i, cue.end);
        const start = tokens[from].start, end = clauseEnd(ctx, from, object);
        // "spoke on Monday": a time where the object would be is no object; nor is the particle of a phrasal
        // verb ("showed up at the debate", "backed out", "called in to a radio show")
        if (end - start >= (object ? 2 : 8) && !(object && (words().adjuncts.times.has(tokens[from].text) && !/^(?:'s|’s)$/.test(tokens[from + 1]?.text ?? '') || PARTICLE.test(tokens[from].text) || /^in$/i.test(tokens[from].text) && /^to$/i.test(tokens[from + 1]?.text ?? '')))) { pushIndirect(doc, out, start, end, found, object ? 2 : 8); i = cue.end; }
      }
      continue;
    }
    // "Sens. A (D-Ore.), B (D-Ohio) and C (D-N.J.) all suggested that …": a speaker too long to read still
    // leaves its that-clause a report
    if (unreadSpeaker(ctx, out, i, cue.end, found)) { i = cue.end; continue; }
    // <content>, said the source.   (a stance verb there has its own object: "The museum, he said, celebrated …")
    const lead = cue === speech ? leadingContent(doc, t.sentence, i) : undefined;
    if (lead) {
      // "…, said Tuesday the senator": the day belongs to the cue
      const q = phraseAfter(doc, afterCue);
      const place = q ? placeAfter(doc, q.last + 1) : 0;
      const after = q && tokens[place];
      if (q && (!after || after.sentence !== t.sentence || CLAUSE_END.test(after.text))) {
        // "said one official in the room": a common noun keeps the place that tells which one; a name needs none
        const p = place > q.last + 1 && /^\p{Ll}/u.test(tokens[q.last].text) ? { first: q.first, last: place - 1 } : q;
        found.speaker = withApposition(ctx, speakerOfPhrase(ctx, p));
        pushLead(doc, out, lead, found);
        i = q.last;
      }
    }
  }
}

/**
 * "…, said one official in the room.": a short place after a speaker named after the cue still leaves the
 * sentence closing there; the token after the place, else `k`.
 */
export function placeAfter(doc: Document, k: number): number {
  const { tokens } = doc;
  if (!/^(?:in|at|on|from)$/.test(tokens[k]?.text ?? '') || tokens[k].sentence !== tokens[k - 1].sentence) return k;
  for (let j = k + 1; j <= k + 4 && tokens[j] && tokens[j].sentence === tokens[k].sentence; j++) {
    if (CLAUSE_END.test(tokens[j].text)) return j > k + 1 ? j : k;
    if (tokens[j].quoted || !/^[\p{L}’'-]+$/u.test(tokens[j].text)) return k;
  }
  return tokens[k + 5]?.sentence !== tokens[k].sentence ? k + 5 : k;
}

/**
 * "The governor added:" closing its paragraph, with the next paragraph set out without quotation marks: that
 * paragraph is the report.
 */
function blockAfterColon(doc: Document, out: Quote[], cueEnd: number, found: Found): boolean {
  const { tokens, text } = doc;
  const colon = tokens[cueEnd + 1], next = tokens[cueEnd + 2];
  if (colon?.text !== ':' || !next || next.quoted || !text.slice(colon.end, next.start).includes('\n') || /^[“"‘'«„]/u.test(next.text)) return false;
  const close = text.indexOf('\n', next.start);
  const end = close < 0 ? text.length : close;
  if (end - next.start < 20) return false;
  pushIndirect(doc, out, next.start, end, { ...found, cue: doc.textSpan(found.cue!.start, colon.end) });
  return true;
}

/** "…, the newspaper reports.": a word that is often a noun closes the sentence after its subject and a comma. */
function closesReport(doc: Document, i: number): boolean {
  const { tokens } = doc;
  const next = tokens[i + 1];
  if (next && next.sentence === tokens[i].sentence && !/^[.!?]$/.test(next.text)) return false;
  const p = phraseBefore(doc, i);
  return !!p && tokens[p.first - 1]?.text === ',' && tokens[p.first - 1].sentence === tokens[i].sentence;
}

/**
 * After a cue that follows its content, a listener or a time, place or occasion may close the sentence:
 * "…, she told reporters on Thursday.", "…, the agency said in a June report."
 */
function adjunctToEnd(doc: Document, cue: number, from: number, medial = false): number | undefined {
  const { tokens } = doc;
  const w = words();
  const first = tokens[from];
  // only a verb of saying: "declined to comment" holds its content after it
  if (!first || first.sentence !== tokens[cue].sentence || first.quoted || !cueTries().speech.match(tokens, cue) || /^to$/i.test(first.text)) return undefined;
  const listener = w.objectCues.has(tokens[cue].text.toLowerCase()) && (/^\p{Lu}/u.test(first.text) || /^(?:the|a|an|his|her|their|reporters|journalists|me|us|him|them)$/i.test(first.text));
  if (!listener && !w.gapOpeners.has(first.text) && !w.gapOpeners.has(first.text.toLowerCase())) return undefined;
  for (let k = from; k < tokens.length && k <= from + 10; k++) {
    const t = tokens[k];
    if (t.sentence !== first.sentence || /^[.!?]$/.test(t.text) && !abbreviationDot(tokens, k)) return k;
    // "<content>, the agency said in a June report, and <content>": set off by commas, the attribution
    // and its adjunct interrupt the report, which goes on after the second comma
    if (medial && t.text === ',' && k > from) return k;
    if (t.quoted || /^(?:that|to|[,;:—―–])$/iu.test(t.text)) return undefined;
  }
  return undefined;
}

/** A past participle right after a common noun and before its agent: "a coalition backed by the West". */
function reducedRelative(doc: Document, i: number): boolean {
  const { tokens } = doc;
  const t = tokens[i], before = tokens[i - 1], after = tokens[i + 1];
  if (!before || !after || before.sentence !== t.sentence || after.sentence !== t.sentence) return false;
  // "In a message posted Friday, Cruz said …": a noun after a preposition is no subject, so the participle
  // after it describes it
  if (/ed$/.test(t.text) && (words().adjuncts.times.has(after.text) || after.text === ',') && /^\p{Ll}+$/u.test(before.text)) {
    const p = phraseBefore(doc, i);
    if (p && p.last === i - 1 && /^(?:in|on|at|from|with|for|of|after|before|during)$/i.test(tokens[p.first - 1]?.text ?? '') && tokens[p.first - 1].sentence === t.sentence) return true;
  }
  // "said by phone" is the saying's manner; "backed by the West" names the agent
  const agent = tokens[i + 2];
  if (!/(?:ed|en|wn|nt|ht|und)$/.test(t.text) || after.text !== 'by' || !agent || !/^(?:\p{Lu}|(?:the|a|an|his|her|their|its)$)/u.test(agent.text)) return false;
  return /^\p{Ll}+$/u.test(before.text) && !isBridge(before) && !words().clauseSubjects.has(before.text);
}

/**
 * A parenthetical "as" attribution reports the clause beside it: "As many experts have pointed out, <content>"
 * and "<content>, as police have said." Pushes the report and says whether there was one.
 */
function asAttribution(ctx: Ctx, out: Quote[], p: Phrase, cue: number, cueEnd: number, atEnd: boolean, found: Found): boolean {
  const { doc } = ctx;
  const { tokens } = doc;
  const as = p.first - 1;
  if (!/^as$/i.test(tokens[as]?.text ?? '') || tokens[as].sentence !== tokens[cue].sentence) return false;
  const lead = atEnd && leadingContent(doc, tokens[cue].sentence, as);
  if (lead) {
    pushLead(doc, out, lead, found);
    return true;
  }
  if (as > 0 && tokens[as - 1].sentence === tokens[as].sentence && !/^(?:[,;:(]|if|but|and)$/i.test(tokens[as - 1].text)) return false;
  for (let k = cueEnd + 1; k < tokens.length && k <= cueEnd + 10 && tokens[k].sentence === tokens[cue].sentence && !tokens[k].quoted; k++) {
    if (/^(?:that|[.;:!?])$/i.test(tokens[k].text)) return false;
    if (tokens[k].text !== ',') continue;
    const from = k + 1;
    if (!tokens[from] || tokens[from].sentence !== tokens[cue].sentence) return false;
    const start = tokens[from].start, end = clauseEnd(ctx, from);
    if (end - start < 8) return false;
    pushIndirect(doc, out, start, end, found);
    return true;
  }
  return false;
}

/** A short prepositional phrase of time or place, perhaps after a conjunction: "But in recent days", "On Monday". */
function circumstance(doc: Document, span: { start: number; end: number }): boolean {
  const text = doc.text.slice(span.start, span.end);
  return text.split(/\s+/u).length <= 5 && /^(?:(?:and|but|yet|so)\s+)?(?:in|on|at|during|after|before|since|over|for|by|last|this|earlier|later)\b/iu.test(text);
}

/**
 * A passive cue with its agent: "The nominee has been endorsed by dozens of papers", "The story was first
 * reported by the Post". The agent is the source, the subject the content, "by" part of the cue.
 */
function passiveWithAgent(ctx: Ctx, out: Quote[], cue: number, cueEnd: number): boolean {
  const { doc } = ctx;
  const { tokens } = doc;
  const by = tokens[cueEnd + 1], agentStart = tokens[cueEnd + 2];
  if (by?.text !== 'by' || by.sentence !== tokens[cue].sentence || !agentStart || agentStart.sentence !== by.sentence) return false;
  // "by Friday", "by phone": a time or a manner, not an agent
  if (!/^(?:\p{Lu}|(?:the|a|an|his|her|their|its|our|dozens|many|most|some|several|far|more|both|all)$)/u.test(agentStart.text) || words().adjuncts.times.has(agentStart.text)) return false;
  const agent = phraseAfter(doc, cueEnd + 2);
  const subject = phraseBefore(doc, cue);
  if (!agent || !subject) return false;
  const found: Found = { speaker: speakerOfPhrase(ctx, agent), cue: cueSpan(doc, cue, cueEnd + 1, false), cueToken: cue };
  pushIndirect(doc, out, tokens[subject.first].start, tokens[subject.last].end, found, 2);
  return true;
}

/**
 * A noun of saying or thinking with its clause: "Trump's claim that <content>", "his decision to <content>",
 * "a recognition that <content>". The source is the possessor, if any ("Trump's", "his").
 */
function nominal(ctx: Ctx, out: Quote[], i: number): boolean {
  const { doc } = ctx;
  const { tokens } = doc;
  const t = tokens[i];
  const w = words();
  if (!w.nounsThat.has(t.text) && !w.nounsTo.has(t.text)) return false;
  const next = tokens[i + 1];
  if (!next || next.sentence !== t.sentence || next.quoted) return false;
  const link = next.text.toLowerCase();
  if (!(link === 'that' && w.nounsThat.has(t.text) || link === 'to' && w.nounsTo.has(t.text))) return false;
  const after = tokens[i + 2];
  // "the report that he released" is a relative clause; a complement clause opens with its subject
  if (!after || after.sentence !== t.sentence || link === 'that' && !/^(?:\p{Lu}|[“"‘])/u.test(after.text) && !/^(?:he|she|it|they|we|i|you|there|the|a|an|this|these|those|his|her|their|its|our|no|some|many|most|all|only|if|in|by|as|when|while)$/.test(after.text)) return false;
  const from = link === 'that' ? i + 2 : i + 1;
  let k = i - 1;
  while (k >= 0 && i - k <= 2 && tokens[k].sentence === t.sentence && /^\p{Ll}+$/u.test(tokens[k].text) && !w.possessives.has(tokens[k].text) && !/^(?:the|a|an|this|that|these|those|his|her|their|its|our|my|your|of|and|or|to|in|on|for|with)$/.test(tokens[k].text)) k--;
  // a noun stands after an article or a possessor; "Trump plans to …" is the verb
  if (k < 0 || tokens[k].sentence !== t.sentence) return false;
  let speaker: Speaker | null = null;
  if (w.possessives.has(tokens[k].text.toLowerCase())) speaker = speakerOfPhrase(ctx, { first: k, last: k });
  else if (/^['’]s$/u.test(tokens[k].text)) {
    // the possessor: the capitalised words before "'s" ("Donald Trump's", "the Kremlin's")
    let first = k - 1;
    while (first - 1 >= 0 && tokens[first - 1].sentence === t.sentence && (/^\p{Lu}/u.test(tokens[first - 1].text) || abbreviationDot(tokens, first - 1))) first--;
    if (first >= 0 && /^the$/i.test(tokens[first - 1]?.text ?? '')) first--;
    if (first < k && /^\p{Lu}/u.test(tokens[k - 1].text)) speaker = speakerOfPhrase(ctx, { first, last: k });
  }
  else if (!/^(?:the|a|an|this|that|these|those|no|any|every|each)$/i.test(tokens[k].text)) return false;
  const start = tokens[from].start, end = clauseEnd(ctx, from);
  if (end - start < 8) return false;
  pushIndirect(doc, out, start, end, { speaker, cue: doc.textSpan(t.start, t.end), cueToken: i });
  return true;
}

/**
 * A word that is often a noun ("shows", "plans") is a verb between a subject and an object: "Video of the
 * incident shows him …", "Trump plans to …" — not after an article or a possessor ("her plans", "the shows").
 */
/**
 * "Critics see reauthorization as an opportunity": a judging verb with an object and "as" is a verb, not a
 * noun; is token i one?
 */
export function judgedAs(doc: Document, i: number): boolean {
  const { tokens } = doc;
  if (!words().judgedAs.has(tokens[i].text.toLowerCase()) || /^(?:the|a|an|his|her|their|its|our|my|your|this|'s|’s)$/i.test(tokens[i - 1]?.text ?? '')) return false;
  for (let k = i + 2; k < tokens.length && k <= i + 8 && tokens[k].sentence === tokens[i].sentence; k++) {
    if (!/^[\p{L}\p{N}'’-]+$/u.test(tokens[k].text) || /^(?:that|which|who)$/i.test(tokens[k].text)) return false;
    if (tokens[k].text === 'as') return /^(?:a|an|the|one|part|more|less|too|very|\p{Ll}+(?:ing|ful|ous|ive|al|ic|ble))$/u.test(tokens[k + 1]?.text ?? '');
  }
  return false;
}

function verbBetween(doc: Document, i: number): boolean {
  const { tokens } = doc;
  const before = tokens[i - 1], after = tokens[i + 1];
  if (!before || !after || before.sentence !== tokens[i].sentence || after.sentence !== tokens[i].sentence) return false;
  // "…, and plans to reduce …": after a comma and a conjunction, a second verb of the clause's subject
  if (/^(?:and|but|yet)$/i.test(before.text) && tokens[i - 2]?.text === ',' && /^to$/i.test(after.text) && /^\p{Ll}+$/u.test(tokens[i + 2]?.text ?? '')) return true;
  if (!/^[\p{L}\p{N}]/u.test(before.text) || /^(?:the|a|an|his|her|their|its|our|my|your|this|these|those|of|for|and|or|to|in|on|with|by|new|first|'s|’s)$/i.test(before.text)) return false;
  return /^(?:\p{Lu}|\p{N})/u.test(after.text) || words().clauseSubjects.has(after.text.toLowerCase()) || /^(?:him|them|us|me|to|how|what|why|whether)$/i.test(after.text);
}

/**
 * "a group called Lashkar-e-Taiba", "a stream called Miracle Run": a participle of naming after a new,
 * indefinite noun gives its name, not anyone's words.
 */
function naming(doc: Document, i: number): boolean {
  const { tokens } = doc;
  if (!/^(?:called|named|dubbed|nicknamed|termed|labeled|labelled|branded)$/.test(tokens[i].text) || tokens[i + 1]?.sentence !== tokens[i].sentence) return false;
  // "over what lawmakers called “fraud” …": the fronted "what" is the thing named, and the name after the
  // verb is all the subject said (a partial quote); the words after it are the narrator's sentence going on
  for (let k = i - 1; k >= 0 && k >= i - 5 && tokens[k].sentence === tokens[i].sentence; k--) {
    if (/^what$/i.test(tokens[k].text)) return k < i - 1;
    if (!/^[\p{L}.'’-]+$/u.test(tokens[k].text)) break;
  }
  if (!/^\p{Lu}/u.test(tokens[i + 1].text)) return false;
  if (!/^\p{Ll}+$/u.test(tokens[i - 1]?.text ?? '')) return false;
  for (let k = i - 2; k >= 0 && k >= i - 5 && tokens[k].sentence === tokens[i].sentence; k--) {
    if (/^(?:a|an)$/i.test(tokens[k].text)) return true;
    if (!/^[\p{L}-]+$/u.test(tokens[k].text) || words().clauseSubjects.has(tokens[k].text.toLowerCase())) return false;
  }
  return false;
}

/**
 * "Do you know where …?", "Would you still vote for her?": a yes-no question put to the reader reports
 * nobody's words or views. (A wh-question keeps its report: "How do you know when …")
 */
function askedOfReader(doc: Document, i: number): boolean {
  const { tokens } = doc;
  let k = i - 1;
  while (k >= 0 && tokens[k].sentence === tokens[i].sentence && isBridge(tokens[k]) && !/^you$/i.test(tokens[k].text)) k--;
  const you = tokens[k], aux = tokens[k - 1];
  if (!you || !/^you$/i.test(you.text) || !aux || aux.sentence !== you.sentence || !/^(?:do|does|did|can|could|would|will|should|shall|may|might|must|are|have|had)$/i.test(aux.text)) return false;
  const s = doc.sentences[tokens[i].sentence];
  if (!/\?\s*$/u.test(doc.text.slice(s.start, s.end).replace(/[”"’')\s]+$/u, ''))) return false;
  for (let j = doc.tokenAt(s.start); j < k - 1; j++) if (words().questionWords.has(tokens[j].text.toLowerCase())) return false;
  return true;
}

/**
 * Subject–verb agreement tells a noun from a present-tense verb: a bare form ("think", "advocate", "show")
 * needs a plural or personal subject, so after a singular modifier it heads a noun ("a liberal think tank",
 * "a leading advocate for"); either form after a possessor or a number is a noun ("the administration's
 * plans", "4.3 points", "5 percentage points").
 */
export function nounByAgreement(doc: Document, i: number): boolean {
  const { tokens } = doc;
  const t = tokens[i], before = tokens[i - 1];
  if (!before || before.sentence !== t.sentence || before.quoted || !/^\p{Ll}+$/u.test(t.text)) return false;
  const w = words(), forms = cueWords();
  const sForm = /[^s]s$/.test(t.text) && forms.has(t.text.replace(/e?s$/, ''));
  if (!sForm && !forms.has(t.text + 's') && !forms.has(t.text + 'es')) return false;
  const number = (k: number) => /^\p{N}/u.test(tokens[k]?.text ?? '') && tokens[k].sentence === t.sentence;
  // "Trump's plans", but "he's plans" is no English and "it's claims" none either: a pronoun's "'s" is "is"
  const possessor = /^\p{L}+['’]s$/u.test(before.text) && !w.agreeingWords.has(before.text.slice(0, -2).toLowerCase()) && !/^(?:he|she|it|there|here|what|who|that|where)$/i.test(before.text.slice(0, -2));
  if (possessor || number(i - 1) || /^\p{Ll}+$/u.test(before.text) && !/s$/.test(before.text) && !w.irregularPlurals.has(before.text) && number(i - 2)) return true;
  // "one adviser put it": a past tense can look bare
  if (sForm || w.pastAsBare.has(t.text)) return false;
  // a bare form after a singular word, back to where the noun phrase opens; a preposition on the way makes
  // that word the end of a longer subject ("documents from his tax return show")
  for (let k = i - 1; k >= 0 && k >= i - 6 && tokens[k].sentence === t.sentence; k--) {
    const x = tokens[k], low = x.text.toLowerCase();
    if (k === i - 1 && (!/^\p{Ll}[\p{Ll}-]*$/u.test(x.text) || /^\p{Ll}{3,}[^su]s$/u.test(x.text) || w.irregularPlurals.has(low) || isBridge(x) || w.agreeingWords.has(low))) return false;
    if (/^(?:who|which|that)$/.test(low)) return false;
    if (/^(?:of|from|in|on|at|by|for|with|to|over|around|through|about|among|under|across|into|near|behind|like|than)$/.test(low)) {
      // … unless a verb or a singular word stands before it: "met with a leading advocate for …"
      const h = tokens[k - 1];
      return !!h && h.sentence === t.sentence && /^\p{Ll}+$/u.test(h.text) && !/s$/.test(h.text) && !w.irregularPlurals.has(h.text) && !w.agreeingWords.has(h.text);
    }
    if (!/^[\p{L}\p{N}]/u.test(x.text) || /^\p{Lu}/u.test(x.text) && k < i - 1) return true;
  }
  return false;
}

/**
 * "the personal attacks that have defined his bid": a "that" with a finite verb right after it opens a relative
 * clause, not a reported one, so the -s word before it, after a modifier rather than a subject, is a plural noun.
 */
function pluralBeforeRelative(doc: Document, i: number): boolean {
  const { tokens } = doc;
  const t = tokens[i], before = tokens[i - 1], that = tokens[i + 1], verb = tokens[i + 2];
  const w = words();
  if (!/^\p{Ll}+s$/u.test(t.text) || !before || before.sentence !== t.sentence || !/^\p{Ll}+$/u.test(before.text)) return false;
  if (w.agreeingWords.has(before.text) || isBridge(before) || that?.text !== 'that' || !verb || verb.sentence !== t.sentence) return false;
  return w.finiteAuxiliaries.has(verb.text) || w.modals.has(verb.text);
}

/** Where the report resumes after a parenthetical attribution (", he said, <rest>"), if it does. */
function resumedAfter(doc: Document, comma: number): number | undefined {
  const { tokens } = doc;
  const t = tokens[comma], next = tokens[comma + 1];
  if (t?.text !== ',' || !next || next.sentence !== t.sentence || next.quoted) return undefined;
  if (/^\p{Ll}+ing$/u.test(next.text) || words().contentStops.has(next.text.toLowerCase()) || /^(?:and|but|or|as|while|when|because|after|before|according)$/i.test(next.text)) return undefined;
  const from = /^that$/i.test(next.text) ? comma + 2 : comma + 1;
  // at least a few words up to the sentence's end
  let n = 0;
  for (let k = from; k < tokens.length && tokens[k].sentence === t.sentence && n < 3; k++) if (/^[\p{L}\p{N}]/u.test(tokens[k].text)) n++;
  return n >= 3 && tokens[from]?.sentence === t.sentence ? from : undefined;
}

/** Is the cue at token i the second verb of a clause ("… and said", "… but has also warned")? */
function coordinated(doc: Document, i: number): boolean {
  const { tokens } = doc;
  let k = i - 1;
  // "… and seemed to think": raising verbs with their "to" bridge as auxiliaries and adverbs do
  for (let b = bridgeBefore(tokens, k); k >= 0 && tokens[k].sentence === tokens[i].sentence && b > 0; b = bridgeBefore(tokens, k)) k -= b;
  return k > 0 && tokens[k].sentence === tokens[i].sentence && !tokens[k].quoted && /^(?:and|but)$/i.test(tokens[k].text);
}

/** Where a cue's content begins: after its "that", else right after the cue when a clause opens there. */
/**
 * "decided against raising taxes", "has proposed for individuals": a preposition right after the cue that
 * opens its topic belongs to the cue (a prepositional verb), not to the content; a time after it ("announced
 * on Friday the arrest") is an adjunct, not a topic.
 */
function topicAfter(doc: Document, k: number, stance: boolean): boolean {
  const { tokens } = doc;
  const prep = tokens[k], next = tokens[k + 1];
  if (!next || next.sentence !== prep.sentence || next.quoted) return false;
  if (!stance && words().adjuncts.times.has(next.text)) return false;
  // "has said about 20 people …": before a number, "about" approximates
  if (/^\p{N}/u.test(next.text)) return false;
  if (words().topicPrepositions.has(prep.text)) return true;
  // "agreed to a 30-minute interview": a "to" before a noun phrase is the verb's preposition, not an infinitive's
  // (though what is answered keeps its "to": "did not respond to requests for comment")
  return /^to$/i.test(prep.text) && !words().toObject.has(tokens[k - 1].text.toLowerCase()) && /^(?:the|a|an|his|her|their|its|our|my|your|this|these|those)$/i.test(next.text);
}

/**
 * "donations, which he said were accompanied by favors", "what the senators said was gerrymandering": the
 * speaker and cue stand inside a relative clause, between its pronoun and its verb; the verb and the rest
 * of the clause are what was said. The token that opens the content, else undefined.
 */
function relativeReport(doc: Document, first: number, cueEnd: number): number | undefined {
  const { tokens } = doc;
  const rel = tokens[first - 1], verb = tokens[cueEnd + 1];
  if (!rel || !verb || rel.sentence !== verb.sentence || verb.quoted || !/^(?:which|what|who|whom)$/i.test(rel.text)) return undefined;
  // "What the mayor said was a mistake": a "what" clause opening the sentence is its subject, and the verb
  // after it predicates of the words, it does not report them
  if (/^what$/i.test(rel.text) && tokens[first - 2]?.sentence !== rel.sentence) return undefined;
  return /^(?:is|was|were|are|would|will|had|has|have|could|should|might|may|can)$/.test(verb.text) ? cueEnd + 1 : undefined;
}

export function contentAfterCue(ctx: Ctx, cue: number, cueEnd: number, stance = false): number | undefined {
  const { doc } = ctx;
  const { tokens } = doc;
  const w = words();
  const sentence = tokens[cue].sentence;
  if (mannerAfter(doc, cueEnd)) cueEnd++;
  const next = tokens[cueEnd + 1];
  if (!next || next.sentence !== sentence || next.quoted) return undefined;
  // "rejected that argument in a ruling": a "that" with one noun and no verb after it points, it opens no clause
  if (/^that$/i.test(next.text) && demonstrative(tokens, cueEnd + 1)) return cueEnd + 1;
  if (/^that$/i.test(next.text)) return cueEnd + 2 < tokens.length && tokens[cueEnd + 2].sentence === sentence ? cueEnd + 2 : undefined;
  const cueWord = tokens[cue].text.toLowerCase();
  // "did not respond to requests for comment": what is answered, its "to" included
  if (cue === cueEnd && w.toObject.has(cueWord) && /^to$/i.test(next.text) && /^[\p{L}\p{N}]/u.test(tokens[cueEnd + 2]?.text ?? '') && tokens[cueEnd + 2].sentence === sentence) return cueEnd + 1;
  // an embedded question is the content, its wh-word included: "asked whether …", "explained how …"
  if (opensQuestion(tokens, cueWord, cueEnd + 1)) return cueEnd + 1;
  // a listener or a time or place may stand before "that": "told reporters that", "said on Friday that"
  // … but a cue that ends in its topic's preposition has no listener: "warned against cuts", "asked about the plan"
  const object = w.objectCues.has(cueWord) && !(cueEnd > cue && w.topicPrepositions.has(tokens[cueEnd].text.toLowerCase()));
  // two-word openers: "have heard by now that", not "responded by using … that"
  const pair = `${next.text.toLowerCase()} ${tokens[cueEnd + 2]?.text.toLowerCase() ?? ''}`;
  if (object || w.gapOpeners.has(next.text) || w.gapOpeners.has(next.text.toLowerCase()) || w.gapOpeners.has(pair) || next.text === ',') {
    // "implored her to bring it back, arguing that …": the directive's own content comes first
    if (object && directsListener(doc, cue, cueEnd)) return cueEnd + 1;
    // "promised to keep backing the mayor": a stance verb's infinitive, not a listener
    if (object && stance && /^to$/i.test(next.text) && /^\p{Ll}+$/u.test(tokens[cueEnd + 2]?.text ?? '') && !/^(?:the|a|an|his|her|their|its|this|that|reporters|me|us|him|them)$/.test(tokens[cueEnd + 2].text) && tokens[cueEnd + 2].sentence === sentence) return cueEnd + 1;
    let pronoun: number | undefined;
    for (let j = cueEnd + 1; j < tokens.length && j <= cueEnd + GAP_MAX + 4 && tokens[j].sentence === sentence && (!tokens[j].quoted || object && j > cueEnd + 1); j++) {
      // a programme's name in quotation marks after the listener: told MSNBC's "Morning Joe" that
      if (tokens[j].quoted) continue;
      // "told the series it is clear that …": a clause opened by its pronoun subject before the "that"
      if (/^that$/i.test(tokens[j].text)) return pronoun !== undefined && (!stance || object) && /^\p{Ll}/u.test(tokens[pronoun + 1]?.text ?? '') ? pronoun : tokens[j + 1]?.sentence === sentence ? j + 1 : undefined;
      if (object && j > cueEnd + 1 && opensQuestion(tokens, cueWord, j)) return j;
      if (/^[.;:!?]$/.test(tokens[j].text)) break;
      // "… and said she …": a second verb of the subject's takes what follows
      if (/^(?:and|but)$/i.test(tokens[j].text) && cueAt(doc, j + 1)) break;
      // "…, arguing that": the "that" belongs to a participle of its own
      if (tokens[j].text === ',' && /^\p{Ll}+ing$/u.test(tokens[j + 1]?.text ?? '')) break;
      // "said after the convention he would not …": a clause opened by its pronoun subject
      if (pronoun === undefined && j > cueEnd + 1 && /^(?:he|she|they|we|i|it)$/i.test(tokens[j].text) && tokens[j - 1].text !== ',' && !/^(?:to|for|with|by|at|from|of|in|on|about)$/i.test(tokens[j - 1].text)) pronoun = j;
    }
    // … also after a listener: "told the forum he was …"
    if (pronoun !== undefined && (!stance || object) && tokens[pronoun + 1] && /^\p{Ll}/u.test(tokens[pronoun + 1].text)) return pronoun;
    // "urged residents to stay indoors": a directive's content is its listener and what it is told to do
    if (directsListener(doc, cue, cueEnd)) return cueEnd + 1;
    if (!stance || object) return undefined;
  }
  if (CLAUSE_END.test(next.text)) return undefined;
  // "the loopholes he cited are …", "what she said was true": a finite verb right after the cue is the main
  // clause's, the cue's object a gap in a relative clause
  if (w.finiteAuxiliaries.has(next.text.toLowerCase())) return undefined;
  // "the ad concludes with footage of …": what a text ends or opens with is its part, not its claim
  if (/^with$/i.test(next.text) && w.sequenceVerbs.has(tokens[cueEnd].text.toLowerCase())) return undefined;
  // "said the deal is dead", but not "said of the election", "spoke to reporters"
  // a stance verb's content is its complement: "wants to triple…", "called for the repeal…"
  if (stance) return (/^[\p{L}\p{N}$]/u.test(next.text) || quotedComplement(doc, next)) && !(w.clausalOnly.has(tokens[cueEnd].text.toLowerCase()) && !clauseAhead(doc, cueEnd + 1)) ? cueEnd + 1 : undefined;
  // "said no" answers; "said no decision had been made" reports
  const determinerNo = /^no$/i.test(next.text) && /^\p{Ll}+$/u.test(tokens[cueEnd + 2]?.text ?? '') && tokens[cueEnd + 2].text !== 'to' && tokens[cueEnd + 2].sentence === sentence;
  // "said about 20 people have …": "about" before a number is an approximation, not the topic
  const approximate = /^(?:about|nearly|almost|roughly)$/i.test(next.text) && /^[\d$]/u.test(tokens[cueEnd + 2]?.text ?? '') && tokens[cueEnd + 2].sentence === sentence;
  return w.notClause.has(next.text.toLowerCase()) && !determinerNo && !approximate ? undefined : cueEnd + 1;
}

/** "…, saying (that) <content>": the participle's speaker is the sentence's subject. */
function participleClause(ctx: Ctx, out: Quote[], i: number, p: { end: number }): void {
  const { doc } = ctx;
  const { tokens } = doc;
  // "…, saying …", and "criticised for saying that …", "after saying that …"
  // an adverb may come between: "…, even suggesting he may have been sabotaged"
  // … or a conjunction: "…, and calling for new bases"
  const comma = (ADVERB.test(tokens[i - 1]?.text ?? '') || /^and$/i.test(tokens[i - 1]?.text ?? '')) && tokens[i - 1].sentence === tokens[i].sentence ? i - 2 : i - 1;
  const opener = tokens[comma]?.text === ',' || gerundOfSaying(doc, i, p.end);
  if (!opener || tokens[i - 1].sentence !== tokens[i].sentence) return;
  // "…, promising to lift regulations": a participle of intention or evaluation takes a phrase, as its verb does
  const from = contentAfterCue(ctx, i, p.end, !words().clauseParticiples.has(tokens[i].text.toLowerCase()));
  if (from === undefined) return;
  // "two speechwriters implored her …, arguing that …": the participle shares the subject of the cue before it
  const r = ctx.reporter;
  const quoter = ctx.quoter?.get(tokens[i].sentence);
  // … but after "and" it is coordinated with the main clause's verb, and shares that verb's subject
  const coordinate = /^and$/i.test(tokens[i - 1].text);
  const speaker = r && r.sentence === tokens[i].sentence && r.cue < i && !coordinate ? r.speaker : quoter && quoter.cue < i ? quoter.speaker : subjectPhrase(ctx, tokens[i].sentence, tokens[i].start);
  pushIndirect(doc, out, tokens[from].start, clauseEnd(ctx, from), { speaker, cue: cueSpan(doc, i, p.end, false), cueToken: i });
}

/**
 * The content before an attribution that follows it ("<content>, the source said"): from the sentence's
 * start to the comma before token `at`. Some papers write quotation marks as two apostrophes
 * ("''It's a misguided approach,'' said Mr. Burman"); those make it a direct quote, marks excluded.
 */
function leadingContent(doc: Document, sentence: number, at: number): { start: number; end: number; direct: boolean } | undefined {
  const { tokens, text } = doc;
  const s = doc.sentences[sentence];
  const prev = tokens[at - 1];
  if (!prev || prev.sentence !== sentence || prev.start <= s.start) return undefined;
  if (prev.text === ',') {
    const start = afterConnective(text, s.start, prev.start);
    return { start: relativeLead(text, start, prev.start), end: prev.start, direct: false };
  }
  if (text.slice(prev.end - 3, prev.end) === ",''") {
    const open = text.lastIndexOf("''", prev.end - 4);
    if (open >= s.start && (open === s.start || /\s/u.test(text[open - 1]))) return { start: open + 2, end: prev.end - 2, direct: true };
  }
  return undefined;
}

/**
 * "Pressure is building on the mayor, who faces a vote in May, aides said": after a main clause, a
 * non-restrictive relative clause running up to the attribution is what is reported, from its pronoun on
 * ("…, which, she said, is …"). A relative that closes before the main clause goes on ("The plan, which
 * passed in May, has stalled, aides said") leaves the whole sentence reported.
 */
function relativeLead(text: string, start: number, end: number): number {
  const lead = text.slice(start, end);
  const m = /(?:,|\s[-—–]{1,2})\s+(?:which|who)\b(?!.*(?:,|\s[-—–]{1,2})\s+(?:which|who)\b)/su.exec(lead);
  if (!m) return start;
  const at = m.index + m[0].length - /(?:which|who)$/u.exec(m[0])![0].length;
  if (lead.slice(0, m.index).split(/\s+/u).length < 4) return start;
  if (/(?:,|\s[-—–]{1,2})\s+\p{Ll}+\s+\S+\s+\S+/u.test(lead.slice(at))) return start;
  return start + at;
}

let connectives: RegExp | undefined;

/** A connective opening the sentence links it to the narrator's text before it, not to the report. */
function afterConnective(text: string, start: number, end: number): number {
  if (!connectives) {
    const { leadConnectives: c } = loadData<CuesFile>('quotes/cues.json');
    const alt = (l: string[]) => l.map((w) => w.replace(/ /g, '\\s+')).join('|');
    connectives = new RegExp(`^(?:(?:${alt(c.bare)})\\s+|(?:${alt(c.comma)}),\\s*)`, 'iu');
  }
  // a dateline ("WASHINGTON ― ") names where the story was filed, not what was said
  const dateline = /^\p{Lu}[\p{Lu}.,' ]+\s[―—–-]{1,2}\s+/u.exec(text.slice(start, end));
  if (dateline) start += dateline[0].length;
  const m = connectives.exec(text.slice(start, end));
  return m ? start + m[0].length : start;
}
