// Trains the English named-entity tagger (averaged perceptron, see src/nlp/ner/) on the CoNLL-2003 train
// split and writes models/ner-en.bin.gz. The gazetteer inside the model is derived at train time from the
// actor dictionary (data/actors) and the PETRARCH-2 dictionaries (MIT, ../shared/reference).
//
//   npm run train:ner [-- --data FILE] [--out FILE] [--epochs N] [--seed N] [--eval FILE]
import { readFileSync, writeFileSync, existsSync, readdirSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { GAZ, Gazetteer } from '../src/nlp/ner/features.ts';
import { train } from '../src/nlp/ner/train.ts';
import { readConll, score, prf } from '../src/nlp/ner/conll.ts';
import { loadActorDictionary } from '../src/actors/dictionary.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SHARED = resolve(ROOT, '../shared');
const { values: args } = parseArgs({
  options: {
    data: { type: 'string', default: resolve(SHARED, 'benchmarks/ner-conll2003/eng.train') },
    out: { type: 'string', default: resolve(ROOT, 'models/ner-en.bin.gz') },
    epochs: { type: 'string', default: '12' },
    seed: { type: 'string', default: '20030' },
    prune: { type: 'string', default: '0.05' },
    stages: { type: 'string', default: '2' },
    eval: { type: 'string' },
    dictionaries: { type: 'string', default: resolve(SHARED, 'reference/petrarch2-dictionaries') },
  },
});

const TITLE_WORDS = /^(president|vice|prime|minister|secretary|general|chief|chairman|head|leader|king|queen|prince|sheikh|emir|governor|senator|ambassador|commander|mr\.?|mrs\.?|dr\.?|gen\.?|col\.?|former|deputy|spokesman|director|un|u\.n\.|the|of|and|for|party|army|government|ministry|council|front|movement|forces|union|national|republic|islamic|people'?s?|democratic|new|old)$/i;

/** Phrases of a PETRARCH `.actors.txt` file, grouped by entry (primary line, + synonyms, [codes]). */
function petrarchEntries(file: string): { phrases: string[]; codes: string[]; comment: string }[] {
  const out: { phrases: string[]; codes: string[]; comment: string }[] = [];
  let cur: { phrases: string[]; codes: string[]; comment: string } | undefined;
  for (const rawLine of readFileSync(file, 'utf8').split(/\r?\n/)) {
    const hash = rawLine.indexOf('#');
    const comment = hash >= 0 ? rawLine.slice(hash) : '';
    const line = (hash >= 0 ? rawLine.slice(0, hash) : rawLine).trim();
    if (!line) continue;
    const codes = [...line.matchAll(/\[([^\]]*)\]/g)].map((m) => m[1].trim());
    const phrase = line.replace(/\[[^\]]*\]/g, '').trim();
    if (line.startsWith('+')) { cur?.phrases.push(phrase.slice(1)); cur?.codes.push(...codes); continue; }
    if (!phrase) { cur?.codes.push(...codes); continue; }
    out.push((cur = { phrases: [phrase], codes, comment }));
  }
  return out;
}

