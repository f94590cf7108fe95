// The name recogniser: dictionary matches (longest first) and title phrases win where they start; every
// other name is found, bounded and classified by the trained sequence model (src/nlp/ner/, trained on
// CoNLL-2003), which tags the document's token layer sentence by sentence. Its types map to the schema's:
// PER → PERSON, ORG → ORG, LOC → COUNTRY when the actor dictionary knows the place as a country, else LOC,
// MISC → MISC. A name the model runs together with a title ("President Trump") keeps the title outside.
import { loadData } from '../data.ts';
import type { Document, NameSpan, Token } from '../document.ts';
import { loadActorDictionary, type ActorDictionary, type ActorEntry } from '../actors/dictionary.ts';
import { TokenTrie, phraseTokens } from './token-trie.ts';
import { loadNer, type EntitySpan } from './ner/index.ts';
import { nameEnd, opensWithVerb } from './name-spans.ts';

interface TitlesFile { titles: { title: string; head?: boolean }[]; pluralHeads: string[] }
interface Gazetteer { dict: ActorDictionary; names: TokenTrie<{ entry: ActorEntry; adjective: boolean }>; titles: TokenTrie<{ title: string; head: boolean }> }

let gazetteer: Gazetteer | undefined;
let gazetteerFor: string[] | undefined;

export function gazetteerOf(actorFiles: string[] = []): Gazetteer {
  if (gazetteer && gazetteerFor?.join('\0') === actorFiles.join('\0')) return gazetteer;
  const dict = loadActorDictionary(actorFiles);
  const names = new TokenTrie<{ entry: ActorEntry; adjective: boolean }>();
  for (const s of dict.surfaces()) {
    if (/^the\s/u.test(s.surface)) continue; // "the Kremlin": the name alone is matched, "the" stays a determiner
    names.add(phraseTokens(s.surface), { entry: s.entry, adjective: s.kind === 'adjective' });
  }
  const titles = new TokenTrie<{ title: string; head: boolean }>();
  for (const t of loadData<TitlesFile>('nlp/titles.json').titles) titles.add(phraseTokens(t.title), { title: t.title, head: !!t.head });
  gazetteerFor = actorFiles;
  return (gazetteer = { dict, names, titles });
}

const CAPITALISED = /^\p{Lu}[\p{L}\p{M}'’.-]*$/u;

function sentenceInitial(tokens: Token[], i: number): boolean {
  if (i === 0 || tokens[i - 1].sentence !== tokens[i].sentence) return true;
  // after an opening quote mark the word also opens a sentence
  return /^["“‘'«(]$/u.test(tokens[i - 1].text) && (i < 2 || tokens[i - 2].sentence !== tokens[i].sentence || /^[,:]$/.test(tokens[i - 2].text));
}

function preferEntry(values: { entry: ActorEntry; adjective: boolean }[]): { entry: ActorEntry; adjective: boolean } {
  return values.find((v) => !v.adjective) ?? values[0];
}

/** The model's entities over the document, as the last token and type of the entity covering each token. */
function modelEntities(tokens: Token[]): { end: Int32Array; type: (EntitySpan['type'] | undefined)[] } {
  const end = new Int32Array(tokens.length).fill(-1);
  const type: (EntitySpan['type'] | undefined)[] = new Array(tokens.length);
  const sentences: string[][] = [];
  const starts: number[] = [];
  tokens.forEach((t, i) => {
    if (i === 0 || t.sentence !== tokens[i - 1].sentence) { sentences.push([]); starts.push(i); }
    sentences[sentences.length - 1].push(t.text);
  });
  loadNer().tag(sentences, { truecase: true }).forEach((spans, s) => {
    for (const e of spans) for (let i = starts[s] + e.start; i <= starts[s] + e.end; i++) { end[i] = starts[s] + e.end; type[i] = e.type; }
  });
  return { end, type };
}

export function recogniseNames(doc: Document, actorFiles: string[] = []): void {
  const g = gazetteerOf(actorFiles);
  const { tokens } = doc;
  const model = modelEntities(tokens);
  let i = 0;
  while (i < tokens.length) {
    const title = g.titles.match(tokens, i);
    const known = g.names.match(tokens, i);
    if (known && (!title || known.end >= title.end)) {
      const v = preferEntry(known.values);
      const adjective = known.values.every((x) => x.adjective);
      doc.names.push({ token: i, tokenEnd: known.end, type: adjective ? 'COUNTRY' : v.entry.type, entry: v.entry, adjective });
      i = known.end + 1;
      continue;
    }
    if (title && (CAPITALISED.test(tokens[i].text) || !sentenceInitial(tokens, i) || /^\p{Ll}/u.test(tokens[i].text))) {
      const t = title.values[0];
      doc.titles.push({ token: i, tokenEnd: title.end, title: t.title, head: t.head });
      i = title.end + 1;
      continue;
    }
    // the model's entity covering this token, from here to its end (a title or dictionary name before it
    // in the same entity stays outside)
    let end = model.end[i];
    // "The United Nations": the article stays outside, and the rest may be a dictionary name
    if (end > i && /^(?:The|A|An)$/.test(tokens[i].text)) { i++; continue; }
    // the model may run a name over a verb ("Romendacil will meet Eriadori", "arrived in Gondor")
    if (end > i && opensWithVerb(tokens, i)) { i++; continue; }
    if (end > i) end = nameEnd(tokens, i, end);
    // a name does not end in an all-lower-case word ("the Council has proved" is not a name; "al-Qaeda" is),
    // a possessive or punctuation
    while (end >= i && /^(?:\p{Ll}[\p{Ll}\p{M}'’-]*|['’]s|[\p{P}\p{S}])$/u.test(tokens[end].text)) end--;
    if (end >= i && /[\p{L}\p{N}]/u.test(tokens[i].text)) {
      doc.names.push(classify(doc, g, i, end, model.type[i]!));
      i = end + 1;
      continue;
    }
    i++;
  }
}

function classify(doc: Document, g: Gazetteer, from: number, to: number, type: EntitySpan['type']): NameSpan {
  const text = doc.text.slice(doc.tokens[from].start, doc.tokens[to].end);
  if (type === 'PER') return { token: from, tokenEnd: to, type: 'PERSON' };
  if (type === 'MISC') return { token: from, tokenEnd: to, type: 'MISC' };
  const entries = g.dict.lookup(text);
  if (type === 'LOC') {
    const country = entries.find((e) => e.type === 'COUNTRY');
    return country ? { token: from, tokenEnd: to, type: 'COUNTRY', entry: country } : { token: from, tokenEnd: to, type: 'LOC' };
  }
  const org = entries.find((e) => e.type === 'ORG');
  return org ? { token: from, tokenEnd: to, type: 'ORG', entry: org } : { token: from, tokenEnd: to, type: 'ORG' };
}
