// Attribution constructions tried at a token before the plain "<speaker> <cue> <content>" reading:
// opening participles, "Asked …", attitudes, evidentials, judged passives, message nouns, purpose and cause.
import { loadData } from '../data.ts';
import type { Document } from '../document.ts';
import type { Quote } from '../schema/article.ts';
import { phraseAfter, phraseBefore } from './source-phrase.ts';
import { ADVERB, cueSpan, pushIndirect } from './spans.ts';
import type { Ctx, Found } from './context.ts';
import { type CuesFile, cueTries, topicPrepositions, words } from './cue-words.ts';
import { clauseEnd, gerundOfSaying, passive } from './clauses.ts';
import { contentAfterCue } from './indirect.ts';
import { speakerOfMention, speakerOfPhrase, withoutReportingRelative } from './speakers.ts';

/**
 * A subject raised out of what is believed or seen about it: "The vote is expected to be close", "The plan
 * seems to have stalled". Nobody is named; the subject and its infinitive are the content, in two parts.
 */
export function raisedReport(ctx: Ctx, out: Quote[], i: number): boolean {
  const { doc } = ctx;
  const { tokens } = doc;
  const t = tokens[i], to = tokens[i + 1], verb = tokens[i + 2];
  const w = words();
  const word = t.text.toLowerCase();
  if (!w.raisedVerbs.has(word) && !(w.raisedPassives.has(word) && passive(doc, i, true))) return false;
  if (!to || !/^to$/i.test(to.text) || !verb || verb.sentence !== t.sentence || verb.quoted || !/^\p{Ll}+$/u.test(verb.text)) return false;
  // "seems to suggest that …": the verb after "to" is the cue, the raising verb a bridge
  const c = cueTries();
  if (c.speech.match(tokens, i + 2) || c.stance.match(tokens, i + 2)) return false;
  const subject = phraseBefore(doc, i);
  if (!subject) return false;
  const found: Found = { speaker: null, cue: cueSpan(doc, i, i, false), cueToken: i };
  const end = clauseEnd(ctx, i + 1);
  if (end - to.start < 8) return false;
  pushIndirect(doc, out, tokens[subject.first].start, tokens[subject.last].end, found, 2);
  pushIndirect(doc, out, to.start, end, found);
  return true;
}

/**
 * A participle opening its sentence reports what runs up to the comma, and the subject after the comma is
 * its source: "Citing an unfounded theory, Trump accused …". Returns the last token of the cue, if one.
 */
