// The speaker phrase next to a cue, as written: "he", "the source", "Clinton spokesman Nick Merrill",
// "a new report by the group". Sources are often not named entities at all, so the phrase is found on the
// token layer (a run of words bounded by clause words and punctuation) and only then looked up in the
// mention layer to reach a named person.
import { loadData } from '../data.ts';
import type { Document, EntityRecord, MentionRecord, Token } from '../document.ts';

interface SourceWords { prepositions: string[]; motionPrepositions: string[]; notAdverbs: string[]; joiners: string[]; pronouns: string[]; determiners: string[]; stops: string[]; times: string[]; maxTokens: number }
interface Words { prepositions: Set<string>; raising: Set<string>; gerundRaising: Set<string>; times: Set<string>; when: Set<string>; notAdverbs: Set<string>; joiners: Set<string>; pronouns: Set<string>; determiners: Set<string>; stops: Set<string>; bridge: Set<string>; abbreviations: Set<string>; occasions: Set<string>; motion: Set<string>; counts: Set<string>; max: number }

let words: Words | undefined;
function lists(): Words {
  if (words) return words;
  const cues = loadData<{ source: SourceWords; countWords: string[]; bridge: string[]; cueTail: string[]; raising: string[]; gerundRaising: string[]; adjuncts: { occasions: string[] } }>('quotes/cues.json');
  const abbreviations = loadData<{ abbreviations: string[] }>('nlp/abbreviations.json').abbreviations;
  return (words = {
    prepositions: new Set(cues.source.prepositions), raising: new Set(cues.raising), gerundRaising: new Set(cues.gerundRaising), times: new Set(cues.cueTail), when: new Set(cues.source.times), notAdverbs: new Set(cues.source.notAdverbs), joiners: new Set(cues.source.joiners), pronouns: new Set(cues.source.pronouns), determiners: new Set(cues.source.determiners), stops: new Set(cues.source.stops),
    bridge: new Set(cues.bridge), abbreviations: new Set(abbreviations), occasions: new Set(cues.adjuncts.occasions), motion: new Set(cues.source.motionPrepositions), counts: new Set(cues.countWords), max: cues.source.maxTokens,
  });
}

/** Tokens `first..last` (inclusive). */
export interface Phrase { first: number; last: number }

