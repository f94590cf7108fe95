// Clause grammar the attribution rules share: where a clause ends, whether a verb is passive or perfect,
// whether a quotation or an attribution opens at a token.
import type { Document, Token } from '../document.ts';
import { abbreviationDot, bridgeBefore, isBridge, phraseAfter, phraseBefore } from './source-phrase.ts';
import { ADVERB, contentEnd } from './spans.ts';
import type { Ctx } from './context.ts';
import { cueTries, words } from './cue-words.ts';

/** Is there a form of "have" right before token i, adverbs aside ("have long opposed")? */
export function perfectBefore(doc: Document, i: number): boolean {
  const { tokens } = doc;
  let k = i - 1;
  while (k > 0 && i - k < 4 && tokens[k].sentence === tokens[i].sentence && ADVERB.test(tokens[k].text)) k--;
  return k >= 0 && tokens[k].sentence === tokens[i].sentence && /^(?:have|has|had|’ve|'ve|haven’t|haven't|hasn’t|hasn't|hadn’t|hadn't)$/i.test(tokens[k].text);
}

/** Is there a form of "be" right before token i, adverbs aside ("is once again questioning")? */
export function beBefore(doc: Document, i: number): boolean {
  const { tokens } = doc;
  let k = i - 1;
  while (k > 0 && i - k < 4 && tokens[k].sentence === tokens[i].sentence && /^(?:\p{Ll}+ly|again|once|also|still|now|not|always|already)$/u.test(tokens[k].text)) k--;
  return k >= 0 && tokens[k].sentence === tokens[i].sentence && /^(?:is|are|was|were|’s|'s|been|be|am|’re|'re|isn’t|isn't|aren’t|aren't|wasn’t|wasn't|weren’t|weren't)$/i.test(tokens[k].text);
}