function openingParticiple(ctx: Ctx, out: Quote[], i: number): number | undefined {
  const { doc } = ctx;
  const { tokens } = doc;
  const t = tokens[i];
  // (no closure here: this runs for every token, and each closure costs a name-keeping call under tsx)
  // … or after a conjunction of time: "After saying her foot was swollen, she …"
  const timed = /^\p{Ll}+ing$/u.test(t.text) && /^(?:After|Before|While|Since|Upon|When)$/.test(tokens[i - 1]?.text ?? '') && opensSentence(doc, t.sentence, i - 1);
  if (!(timed || /^\p{Lu}\p{Ll}+ing$/u.test(t.text) && opensSentence(doc, t.sentence, i))) return undefined;
  const p = cueTries().participles.match(tokens, i);
  if (!p) return undefined;
  let comma = p.end + 1;
  while (comma < tokens.length && comma - p.end <= 25 && tokens[comma].sentence === t.sentence && tokens[comma].text !== ',' && !/^[.;:!?]$/.test(tokens[comma].text)) comma++;
  const from = p.end + 1;
  if (tokens[comma]?.text !== ',' || tokens[comma].sentence !== t.sentence || comma === from) return undefined;
  // "After saying her foot was “so swollen …,” she …": the comma inside a closing quotation ends the participle's clause
  const closed = tokens[comma].quoted && /^[”"’]$/u.test(tokens[comma + 1]?.text ?? '') && tokens[comma + 1].sentence === t.sentence;
  const subject = closed ? comma + 2 : comma + 1;
  // the subject: a name or a pronoun, or a short phrase ("the mayor"), not the verb after it
  const mention = ctx.mentions.startingAt(subject)[0];
  const phrase = phraseAfter(doc, subject);
  const speaker = mention ? speakerOfMention(ctx, mention) : phrase && phrase.last - phrase.first < 4 ? speakerOfPhrase(ctx, phrase) : null;
  if (!speaker) return undefined;
  const start = tokens[from].start, end = closed ? tokens[comma + 1].end : tokens[comma - 1].end;
  pushIndirect(doc, out, start, end, { speaker, cue: cueSpan(doc, i, p.end, false), cueToken: i }, 2);
  return p.end;
}

/**
 * Constructions with a shape of their own, tried at each token before the ordinary cue search, in this order;
 * each reports what it finds and returns the last token it used.
 */
const CONSTRUCTIONS: ((ctx: Ctx, out: Quote[], i: number) => number | undefined)[] = [
  judgedPassive, spacedTopic, openingParticiple, askedOpener, expressedAttitude, evidentOpener, messageParticiple, causedReport, purposeReport,
];

/** The first construction that reads at token i, as the last token it used. */
export function readConstruction(ctx: Ctx, out: Quote[], i: number): number | undefined {
  for (const read of CONSTRUCTIONS) {
    const end = read(ctx, out, i);
    if (end !== undefined) return end;
  }
  return undefined;
}

/** Token k is the first of sentence `sentence`. */
function opensSentence(doc: Document, sentence: number, k: number): boolean {
  return doc.tokenAt(doc.sentences[sentence].start) === k;
}

/**
 * "Asked about the fire, the chief said …", "Asked to describe the device, he said …": a passive participle
 * of asking opening the sentence reports the question put to the subject; its asker goes unnamed.
 */
function askedOpener(ctx: Ctx, out: Quote[], i: number): number | undefined {
  const { doc } = ctx;
  const { tokens } = doc;
  const t = tokens[i];
  if (!/^Asked$/.test(t.text) || !opensSentence(doc, t.sentence, i)) return undefined;
  const about = /^(?:about|of)$/.test(tokens[i + 1]?.text ?? '');
  const from = about ? i + 2 : i + 1;
  const first = tokens[from];
  if (!first || first.sentence !== t.sentence || first.text === ',') return undefined;
  if (!about && !/^to$/.test(first.text) && !words().questionWords.has(first.text.toLowerCase()) && !/^(?:if|whether)$/.test(first.text)) return undefined;
  let comma = from + 1;
  while (comma < tokens.length && comma - from <= 30 && tokens[comma].sentence === t.sentence && (tokens[comma].quoted || tokens[comma].text !== ',') && !/^[.;:!?]$/.test(tokens[comma].text)) comma++;
  if (tokens[comma]?.text !== ',' || tokens[comma].sentence !== t.sentence) return undefined;
  pushIndirect(doc, out, first.start, tokens[comma - 1].end, { speaker: null, cue: cueSpan(doc, i, from - 1, false), cueToken: i }, 2);
  return comma;
}

let attitudes: { verbs: Set<string>; nouns: Set<string> } | undefined;

/**
 * "Voting rights advocates have expressed deep concern about the policy", "leaders voiced outrage over the
 * test": a verb of expressing with a noun of attitude reports its topic; the cue runs through the preposition.
 * Returns the cue's last token.
 */
function expressedAttitude(ctx: Ctx, out: Quote[], i: number): number | undefined {
  const { doc } = ctx;
  const { tokens } = doc;
  const t = tokens[i];
  if (t.quoted) return undefined;
  if (!attitudes) {
    const data = loadData<CuesFile>('quotes/cues.json').expressedAttitudes;
    attitudes = { verbs: new Set(data.verbs), nouns: new Set(data.nouns) };
  }
  if (!attitudes.verbs.has(t.text)) return undefined;
  // at most two modifiers before the noun: "deep concern", "serious and growing doubts"
  let k = i + 1;
  while (k <= i + 3 && tokens[k] && tokens[k].sentence === t.sentence && /^\p{Ll}+$/u.test(tokens[k].text) && !attitudes.nouns.has(tokens[k].text)) k++;
  if (!tokens[k] || tokens[k].sentence !== t.sentence || !attitudes.nouns.has(tokens[k].text)) return undefined;
  const prep = k + 1, from = k + 2;
  if (!/^(?:about|over|at)$/.test(tokens[prep]?.text ?? '') || !tokens[from] || tokens[from].sentence !== t.sentence || tokens[from].quoted) return undefined;
  const p = phraseBefore(doc, i);
  if (!p || tokens[p.first].quoted) return undefined;
  const end = clauseEnd(ctx, from, true);
  if (end - tokens[from].start < 2) return undefined;
  const found: Found = { speaker: speakerOfPhrase(ctx, withoutReportingRelative(doc, out, p)), cue: cueSpan(doc, i, prep, false), cueToken: i };
  if (!found.speaker) return undefined;
  pushIndirect(doc, out, tokens[from].start, end, found, 2);
  return prep;
}

let evidentials: Set<string> | undefined;

/**
 * "It is clear that …", "it should be obvious that …": an impersonal adjective of evidence asserts its clause
 * with no named source; the cue runs from "it" through the adjective. Returns the cue's last token.
 */
function evidentOpener(ctx: Ctx, out: Quote[], i: number): number | undefined {
  const { doc } = ctx;
  const { tokens } = doc;
  const t = tokens[i];
  if (!/^it(?:['’]s)?$/i.test(t.text) || t.quoted) return undefined;
  evidentials ??= new Set(loadData<CuesFile>('quotes/cues.json').evidentialAdjectives);
  // "it is", "it's", "it was", "it should be", "it has become": a form of "be" (after a modal or "has")
  let k = i + 1;
  if (t.text.length > 2) k = i;
  else {
    if (words().modals.has(tokens[k]?.text ?? '') || /^(?:has|had|have)$/.test(tokens[k]?.text ?? '')) k++;
    if (!/^(?:is|was|['’]s|be|been|becomes|became)$/.test(tokens[k]?.text ?? '')) return undefined;
  }
  const adjective = tokens[k + 1];
  if (!adjective || adjective.sentence !== t.sentence || !evidentials.has(adjective.text)) return undefined;
  const first = tokens[k + 2];
  // the clause follows at once: "that …" or a bare clause with its own subject ("It was clear Clinton is …")
  if (!first || first.sentence !== t.sentence || first.quoted) return undefined;
  if (!/^that$/.test(first.text) && !words().clauseSubjects.has(first.text) && !/^\p{Lu}\p{Ll}+$/u.test(first.text)) return undefined;
  const end = clauseEnd(ctx, k + 2);
  if (end - first.start < 8) return undefined;
  pushIndirect(doc, out, first.start, end, { speaker: null, cue: doc.textSpan(t.start, adjective.end), cueToken: k + 1 });
  return k + 1;
}

let judged: { verbs: Set<string>; bare: Set<string> } | undefined;

/**
 * "Mr. Quiros was accused of using …", "they have often been criticized for being slow", "it was labeled
 * “Mostly True”": a verb of judgement in the passive with no agent reports an unnamed judgement; the subject
 * and the complement are its content, the cue runs from the auxiliary through the verb's preposition.
 * Returns the cue's last token.
 */
function judgedPassive(ctx: Ctx, out: Quote[], i: number): number | undefined {
  const { doc } = ctx;
  const { tokens } = doc;
  const t = tokens[i];
  if (!judged) {
    const data = loadData<CuesFile>('quotes/cues.json').judgedPassives;
    judged = { verbs: new Set(data.verbs), bare: new Set(data.bareComplement) };
  }
  if (!judged.verbs.has(t.text) || !passive(doc, i, true)) return undefined;
  // the preposition taking the charge or the verdict: "accused of", "blamed for", "viewed as", "credited with";
  // a verb with a bare complement ("was rated (as) true", "is considered a threat") leaves an "as" to it
  const joins = /^(?:of|for|with)$/.test(tokens[i + 1]?.text ?? '') || tokens[i + 1]?.text === 'as' && !judged.bare.has(t.text);
  const last = joins ? i + 1 : i;
  const from = last + 1, next = tokens[from];
  // "… accused by prosecutors": an agent names the source, read elsewhere
  if (!next || next.sentence !== t.sentence || /^(?:by|[.,;:!?])$/.test(next.text)) return undefined;
  // "criticised for saying that …": the words said are the report, read at the participle
  if (gerundOfSaying(doc, from, from) || /^\p{Ll}+ing$/u.test(next.text) && cueTries().participles.match(tokens, from) && /^that$/i.test(tokens[from + 1]?.text ?? '')) return undefined;
  const subject = phraseBefore(doc, i);
  if (!subject || tokens[subject.first].quoted) return undefined;
  const end = clauseEnd(ctx, from);
  if (end - next.start < 2) return undefined;
  const found: Found = { speaker: null, cue: cueSpan(doc, i, last, false), cueToken: i };
  pushIndirect(doc, out, tokens[subject.first].start, tokens[subject.last].end, found, 2);
  pushIndirect(doc, out, next.start, end, found, 2);
  return last;
}

/**
 * "a tweet attacking a former employee", "a statement announcing the pick": a participle right after a noun
 * for a message says what the message says; the message is the source. Returns the cue's last token.
 */
function messageParticiple(ctx: Ctx, out: Quote[], i: number): number | undefined {
  const { doc } = ctx;
  const { tokens } = doc;
  const t = tokens[i], before = tokens[i - 1];
  if (!before || before.sentence !== t.sentence || before.quoted || !/^\p{Ll}+ing$/u.test(t.text) || !words().messageNouns.has(before.text)) return undefined;
  const c = cueTries();
  const cue = c.participles.match(tokens, i) ?? c.stance.match(tokens, i);
  if (!cue) return undefined;
  const from = contentAfterCue(ctx, i, cue.end, true);
  if (from === undefined) return undefined;
  const object = !/^(?:to|that)$/i.test(tokens[from].text) && !words().questionWords.has(tokens[from].text.toLowerCase());
  // the message's own noun phrase, back to its determiner: "[a Donald Trump tweet] attacking"
  let first = i - 1;
  for (let k = i - 1; k >= i - 5 && k >= 0 && tokens[k].sentence === t.sentence; k--) {
    if (!/^[\p{L}\p{N}'’-]+$/u.test(tokens[k].text) || /^\p{Ll}+ed$/u.test(tokens[k].text)) break;
    first = k;
    if (/^(?:a|an|the|his|her|their|its|this|that|these|those)$/i.test(tokens[k].text)) break;
  }
  const speaker = speakerOfPhrase(ctx, { first, last: i - 1 });
  pushIndirect(doc, out, tokens[from].start, clauseEnd(ctx, from, object), { speaker, cue: cueSpan(doc, i, cue.end, false), cueToken: i }, 2);
  return cue.end;
}

/**
 * "European leaders gathered Friday to discuss the crisis", "The council called an emergency meeting to discuss
 * the test": people meet to talk, so a cue verb in the infinitive of purpose after a meeting reports for those
 * who met. `i` is the "to"; returns the cue's last token, if a report was found.
 */
function purposeReport(ctx: Ctx, out: Quote[], i: number): number | undefined {
  const { doc } = ctx;
  const { tokens } = doc;
  const t = tokens[i], verb = tokens[i + 1];
  if (t.quoted || t.text !== 'to' || !verb || verb.sentence !== t.sentence || verb.quoted || !/^\p{Ll}+$/u.test(verb.text)) return undefined;
  const c = cueTries();
  const cue = c.stance.match(tokens, i + 1) ?? c.speech.match(tokens, i + 1);
  if (!cue) return undefined;
  // the meeting within the clause before: its verb, or a verb and a noun of meeting ("called [an emergency meeting]")
  let met: number | undefined;
  for (let k = i - 1; k >= 0 && k >= i - 10 && tokens[k].sentence === t.sentence && !tokens[k].quoted && !/^[,;:—―–()]$/u.test(tokens[k].text); k--) {
    if (words().assemblyVerbs.has(tokens[k].text)) { met = k; break; }
    if (words().assemblyNouns.has(tokens[k].text)) {
      let d = k - 1;
      while (d > k - 4 && d > 0 && !/^(?:a|an|the)$/.test(tokens[d].text)) d--;
      if (!/^(?:a|an|the)$/.test(tokens[d]?.text ?? '')) return undefined;
      const v = /^(?:at|to|for|in)$/.test(tokens[d - 1]?.text ?? '') ? d - 2 : d - 1;
      if (v >= 0 && tokens[v].sentence === t.sentence && /^\p{Ll}+(?:ed|ke|oke|eld)$/u.test(tokens[v].text)) met = v;
      break;
    }
  }
  if (met === undefined) return undefined;
  const p = phraseBefore(doc, met);
  if (!p) return undefined;
  const from = contentAfterCue(ctx, i + 1, cue.end, true);
  if (from === undefined) return undefined;
  const object = from === cue.end + 1 && !/^(?:to|that)$/i.test(tokens[from].text) && !words().questionWords.has(tokens[from].text.toLowerCase());
  pushIndirect(doc, out, tokens[from].start, clauseEnd(ctx, from, object), { speaker: speakerOfPhrase(ctx, p), cue: cueSpan(doc, i, cue.end, false), cueToken: i + 1 }, object ? 2 : 8);
  return cue.end;
}

/**
 * "The threats prompted NATO at its summit to order the deployment", "All this led the senator to fear a pact":
 * a cause's object is the subject of the infinitive after it, so a cue verb there reports for that object.
 * Returns the cue's last token, if a report was found.
 */
function causedReport(ctx: Ctx, out: Quote[], i: number): number | undefined {
  const { doc } = ctx;
  const { tokens } = doc;
  const t = tokens[i];
  if (t.quoted || !words().causatives.has(t.text)) return undefined;
  const found = phraseAfter(doc, i + 1);
  if (!found) return undefined;
  // … the object without the occasion it took in: "NATO [at its July summit]"
  let p = found;
  for (let k = found.first + 1; k < found.last; k++) if (/^(?:at|during)$/.test(tokens[k].text) && /^(?:a|an|the|its|his|her|their)$/.test(tokens[k + 1].text)) { p = { first: found.first, last: k - 1 }; break; }
  // a place or time may stand between the object and its "to": "NATO [at its July summit in Warsaw] to order"
  let to = p.last + 1;
  if (/^(?:at|in|on|during|after|last|this)$/.test(tokens[to]?.text ?? '')) {
    while (to < p.last + 9 && tokens[to] && tokens[to].sentence === t.sentence && !tokens[to].quoted && /^[\p{L}\p{N}'’.-]+$/u.test(tokens[to].text) && tokens[to].text !== 'to') to++;
  }
  const verb = tokens[to + 1];
  if (tokens[to]?.text !== 'to' || tokens[to].sentence !== t.sentence || !verb || verb.quoted || !/^\p{Ll}+$/u.test(verb.text)) return undefined;
  const c = cueTries();
  // … a directive too, whose listener is its object here: "prompted NATO to order [the deployment]"
  const cue = c.stance.match(tokens, to + 1) ?? c.speech.match(tokens, to + 1) ?? (words().objectControl.has(verb.text) ? { end: to + 1, values: [] } : undefined);
  if (!cue) return undefined;
  const from = contentAfterCue(ctx, to + 1, cue.end, true);
  if (from === undefined) return undefined;
  const object = from === cue.end + 1 && !/^(?:to|that)$/i.test(tokens[from].text) && !words().questionWords.has(tokens[from].text.toLowerCase());
  const speaker = speakerOfPhrase(ctx, p);
  pushIndirect(doc, out, tokens[from].start, clauseEnd(ctx, from, object), { speaker, cue: cueSpan(doc, to, cue.end, false), cueToken: to + 1 }, object ? 2 : 8);
  return cue.end;
}

/**
 * A topic cue with words between its verb and its preposition: "spoke emotionally of …", "spoke out Tuesday
 * about …", "asked Clinton about …". Returns the preposition's token, if there is such a cue.
 */
function spacedTopic(ctx: Ctx, out: Quote[], i: number): number | undefined {
  const { doc } = ctx;
  const { tokens } = doc;
  const t = tokens[i];
  const preps = topicPrepositions().get(t.text);
  if (!preps) return undefined;
  const asking = /^ask/.test(t.text);
  let j = i + 1;
  while (j < tokens.length && j - i <= 4 && tokens[j].sentence === t.sentence && !tokens[j].quoted && !preps.has(tokens[j].text)) {
    const x = tokens[j].text;
    if (!(ADVERB.test(x) || /^(?:out|in|on)$/.test(x) || words().adjuncts.times.has(x) || asking && (/^\p{Lu}/u.test(x) || /^(?:him|her|them|me|us)$/.test(x)))) return undefined;
    j++;
  }
  const object = tokens[j + 1];
  if (j === i + 1 || !preps.has(tokens[j]?.text ?? '') || tokens[j].sentence !== t.sentence || !object || object.sentence !== t.sentence || object.quoted) return undefined;
  const subject = phraseBefore(doc, i);
  if (!subject) return undefined;
  const start = object.start, end = clauseEnd(ctx, j + 1, true);
  if (end - start < 2) return undefined;
  pushIndirect(doc, out, start, end, { speaker: speakerOfPhrase(ctx, subject), cue: cueSpan(doc, i, j, false), cueToken: i }, 2);
  return j;
}
