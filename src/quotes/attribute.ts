// Quotes with speakers. Direct quotes come from the quotation layer and are attributed by the clause
// next to them ("..., Peskov added", "Peskov said, ..."), partial quotes by the narrator's cue verb in the
// same sentence, indirect speech by "<speaker> <cue> that <content>" and "according to <speaker>".
// Speakers resolve through the mention layer, so pronouns and titles reach a named person.
import { loadData } from '../data.ts';
import type { Document, EntityRecord, MentionRecord, QuoteMark, Token } from '../document.ts';
import type { Quote, TextSpan } from '../schema/article.ts';
import { TokenTrie, phraseTokens } from '../nlp/token-trie.ts';
import { resolveDefinite } from '../actors/resolve.ts';
import { dateFor } from '../time/dating.ts';
import { MentionIndex, abbreviationDot, bridgeBefore, isBridge, phraseAfter, phraseBefore, type Phrase } from './source-phrase.ts';

interface CuesFile { leadConnectives: { bare: string[]; comma: string[] }; closingOnly: string[]; sequenceVerbs: string[]; judgedAs: string[]; assemblies: { verbs: string[]; nouns: string[] }; causatives: string[]; evidentialAdjectives: string[]; expressedAttitudes: { verbs: string[]; nouns: string[] }; topicalAdjectives: string[]; judgedPassives: { verbs: string[]; bareComplement: string[] }; messageNouns: string[]; finiteAuxiliaries: string[]; needsThat: string[]; cueTail: string[]; speech: string[]; stance: string[]; participles: string[]; partial: string[]; according: string[]; objectCues: string[]; gapOpeners: string[]; contentStops: string[]; notClause: string[]; clauseSubjects: string[]; nouns: { that: string[]; to: string[]; possessives: string[] }; adjectives: string[]; clauseParticiples: string[]; objectControl: string[]; toObject: string[]; topicPrepositions: string[]; prepositionParticiples: string[]; irregularPasts: string[]; modals: string[]; notSpeakerLabels: string[]; irregularPlurals: string[]; agreeingWords: string[]; pastAsBare: string[]; clausalOnly: string[]; complexPrepositions: string[]; raisedReports: { verbs: string[]; passives: string[] }; adjuncts: { subordinators: string[]; keptClauses: string[]; openers: string[]; times: string[]; months: string[]; media: string[]; occasions: string[] }; questions: { words: string[]; cues: string[]; ifCues: string[] } }

let wordSets: { closingOnly: Set<string>; sequenceVerbs: Set<string>; judgedAs: Set<string>; assemblyVerbs: Set<string>; assemblyNouns: Set<string>; causatives: Set<string>; topicalAdjectives: Set<string>; messageNouns: Set<string>; finiteAuxiliaries: Set<string>; needsThat: Set<string>; cueTail: Set<string>; objectCues: Set<string>; gapOpeners: Set<string>; contentStops: Set<string>; notClause: Set<string>; clauseSubjects: Set<string>; nounsThat: Set<string>; nounsTo: Set<string>; possessives: Set<string>; adjectives: Set<string>; clauseParticiples: Set<string>; objectControl: Set<string>; toObject: Set<string>; topicPrepositions: Set<string>; irregularPasts: Set<string>; modals: Set<string>; prepositionParticiples: Set<string>; notSpeakerLabels: Set<string>; irregularPlurals: Set<string>; agreeingWords: Set<string>; pastAsBare: Set<string>; clausalOnly: Set<string>; complexPrepositions: Set<string>; raisedVerbs: Set<string>; raisedPassives: Set<string>; adjuncts: { subordinators: Set<string>; keptClauses: Set<string>; openers: Set<string>; times: Set<string>; months: Set<string>; media: Set<string>; occasions: Set<string> }; questionWords: Set<string>; questionCues: Set<string>; ifCues: Set<string> } | undefined;
function words() {
  if (wordSets) return wordSets;
  const data = loadData<CuesFile>('quotes/cues.json');
  return (wordSets = { closingOnly: new Set(data.closingOnly), sequenceVerbs: new Set(data.sequenceVerbs), judgedAs: new Set(data.judgedAs), assemblyVerbs: new Set(data.assemblies.verbs), assemblyNouns: new Set(data.assemblies.nouns), causatives: new Set(data.causatives), topicalAdjectives: new Set(data.topicalAdjectives), messageNouns: new Set(data.messageNouns), finiteAuxiliaries: new Set(data.finiteAuxiliaries), needsThat: new Set(data.needsThat), cueTail: new Set(data.cueTail), objectCues: new Set(data.objectCues), gapOpeners: new Set(data.gapOpeners), contentStops: new Set(data.contentStops), notClause: new Set(data.notClause), clauseSubjects: new Set(data.clauseSubjects), nounsThat: new Set(data.nouns.that), nounsTo: new Set(data.nouns.to), possessives: new Set(data.nouns.possessives), adjectives: new Set(data.adjectives), clauseParticiples: new Set(data.clauseParticiples), objectControl: new Set(data.objectControl), toObject: new Set(data.toObject), topicPrepositions: new Set(data.topicPrepositions), irregularPasts: new Set(data.irregularPasts), modals: new Set(data.modals), prepositionParticiples: new Set(data.prepositionParticiples), notSpeakerLabels: new Set(data.notSpeakerLabels), irregularPlurals: new Set(data.irregularPlurals), agreeingWords: new Set(data.agreeingWords), pastAsBare: new Set(data.pastAsBare), clausalOnly: new Set(data.clausalOnly), complexPrepositions: new Set(data.complexPrepositions), raisedVerbs: new Set(data.raisedReports.verbs), raisedPassives: new Set(data.raisedReports.passives), adjuncts: { subordinators: new Set(data.adjuncts.subordinators), keptClauses: new Set(data.adjuncts.keptClauses), openers: new Set(data.adjuncts.openers), times: new Set(data.adjuncts.times), months: new Set(data.adjuncts.months), media: new Set(data.adjuncts.media), occasions: new Set(data.adjuncts.occasions) }, questionWords: new Set(data.questions.words), questionCues: new Set(data.questions.cues), ifCues: new Set(data.questions.ifCues) });
}
interface Cues { speech: TokenTrie<true>; stance: TokenTrie<true>; participles: TokenTrie<true>; partial: TokenTrie<true>; according: TokenTrie<true> }

