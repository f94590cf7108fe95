// Speakers: the phrase before or after a cue, read as a named entity through the mention layer when it is one
// (pronouns and titles included), else as the phrase itself ("a source", "officials").
import type { Document, MentionRecord, Token } from '../document.ts';
import type { Quote } from '../schema/article.ts';
import { abbreviationDot, isBridge, phraseAfter, type Phrase } from './source-phrase.ts';
import type { Ctx, Found, Speaker } from './context.ts';
import { adjunctOpens, clauseEnd } from './clauses.ts';
import { cueTries, words } from './cue-words.ts';
import { missedSentenceEnd } from './direct.ts';
import { pushIndirect } from './spans.ts';

export function speakerOfMention(ctx: Ctx, mention: MentionRecord | undefined): Speaker | null {
  if (!mention) return null;
  const entity = ctx.entity(mention.entity);
  return entity ? { mention, entity, name: entity.name, phrase: { first: mention.token, last: mention.tokenEnd } } : null;
}

/** The speaker a phrase names: the entity it mentions, else the phrase itself ("a source", "officials"). */
export function speakerOfPhrase(ctx: Ctx, phrase: Phrase | undefined): Speaker | null {
  if (!phrase) return null;
  const { doc } = ctx;
  // "cities that support the rules": the relative "that" marks the report; which noun it stands for is not read here
  if (phrase.first === phrase.last && doc.tokens[phrase.first].text === 'that') return null;
  const mention = ctx.mentions.head(phrase);
  const entity = mention && ctx.entity(mention.entity);
  if (entity) return { phrase, mention, entity, name: entity.name };
  const name = doc.text.slice(doc.tokens[phrase.first].start, doc.tokens[phrase.last].end);
  return { phrase, name };
}

/** Does a short noun phrase from token k close the sentence ("a conservative advocacy group.")? */
function shortClosing(tokens: Token[], k: number): boolean {
  for (let j = k; j < tokens.length && j <= k + 8; j++) {
    if (tokens[j].sentence !== tokens[k].sentence || /^[.!?]$/.test(tokens[j].text) && !abbreviationDot(tokens, j)) return true;
    if (tokens[j].quoted || /^(?:who|whose|which|that|[;:—―–(])$/iu.test(tokens[j].text)) return false;
  }
  return false;
}

/**
 * A speaker named after the cue keeps the apposition that closes the sentence: "said Mike Schmidt, an
 * economic policy adviser at the Clinton campaign." The entity is still the one the core phrase names.
 */
export function withApposition(ctx: Ctx, speaker: Speaker | null): Speaker | null {
  const p = speaker?.phrase;
  if (!p) return speaker;
  const { tokens } = ctx.doc;
  const sentence = tokens[p.last].sentence;
  const comma = p.last + 1;
  if (tokens[comma]?.text !== ',' || tokens[comma].sentence !== sentence) return speaker;
  const first = tokens[comma + 1];
  // an apposition: "59, of Ashton", "a senior fellow", "head of …", "who served …"
  if (!first || first.sentence !== sentence || first.quoted || !/^[\p{L}\p{N}]/u.test(first.text) || narratorAside(first)) return speaker;
  const c = cueTries();
  let k = comma + 1;
  for (; k < tokens.length && tokens[k].sentence === sentence; k++) {
    if (missedSentenceEnd(tokens, k)) { k++; break; }
    // "…, the top Democrat on the panel, in a statement": the apposition ends with its comma
    // (not a relative clause's own commas, nor a list: "…, and other scientists")
    if (tokens[k].text === ',' && tokens[k + 1]?.sentence === sentence && narratorAside(tokens[k + 1]) && !/^(?:and|or|but)$/i.test(tokens[k + 1].text) && !/^(?:who|which|whose)$/i.test(first.text)) { k++; break; }
    // "…, a fellow at the institute who ran the agency, an office whose …": a second apposition tells of the first one's noun
    // … and is still part of the source when it is a short one closing the sentence: "…, a liberal think tank."
    if (tokens[k].text === ',' && k > comma + 1 && /^(?:a|an)$/i.test(tokens[k + 1]?.text ?? '') && tokens[k + 1].sentence === sentence && !/^(?:who|which|whose)$/i.test(first.text) && !shortClosing(tokens, k + 1)) { k++; break; }
    if (tokens[k].quoted || c.speech.match(tokens, k) || /^[;:!?—―–]$/u.test(tokens[k].text)) return speaker;
  }
  let last = k - 1;
  while (last > comma && /^[.)]$/.test(tokens[last].text) && !(tokens[last].text === ')' && tokens.slice(comma, last).some((t) => t.text === '('))) last--;
  return last > comma + 1 ? { ...speaker, phrase: { first: p.first, last } } : speaker;
}

/** A participle or a time or place phrase after the speaker ("speaking of …", "on his first day", "in a statement") is the narrator's aside. */
function narratorAside(t: Token): boolean {
  return /^\p{Ll}+ing$/u.test(t.text) || /^(?:but|and|or|though|although|while|even|on|in|at|during|after|before|when|as|according|with|without|for|from|to|by)$/i.test(t.text);
}