const WORDLIKE = /^[\p{L}\p{N}$][\p{L}\p{N}\p{M}'’.\-&]*$/u;
const POSSESSIVE = /^['’]s$/u;
const low = (t: Token) => t.text.toLowerCase();

/** Auxiliaries and adverbs between a speaker and its cue: "has also said", "cynically claimed". */
export function isBridge(t: Token): boolean {
  // a capital marks a name, not an auxiliary: "Prime Minister Theresa May said"
  return lists().bridge.has(low(t)) && !/^\p{Lu}\p{Ll}/u.test(t.text) || /^\p{Ll}{3,}ly$/u.test(t.text) && !lists().notAdverbs.has(t.text);
}

/**
 * How many tokens ending at token k bridge a speaker and its cue: 1 for an auxiliary, an adverb or a verb before
 * a cue in -ing ("avoids condemning"), 2 or 3
 * for a raising verb and its "to" ("appeared to suggest", "went on to say"), 0 for none.
 */
export function bridgeBefore(tokens: Token[], k: number): number {
  const t = tokens[k];
  if (!t || t.quoted) return 0;
  // "’s" is "has" or "is" only after a pronoun ("he’s said"); after a noun it marks a possessor ("the IMF's estimate")
  if (/^['’]s$/u.test(t.text) && !/^(?:he|she|it|who|that|there|here|what|where)$/i.test(tokens[k - 1]?.text ?? '')) return 0;
  const w = lists();
  // "avoids condemning", "kept insisting": a verb of will or aspect before a cue in -ing
  if ((w.gerundRaising.has(low(t)) || w.raising.has(low(t))) && /^\p{Ll}+ing$/u.test(tokens[k + 1]?.text ?? '') && tokens[k + 1].sentence === t.sentence) return 1;
  if (low(t) !== 'to') return isBridge(t) ? 1 : 0;
  const one = tokens[k - 1], two = tokens[k - 2];
  if (one && one.sentence === t.sentence && w.raising.has(low(one))) return 2;
  return one && two && two.sentence === t.sentence && w.raising.has(`${low(two)} ${low(one)}`) ? 3 : 0;
}

/** A period inside a phrase: "Mr. Clarke", "G.K. Butterfield". */
export function abbreviationDot(tokens: Token[], i: number): boolean {
  // a period right before a comma ends an abbreviation, not a sentence: "McConnell, R-Ky., said"
  return tokens[i].text === '.' && i > 0 && tokens[i - 1].end === tokens[i].start && (lists().abbreviations.has(tokens[i - 1].text) || /^(?:\p{Lu}\.)*\p{Lu}$/u.test(tokens[i - 1].text) || tokens[i + 1]?.text === ',');
}

/** The apostrophe of a plural possessor, tight after its "s" and before a word: "the attendants' union". */
function pluralPossessive(tokens: Token[], i: number): boolean {
  const t = tokens[i], before = tokens[i - 1], after = tokens[i + 1];
  return /^['’]$/u.test(t.text) && !t.quoted && !!before && !!after && before.end === t.start && t.end < after.start && /s$/.test(before.text) && /^[\p{L}\p{N}]/u.test(after.text) && after.sentence === t.sentence;
}

/** A hyphen or slash written tight between two words joins them into one: "a 46-page report", "the Reuters/Ipsos poll", "9/11". */
function compoundJoint(tokens: Token[], i: number): boolean {
  const t = tokens[i], before = tokens[i - 1], after = tokens[i + 1];
  return /^[-/]$/.test(t.text) && !!before && !!after && before.end === t.start && t.end === after.start && WORDLIKE.test(before.text) && WORDLIKE.test(after.text);
}

/** Can token i sit inside a speaker phrase (other than as its opening determiner)? */
function inner(tokens: Token[], i: number): boolean {
  const t = tokens[i];
  if (t.quoted) return false;
  if (POSSESSIVE.test(t.text) || abbreviationDot(tokens, i) || compoundJoint(tokens, i) || pluralPossessive(tokens, i)) return true;
  return WORDLIKE.test(t.text) && (!lists().stops.has(low(t)) || namePart(tokens, i)) && !lists().pronouns.has(low(t));
}

/** An auxiliary or a day word written with a capital after a name is part of it: "Theresa May", "USA Today", "USA TODAY". */
function namePart(tokens: Token[], i: number): boolean {
  const t = tokens[i], b = tokens[i - 1];
  return /^\p{Lu}(?:\p{Ll}|\p{Lu}+$)/u.test(t.text) && (lists().bridge.has(low(t)) || /^(?:today|tonight)$/.test(low(t))) && !!b && b.sentence === t.sentence && /^\p{Lu}[\p{Ll}\p{Lu}]/u.test(b.text) && !lists().stops.has(low(b)) && !lists().determiners.has(low(b));
}

/** The phrase ending right before token `cue`, skipping bridge words ("the source has also said"). */
export function phraseBefore(doc: Document, cue: number): Phrase | undefined {
  const { tokens } = doc;
  const sentence = tokens[cue].sentence;
  let last = cue - 1;
  for (let n = 0; last >= 0 && tokens[last].sentence === sentence && (n = bridgeBefore(tokens, last)); ) last -= n;
  // "Sanders on Tuesday said", "the court this month rejected": a time between the subject and its verb
  const time = timeBefore(tokens, last);
  if (time !== undefined) {
    // "a report released last year found": the time dates the participle inside the phrase
    const dated = participleRun(doc, time);
    if (dated) return { first: dated.first, last };
    last = time;
    while (last >= 0 && tokens[last].sentence === sentence && isBridge(tokens[last])) last--;
  }
  if (last < 0 || tokens[last].sentence !== sentence || tokens[last].quoted) return undefined;
  last = occasionBefore(tokens, last) ?? last;
  const dashed = dashAppositionBefore(doc, last);
  if (dashed) return dashed;
  if (tokens[last].text === ',') return appositionBefore(doc, last) ?? relativeBefore(doc, last);
  // "all the experts I interviewed said": a relative clause without its "that", its pronoun subject and verb
  // closing the source
  if (/^\p{Ll}+$/u.test(tokens[last].text) && /^(?:I|we|you|he|she|they)$/.test(tokens[last - 1]?.text ?? '') && last >= 2 && tokens[last - 2].sentence === sentence && /^\p{Ll}{3,}s$/u.test(tokens[last - 2].text) && inner(tokens, last - 2) && inner(tokens, last)) {
    const head = runBefore(doc, last - 2);
    // … with its predeterminer: "all the experts"
    if (head) return { first: /^(?:all|both|half)$/i.test(tokens[head.first - 1]?.text ?? '') && tokens[head.first - 1].sentence === sentence ? head.first - 1 : head.first, last };
  }
  const run = listBefore(doc, runBefore(doc, last));
  return run && clauseOpensBefore(tokens, run.first) ? run : restrictiveBefore(doc, last) ?? (run && (namedTail(doc, run) ?? participleHead(doc, run))) ?? run;
}

/** "Protesters marching through the streets chanted": the run is the object of a participle after the subject that opens the clause. */
function participleHead(doc: Document, run: Phrase): Phrase | undefined {
  const { tokens } = doc;
  const prep = run.first - 1, verb = run.first - 2;
  if (verb < 1 || tokens[verb].sentence !== tokens[run.first].sentence || !lists().motion.has(tokens[prep].text) || !/^\p{Ll}{3,}ing$/u.test(tokens[verb].text)) return undefined;
  const head = runBefore(doc, verb - 1);
  return head && head.last - head.first < 4 && clauseOpensBefore(tokens, head.first) && !lists().pronouns.has(low(tokens[head.last])) ? head : undefined;
}

/**
 * "Smith in a televised interview said": the occasion between the subject and its verb tells where it was said;
 * the token before its preposition, if the phrase has one, else undefined.
 */
function occasionBefore(tokens: Token[], last: number): number | undefined {
  const w = lists();
  if (!w.occasions.has(tokens[last].text)) return undefined;
  for (let k = last - 1; k > 0 && k >= last - 5 && tokens[k].sentence === tokens[last].sentence; k--) {
    if (/^(?:in|during|at)$/.test(tokens[k].text)) return /^(?:a|an|his|her|their|its)$/i.test(tokens[k + 1].text) && inner(tokens, k - 1) && /^\p{Lu}/u.test(tokens[k - 1].text) ? k - 1 : undefined;
    if (!inner(tokens, k) || !/^\p{Ll}/u.test(tokens[k].text)) return undefined;
  }
  return undefined;
}

/** "The United States, Britain and France support": the last two items of a list bring the first along. */
function listBefore(doc: Document, run: Phrase | undefined): Phrase | undefined {
  const { tokens } = doc;
  if (!run || tokens[run.first - 1]?.text !== ',' || !tokens.slice(run.first, run.last).some((t) => t.text === 'and')) return run;
  const head = run.first - 2 >= 0 && tokens[run.first - 2].sentence === tokens[run.first].sentence ? runBefore(doc, run.first - 2) : undefined;
  if (!head || head.last - head.first > 3 || !clauseOpensBefore(tokens, head.first)) return run;
  // both ends name the same kind of thing: capitalised names, or common nouns
  const capital = (k: number) => /^\p{Lu}/u.test(tokens[k].text) && tokens[k].text !== 'I';
  return capital(head.last) === capital(run.last) ? { first: head.first, last: run.last } : run;
}

/**
 * "In a televised interview Smith said", "the story Kennedy told", "came after rival Smith attacked": a run
 * that does not open its clause is some other word's object; the name ending it is the speaker.
 */
function namedTail(doc: Document, run: Phrase): Phrase | undefined {
  const { tokens } = doc;
  const before = tokens[run.first - 1];
  if (!before || before.sentence !== tokens[run.first].sentence || !(lists().prepositions.has(low(before)) || /^(?:after|before|during|since)$/i.test(before.text))) return undefined;
  const name = doc.mentions.find((m) => m.tokenEnd === run.last && m.token > run.first && m.kind !== 'pronoun');
  if (!name) return undefined;
  // … right after a common noun or another name ("a Bloomberg interview Smith", "the Post Smith"), not a title
  const previous = tokens[name.token - 1];
  const noun = /^\p{Ll}+$/u.test(previous.text) && !lists().determiners.has(previous.text) || doc.mentions.some((m) => m.tokenEnd === name.token - 1);
  return noun ? { first: name.token, last: run.last } : undefined;
}

/**
 * "A study that appeared in the journal found", "The experts I interviewed said": a phrase opening the
 * clause and a relative clause without commas, which restricts it and so belongs to the speaker.
 */
function restrictiveBefore(doc: Document, last: number): Phrase | undefined {
  const { tokens } = doc;
  const sentence = tokens[last].sentence;
  for (let r = last - 1; r > 0 && r > last - 14 && tokens[r].sentence === sentence && !tokens[r].quoted && /^[\p{L}\p{N}'’$-]/u.test(tokens[r].text); r--) {
    // the relative clause goes on with its verb ("that appeared", "I interviewed"); "found that 74 percent of
    // voters say" and "that many people say" open a reported clause instead
    if (!/^(?:that|who|i|we|they|he|she|you)$/.test(low(tokens[r])) || !/^\p{Ll}+$/u.test(tokens[r + 1].text) || lists().determiners.has(tokens[r + 1].text)) continue;
    const head = tokens[r - 1].sentence === sentence ? runBefore(doc, r - 1) : undefined;
    if (head && !lists().pronouns.has(low(tokens[head.last])) && /^\p{L}/u.test(tokens[head.last].text) && clauseOpensBefore(tokens, head.first)) return { first: head.first, last };
  }
  return undefined;
}

/** A phrase ending at token `last` whose head a past participle follows ("a report released", "a poll conducted by the group"). */
function participleRun(doc: Document, last: number): Phrase | undefined {
  const { tokens } = doc;
  if (tokens[last].text === ',') return undefined;
  const run = runBefore(doc, last);
  if (!run) return undefined;
  for (let k = run.first + 2; k <= run.last; k++) if (/^\p{Ll}{3,}(?:ed|en)$/u.test(tokens[k].text) && inner(tokens, k - 1) && /^\p{Ll}/u.test(tokens[k - 1].text)) return run;
  return undefined;
}

/** The token before a short time phrase ending at `last` ("on Tuesday", "this month", "in April", "in 2001"), if one ends there. */
function timeBefore(tokens: Token[], last: number): number | undefined {
  const w = lists();
  const t = tokens[last];
  if (!t || !(w.when.has(t.text) || /^(?:1[89]|20)\d\d$/.test(t.text))) return undefined;
  const before = tokens[last - 1];
  if (!before || before.sentence !== t.sentence || !/^(?:on|in|this|last|that|next|early|late|earlier|later)$/.test(before.text)) return undefined;
  // "earlier this month", "late last week"
  const k = /^(?:this|last)$/.test(before.text) && /^(?:earlier|later|early|late|just)$/.test(tokens[last - 2]?.text ?? '') ? last - 3 : last - 2;
  return k >= 0 && tokens[k].sentence === t.sentence && /^[\p{L}\p{N}.)]/u.test(tokens[k].text) && !/^(?:said|says|and|or|but)$/i.test(tokens[k].text) ? k : undefined;
}

/** "Schiff, 56, who has served on the committee for a decade, said": the relative clause is part of the source. */
function relativeBefore(doc: Document, comma: number): Phrase | undefined {
  const { tokens } = doc;
  const sentence = tokens[comma].sentence;
  let j = comma - 1;
  while (j >= 0 && j > comma - 40 && tokens[j].sentence === sentence && tokens[j].text !== ',' && !tokens[j].quoted && (!/^[.;:!?—―–]$/u.test(tokens[j].text) || abbreviationDot(tokens, j))) j--;
  if (j < 1 || tokens[j].text !== ',' || tokens[j].sentence !== sentence || !/^(?:who|which|whose|including)$/i.test(tokens[j + 1]?.text ?? '')) return undefined;
  // "Ann Lee, a spokeswoman for the coalition, which represents …, said": after an apposition the relative
  // clause tells of the apposition's noun, not of the speaker (an age is no noun: "Schiff, 56, who …")
  const apposition = appositionBefore(doc, j);
  if (apposition && !/^\d+$/.test(tokens[j - 1].text)) return apposition;
  const head = apposition ?? runBefore(doc, j - 1);
  if (!head) return undefined;
  const before = tokens[head.first - 1];
  if (before && before.sentence === sentence && !/^(?:[,;:—―–(”"’»]|''?)$/u.test(before.text) && !/^(?:and|but|while|as|because|when|after)$/i.test(before.text)) return undefined;
  return { first: head.first, last: comma };
}

/** A run of phrase words ending at token `last`, opened by at most one determiner. */
function runBefore(doc: Document, last: number): Phrase | undefined {
  const { tokens } = doc;
  const w = lists();
  const sentence = tokens[last].sentence;
  // "relatives, many of whom say …": a quantified relative pronoun
  if (/^(?:whom|which)$/i.test(tokens[last].text) && low(tokens[last - 1] ?? tokens[last]) === 'of' && /^(?:all|some|many|most|both|several|few|none|each|one|two|half|either|neither|any)$/i.test(tokens[last - 2]?.text ?? '') && tokens[last - 2].sentence === sentence) return { first: last - 2, last };
  if (w.pronouns.has(low(tokens[last]))) {
    // "my siblings and I understood": a nominative "I" after "and" closes a coordinated subject, whose first
    // conjunct opens the clause (a verb in it would make it a clause of its own: "The mayor left and I …")
    const conjunct = tokens[last].text === 'I' && low(tokens[last - 1] ?? tokens[last]) === 'and' && tokens[last - 1].sentence === sentence ? conjunctBefore(doc, last - 2) : undefined;
    if (conjunct !== undefined && !tokens.slice(conjunct, last - 1).some((t) => /^\p{Ll}{2,}ed$/u.test(t.text))) return { first: conjunct, last };
    return { first: last, last };
  }
  // "all agreed that", "some note that": a quantifier standing alone at its clause's start
  if (/^(?:all|some|many|most|both|several|others|few)$/i.test(tokens[last].text) && clauseOpensBefore(tokens, last)) return { first: last, last };
  let first = last;
  // "Sen. Claire McCaskill (D-Mo.) said"
  if (tokens[last].text === ')') {
    let j = last - 1;
    while (j > 0 && j > last - 10 && tokens[j].text !== '(' && tokens[j].sentence === sentence) j--;
    if (tokens[j]?.text !== '(' || j === 0) return undefined;
    first = j;
  } else if (!inner(tokens, last) || w.determiners.has(low(tokens[last])) && !countOf(tokens, last)) return undefined;
  while (first - 1 >= 0 && tokens[first - 1].sentence === sentence && last - first + 1 < w.max) {
    const t = tokens[first - 1];
    if (w.determiners.has(low(t))) {
      first--;
      // "many of [his supporters]", "Dan McLaughlin at [the National Review]", "a spokesman for [the company]", "advisers to [the president]"
      const j = tokens[first - 1];
      if (j && j.sentence === sentence && joinsBefore(tokens, first) && first - 2 >= 0 && (inner(tokens, first - 2) || w.determiners.has(low(tokens[first - 2])))) { first -= 2; continue; }
      break;
    }
    // "a group of doctors", "the Federal Bureau of Prisons"
    if (low(t) === 'of' && first - 2 >= 0 && tokens[first - 2].sentence === sentence && (inner(tokens, first - 2) || w.determiners.has(low(tokens[first - 2])))) { first -= 2; if (w.determiners.has(low(tokens[first]))) break; continue; }
    // "Mr. Grassley and Mr. Leahy", "China and Russia"
    if (low(t) === 'and' && /^\p{Lu}/u.test(tokens[first].text) && first - 2 >= 0 && /^\p{Lu}/u.test(tokens[first - 2].text) && inner(tokens, first - 2)) { first -= 2; continue; }
    // "Federal and state officials", "Regulators and environmental groups", "my siblings and I": a short
    // conjunct that opens the clause
    const conjunct = low(t) === 'and' && last - first < 4 ? conjunctBefore(doc, first - 2) : undefined;
    if (conjunct !== undefined) { first = conjunct; break; }
    // "the Commission on Presidential Debates", "A spokeswoman for Hillary Clinton"
    if (w.joiners.has(t.text) && /^\p{Lu}/u.test(tokens[first].text) && !w.times.has(tokens[first].text) && first - 2 >= 0 && inner(tokens, first - 2)) { first -= 2; continue; }
    if (!inner(tokens, first - 1)) break;
    first--;
  }
  // "But that freewheeling campaign also showed": a demonstrative "that" opening the clause is the phrase's determiner
  if (first > 0 && low(tokens[first - 1]) === 'that' && tokens[first - 1].sentence === sentence && clauseOpensBefore(tokens, first - 1) && !/^so$/i.test(tokens[first - 2]?.text ?? '') && /^\p{Ll}/u.test(tokens[first].text) && !w.determiners.has(low(tokens[first])) && !w.pronouns.has(low(tokens[first]))) first--;
  return { first: afterOpeningTime(tokens, focusBefore(tokens, opensWith(tokens, first) ?? first), last), last };
}

/** A number closing a phrase after "of" and its noun counts children, not a determiner: "a mother of three". */
function countOf(tokens: Token[], last: number): boolean {
  return (lists().counts.has(low(tokens[last])) || /^\d+$/.test(tokens[last].text)) && low(tokens[last - 1] ?? tokens[last]) === 'of' && last >= 2 && /^\p{Ll}+$/u.test(tokens[last - 2].text) && inner(tokens, last - 2) && tokens[last - 2].sentence === tokens[last].sentence;
}

/** "Last week Smith said", "Late Sunday the mayor said": a time opening the clause dates the verb, not the speaker. */
function afterOpeningTime(tokens: Token[], first: number, last: number): number {
  const w = lists();
  const opener = tokens[first], time = tokens[first + 1];
  return first + 2 <= last && /^(?:last|next|early|late|earlier|later)$/i.test(opener.text) && !!time && w.when.has(time.text) ? first + 2 : first;
}

/**
 * "Experts on trade and farming say", "Data from the new survey show": a run opened by a preposition or
 * "and" goes back to the phrase that opens the clause, when one does within a few words; the subject is what
 * opens the clause, the rest modifies it.
 */
function opensWith(tokens: Token[], first: number): number | undefined {
  const w = lists();
  const link = (t: Token) => w.prepositions.has(low(t)) || /^(?:and|or)$/i.test(t.text);
  const sentence = tokens[first].sentence;
  if (!tokens[first - 1] || !link(tokens[first - 1])) return undefined;
  let k = first - 1;
  for (let n = 0; n < 8 && k - 1 >= 0 && tokens[k - 1].sentence === sentence; n++) {
    const t = tokens[k - 1];
    if (!(inner(tokens, k - 1) || w.determiners.has(low(t)) || link(t))) break;
    k--;
  }
  while (k < first && (link(tokens[k]) || !inner(tokens, k) && !w.determiners.has(low(tokens[k])))) k++;
  return k < first - 1 && clauseOpensBefore(tokens, k) && !/^(?:and|but|yet|so)$/i.test(tokens[k - 1]?.text ?? '') ? k : undefined;
}

/** "Not everyone agrees", "Only 52 percent of voters said": a focusing word on a quantity at the clause's start belongs to the phrase. */
function focusBefore(tokens: Token[], first: number): number {
  const f = tokens[first - 1];
  if (!f || f.sentence !== tokens[first].sentence || !/^(?:not|only|nearly|almost|just)$/i.test(f.text) || !clauseOpensBefore(tokens, first - 1)) return first;
  return /^(?:\p{N}|(?:every|all|some|many|most|half|few|one|two|three)\p{L}*$)/iu.test(tokens[first].text) ? first - 1 : first;
}

/** Does the word before the determiner at `det` join what precedes it into one phrase ("many of the", "a spokesman for the")? */
function joinsBefore(tokens: Token[], det: number): boolean {
  const w = lists();
  const j = tokens[det - 1];
  if (low(j) === 'of') return true;
  if (low(j) === 'and') return /^\p{Lu}/u.test(tokens[det - 2]?.text ?? '');
  // "attorneys for the family", "advisers to the president": a role and its client
  if (low(j) === 'for' && /^\p{Ll}+$/u.test(tokens[det - 2]?.text ?? '')) return true;
  if (low(j) === 'to' && /^\p{Ll}+(?:er|or|ist|ant|ent)s?$/u.test(tokens[det - 2]?.text ?? '')) return true;
  // "Dan McLaughlin at the National Review", and after a determiner-led head "a spokesman for the company",
  // "a narrator in the new ad"
  return w.joiners.has(j.text) && /^\p{Lu}/u.test(tokens[det + 1]?.text ?? '') || (w.joiners.has(j.text) || low(j) === 'in') && headedBefore(tokens, det - 2);
}

/** Token i is a noun right after a determiner ("a spokesman", "the lawyers"): the head of a phrase a prepositional phrase may follow. */
function headedBefore(tokens: Token[], i: number): boolean {
  const w = lists();
  if (!(i >= 1 && /^\p{Ll}+$/u.test(tokens[i].text) && inner(tokens, i))) return false;
  // … its modifiers between: "a 30-page audit", "the new federal study"
  let k = i - 1;
  while (k > 0 && k > i - 5 && tokens[k].sentence === tokens[i].sentence && !w.determiners.has(low(tokens[k])) && inner(tokens, k) && !POSSESSIVE.test(tokens[k].text)) k--;
  return k >= 0 && tokens[k].sentence === tokens[i].sentence && w.determiners.has(low(tokens[k]));
}

/** Does a clause open right before token k (the sentence start, a comma or colon, "but", "and")? */
function clauseOpensBefore(tokens: Token[], k: number): boolean {
  const b = tokens[k - 1];
  return !b || b.sentence !== tokens[k].sentence || /^(?:[,;:—―–(]|but|and|yet|so|as|because|while|when|although|though|since|if|whereas)$/iu.test(b.text);
}

/** The start of a short phrase ending at token `last` that opens its clause (after the sentence start, a comma, a colon), if any. */
function conjunctBefore(doc: Document, last: number): number | undefined {
  const { tokens } = doc;
  const w = lists();
  const t = tokens[last];
  if (!t || t.quoted || !inner(tokens, last) && !w.determiners.has(low(t))) return undefined;
  let first = last;
  while (first - 1 >= 0 && last - first < 3 && tokens[first - 1].sentence === t.sentence && (inner(tokens, first - 1) || w.determiners.has(low(tokens[first - 1])))) first--;
  const before = tokens[first - 1];
  return !before || before.sentence !== t.sentence || /^[,;:—―–(]$/u.test(before.text) ? first : undefined;
}

/** Is token k a dash typed as hyphens ("BOSTON -- Mayor Lee", "BOSTON - Mayor Lee"), as after a dateline? */
function typedDash(doc: Document, k: number): boolean {
  const t = doc.tokens[k];
  return t?.text === '-' && /[\s-]/.test(doc.text[t.start - 1] ?? '') && /\s/.test(doc.text[t.end] ?? '');
}

/** Is token k a dash (a typed "--" counts at its second hyphen, or at its first when `opening`)? */
function dashAt(tokens: Token[], k: number, opening = false): boolean {
  const t = tokens[k];
  if (!t) return false;
  if (/^[—―–]$/u.test(t.text)) return true;
  const other = tokens[opening ? k + 1 : k - 1];
  return t.text === '-' && other?.text === '-' && (opening ? other.start === t.end : t.start === other.end);
}

/**
 * "Kall -- co-editor of a book on the debates -- said", "The report — released by the city — shows": an aside
 * between dashes after the subject belongs to the source, as an apposition between commas does.
 */
function dashAppositionBefore(doc: Document, last: number): Phrase | undefined {
  const { tokens } = doc;
  if (!dashAt(tokens, last)) return undefined;
  const sentence = tokens[last].sentence;
  let j = last - (tokens[last].text === '-' ? 2 : 1);
  const stop = j;
  while (j >= 0 && j > stop - 30 && tokens[j].sentence === sentence && !tokens[j].quoted && !dashAt(tokens, j) && (!/^[.;:!?()]$/u.test(tokens[j].text) || abbreviationDot(tokens, j))) j--;
  if (j < 1 || j === stop || tokens[j].sentence !== sentence || !dashAt(tokens, j)) return undefined;
  const open = tokens[j].text === '-' ? j - 1 : j;
  if (!dashAt(tokens, open, true) && !/^[—―–]$/u.test(tokens[open].text)) return undefined;
  // a relative or participle clause between the dashes is no apposition ("Clinton — who has called for … —")
  if (/^(?:who|which|whose|where)$/i.test(tokens[open + (tokens[open].text === '-' ? 2 : 1)]?.text ?? '')) return undefined;
  const head = runBefore(doc, open - 1);
  if (!head || !clauseOpensBefore(tokens, head.first)) return undefined;
  return { first: head.first, last };
}

/** "The state's campaign chairman, Phil Lovas, said": a phrase, a comma, an apposition, a comma. */
function appositionBefore(doc: Document, comma: number): Phrase | undefined {
  const { tokens } = doc;
  const sentence = tokens[comma].sentence;
  let j = comma - 1;
  while (j >= 0 && j > comma - 25 && tokens[j].sentence === sentence && tokens[j].text !== ',' && !tokens[j].quoted && (!/^[.;:!?—―–]$/u.test(tokens[j].text) || abbreviationDot(tokens, j))) j--;
  if (j < 1 || tokens[j].text !== ',' || j === comma - 1 || tokens[j].sentence !== sentence) return undefined;
  // a relative clause is relativeBefore's to weigh
  if (/^(?:who|which|whose)$/i.test(tokens[j + 1].text)) return undefined;
  const head = runBefore(doc, j - 1);
  if (!head) return undefined;
  // the head must open its clause, or the commas belong to something else
  let before = tokens[head.first - 1];
  // "Johnnie Wilson, of Springfield, Va., said", "Ann Lee, 59, of Dayton, Ohio, said": a hometown and its state
  // are one apposition of the name
  if (before?.sentence === sentence && /^(?:of|from)$/.test(before.text) && tokens[head.first - 2]?.text === ',' && /^\p{Lu}/u.test(tokens[head.first].text) && /^\p{Lu}/u.test(tokens[j + 1].text) && j + 3 >= comma) {
    let end = head.first - 3;
    if (/^\d+$/.test(tokens[end]?.text ?? '') && tokens[end - 1]?.text === ',') end -= 2;
    const name = end >= 0 && tokens[end].sentence === sentence ? runBefore(doc, end) : undefined;
    if (name && /^\p{Lu}/u.test(tokens[name.last].text) && clauseOpensBefore(tokens, name.first)) return { first: name.first, last: comma };
  }
  // "Even China, Pyongyang's only ally, said": a focus word opening the clause stays outside the source
  if (before && before.sentence === sentence && /^(?:even|only|also)$/i.test(before.text) && clauseOpensBefore(tokens, head.first - 1)) before = tokens[head.first - 2];
  if (before && before.sentence === sentence && !/^(?:[,;:—―–(”"’»]|''?)$/u.test(before.text) && !/^(?:and|but|while|as|because|when|after)$/i.test(before.text) && !typedDash(doc, head.first - 1)) return undefined;
  // "Trump, speaking to a veterans group in Virginia, said": a participle clause, not part of the name
  // … and so is a time or place ("Clinton, at a later press conference, said"), or a likeness ("Clinton, like Obama, has said")
  if (/^\p{Ll}+ing$/u.test(tokens[j + 1].text) && tokens[j + 1].text !== 'including' || /^(?:at|in|on|during|after|before|from|according|like|unlike)$/.test(tokens[j + 1].text)) return head;
  const apposition = runBefore(doc, comma - 1);
  // a name, with or without its party and state ("Rep. Jim Jordan (R-Ohio), a panel member,")
  if (!apposition || !(/^(?:\p{Lu}|\)$)/u.test(tokens[head.last].text) || /^(?:\p{Lu}|\)$)/u.test(tokens[comma - 1].text))) return undefined;
  // a second apposition ("Ann Lee, the attorney general of Ohio, one of the states suing, said") tells of the
  // first one's noun: the speaker is the name and its first apposition
  if (before?.text === ',' && head.first - 2 >= 0 && tokens[head.first - 2].sentence === sentence && !tokens[head.first - 2].quoted) {
    const outer = runBefore(doc, head.first - 2);
    const opener = outer && tokens[outer.first - 1];
    if (outer && /^\p{Lu}/u.test(tokens[outer.last].text) && (!opener || opener.sentence !== sentence || /^(?:[;:—―–(”"’»]|''?)$/u.test(opener.text))) return { first: outer.first, last: j };
  }
  return { first: head.first, last: comma };
}

/** The phrase starting at token `from` ("said [the Kremlin spokesman]", "according to [officials]"). */
export function phraseAfter(doc: Document, from: number): Phrase | undefined {
  const { tokens } = doc;
  const w = lists();
  const t = tokens[from];
  if (!t || t.quoted) return undefined;
  if (w.pronouns.has(low(t))) return { first: from, last: from };
  let last = from;
  if (!w.determiners.has(low(t)) && !inner(tokens, from)) return undefined;
  while (last + 1 < tokens.length && tokens[last + 1].sentence === t.sentence && last - from + 1 < w.max) {
    const next = tokens[last + 1];
    if (inner(tokens, last + 1)) { last++; continue; }
    // "said Rep. Jim Clyburn (D-S.C.)", "said Mr. Grassley and Mr. Leahy"
    if (next.text === '(') {
      let j = last + 2;
      while (j < tokens.length && j < last + 12 && tokens[j].text !== ')' && tokens[j].sentence === t.sentence) j++;
      // … a party and state, not a remark ("Mr. Lee (a view shared by others)")
      if (tokens[j]?.text === ')' && !tokens.slice(last + 2, j).some((x) => /^\p{Ll}{3,}$/u.test(x.text))) { last = j; continue; }
    }
    if (low(next) === 'and' && /^\p{Lu}/u.test(tokens[last].text) && tokens[last + 2] && /^\p{Lu}/u.test(tokens[last + 2].text) && inner(tokens, last + 2)) { last += 2; continue; }
    // "The New York Times and the Gannett newspaper chain filed", "Smith and his aides say": a name and a
    // determined noun phrase are one coordinated subject
    if (low(next) === 'and' && /^\p{Lu}/u.test(tokens[last].text) && /^(?:the|his|her|its|their|other)$/.test(tokens[last + 2]?.text ?? '') && tokens[last + 3]?.sentence === t.sentence && inner(tokens, last + 3)) { last += 3; continue; }
    // "an analysis by Lily Batchelder", "the Federal Bureau of Prisons", "a group of doctors"
    const after = tokens[last + 2];
    // "attorneys for the family": a role and its client
    const client = low(next) === 'for' && /^\p{Ll}+s$/u.test(tokens[last].text);
    if (after && after.sentence === t.sentence && (low(next) === 'of' || w.joiners.has(next.text) || next.text === 'by') && (inner(tokens, last + 2) && (low(next) === 'of' || client || /^\p{Lu}/u.test(after.text)) || w.determiners.has(low(after)) && inner(tokens, last + 3) && (low(next) === 'of' || client || /^\p{Lu}/u.test(tokens[last + 3].text)))) { last += 2; continue; }
    break;
  }
  if (w.determiners.has(low(tokens[last]))) return undefined;
  return { first: from, last };
}

/** Mentions by token, so a phrase finds its entity without scanning every mention. */
export class MentionIndex {
  private readonly at = new Map<number, MentionRecord[]>();

  constructor(doc: Document, private readonly entity: (id: string) => EntityRecord | undefined) {
    for (const m of doc.mentions) {
      for (let i = m.token; i <= m.tokenEnd; i++) {
        let list = this.at.get(i);
        if (!list) this.at.set(i, (list = []));
        list.push(m);
      }
    }
  }

  /** The mention heading a phrase: a person ending it, else any person in it, else an organisation or place. */
  head(p: Phrase): MentionRecord | undefined {
    const inside: MentionRecord[] = [];
    for (let i = p.last; i >= p.first; i--) for (const m of this.at.get(i) ?? []) if (m.token >= p.first && m.tokenEnd <= p.last && !inside.includes(m)) inside.push(m);
    const type = (m: MentionRecord) => this.entity(m.entity)?.type;
    return inside.find((m) => type(m) === 'PERSON') ?? inside.find((m) => type(m) === 'ORG') ?? inside.find((m) => type(m) === 'COUNTRY') ?? inside[0];
  }

  startingAt(token: number): MentionRecord[] {
    return (this.at.get(token) ?? []).filter((m) => m.token === token);
  }
}