let cues: Cues | undefined;
function cueTries(): Cues {
  if (cues) return cues;
  const data = loadData<CuesFile>('quotes/cues.json');
  const trie = (list: string[]) => {
    const t = new TokenTrie<true>((w) => w.toLowerCase());
    for (const phrase of list) t.add(phraseTokens(phrase), true);
    return t;
  };
  return (cues = { speech: trie(data.speech), stance: trie(data.stance), participles: trie(data.participles), partial: trie(data.partial), according: trie(data.according) });
}

/** Words that may stand between a cue and "that": "said on Friday that", "told reporters that". */
const GAP_MAX = 6;

interface Speaker { phrase?: Phrase; mention?: MentionRecord; entity?: EntityRecord; name: string }
interface Found { speaker: Speaker | null; cue?: TextSpan; cueToken?: number }

/** Per-document lookups, built once so that attribution stays linear in the article's length. */
interface Ctx { doc: Document; titleCase?: boolean[]; reporter?: { sentence: number; cue: number; speaker: Speaker }; quoter?: Map<number, { cue: number; speaker: Speaker }>; mentions: MentionIndex; bySentence: MentionRecord[][]; entity: (id: string | undefined) => EntityRecord | undefined }

function context(doc: Document): Ctx {
  const bySentence: MentionRecord[][] = doc.sentences.map(() => []);
  for (const m of doc.mentions) bySentence[doc.tokens[m.token].sentence]?.push(m);
  // doc.entity() searches the list; an article-sized list needs a map
  const byId = new Map(doc.entities.map((e) => [e.id, e]));
  const entity = (id: string | undefined) => (id === undefined ? undefined : byId.get(id));
  return { doc, mentions: new MentionIndex(doc, entity), bySentence, entity };
}

function speakerOfMention(ctx: Ctx, mention: MentionRecord | undefined): Speaker | null {
  if (!mention) return null;
  const entity = ctx.entity(mention.entity);
  return entity ? { mention, entity, name: entity.name, phrase: { first: mention.token, last: mention.tokenEnd } } : null;
}

