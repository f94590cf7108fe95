// The quote stage's word classes and cue tries, read once from data/quotes/cues.json.
import { loadData } from '../data.ts';
import { TokenTrie, phraseTokens } from '../nlp/token-trie.ts';

export interface CuesFile { leadConnectives: { bare: string[]; comma: string[] }; closingOnly: string[]; sequenceVerbs: string[]; judgedAs: string[]; assemblies: { verbs: string[]; nouns: string[] }; causatives: string[]; evidentialAdjectives: string[]; expressedAttitudes: { verbs: string[]; nouns: string[] }; topicalAdjectives: string[]; judgedPassives: { verbs: string[]; bareComplement: string[] }; messageNouns: string[]; finiteAuxiliaries: string[]; needsThat: string[]; cueTail: string[]; speech: string[]; stance: string[]; participles: string[]; partial: string[]; according: string[]; objectCues: string[]; gapOpeners: string[]; contentStops: string[]; notClause: string[]; clauseSubjects: string[]; nouns: { that: string[]; to: string[]; possessives: string[] }; adjectives: string[]; clauseParticiples: string[]; objectControl: string[]; toObject: string[]; topicPrepositions: string[]; prepositionParticiples: string[]; irregularPasts: string[]; modals: string[]; notSpeakerLabels: string[]; irregularPlurals: string[]; agreeingWords: string[]; pastAsBare: string[]; clausalOnly: string[]; complexPrepositions: string[]; raisedReports: { verbs: string[]; passives: string[] }; adjuncts: { subordinators: string[]; keptClauses: string[]; openers: string[]; times: string[]; months: string[]; media: string[]; occasions: string[] }; questions: { words: string[]; cues: string[]; ifCues: string[] } }

let wordSets: { closingOnly: Set<string>; sequenceVerbs: Set<string>; judgedAs: Set<string>; assemblyVerbs: Set<string>; assemblyNouns: Set<string>; causatives: Set<string>; topicalAdjectives: Set<string>; messageNouns: Set<string>; finiteAuxiliaries: Set<string>; needsThat: Set<string>; cueTail: Set<string>; objectCues: Set<string>; gapOpeners: Set<string>; contentStops: Set<string>; notClause: Set<string>; clauseSubjects: Set<string>; nounsThat: Set<string>; nounsTo: Set<string>; possessives: Set<string>; adjectives: Set<string>; clauseParticiples: Set<string>; objectControl: Set<string>; toObject: Set<string>; topicPrepositions: Set<string>; irregularPasts: Set<string>; modals: Set<string>; prepositionParticiples: Set<string>; notSpeakerLabels: Set<string>; irregularPlurals: Set<string>; agreeingWords: Set<string>; pastAsBare: Set<string>; clausalOnly: Set<string>; complexPrepositions: Set<string>; raisedVerbs: Set<string>; raisedPassives: Set<string>; adjuncts: { subordinators: Set<string>; keptClauses: Set<string>; openers: Set<string>; times: Set<string>; months: Set<string>; media: Set<string>; occasions: Set<string> }; questionWords: Set<string>; questionCues: Set<string>; ifCues: Set<string> } | undefined;

export function words() {
  if (wordSets) return wordSets;
  const data = loadData<CuesFile>('quotes/cues.json');
  return (wordSets = { closingOnly: new Set(data.closingOnly), sequenceVerbs: new Set(data.sequenceVerbs), judgedAs: new Set(data.judgedAs), assemblyVerbs: new Set(data.assemblies.verbs), assemblyNouns: new Set(data.assemblies.nouns), causatives: new Set(data.causatives), topicalAdjectives: new Set(data.topicalAdjectives), messageNouns: new Set(data.messageNouns), finiteAuxiliaries: new Set(data.finiteAuxiliaries), needsThat: new Set(data.needsThat), cueTail: new Set(data.cueTail), objectCues: new Set(data.objectCues), gapOpeners: new Set(data.gapOpeners), contentStops: new Set(data.contentStops), notClause: new Set(data.notClause), clauseSubjects: new Set(data.clauseSubjects), nounsThat: new Set(data.nouns.that), nounsTo: new Set(data.nouns.to), possessives: new Set(data.nouns.possessives), adjectives: new Set(data.adjectives), clauseParticiples: new Set(data.clauseParticiples), objectControl: new Set(data.objectControl), toObject: new Set(data.toObject), topicPrepositions: new Set(data.topicPrepositions), irregularPasts: new Set(data.irregularPasts), modals: new Set(data.modals), prepositionParticiples: new Set(data.prepositionParticiples), notSpeakerLabels: new Set(data.notSpeakerLabels), irregularPlurals: new Set(data.irregularPlurals), agreeingWords: new Set(data.agreeingWords), pastAsBare: new Set(data.pastAsBare), clausalOnly: new Set(data.clausalOnly), complexPrepositions: new Set(data.complexPrepositions), raisedVerbs: new Set(data.raisedReports.verbs), raisedPassives: new Set(data.raisedReports.passives), adjuncts: { subordinators: new Set(data.adjuncts.subordinators), keptClauses: new Set(data.adjuncts.keptClauses), openers: new Set(data.adjuncts.openers), times: new Set(data.adjuncts.times), months: new Set(data.adjuncts.months), media: new Set(data.adjuncts.media), occasions: new Set(data.adjuncts.occasions) }, questionWords: new Set(data.questions.words), questionCues: new Set(data.questions.cues), ifCues: new Set(data.questions.ifCues) });
}

interface Cues { speech: TokenTrie<true>; stance: TokenTrie<true>; participles: TokenTrie<true>; partial: TokenTrie<true>; according: TokenTrie<true> }

export let cues: Cues | undefined;

export function cueTries(): Cues {
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
export const GAP_MAX = 6;

let topicCues: Map<string, Set<string>> | undefined;

/** The verbs of the two-word topic cues ("spoke about", "learned of") with their prepositions. */
export function topicPrepositions(): Map<string, Set<string>> {
  if (topicCues) return topicCues;
  const data = loadData<CuesFile>('quotes/cues.json');
  topicCues = new Map();
  for (const cue of [...data.speech, ...data.stance]) {
    const m = /^(\S+) (about|of|for|against|over)$/u.exec(cue);
    if (m) topicCues.set(m[1], (topicCues.get(m[1]) ?? new Set()).add(m[2]));
  }
  return topicCues;
}

let cueWordSet: Set<string> | undefined;

/** Every word that opens a cue, so a bare form is known by its "-s" form ("think", "thinks"). */
export function cueWords(): Set<string> {
  if (cueWordSet) return cueWordSet;
  const data = loadData<CuesFile>('quotes/cues.json');
  return (cueWordSet = new Set([...data.speech, ...data.stance, ...data.partial].map((c) => c.split(' ')[0].toLowerCase())));
}
