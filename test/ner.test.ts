// The named-entity tagger: the committed model loads and tags, the trainer learns a tiny corpus the same
// way every time, the file format round-trips, CoNLL tags convert both ways, and the pipeline's names layer
// now finds names no dictionary knows. (Accuracy and speed are measured by `npm run bench:ner`, not here.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, statSync } from 'node:fs';
import { loadNer, MODEL_FILE } from '../src/nlp/ner/index.ts';
import { Gazetteer, GAZ } from '../src/nlp/ner/features.ts';
import { train, type TrainingDoc } from '../src/nlp/ner/train.ts';
import { deserialise } from '../src/nlp/ner/model.ts';
import { iob1Spans, readConll, spansToIob1, score } from '../src/nlp/ner/conll.ts';
import { analyze } from '../src/pipeline.ts';

const words = (s: string) => s.split(' ');
const named = (sentence: string, spans: { start: number; end: number; type: string }[]) =>
  spans.map((e) => `${e.type}:${words(sentence).slice(e.start, e.end + 1).join(' ')}`);

test('the committed model file exists and is compact', () => {
  assert.ok(existsSync(MODEL_FILE), MODEL_FILE);
  assert.ok(statSync(MODEL_FILE).size < 8 * 1024 * 1024, `${statSync(MODEL_FILE).size} bytes`);
});

test('the committed model tags persons, organisations and places', () => {
  const model = loadNer();
  assert.equal(loadNer(), model, 'loaded once per process');
  const doc = [
    'Angela Merkel met executives of Siemens AG in Munich on Tuesday .',
    'The European Commission said it would fine Microsoft .',
    'Merkel later flew to Paris .',
  ];
  const tagged = model.tag(doc.map(words));
  assert.deepEqual(named(doc[0], tagged[0]), ['PER:Angela Merkel', 'ORG:Siemens AG', 'LOC:Munich']);
  assert.deepEqual(named(doc[1], tagged[1]), ['ORG:European Commission', 'ORG:Microsoft']);
  assert.deepEqual(named(doc[2], tagged[2]), ['PER:Merkel', 'LOC:Paris']);
});

const tiny: TrainingDoc[] = [
  { sentences: [words('Alice Smith visited Acme Corp in Paris .'), words('Smith said Acme was fine .')], entities: [[{ start: 0, end: 1, type: 'PER' }, { start: 3, end: 4, type: 'ORG' }, { start: 6, end: 6, type: 'LOC' }], [{ start: 0, end: 0, type: 'PER' }, { start: 2, end: 2, type: 'ORG' }]] },
  { sentences: [words('Bob Jones left Rome for Globex Inc .'), words('In Rome , Jones met nobody .')], entities: [[{ start: 0, end: 1, type: 'PER' }, { start: 3, end: 3, type: 'LOC' }, { start: 5, end: 6, type: 'ORG' }], [{ start: 1, end: 1, type: 'LOC' }, { start: 3, end: 3, type: 'PER' }]] },
];

test('the trainer learns a tiny corpus, deterministically', () => {
  const gaz = new Gazetteer();
  gaz.add(['Paris'], GAZ.LOC);
  const a = train(tiny, gaz, { epochs: 8, seed: 7, stages: 2, folds: 2 });
  const b = train(tiny, gaz, { epochs: 8, seed: 7, stages: 2, folds: 2 });
  assert.ok(a.file.equals(b.file), 'same corpus and seed, same bytes');
  for (const doc of tiny) assert.deepEqual(a.model.tag(doc.sentences), doc.entities);
  // the saved file is the same model
  const reloaded = deserialise(a.file);
  for (const doc of tiny) assert.deepEqual(reloaded.tag(doc.sentences), doc.entities);
  assert.equal(reloaded.info.stages, 2);
});