const split = (phrase: string) => phrase.replace(/_+$/, '').split(/[_\s]+/).filter(Boolean);
const usable = (tokens: string[]) => tokens.length > 0 && tokens.length <= 8 && tokens.every((t) => /^[\p{L}][\p{L}\p{M}.'’-]*$/u.test(t));

function buildGazetteer(): { gaz: Gazetteer; counts: Record<string, number> } {
  const gaz = new Gazetteer();
  const counts: Record<string, number> = {};
  const add = (tokens: string[], cat: number, label: string) => {
    if (!usable(tokens)) return;
    gaz.add(tokens, cat);
    counts[label] = (counts[label] ?? 0) + 1;
  };
  const person = (tokens: string[]) => {
    if (!usable(tokens) || tokens.some((t) => TITLE_WORDS.test(t))) return;
    add(tokens, GAZ.PER, 'person');
    if (tokens.length >= 2) {
      if (tokens[0].replace(/\./g, '').length >= 2) add([tokens[0]], GAZ.FIRST, 'first name');
      add([tokens[tokens.length - 1]], GAZ.LAST, 'surname');
    }
  };
  // the actor dictionary (data/actors)
  for (const s of loadActorDictionary().surfaces()) {
    const tokens = s.surface.replace(/^the\s+/i, '').split(/\s+/);
    if (s.kind === 'adjective') add(tokens, GAZ.DEMONYM, 'demonym');
    else if (s.entry.type === 'COUNTRY') add(tokens, GAZ.COUNTRY | GAZ.LOC, 'country');
    else if (s.entry.type === 'LOC') add(tokens, GAZ.LOC, 'place');
    else if (s.entry.type === 'ORG') add(tokens, GAZ.ORG, 'organisation');
    else person(tokens);
  }
  // PETRARCH-2 dictionaries
  const dir = args.dictionaries!;
  if (existsSync(dir)) {
    for (const e of petrarchEntries(resolve(dir, 'Phoenix.Countries.actors.txt'))) {
      const country = e.codes.length > 0 && e.codes.every((c) => /^[A-Z]{3}$/.test(c));
      for (const p of e.phrases) {
        if (country) add(split(p), GAZ.LOC, 'place');
        else if (/CountryInfo/.test(e.comment)) person(split(p));
      }
    }
    for (const file of ['Phoenix.International.actors.txt', 'Phoenix.MilNonState.actors.txt']) {
      for (const e of petrarchEntries(resolve(dir, file))) {
        const isPerson = e.codes.some((c) => /\d{6}/.test(c)) || e.codes.includes('ELI');
        for (const p of e.phrases) isPerson ? person(split(p)) : add(split(p), GAZ.ORG, 'organisation');
      }
    }
  } else console.warn(`train-ner: ${dir} not found; gazetteer from data/actors only`);
  return { gaz, counts };
}

/** SHA-256 over the files the gazetteer is built from, so a model says which dictionary versions made it. */
function digest(files: string[]): string {
  const h = createHash('sha256');
  for (const f of files) if (existsSync(f)) h.update(f.slice(f.lastIndexOf('/') + 1)).update(readFileSync(f));
  return h.digest('hex').slice(0, 16);
}
const actorFiles = readdirSync(resolve(ROOT, 'data/actors')).filter((f) => f.endsWith('.json')).sort().map((f) => resolve(ROOT, 'data/actors', f));
const petrarchFiles = ['Phoenix.Countries.actors.txt', 'Phoenix.International.actors.txt', 'Phoenix.MilNonState.actors.txt'].map((f) => resolve(args.dictionaries!, f));

const t0 = performance.now();
const { gaz, counts } = buildGazetteer();
console.log(`gazetteer: ${Object.entries(counts).map(([k, v]) => `${v} ${k}`).join(', ')}`);
const docs = readConll(readFileSync(args.data!, 'utf8'));
console.log(`training on ${args.data}: ${docs.length} documents, ${docs.reduce((a, d) => a + d.sentences.length, 0)} sentences`);
const { model, file } = train(docs, gaz, {
  epochs: Number(args.epochs), seed: Number(args.seed), prune: Number(args.prune), stages: Number(args.stages),
  trainedOn: 'CoNLL-2003 English train split (eng.train, Reuters RCV1 newswire)', log: (l) => console.log(l),
  about: { gazetteer: { actors: digest(actorFiles), petrarch2: digest(petrarchFiles) } },
});
writeFileSync(args.out!, file);
console.log(`wrote ${args.out}: ${(file.length / 1024 / 1024).toFixed(2)} MB, ${((performance.now() - t0) / 1000).toFixed(1)} s`);

if (args.eval) {
  const m = model;
  const test = readConll(readFileSync(args.eval, 'utf8'));
  const gold = test.flatMap((d) => d.entities), pred = test.flatMap((d) => m.tag(d.sentences));
  const s = score(gold, pred);
  const f = (c: Parameters<typeof prf>[0]) => prf(c).f.toFixed(2);
  console.log(`eval ${args.eval}: F1 ${f(s.overall)} (PER ${f(s.byType.PER)}, ORG ${f(s.byType.ORG)}, LOC ${f(s.byType.LOC)}; MISC ${f(s.byType.MISC)})`);
}