/** The speaker a phrase names: the entity it mentions, else the phrase itself ("a source", "officials"). */
function speakerOfPhrase(ctx: Ctx, phrase: Phrase | undefined): Speaker | null {
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
function withApposition(ctx: Ctx, speaker: Speaker | null): Speaker | null {
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
    if (/^\p{Ll}/u.test(t.text) && (/^\p{Ll}{3,}ed$/u.test(t.text) || c.speech.match(tokens, k) || c.stance.match(tokens, k))) {
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
  for (let k = i + 1; k < tokens.length && k <= i + 15 && tokens[k].sentence === t.sentence && tokens[k].start < before && !tokens[k].quoted; k++) {
    if (tokens[k].text === ',') return tokens[k + 1] && tokens[k + 1].start < before ? k + 1 : i;
  }
  return i;
}

/** The subject phrase opening a sentence ("He described…", "The Kremlin spokesman said…"). */
function subjectPhrase(ctx: Ctx, sentence: number, before: number): Speaker | null {
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

/** The cue with its auxiliaries and adverbs ("has also said") and a day or colon right after it ("said Monday:"). */
function cueSpan(doc: Document, from: number, to: number, days = true): TextSpan {
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
function mannerAfter(doc: Document, k: number): boolean {
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

function previousSubject(ctx: Ctx, sentence: number): MentionRecord | undefined {
  const para = ctx.doc.sentences[sentence].paragraph;
  for (let s = sentence - 1; s >= 0 && s >= sentence - 3; s--) {
    const m = subjectMention(ctx, s);
    if (m) return m;
    if (ctx.doc.sentences[s].paragraph < para - 1) break;
  }
  return undefined;
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
function missedSentenceEnd(tokens: Token[], i: number): boolean {
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

function isWholeClause(doc: Document, q: QuoteMark): boolean {
  const content = doc.text.slice(q.contentStart, q.contentEnd).trim();
  const words = content.split(/\s+/).length;
  return words >= 4 && (/^[\p{Lu}"“‘]/u.test(content) || /[.!?,…]["”’']?$/u.test(content));
}

function toQuote(doc: Document, kind: Quote['kind'], start: number, end: number, found: Found): Quote {
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

/** Does the speaker phrase ending at `end` close on a contracted "has" before a participle cue ("she’s said", "the mayor's called for")? */
function contractedHas(doc: Document, end: number, cue: TextSpan): boolean {
  return /\p{L}['’]s$/u.test(doc.text.slice(end - 3, end)) && /^\s+$/.test(doc.text.slice(end, cue.start)) && /^(?:\p{Ll}+(?:ed|en)|said|told|made|put|been)\b/u.test(cue.text);
}

function directAndPartial(ctx: Ctx, out: Quote[], usedCues: Set<number>): void {
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
      if (partial) { found = partial; kind = whole && opensClause(doc, q) && (resumes || !narratorBetween(doc, partial.cueToken, q)) ? 'direct' : 'partial'; }
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

const paragraphOf = (doc: Document, offset: number) => doc.sentences[doc.sentenceAt(offset)]?.paragraph ?? 0;

/** End of a sentence's content: its final period dropped, closing quote marks kept. */
function contentEnd(doc: Document, sentence: number): number {
  const s = doc.sentences[sentence];
  return s.start + doc.text.slice(s.start, s.end).replace(/\s+$/u, '').replace(/[.]$/u, '').length;
}

const CLAUSE_END = /^(?:[.,;!?]|—|―|–)$/u;
const ADVERB = /^(?:even|again|also|still|then|repeatedly|often|later|once|long|never|always|already|\p{Ll}+ly)$/u;
const PARTICLE = /^(?:up|out|down|back|away|into)$/i;

function indirect(ctx: Ctx, out: Quote[], usedCues: Set<number>): void {
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
      const from = contentAfterCue(ctx, i, cue.end, !!stance || !!c.stance.match(tokens, i));
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
      // "decided against raising taxes": the preposition names the stance, the rest is its topic
      let topicAt = -1;
      if (from === cue.end + 1 && stance && words().topicPrepositions.has(tokens[from].text) && tokens[from + 1]?.sentence === t.sentence) { topicAt = from; found.cue = cueSpan(doc, i, from++, false); }
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
function placeAfter(doc: Document, k: number): number {
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

/** A cue and its "that"-clause after words that make no speaker phrase: the clause is reported, its source unknown. */
function unreadSpeaker(ctx: Ctx, out: Quote[], cue: number, cueEnd: number, found: Found): boolean {
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
 * A subject raised out of what is believed or seen about it: "The vote is expected to be close", "The plan
 * seems to have stalled". Nobody is named; the subject and its infinitive are the content, in two parts.
 */
function raisedReport(ctx: Ctx, out: Quote[], i: number): boolean {
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
function readConstruction(ctx: Ctx, out: Quote[], i: number): number | undefined {
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

let topicCues: Map<string, Set<string>> | undefined;
/** The verbs of the two-word topic cues ("spoke about", "learned of") with their prepositions. */
function topicPrepositions(): Map<string, Set<string>> {
  if (topicCues) return topicCues;
  const data = loadData<CuesFile>('quotes/cues.json');
  topicCues = new Map();
  for (const cue of [...data.speech, ...data.stance]) {
    const m = /^(\S+) (about|of|for|against|over)$/u.exec(cue);
    if (m) topicCues.set(m[1], (topicCues.get(m[1]) ?? new Set()).add(m[2]));
  }
  return topicCues;
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

/** Is there a form of "have" right before token i, adverbs aside ("have long opposed")? */
function perfectBefore(doc: Document, i: number): boolean {
  const { tokens } = doc;
  let k = i - 1;
  while (k > 0 && i - k < 4 && tokens[k].sentence === tokens[i].sentence && ADVERB.test(tokens[k].text)) k--;
  return k >= 0 && tokens[k].sentence === tokens[i].sentence && /^(?:have|has|had|’ve|'ve|haven’t|haven't|hasn’t|hasn't|hadn’t|hadn't)$/i.test(tokens[k].text);
}

/** Is there a form of "be" right before token i, adverbs aside ("is once again questioning")? */
function beBefore(doc: Document, i: number): boolean {
  const { tokens } = doc;
  let k = i - 1;
  while (k > 0 && i - k < 4 && tokens[k].sentence === tokens[i].sentence && /^(?:\p{Ll}+ly|again|once|also|still|now|not|always|already)$/u.test(tokens[k].text)) k--;
  return k >= 0 && tokens[k].sentence === tokens[i].sentence && /^(?:is|are|was|were|’s|'s|been|be|am|’re|'re|isn’t|isn't|aren’t|aren't|wasn’t|wasn't|weren’t|weren't)$/i.test(tokens[k].text);
}

/** Is the verb at token i a passive participle ("was published", "has been widely criticized")? */
function passive(doc: Document, i: number, anyWord = false): boolean {
  const { tokens } = doc;
  let k = i - 1;
  while (k >= 0 && tokens[k].sentence === tokens[i].sentence && /^(?:\p{Ll}+ly|not|also|first|widely|being)$/u.test(tokens[k].text)) k--;
  return k >= 0 && tokens[k].sentence === tokens[i].sentence && /^(?:is|are|was|were|be|been|’s|'s|remain|remains|remained|seem|seems|seemed|appear|appears|appeared)$/i.test(tokens[k].text) && (anyWord || /(?:ed|en|wn|ne|ht|id|ld)$/.test(tokens[i].text));
}

/** "were not too concerned", "'re worried", "has been so critical": the form of "be" before an adjective and its degree words, else -1. */
function beBeforeAdjective(doc: Document, i: number): number {
  const { tokens } = doc;
  let k = i - 1;
  while (k >= 0 && tokens[k].sentence === tokens[i].sentence && /^(?:\p{Ll}+ly|not|n['’]t|also|too|so|more|less|very|still)$/u.test(tokens[k].text)) k--;
  return k >= 0 && tokens[k].sentence === tokens[i].sentence && /^(?:is|are|was|were|been|[’']s|[’']re|[’']m|am|remain|remains|remained|isn['’]t|aren['’]t|wasn['’]t|weren['’]t)$/i.test(tokens[k].text) ? k : -1;
}

/** A headline: most of the sentence's words are capitalised. */
function titleCase(ctx: Ctx, sentence: number): boolean {
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
function judgedAs(doc: Document, i: number): boolean {
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

let cueWordSet: Set<string> | undefined;
/** Every word that opens a cue, so a bare form is known by its "-s" form ("think", "thinks"). */
function cueWords(): Set<string> {
  if (cueWordSet) return cueWordSet;
  const data = loadData<CuesFile>('quotes/cues.json');
  return (cueWordSet = new Set([...data.speech, ...data.stance, ...data.partial].map((c) => c.split(' ')[0].toLowerCase())));
}

/**
 * Subject–verb agreement tells a noun from a present-tense verb: a bare form ("think", "advocate", "show")
 * needs a plural or personal subject, so after a singular modifier it heads a noun ("a liberal think tank",
 * "a leading advocate for"); either form after a possessor or a number is a noun ("the administration's
 * plans", "4.3 points", "5 percentage points").
 */
function nounByAgreement(doc: Document, i: number): boolean {
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
function contentAfterCue(ctx: Ctx, cue: number, cueEnd: number, stance = false): number | undefined {
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

/**
 * Perceiving and finding out report a proposition, not a thing: "found that the agency …", "knows there
 * are …", "saw the plan as a bribe", but not "found a way through the law", "knows the answer". Is there a
 * clause (a finite verb, a later "that", or an "as" judgement) in the complement from token k?
 */
function clauseAhead(doc: Document, k: number): boolean {
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
function opensQuestion(tokens: Token[], cueWord: string, k: number): boolean {
  const w = words();
  const t = tokens[k];
  if (!t || t.quoted || !tokens[k + 1] || tokens[k + 1].sentence !== t.sentence) return false;
  const wh = t.text.toLowerCase();
  if (wh === 'if') return w.ifCues.has(cueWord);
  // "how to …", "what to …" are questions too; "what he wanted" is one, "who" after a listener ends a phrase
  return w.questionWords.has(wh) && w.questionCues.has(cueWord);
}

/** A directive verb, its listener, then "to" and a verb: "urged residents to stay", "called on Congress to act". */
function directsListener(doc: Document, cue: number, cueEnd: number): boolean {
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
function quotedComplement(doc: Document, open: Token): boolean {
  const q = /^[“"‘]$/u.test(open.text) ? doc.quoteMarkAt(open.end) : undefined;
  // a headline's quoted words in title case are no quotation of the quote layer's, but still open the phrase:
  // "General Reveals “Demoralizing” Experience"
  if (!q) return /^[“‘]$/u.test(open.text) && /^[\p{Lu}]/u.test(doc.text.slice(open.end, open.end + 1)) && /[”’]/u.test(doc.text.slice(open.end, doc.sentences[open.sentence].end));
  return q.start === open.start && !/,\s*$/u.test(doc.text.slice(q.contentStart, q.contentEnd));
}

/** A cue verb (with its auxiliaries) starts at token i: "and said …", "and has also vowed …". */
function cueAt(doc: Document, i: number): boolean {
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
function quotationAfter(doc: Document, k: number): boolean {
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
function adjunctOpens(tokens: Token[], j: number): boolean {
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
function demonstrative(tokens: Token[], k: number): boolean {
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
function clauseEnd(ctx: Ctx, from: number, object = false): number {
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
 * "Mr. Obama, who understood that …, told …": a relative clause that reports on its own is not part of the
 * speaker phrase of the main clause's cue; the phrase ends before its comma.
 */
function withoutReportingRelative(doc: Document, out: Quote[], p: Phrase): Phrase {
  const { tokens } = doc;
  for (let k = p.first + 1; k < p.last; k++) {
    if (tokens[k].text !== ',' || !/^(?:who|which)$/i.test(tokens[k + 1]?.text ?? '')) continue;
    const from = tokens[k].end, to = tokens[p.last].end;
    if (out.some((q) => q.cue && q.cue.start >= from && q.cue.end <= to)) return { ...p, last: k - 1 };
  }
  return p;
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
function gerundOfSaying(doc: Document, i: number, end: number): boolean {
  const { tokens } = doc;
  const preposition = tokens[i - 1]?.text.toLowerCase() ?? '';
  if (/^(?:for|after|by|before|while|despite)$/.test(preposition) && /^that$/i.test(tokens[end + 1]?.text ?? '')) return true;
  return /^(?:by|from)$/.test(preposition) && /^(?:saying|telling)$/i.test(tokens[i].text);
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

function pushLead(doc: Document, out: Quote[], lead: { start: number; end: number; direct: boolean }, found: Found): void {
  if (lead.direct) out.push(toQuote(doc, 'direct', lead.start, lead.end, found));
  // a relative pronoun alone ("…, which, she said, is …") is content all the same
  else pushIndirect(doc, out, lead.start, lead.end, found, /^(?:which|who)$/u.test(doc.text.slice(lead.start, lead.end)) ? 1 : 8);
}

function pushIndirect(doc: Document, out: Quote[], start: number, end: number, found: Found, shortest = 8): void {
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

/** Inside a quotation, "I" is its speaker and "the president" the speaker's own president. */
function resolveInsideQuotes(ctx: Ctx, quotes: Quote[]): void {
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
function labelled(ctx: Ctx, out: Quote[]): void {
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