/** The mention that names the grammatical subject of a sentence (outside quotations), if any. */
function subjectMention(ctx: Ctx, sentence: number, before = Infinity): MentionRecord | undefined {
  const { doc } = ctx;
  const candidates = (ctx.bySentence[sentence] ?? []).filter((m) => !doc.tokens[m.token].quoted && m.start < before);
  const person = candidates.find((m) => ctx.entity(m.entity)?.type === 'PERSON');
  if (person) return person;
  return candidates.find((m) => ctx.entity(m.entity)?.type !== 'COUNTRY' && ctx.entity(m.entity)?.type !== 'MISC');
}

/**
 * A subject phrase read forward runs on into its verb ("Scott beamed and asked…"); it ends before a
 * lower-case cue or past-tense word, or where a named mention opening it ends and a lower-case word follows.
 */
function subjectEnd(ctx: Ctx, p: Phrase | undefined): Phrase | undefined {
  if (!p) return p;
  const { tokens } = ctx.doc;
  const c = cueTries();
  for (let k = p.first + 1; k <= p.last; k++) {
    const t = tokens[k];
    // "The council on Friday made …": a day between the subject and its verb
    if (/^(?:on|last|this)$/.test(t.text) && words().adjuncts.times.has(tokens[k + 1]?.text ?? '') && k + 1 <= p.last) return { first: p.first, last: k - 1 };
    // "The authors of the report combed …": a cue word right after an article or a possessive is a noun
    const noun = /^(?:the|a|an|his|her|its|their|our|my|your)$/i.test(tokens[k - 1].text);
    if (/^\p{Ll}/u.test(t.text) && (/^\p{Ll}{3,}ed$/u.test(t.text) || !noun && (c.speech.match(tokens, k) || c.stance.match(tokens, k)))) {
      // "Mr. Smith generally supported …": the adverb goes with the verb
      let last = k - 1;
      while (last > p.first && isBridge(tokens[last])) last--;
      return { first: p.first, last };
    }
  }
  let named = ctx.mentions.startingAt(p.first).find((m) => m.tokenEnd < p.last);
  // "Republican nominee Jane Doe met …": a modifier and a title before the name that ends the subject
  if (named && /^\p{Ll}/u.test(tokens[named.tokenEnd + 1].text) && /^\p{Lu}/u.test(tokens[named.tokenEnd + 2]?.text ?? '') && named.tokenEnd + 2 <= p.last) {
    named = ctx.mentions.startingAt(named.tokenEnd + 2).find((m) => m.tokenEnd < p.last);
    if (!named) return p;
  }
  if (named && /^\p{Ll}/u.test(tokens[named.tokenEnd + 1].text) && !/^(?:of|for|at|from|on|by|and)$/.test(tokens[named.tokenEnd + 1].text)) return { first: p.first, last: named.tokenEnd };
  return p;
}

/**
 * Can token t open an apposition ("a medical doctor", "59", "Vermont's senator", "her opponent", "one of
 * the …", "chairman of …")? Not a verb, an adverb, a clause word or the narrator's aside ("…, speaking to …").
 */
function appositionOpener(t: Token | undefined): boolean {
  if (!t || t.quoted) return false;
  if (/^(?:\p{Lu}|\p{N})/u.test(t.text)) return true;
  if (!/^\p{Ll}+$/u.test(t.text) || narratorAside(t) || /(?:ed|ly)$/.test(t.text) || /^(?:like|unlike|including|despite|besides|except|than)$/.test(t.text)) return false;
  return !words().clauseSubjects.has(t.text) || /^(?:a|an|the|his|her|their|its|one)$/.test(t.text);
}