/** Is the verb at token i a passive participle ("was published", "has been widely criticized")? */
export function passive(doc: Document, i: number, anyWord = false): boolean {
  const { tokens } = doc;
  let k = i - 1;
  while (k >= 0 && tokens[k].sentence === tokens[i].sentence && /^(?:\p{Ll}+ly|not|also|first|widely|being)$/u.test(tokens[k].text)) k--;
  return k >= 0 && tokens[k].sentence === tokens[i].sentence && /^(?:is|are|was|were|be|been|’s|'s|remain|remains|remained|seem|seems|seemed|appear|appears|appeared)$/i.test(tokens[k].text) && (anyWord || /(?:ed|en|wn|ne|ht|id|ld)$/.test(tokens[i].text));
}

/** "were not too concerned", "'re worried", "has been so critical": the form of "be" before an adjective and its degree words, else -1. */
export function beBeforeAdjective(doc: Document, i: number): number {
  const { tokens } = doc;
  let k = i - 1;
  while (k >= 0 && tokens[k].sentence === tokens[i].sentence && /^(?:\p{Ll}+ly|not|n['’]t|also|too|so|more|less|very|still)$/u.test(tokens[k].text)) k--;
  return k >= 0 && tokens[k].sentence === tokens[i].sentence && /^(?:is|are|was|were|been|[’']s|[’']re|[’']m|am|remain|remains|remained|isn['’]t|aren['’]t|wasn['’]t|weren['’]t)$/i.test(tokens[k].text) ? k : -1;
}

/** A headline: most of the sentence's words are capitalised. */
export function titleCase(ctx: Ctx, sentence: number): boolean {
  if (!ctx.titleCase) {
    // one pass over the tokens: words and capitalised words per sentence
    const { doc } = ctx;
    const words = new Array<number>(doc.sentences.length).fill(0), capitals = new Array<number>(doc.sentences.length).fill(0);
    for (const t of doc.tokens) {
      const code = t.text.charCodeAt(0);
      // ASCII letters by code; anything else by the case mapping
      const upper = code >= 65 && code <= 90, lower = code >= 97 && code <= 122;
      if (!upper && !lower && (code < 128 || t.text[0].toLowerCase() === t.text[0].toUpperCase())) continue;
      words[t.sentence]++;
      if (upper || !lower && code >= 128 && t.text[0] === t.text[0].toUpperCase()) capitals[t.sentence]++;
    }
    ctx.titleCase = words.map((n, k) => n >= 4 && capitals[k] >= 0.7 * n);
  }
  return ctx.titleCase[sentence];
}

/**
 * Perceiving and finding out report a proposition, not a thing: "found that the agency …", "knows there
 * are …", "saw the plan as a bribe", but not "found a way through the law", "knows the answer". Is there a
 * clause (a finite verb, a later "that", or an "as" judgement) in the complement from token k?
 */
export function clauseAhead(doc: Document, k: number): boolean {
  const { tokens } = doc;
  const sentence = tokens[k].sentence;
  for (let j = k; j < tokens.length && j < k + 15 && tokens[j].sentence === sentence; j++) {
    const x = tokens[j].text;
    // "saw the tweet and removed her": a second verb of the same subject, not a clause
    if (/^(?:[,;:—―–(]|which|who|whose|where)$/iu.test(x) || /^(?:and|but)$/i.test(x) && /^\p{Ll}{3,}ed$/u.test(tokens[j + 1]?.text ?? '')) return false;
    if (/^(?:that|as|is|are|was|were|has|have|had|will|would|can|could|should|may|might|must|does|did|do)$/i.test(x) || /^\p{Ll}{3,}ed$/u.test(x) || /^[“"‘'«„]$/u.test(x)) return true;
  }
  return false;
}

/** Does an embedded question open at token k after the cue word ("asked whether", "wondered if", "explained how")? */
export function opensQuestion(tokens: Token[], cueWord: string, k: number): boolean {
  const w = words();
  const t = tokens[k];
  if (!t || t.quoted || !tokens[k + 1] || tokens[k + 1].sentence !== t.sentence) return false;
  const wh = t.text.toLowerCase();
  if (wh === 'if') return w.ifCues.has(cueWord);
  // "how to …", "what to …" are questions too; "what he wanted" is one, "who" after a listener ends a phrase
  return w.questionWords.has(wh) && w.questionCues.has(cueWord);
}

/** A directive verb, its listener, then "to" and a verb: "urged residents to stay", "called on Congress to act". */
export function directsListener(doc: Document, cue: number, cueEnd: number): boolean {
  const { tokens } = doc;
  const phrase = tokens.slice(cue, cueEnd + 1).map((t) => t.text.toLowerCase()).join(' ');
  if (!words().objectControl.has(phrase) && !words().objectControl.has(tokens[cue].text.toLowerCase())) return false;
  const sentence = tokens[cue].sentence;
  for (let j = cueEnd + 2; j < tokens.length && j <= cueEnd + 10 && tokens[j].sentence === sentence && !tokens[j].quoted; j++) {
    const t = tokens[j];
    if (/^(?:[.,;:!?—―–()]|that|who|which|and|or|but)$/iu.test(t.text)) return false;
    if (!/^to$/i.test(t.text)) continue;
    // the verb may open a quotation of the speaker's words: "urged voters to “look closely” at …"
    const verb = /^(?:[“"‘]|'')$/u.test(tokens[j + 1]?.text ?? '') && tokens[j + 2]?.quoted ? tokens[j + 2] : tokens[j + 1];
    return /^\p{Ll}+$/u.test(verb?.text ?? '') && !/^(?:the|a|an|his|her|their|its|this|that)$/.test(verb.text);
  }
  return false;
}

/**
 * "claimed “Trump exaggerates” the level of …": a quotation opening the complement, the clause going on
 * after it; one closing on a comma ("labeled “medical problem,” a doctor typed …") ends the phrase.
 */
export function quotedComplement(doc: Document, open: Token): boolean {
  const q = /^[“"‘]$/u.test(open.text) ? doc.quoteMarkAt(open.end) : undefined;
  // a headline's quoted words in title case are no quotation of the quote layer's, but still open the phrase:
  // "General Reveals “Demoralizing” Experience"
  if (!q) return /^[“‘]$/u.test(open.text) && /^[\p{Lu}]/u.test(doc.text.slice(open.end, open.end + 1)) && /[”’]/u.test(doc.text.slice(open.end, doc.sentences[open.sentence].end));
  return q.start === open.start && !/,\s*$/u.test(doc.text.slice(q.contentStart, q.contentEnd));
}

/** A cue verb (with its auxiliaries) starts at token i: "and said …", "and has also vowed …". */
export function cueAt(doc: Document, i: number): boolean {
  const c = cueTries();
  const { tokens } = doc;
  while (tokens[i] && isBridge(tokens[i])) i++;
  // "… and seemed to think …": a raising verb and its "to" bridge too
  if (/^to$/i.test(tokens[i + 1]?.text ?? '') && bridgeBefore(tokens, i + 1) === 2) i += 2;
  return !!tokens[i] && /^\p{Ll}/u.test(tokens[i].text) && !!(c.speech.match(tokens, i) ?? c.stance.match(tokens, i));
}

/**
 * "called on Trump to stop attacking her and apologize": after an infinitive or a modal in the content, a bare
 * verb after "and" is that verb's second conjunct, not a second cue of the speaker's ("… and said").
 */
function infinitiveGoesOn(tokens: Token[], from: number, and: number): boolean {
  let k = and + 1;
  while (tokens[k] && isBridge(tokens[k])) k++;
  const verb = tokens[k]?.text.toLowerCase() ?? '';
  if (/(?:ed|s)$/.test(verb) || words().irregularPasts.has(verb)) return false;
  for (let i = from; i < and; i++) if ((/^to$/i.test(tokens[i].text) || words().modals.has(tokens[i].text.toLowerCase())) && /^\p{Ll}+$/u.test(tokens[i + 1]?.text ?? '')) return true;
  return false;
}

/** Does the sentence end with an attribution from token i on ("…, sources said.", "…, said the report.")? */
function trailingAttribution(doc: Document, i: number): boolean {
  const { tokens } = doc;
  const c = cueTries();
  const sentence = tokens[i].sentence;
  const endsAt = (k: number) => {
    while (tokens[k] && tokens[k].sentence === sentence && words().cueTail.has(tokens[k].text)) k++;
    return !tokens[k] || tokens[k].sentence !== sentence || /^[.!?]$/.test(tokens[k].text);
  };
  // "…, as police have said."
  if (/^as$/i.test(tokens[i]?.text ?? '') && tokens[i + 1]?.sentence === sentence) i++;
  const first = c.speech.match(tokens, i);
  if (first) {
    const p = phraseAfter(doc, first.end + 1);
    return !!p && endsAt(p.last + 1);
  }
  // the phrase read forward runs on into its verb ("a spokesman announced Monday"): find the cue, then its subject
  for (let k = i + 1; k < tokens.length && k <= i + 14 && tokens[k].sentence === sentence && !tokens[k].quoted; k++) {
    if (!/^\p{Ll}/u.test(tokens[k].text)) continue;
    const cue = c.speech.match(tokens, k);
    if (cue) return phraseBefore(doc, k)?.first === i && endsAt(cue.end + 1);
  }
  return false;
}

/** A typed dash ("--") before a quotation leads into it: "… in history books -- ''the president but also the slave''". */
export function quotationAfter(doc: Document, k: number): boolean {
  const t = doc.tokens[k];
  return !!t && (t.quoted || /^[“"‘«„']/u.test(t.text));
}

/**
 * Does a new attribution open at token k: a subject phrase, then a cue that does not close the sentence
 * or interrupt the report ("Republicans want policies …", "Mr. Lee said that …", but not ", he said, …")?
 */
function attributionOpens(doc: Document, k: number, afterConjunction = false): boolean {
  const { tokens } = doc;
  const t = tokens[k];
  // after ", and" a lower-case subject opens a clause too, when its cue takes "that": "…, and rights groups warned that …"
  const lower = afterConjunction && /^\p{Ll}/u.test(t?.text ?? '');
  // "…, experts say the change …": a short common-noun subject before a verb of saying opens a clause too
  const common = !afterConjunction && tokens[k - 1]?.text === ',' && /^\p{Ll}/u.test(t?.text ?? '') && !/^(?:he|she|they|we)$/.test(t?.text ?? '');
  // "46 percent would choose Clinton and 44 percent would back Trump": a poll's share is a subject too
  const share = /^(?:and|but|while|,)$/i.test(tokens[k - 1]?.text ?? '') && /^\d/u.test(t?.text ?? '') && /^(?:percent|%)$/i.test(tokens[k + 1]?.text ?? '');
  if (!t || t.quoted || !/^\p{Lu}/u.test(t.text) && !/^(?:he|she|they|we)$/.test(t.text) && !lower && !common && !share) return false;
  const cues = cueTries();
  for (let c = k + 1; c < tokens.length && c <= k + 8 && tokens[c].sentence === t.sentence && !tokens[c].quoted; c++) {
    if (!/^\p{Ll}/u.test(tokens[c].text)) continue;
    const speech = cues.speech.match(tokens, c);
    // "…, and Clinton is promising to …": a progressive participle
    const cue = speech ?? cues.stance.match(tokens, c) ?? (/^(?:is|are|was|were)$/i.test(tokens[c - 1].text) ? cues.participles.match(tokens, c) : undefined);
    if (!cue) continue;
    if (common && (!speech || c - k > 3)) return false;
    if (!share && phraseBefore(doc, c)?.first !== k) return false;
    const after = tokens[cue.end + 1];
    if (lower && !share && !/^that$/i.test(after?.text ?? '')) return false;
    if (!after || after.sentence !== t.sentence) return false;
    // "…, Mr. Lee said, “…”": a cue handing over to a quotation opens a report of its own
    if (/^[,:]$/.test(after.text) && quotationAfter(doc, cue.end + 2)) return true;
    return !/^[,.;:!?]$/.test(after.text) && !words().cueTail.has(after.text);
  }
  return false;
}

/**
 * Circumstances that close a verb's object: a time ("on Friday", "since the debate", "last week"), or the
 * occasion or medium of the words ("in a statement", "at a rally", "on Twitter").
 */
export function adjunctOpens(tokens: Token[], j: number): boolean {
  const w = words();
  const t = tokens[j], low = t.text.toLowerCase();
  // "the winner of Monday's debate", "the moderator of Monday night's debate": a day that is a noun's possessor or
  // a preposition's object is no time of the report; "ahead by 3 points" is no "ahead of the debate"
  if (w.adjuncts.times.has(t.text) && (/^(?:of|'s|’s)$/.test(tokens[j - 1]?.text ?? '') || /^(?:'s|’s)$/.test(tokens[j + 1]?.text ?? '') || /^night$/.test(tokens[j + 1]?.text ?? '') && /^(?:'s|’s)$/.test(tokens[j + 2]?.text ?? ''))) return false;
  if (low === 'ahead' && !/^of$/i.test(tokens[j + 1]?.text ?? '')) return false;
  if (w.adjuncts.openers.has(low) || w.adjuncts.times.has(t.text)) return true;
  if (!/^(?:in|at|on|via|through|during)$/.test(low)) return false;
  const next = tokens[j + 1];
  if (!next || next.sentence !== t.sentence) return false;
  if (w.adjuncts.media.has(next.text) || w.adjuncts.times.has(next.text) || w.adjuncts.months.has(next.text)) return true;
  // "in a statement", "at a news conference", "in an interview with CNN", "in his speech"; without a
  // determiner, a plural: "in early-morning tweets", "in televised remarks"
  const determiner = /^(?:a|an|the|his|her|their|its|this|that|one)$/i.test(next.text);
  for (let k = determiner ? j + 2 : j + 1; k <= j + (determiner ? 5 : 3) && tokens[k] && tokens[k].sentence === t.sentence; k++) {
    if (w.adjuncts.occasions.has(tokens[k].text.toLowerCase()) && (determiner || /s$/.test(tokens[k].text))) return true;
    if (!(determiner ? /^[\p{L}-]+$/u : /^[\p{Ll}-]+$/u).test(tokens[k].text)) return false;
  }
  return false;
}

/**
 * "criticized Trump on Twitter for backing …", "grilled the chief executive on Tuesday for his role …": a short
 * time or place followed by the reason for the judgement sits inside the object, not after it; the "for", else 0.
 */
function reasonAfter(tokens: Token[], j: number): number {
  for (let k = j + 1; k <= j + 4 && tokens[k] && tokens[k].sentence === tokens[j].sentence; k++) {
    if (!/^[\p{L}'’-]+$/u.test(tokens[k].text)) return 0;
    if (/^for$/i.test(tokens[k].text)) return k > j + 1 && /^(?:\p{Ll}+ing|his|her|their|its|the|a|an)$/u.test(tokens[k + 1]?.text ?? '') ? k : 0;
  }
  return 0;
}

/**
 * "that argument.", "that claim in a statement", "ruled that out": "that" before a lone common noun or a particle
 * that the clause ends or a circumstance follows points at something; it opens no clause. A plural ("that states,
 * led by …") or a gerund ("that profiting …") is a clause's subject: the demonstrative would be "those" or none.
 */
export function demonstrative(tokens: Token[], k: number): boolean {
  const noun = tokens[k + 1], after = tokens[k + 2];
  if (!noun || noun.sentence !== tokens[k].sentence || noun.quoted || !/^\p{Ll}{3,}$/u.test(noun.text) || /(?:ly|ed|ing|[^su]s)$/.test(noun.text)) return false;
  if (/^(?:he|she|they|it|we|you|there|this|these|those|the|a|an|his|her|their|its|our|is|was|are|were|has|have|had|will|would|could|should|may|might|can|must)$/.test(noun.text)) return false;
  return !after || after.sentence !== noun.sentence || /^[.,;:!?]$/.test(after.text) || adjunctOpens(tokens, k + 2);
}

/** Does a clause with a subject and a finite verb open at token k ("she was …", "the board voted …")? */
function finiteClauseAt(doc: Document, k: number): boolean {
  const w = words();
  const { tokens } = doc;
  const t = tokens[k];
  if (!t || t.quoted) return false;
  // a verb of saying or stance there opens a report of its own: "after it backed Clinton"
  if (/^(?:he|she|they|it|we|i|you)$/i.test(t.text)) return /^\p{Ll}/u.test(tokens[k + 1]?.text ?? '') && !cueAt(doc, k + 1);
  if (!/^(?:the|a|an|his|her|their|its|this|these|those)$/i.test(t.text) && !/^\p{Lu}/u.test(t.text)) return false;
  for (let m = k + 1; m <= k + 5 && tokens[m] && tokens[m].sentence === t.sentence; m++) {
    const low = tokens[m].text.toLowerCase();
    if (w.finiteAuxiliaries.has(low) || w.modals.has(low) || w.irregularPasts.has(low) || /^\p{Ll}{2,}ed$/u.test(tokens[m].text)) return !cueAt(doc, m);
    if (!/^[\p{L}'’.-]+$/u.test(tokens[m].text) || /^(?:of|in|on|at|for|with|by|to|and|or|who|which|that|whose)$/.test(low)) return false;
  }
  return false;
}

/**
 * "and (then) purged them", "but has been met with …": a conjunction before a verb in the past or a perfect,
 * unless a relative clause in the object could own it ("a rich guy who inherited …, gamed … and looked …") or
 * the participle is passive ("unsubstantiated and fabricated by …").
 */
function secondPredicate(tokens: Token[], from: number, j: number): boolean {
  if (!/^(?:and|but)$/i.test(tokens[j].text) || tokens[j - 1]?.text === ',') return false;
  for (let k = from; k < j; k++) if (/^(?:who|which|that|whom|whose|where)$/i.test(tokens[k].text)) return false;
  let k = j + 1;
  while (tokens[k] && tokens[k].sentence === tokens[j].sentence && /^(?:then|also|still|later|since|\p{Ll}+ly)$/u.test(tokens[k].text)) k++;
  const v = tokens[k];
  return !!v && v.sentence === tokens[j].sentence && /^(?:has|have|had|\p{Ll}{3,}ed)$/u.test(v.text) && !/^(?:to|and|of|by|or|,)$/i.test(tokens[k + 1]?.text ?? '');
}

/**
 * End of reported content that starts at token `from`: the sentence's end, or where a new clause opens —
 * a comma before a `contentStops` word or a participle, a second verb phrase of the speaker's ("… and
 * vowed to …"), a new subject after ", and" ("…, and the downgrade is …"), a dash.
 */
export function clauseEnd(ctx: Ctx, from: number, object = false): number {
  const { doc } = ctx;
  const { tokens } = doc;
  const w = words();
  const sentence = tokens[from].sentence;
  // a quotation later in the sentence is the object's own words, whatever stands between
  // … but right after a closing mark, a circumstance is the narrator's again: 'called the law a “crazy system”
  // during a campaign stop'
  let quotedObject = false;
  if (object) for (let j = from; j < tokens.length && tokens[j].sentence === sentence && !quotedObject; j++) if (tokens[j].quoted) quotedObject = true;
  if (quotedObject) object = false;
  const subordinate = inSubordinateClause(doc, from);
  for (let j = from + 1; j < tokens.length && tokens[j].sentence === sentence; j++) {
    const t = tokens[j];
    // "criticized the act because it created …": a finite clause of reason or time is the report's, not the narrator's
    if ((object || quotedObject && /^[”"’']$/u.test(tokens[j - 1].text)) && adjunctOpens(tokens, j) && !(w.adjuncts.keptClauses.has(t.text.toLowerCase()) && finiteClauseAt(doc, j + 1))) {
      const reason = reasonAfter(tokens, j);
      if (!reason) return tokens[j - 1].end;
      j = reason - 1;
      continue;
    }
    // "championed gay rights and extended benefits to …": a second predicate of the subject's closes the object
    if (object && secondPredicate(tokens, from, j)) return tokens[j - 1].end;
    // "responded by saying …": what follows is a report of its own
    if (gerundOfSaying(doc, j + 1, j + 1) && !t.quoted) {
      let k = j;
      if (/^(?:aside|apart)$/i.test(tokens[k - 1].text)) k--;
      if (tokens[k - 1].text === ',') k--;
      return tokens[k - 1].end;
    }
    // a comma inside a closing quotation still ends the narrator's clause: '… a gun," but he said …'
    const closing = /^[”"’]$/u.test(t.text) && tokens[j - 1].text === ',';
    if (t.quoted && !closing) continue;
    const next = tokens[j + 1];
    if (!next || next.sentence !== sentence) break;
    const comma = t.text === ',' || closing;
    const end = closing ? t.end : t.start;
    const lower = next.text.toLowerCase();
    // "… missile launch as Pyongyang fired three missiles": an "as" clause with its own subject and verb is the
    // narrator's setting, unless a word before makes it a comparison ("just as", "even as", "as well as")
    if (/^as$/i.test(t.text) && !/^(?:just|even|such|well|soon|so|same|much|long|far|as)$/i.test(tokens[j - 1].text) && !/^(?:a|an)$/i.test(tokens[j + 1]?.text ?? '') && finiteClauseAt(doc, j + 1)) return /^(?:,|-{1,2}|[—–])$/.test(tokens[j - 1].text) ? tokens[j - 1].start : tokens[j - 1].end;
    // "…, which he said were at his side": a relative clause holding a report of its own is no longer the content
    if (comma && /^(?:which|who|whom)$/.test(lower) && /^(?:he|she|they|we|i|\p{Lu}\p{Ll}+)$/u.test(tokens[j + 2]?.text ?? '') && cueAt(doc, j + 3)) return end;
    // "…, said Mr. Barrett, the lawyer …": a verb of saying after the comma closes the report it attributes
    if (comma && !next.quoted && /^\p{Ll}/u.test(next.text) && cueTries().speech.match(tokens, j + 1)) return end;
    // "…, including its annexation of Crimea": a participle used as a preposition opens a noun phrase of the content's
    // "…, but would eventually add $84 billion": a modal with no subject of its own goes on with the content's subject
    const goesOn = lower === 'but' && w.modals.has((/^(?:also|still|then)$/i.test(tokens[j + 2]?.text ?? '') ? tokens[j + 3] : tokens[j + 2])?.text.toLowerCase() ?? '');
    // … and an adverb may open the participle's clause: "…, implicitly putting his name on the line"
    const ing = /^\p{Ll}+ly$/u.test(next.text) && /^\p{Ll}+ing$/u.test(tokens[j + 2]?.text ?? '') && tokens[j + 2].sentence === sentence ? j + 2 : j + 1;
    if (comma && !next.quoted && !goesOn && (w.contentStops.has(lower) || /^\p{Ll}+ing$/u.test(tokens[ing].text) && !(w.prepositionParticiples.has(tokens[ing].text.toLowerCase()) && !quotedLater(tokens, ing + 1)))) return end;
    // "While a judge found that action lawful, his decision was …": the comma closing a fronted or relative
    // clause hands over to the main clause, its subject or (after a relative) its verb
    if (subordinate && comma && !next.quoted && !closing && (w.clauseSubjects.has(lower) && !/^(?:when|if|as|while|after|before|since|because)$/.test(lower) || /^\p{Lu}/u.test(next.text) || cueAt(doc, j + 1))) return end;
    if (/^(?:and|but)$/i.test(t.text) && cueAt(doc, j + 1) && !infinitiveGoesOn(tokens, from, j)) return tokens[j - 1].text === ',' ? tokens[j - 1].start : tokens[j - 1].end;
    if (comma && trailingAttribution(doc, j + 1)) return end;
    if (comma && /^(?:and|but)$/i.test(next.text) && w.clauseSubjects.has(tokens[j + 2]?.text.toLowerCase() ?? '')) return end;
    // "…, and calling for …": a second participle of the same subject's reports on its own
    if (comma && /^(?:and|but)$/i.test(next.text) && /^\p{Ll}+ing$/u.test(tokens[j + 2]?.text ?? '') && (cueTries().participles.match(tokens, j + 2) || cueTries().stance.match(tokens, j + 2))) return end;
    if (/^(?:—|―|–|--|;)$/u.test(t.text) || t.text === '-' && next.text === '-' && next.start === t.end && !quotationAfter(doc, j + 2)) return t.start;
    // a report of someone else's follows: "…, and Republicans want …", "…, Mr. Lee said that …"
    if ((comma || /^(?:and|but)$/i.test(t.text)) && attributionOpens(doc, /^(?:and|but)$/i.test(next.text) ? j + 2 : j + 1, comma && /^(?:and|but)$/i.test(next.text))) return /^(?:and|but)$/i.test(t.text) && tokens[j - 1].text !== ',' ? tokens[j - 1].end : end;
    // a sentence end the sentence splitter missed: "… in schools. ''Throughout …"
    if (/^[.!?]$/.test(t.text) && /^(?:\p{Lu}|[“"‘'«„])/u.test(next.text) && !abbreviationDot(tokens, j)) return tokens[j - 1].end;
  }
  return contentEnd(doc, sentence);
}

/** A quotation later in the sentence than token `from`: what stands before it may name its speaker ("…, including Mr. Lee: “…”"). */
function quotedLater(tokens: Document['tokens'], from: number): boolean {
  const sentence = tokens[from - 1]?.sentence;
  for (let k = from; k < tokens.length && tokens[k].sentence === sentence; k++) if (tokens[k].quoted || /^(?:''|``)$/.test(tokens[k].text)) return true;
  return false;
}

/**
 * Does the clause holding token `from` stand before or inside the main clause: a fronted adjunct clause
 * ("When Smith signaled that …, …") or a relative set off by commas ("Obama, who understood that …, told …")?
 */
function inSubordinateClause(doc: Document, from: number): boolean {
  const { tokens } = doc;
  const sentence = tokens[from].sentence;
  let k = from - 1;
  for (; k >= 0 && tokens[k].sentence === sentence; k--) {
    if (tokens[k].quoted) continue;
    // … or an adjunct with a gerund set off after the subject: "Ryan, despite admitting that …, said"
    if (tokens[k].text === ',') return /^(?:who|which)$/i.test(tokens[k + 1]?.text ?? '') || /^(?:despite|after|before|while|since)$/i.test(tokens[k + 1]?.text ?? '') && /^\p{Ll}+ing$/u.test(tokens[k + 2]?.text ?? '');
  }
  let first = k + 1;
  if (/^(?:and|but|so|yet)$/i.test(tokens[first]?.text ?? '')) first++;
  return !!tokens[first] && first < from && words().adjuncts.subordinators.has(tokens[first].text.toLowerCase());
}

/**
 * "criticised for saying that …", "responded by saying the plan …", "aside from saying he wants …": a participle
 * after a preposition reports for the sentence's subject; a verb of saying takes its clause without "that" too.
 */
export function gerundOfSaying(doc: Document, i: number, end: number): boolean {
  const { tokens } = doc;
  const preposition = tokens[i - 1]?.text.toLowerCase() ?? '';
  if (/^(?:for|after|by|before|while|despite)$/.test(preposition) && /^that$/i.test(tokens[end + 1]?.text ?? '')) return true;
  return /^(?:by|from)$/.test(preposition) && /^(?:saying|telling)$/i.test(tokens[i].text);
}