test('CoNLL IOB1 tags become spans and back; scoring is exact match', () => {
  const tags = ['I-PER', 'I-PER', 'B-PER', 'O', 'I-LOC', 'I-ORG'];
  const spans = iob1Spans(tags);
  assert.deepEqual(spans, [{ start: 0, end: 1, type: 'PER' }, { start: 2, end: 2, type: 'PER' }, { start: 4, end: 4, type: 'LOC' }, { start: 5, end: 5, type: 'ORG' }]);
  assert.deepEqual(spansToIob1(spans, tags.length), tags);
  const docs = readConll('-DOCSTART- -X- O O\n\nEU NNP I-NP I-ORG\nrejects VBZ I-VP O\nGerman JJ I-NP I-MISC\n\nPeter NNP I-NP I-PER\nBlackburn NNP I-NP I-PER\n');
  assert.equal(docs.length, 1);
  assert.deepEqual(docs[0].sentences, [['EU', 'rejects', 'German'], ['Peter', 'Blackburn']]);
  const s = score(docs[0].entities, [[{ start: 0, end: 0, type: 'ORG' }], [{ start: 0, end: 0, type: 'PER' }]]);
  assert.deepEqual(s.overall, { tp: 1, fp: 1, fn: 1 });
  assert.deepEqual(s.byType.MISC, { tp: 0, fp: 0, fn: 1 });
});

test('the names layer finds a person no dictionary knows, with the title outside', () => {
  const a = analyze('Ukrainian MP Oleksandr Merezhko said on Monday that the talks had been useful. Merezhko added that Kyiv would wait.');
  const e = a.entities.find((x) => x.name === 'Oleksandr Merezhko');
  assert.ok(e, JSON.stringify(a.entities.map((x) => [x.type, x.name])));
  assert.equal(e.type, 'PERSON');
  assert.ok(e.mentions.some((m) => m.text === 'Merezhko'), 'the bare surname is the same person');
  assert.ok(a.entities.some((x) => x.type === 'COUNTRY' && x.country === 'UKR'), 'the demonym resolves to the country');
  const b = analyze('Kremlin spokesman Dmitry Peskov said the call would be organised.');
  const p = b.entities.find((x) => x.type === 'PERSON');
  assert.equal(p?.name, 'Dmitry Peskov');
  assert.equal(p?.role, 'spokesman');
});

test('places the dictionary knows as countries become COUNTRY, other places LOC, organisations ORG', () => {
  const a = analyze('Officials of Gazprom met in Tbilisi, officials said. Later the delegation travelled on to the city of Batumi.');
  const types = Object.fromEntries(a.entities.map((x) => [x.name, x.type]));
  assert.equal(types['Gazprom'], 'ORG');
  assert.equal(types['Batumi'], 'LOC');
});

test('a Title Case headline is read with the article\'s own casing, not as one long name', () => {
  const a = analyze('Story\n\nThe ministers of Nato met in Brussels on Tuesday, officials said.\n\nNato Allies Meet In Brussels As Talks Stall\n\nThe talks stalled, a diplomat said.');
  const names = a.entities.map((x) => x.name);
  assert.ok(!names.some((x) => /Allies|Meet|Talks|Stall/.test(x)), JSON.stringify(names));
  assert.ok(a.entities.some((x) => x.name === 'Brussels' && x.type === 'LOC' && x.mentions.length === 2), JSON.stringify(a.entities));
});

test('model names leave out a leading article, a trailing possessive and trailing lower-case words', () => {
  const a = analyze('The United Nations said the Security Council met. The Council\'s members spoke, and officials of al-Qaeda threatened the Council.');
  const names = a.entities.map((x) => x.name);
  assert.ok(names.includes('United Nations'), JSON.stringify(names));
  assert.ok(!names.some((x) => /^The |'s$|’s$/.test(x)), JSON.stringify(names));
  for (const e of a.entities) for (const m of e.mentions) assert.ok(!/['’]s$/.test(m.text) || m.kind !== 'name', `${m.text}`);
});