/** The closing comma of an apposition right after token `last` ("Rendell[, a Clinton surrogate,] said"), if any. */
function appositionAfter(doc: Document, last: number, before: number): number | undefined {
  const { tokens } = doc;
  const sentence = tokens[last].sentence;
  if (tokens[last + 1]?.text !== ',' || !appositionOpener(tokens[last + 2])) return undefined;
  for (let k = last + 2; k < tokens.length && k <= last + 25 && tokens[k].sentence === sentence && tokens[k].start < before; k++) {
    if (tokens[k].quoted || /^[.;:!?—―–(]$/u.test(tokens[k].text) && !abbreviationDot(tokens, k)) return undefined;
    if (tokens[k].text === ',') return k > last + 2 && /^\p{Ll}/u.test(tokens[k + 1]?.text ?? '') ? k : undefined;
  }
  return undefined;
}

/**
 * "In his speech, Graham urged …", "Chastened by the analyses, Trump revised …": an occasion or a participle
 * opening the sentence runs to its comma; the subject comes after it.
 */
function afterOpeningAdjunct(doc: Document, i: number, before: number): number {
  const { tokens } = doc;
  const t = tokens[i];
  if (!t || !(adjunctOpens(tokens, i) && !words().adjuncts.times.has(t.text) || /^\p{Lu}\p{Ll}{2,}(?:ed|ing)$/u.test(t.text) && !cueTries().speech.match(tokens, i))) return i;
  // a subordinate clause can run long before its comma ("When terrorists are revealed as part of …, A and B call …")
  for (let k = i + 1; k < tokens.length && k <= i + 25 && tokens[k].sentence === t.sentence && tokens[k].start < before && !tokens[k].quoted; k++) {
    if (tokens[k].text === ',') return tokens[k + 1] && tokens[k + 1].start < before ? k + 1 : i;
  }
  return i;
}

/** The subject phrase opening a sentence ("He described…", "The Kremlin spokesman said…"). */
export function subjectPhrase(ctx: Ctx, sentence: number, before: number): Speaker | null {
  const { doc } = ctx;
  const first = doc.tokenAt(doc.sentences[sentence].start);
  let i = first;
  // "“…,” the singer croons before asking her, “…”": a quotation opening the sentence is its object, the subject follows
  if (doc.tokens[i] && /^[“"]$/u.test(doc.tokens[i].text)) {
    let k = i + 1;
    while (doc.tokens[k] && doc.tokens[k].sentence === sentence && doc.tokens[k].quoted) k++;
    const comma = doc.tokens[k - 1]?.text === ',';
    if (doc.tokens[k] && /^[”"]$/u.test(doc.tokens[k].text)) k++;
    if ((comma || doc.tokens[k]?.text === ',' && k++) && doc.tokens[k] && doc.tokens[k].sentence === sentence && !doc.tokens[k].quoted && doc.tokens[k].start < before) i = k;
  }
  while (doc.tokens[i] && doc.tokens[i].start < before && /^(?:but|and|so|yet|still|however|,)$/i.test(doc.tokens[i].text)) i++;
  // "After the vote, when reporters pressed him, the mayor said": opening adjuncts may follow one another
  for (let next = afterOpeningAdjunct(doc, i, before); next !== i; next = afterOpeningAdjunct(doc, i, before)) i = next;
  const p = doc.tokens[i] && doc.tokens[i].start < before ? subjectEnd(ctx, phraseAfter(doc, i)) : undefined;
  if (p && doc.tokens[p.last].end <= before) {
    const s = speakerOfPhrase(ctx, p);
    // "Dean, a medical doctor, then appeared …": the apposition between commas is part of the subject
    const last = appositionAfter(doc, p.last, before);
    if (s && last !== undefined) return { ...s, phrase: { first: p.first, last } };
    if (s) return s;
  }
  return speakerOfMention(ctx, subjectMention(ctx, sentence, before) ?? previousSubject(ctx, sentence));
}

function previousSubject(ctx: Ctx, sentence: number): MentionRecord | undefined {
  const para = ctx.doc.sentences[sentence].paragraph;
  for (let s = sentence - 1; s >= 0 && s >= sentence - 3; s--) {
    const m = subjectMention(ctx, s);
    if (m) return m;
    if (ctx.doc.sentences[s].paragraph < para - 1) break;
  }
  return undefined;
}

/** A cue and its "that"-clause after words that make no speaker phrase: the clause is reported, its source unknown. */
export function unreadSpeaker(ctx: Ctx, out: Quote[], cue: number, cueEnd: number, found: Found): boolean {
  const { doc } = ctx;
  const { tokens } = doc;
  const that = tokens[cueEnd + 1], from = cueEnd + 2;
  const before = tokens[cue - 1];
  // the cue follows words of its own clause, not a comma or a conjunction that would make it a second verb
  if (!before || before.sentence !== tokens[cue].sentence || !/^[\p{L})]/u.test(before.text) || /^(?:and|but|or)$/i.test(before.text)) return false;
  if (!/^that$/i.test(that?.text ?? '') || !tokens[from] || tokens[from].sentence !== tokens[cue].sentence || tokens[from].quoted) return false;
  // "the attacks that helped …", "a plan that matches …": a verb after "that" makes a relative clause
  if (/^\p{Ll}+(?:ed|es)$/u.test(tokens[from].text) || /^(?:will|would|could|can|may|might|should|must|has|have|had|is|are|was|were)$/i.test(tokens[from].text)) return false;
  const start = tokens[from].start, end = clauseEnd(ctx, from);
  if (end - start < 8) return false;
  pushIndirect(doc, out, start, end, found);
  return true;
}

/**
 * "Mr. Obama, who understood that …, told …": a relative clause that reports on its own is not part of the
 * speaker phrase of the main clause's cue; the phrase ends before its comma.
 */
export function withoutReportingRelative(doc: Document, out: Quote[], p: Phrase): Phrase {
  const { tokens } = doc;
  for (let k = p.first + 1; k < p.last; k++) {
    if (tokens[k].text !== ',' || !/^(?:who|which)$/i.test(tokens[k + 1]?.text ?? '')) continue;
    const from = tokens[k].end, to = tokens[p.last].end;
    if (out.some((q) => q.cue && q.cue.start >= from && q.cue.end <= to)) return { ...p, last: k - 1 };
  }
  return p;
}
