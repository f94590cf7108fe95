// Deeds told as plans, threats and refusals (data/events/modality.json), and verb spellings that are nouns
// (data/events/syntax.json), with the bundled dictionaries.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeDocument } from '../src/pipeline.ts';
import { recode, controlBefore } from '../src/events/modality.ts';

const events = (text: string) => analyzeDocument(text, { published: '2000-01-01' }).events;
const one = (text: string) => {
  const es = events(text);
  assert.equal(es.length, 1, `${text}: ${es.map((e) => e.cameo).join(' ')}`);
  return es[0];
};

test('recode: the longest listed prefix of a code wins, an unlisted code keeps its own', () => {
  assert.equal(recode('073', 'intent'), '0333');
  assert.equal(recode('0731', 'intent'), '0333');
  assert.equal(recode('040', 'intent'), '036');
  assert.equal(recode('1312', 'intent'), '1312');
  assert.equal(recode('190', 'threat'), '138');
  assert.equal(recode('036', 'refusal'), '125');
  assert.equal(controlBefore(['israel', 'threatened', 'today', 'to']), 'threat');
  assert.equal(controlBefore(['arnor', 'plans', 'to']), 'intent');
  assert.equal(controlBefore(['the', 'road', 'to']), undefined);
});

test('a deed told with will/would is an intent to cooperate (CAMEO 03, AGREE)', () => {
  const e = one('Germany will meet France in June.');
  assert.deepEqual([e.type, e.cameo, e.source.country, e.target.country, e.intent], ['AGREE', '036', 'DEU', 'FRA', true]);
  const aid = one('Israel has promised to provide aid to Jordan.');
  assert.deepEqual([aid.type, aid.cameo.slice(0, 3), aid.source.country, aid.target.country, aid.intent], ['AGREE', '033', 'ISR', 'JOR', true]);
});

test('a refusal or a negated plan to cooperate is a rejection (CAMEO 12), not a negated deed', () => {
  const e = one('Pakistan has refused to deploy peacekeepers in Iraq.');
  assert.deepEqual([e.type, e.cameo, e.source.country, e.target.country, e.negated, e.intent], ['REJECT', '1224', 'PAK', 'IRQ', undefined, undefined]);
  const w = one('Syria said it will not accept refugees from Iraq.');
  assert.deepEqual([w.type, w.source.country, w.target.country, w.negated], ['REJECT', 'SYR', 'IRQ', undefined]);
  // told as done, a negated deed stays a negated deed
  const n = one('Russia did not meet Ukraine.');
  assert.deepEqual([n.type, n.cameo, n.negated], ['CONSULT', '040', true]);
});

test('"threatened to <deed>" is a threat of that deed (CAMEO 13)', () => {
  const e = one('Israel threatened to strike Iran.');
  assert.deepEqual([e.type, e.cameo, e.source.country, e.target.country], ['THREATEN', '138', 'ISR', 'IRN']);
});

test('a control verb yields to its coded complement ("decided to allow")', () => {
  const e = one('France decided to allow Germany to inspect the site.');
  assert.deepEqual([e.type, e.cameo, e.source.country, e.target.country, e.intent], ['CONCEDE', '080', 'FRA', 'DEU', undefined]);
});

test('a plural noun spelled like a verb is not a trigger ("Serb forces killed", "a key U.S. ally")', () => {
  const e = one('Serb forces killed three Albanians in Kosovo.');
  assert.deepEqual([e.type, e.source.country, e.target.country], ['ASSAULT', 'SRB', 'ALB']);
  assert.equal(e.evidence.find((x) => x.role === 'trigger')?.text, 'killed');
  const a = one('Turkey, a key U.S. ally, attacked Syria.');
  assert.deepEqual([a.type, a.source.country, a.target.country], ['ASSAULT', 'TUR', 'SYR']);
  const us = one('The United States attacked Iraq.');
  assert.deepEqual([us.type, us.source.country, us.target.country], ['ASSAULT', 'USA', 'IRQ']);
});

test('a user verb dictionary keeps its own codes: no modality recoding unless asked', async () => {
  const { codeEvents } = await import('../src/events/code.ts');
  const { DATA_DIR } = await import('../src/data.ts');
  const doc = analyzeDocument('Germany will meet France in June.', { published: '2000-01-01' });
  codeEvents(doc, { verbs: [DATA_DIR + 'events/cameo-verbs.txt'] });
  assert.deepEqual(doc.events.map((e) => e.cameo), ['040']);
  codeEvents(doc, { verbs: [DATA_DIR + 'events/cameo-verbs.txt'], modality: true });
  assert.deepEqual(doc.events.map((e) => e.cameo), ['036']);
});

