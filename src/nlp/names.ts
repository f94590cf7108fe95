// The name recogniser of the foundation: dictionary matches (longest first), title phrases, and runs of
// capitalised words classified by their context. A trained sequence model replaces the run heuristics
// later; the layers it fills (`names`, `titles`) stay the same.
import { loadData } from '../data.ts';
import type { Document, NameSpan, Token } from '../document.ts';
import { loadActorDictionary, type ActorDictionary, type ActorEntry } from '../actors/dictionary.ts';
import { TokenTrie, phraseTokens } from './token-trie.ts';

interface TitlesFile { titles: { title: string; head?: boolean }[]; pluralHeads: string[] }
interface Gazetteer { dict: ActorDictionary; names: TokenTrie<{ entry: ActorEntry; adjective: boolean }>; titles: TokenTrie<{ title: string; head: boolean }>; nonNames: Set<string>; orgHeads: Set<string> }

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
  const nonNames = new Set(loadData<{ words: string[] }>('nlp/non-names.json').words);
  const orgHeads = new Set(loadData<{ words: string[] }>('nlp/org-heads.json').words);
  gazetteerFor = actorFiles;
  return (gazetteer = { dict, names, titles, nonNames, orgHeads });
}

const CAPITALISED = /^\p{Lu}[\p{L}\p{M}'’.-]*$/u;
const PARTICLES = new Set(['de', 'da', 'del', 'der', 'van', 'von', 'al', 'el', 'bin', 'ibn', 'la', 'le', 'di', 'du', 'dos']);

function sentenceInitial(tokens: Token[], i: number): boolean {
  if (i === 0 || tokens[i - 1].sentence !== tokens[i].sentence) return true;
  // after an opening quote mark the word also opens a sentence
  return /^["“‘'«(]$/u.test(tokens[i - 1].text) && (i < 2 || tokens[i - 2].sentence !== tokens[i].sentence || /^[,:]$/.test(tokens[i - 2].text));
}

function preferEntry(values: { entry: ActorEntry; adjective: boolean }[]): { entry: ActorEntry; adjective: boolean } {
  return values.find((v) => !v.adjective) ?? values[0];
}

export function recogniseNames(doc: Document, actorFiles: string[] = []): void {
  const g = gazetteerOf(actorFiles);
  const { tokens } = doc;
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
    const run = capitalisedRun(doc, g, i);
    if (run) {
      doc.names.push(run);
      i = run.tokenEnd + 1;
      continue;
    }
    i++;
  }
}

function capitalisedRun(doc: Document, g: Gazetteer, i: number): NameSpan | undefined {
  const { tokens } = doc;
  const first = tokens[i];
  if (!CAPITALISED.test(first.text) || g.nonNames.has(first.text) || /^(?:\p{Lu}\.)+$/u.test(first.text) && first.text.length < 3) return undefined;
  let end = i;
  while (end + 1 < tokens.length && tokens[end + 1].sentence === first.sentence) {
    const next = tokens[end + 1];
    const joinsParticle = PARTICLES.has(next.text) && end + 2 < tokens.length && CAPITALISED.test(tokens[end + 2].text);
    if (!(CAPITALISED.test(next.text) && !g.nonNames.has(next.text) && !g.titles.match(tokens, end + 1) && !g.names.match(tokens, end + 1)) && !joinsParticle) break;
    end++;
  }
  const initial = sentenceInitial(tokens, i);
  const length = end - i + 1;
  const afterTitle = doc.titles.length > 0 && doc.titles[doc.titles.length - 1].tokenEnd === i - 1;
  if (g.orgHeads.has(tokens[end].text) && (length > 1 || !initial)) return { token: i, tokenEnd: end, type: 'ORG' };
  if (afterTitle) return { token: i, tokenEnd: end, type: 'PERSON' };
  if (length >= 2 && length <= 4) return { token: i, tokenEnd: end, type: 'PERSON' };
  // a lone capitalised word opening a sentence is usually not a name; coreference may still claim it
  if (initial) return undefined;
  return { token: i, tokenEnd: end, type: 'MISC' };
}