test('"demanded" codes a demand (CAMEO 10x, REQUEST), not an appeal PLOVER drops; without a target it stands alone', () => {
  const e = one('Greece demanded immediate elections.');
  assert.deepEqual([e.type, e.cameo, e.source.country, e.target.country], ['REQUEST', '1041', 'GRC', undefined]);
  const s = one('Montenegro officials demanded support from Serbia.');
  assert.deepEqual([s.type, s.cameo, s.source.country, s.target.country], ['REQUEST', '102', 'MNE', 'SRB']);
});

test('the subject named again after the verb is no target ("Croatia is investigating crimes by Croatian extremists")', () => {
  const e = one('Croatia is investigating war crimes by Croatian extremists.');
  assert.deepEqual([e.type, e.cameo, e.source.country, e.target.country], ['ACCUSE', '090', 'HRV', undefined]);
});

test('a plural name after "the" is a subject ("The Palestinians reject")', () => {
  const e = one('The Palestinians reject Israeli changes to the deal.');
  assert.deepEqual([e.type, e.source.country, e.target.country], ['REJECT', 'PSE', 'ISR']);
});

test('blocking a road or bridge is obstruction (CAMEO 144, PROTEST)', () => {
  const e = one('French workers blocked the bridge to Germany.');
  assert.deepEqual([e.type, e.cameo, e.source.country], ['PROTEST', '144', 'FRA']);
});

test('mostly-nominal words and idle control verbs make no events ("federal income taxes", "the Paris accord", "decided to sleep")', () => {
  assert.deepEqual(events('Trump has not paid federal income taxes for years.').map((e) => e.cameo), []);
  assert.deepEqual(events('Obama and Xi committed their two nations to the Paris accord.').filter((e) => e.evidence[0].text === 'accord'), []);
  assert.deepEqual(events('Jill Stein decided to sleep in Ohio.').map((e) => e.cameo), []);
  assert.deepEqual(events('Jill Stein agreed to sleep in Ohio.').map((e) => e.type), ['AGREE']);
  // after its actor the same word is a verb
  const e = one('Russia supports Syria.');
  assert.deepEqual([e.type, e.source.country, e.target.country], ['SUPPORT', 'RUS', 'SYR']);
});

test('hand patterns: curfews and states of emergency, halted mediation, reinforcements, work boycotts, ruling out', () => {
  const curfew = one('President Laurent Gbagbo announced on Sunday that he will extend the night-time curfew in Abidjan.');
  assert.deepEqual([curfew.type, curfew.cameo, curfew.intent], ['THREATEN', '132', true]); // a planned restriction is a threat
  const siege = one('The military government of Haiti declared a state of siege on Saturday.');
  assert.deepEqual([siege.type, siege.cameo, siege.source.country], ['COERCE', '172', 'HTI']);
  assert.deepEqual(one('Syrian officers today ended mediation efforts in Tripoli.').type, 'SANCTION');
  assert.deepEqual(one('Israel has strengthened its forces in Lebanon.').type, 'MOBILIZE');
  assert.deepEqual(one('Palestinians shunned work on Monday.').cameo, '143');
  const out = one('US authorities said that removing the sanctions on Burma is out of the question.');
  assert.deepEqual([out.type, out.source.country], ['REJECT', 'USA']);
});

test('an -ing verb after a statement is the statement\'s deed; an aspect verb passes a promise on ("promised to continue")', () => {
  const e = one('Turkey issued a declaration demanding that Greece provide information.');
  assert.deepEqual([e.type, e.cameo, e.source.country, e.target.country], ['REQUEST', '100', 'TUR', 'GRC']);
  const p = one('Britain has promised to continue military aid to Mozambique.');
  assert.deepEqual([p.type, p.source.country, p.target.country], ['AGREE', 'GBR', 'MOZ']);
  assert.equal(one('Serbia eased emergency measures in Montenegro.').type, 'CONCEDE');
});

test('"handed over" medicine is aid, people or property a return', () => {
  const aid = one('Switzerland handed over medicine to Iran.');
  assert.deepEqual([aid.type, aid.cameo, aid.source.country, aid.target.country], ['AID', '073', 'CHE', 'IRN']);
  const back = one('Syria handed over the suspects to Lebanon.');
  assert.deepEqual([back.cameo, back.source.country, back.target.country], ['084', 'SYR', 'LBN']);
});
