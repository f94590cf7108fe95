// PETRARCH pattern markers beyond the verb: `+` and `$` on either side of it, `^` passing over an actor, `%` a
// compound subject acting each on each; and compounds joined by "and the", brackets repeating a name.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyzeDocument } from '../src/pipeline.ts';
import { codeEvents } from '../src/events/code.ts';
import { parseVerbDictionary } from '../src/events/verb-dictionary.ts';

const dir = mkdtempSync(join(tmpdir(), 'ww-petr-'));
const file = (name: string, text: string) => { const p = join(dir, name); writeFileSync(p, text); return p; };
const actors = file('t.actors.txt', 'ARNOR_ [ARN]\nGONDOR_ [GON]\nOSGILIATH_ [OSG]\nERIADOR_ [ERI]\n+ERIADORIAN_\nEUROPEAN_UNION_ [IGOEEU]\nEU_ [IGO]\n');
const verbs = file('t.verbs.txt', [
  '--- RECEIVE [033] ---', 'RECEIVE', '- + * MONEY $ [071]', '',
  '--- SHOOT [190] ---', 'SHOOT {SHOT SHOOTS SHOOTING}', '- + WAS * DEAD IN $ [224]', '',
  '--- WARN [160] ---', 'WARN', '- * AT ^ + [162]', '',
  '--- AGREE [081] ---', 'AGREE', '- % * [030:030]', '',
].join('\n'));

function code(text: string) {
  const doc = analyzeDocument(text, { published: '1995-01-01', actors: [actors] });
  codeEvents(doc, { verbs: [verbs], codedActorsOnly: true, requireTarget: true });
  return doc.events.map((e) => `${e.source.country ?? ''}${e.source.sector ?? ''}>${e.target.country ?? ''}${e.target.sector ?? ''}:${e.cameo}`).sort();
}

test('markers compile: + before the verb, $ after it, ^ as a skip count, % as a compound subject', () => {
  const lex = parseVerbDictionary('--- X [010] ---\nX\n- + * MONEY $ [071]\n- * AT ^ + [162]\n- % * [030:030]\n', 'x');
  const [money, at, both] = lex.forms.get('x')![0].block.patterns;
  assert.deepEqual([money.targetBefore, money.sourceAfter, money.words], [true, 0, 1]);
  assert.deepEqual([at.targetAfter, at.targetSkip], [0, 1]);
  assert.deepEqual([both.compound, both.words], [true, 0]);
});

test('"+ * MONEY $": the target before the verb, the source after the pattern', () => {
  assert.deepEqual(code('Eriador has received by courier money from Osgiliath.'), ['OSG>ERI:071']);
  assert.deepEqual(code('An Eriadorian was shot dead in Osgiliath.'), ['OSG>ERI:224']);
});

test('"* AT ^ +": the actor right after "at" is passed over', () => {
  assert.deepEqual(code('Arnor warned at the Gondor of the Osgiliath.'), ['ARN>OSG:162']);
});

test('"% *": a compound subject ("A and the B") acts each on each; a bracketed abbreviation is the same actor', () => {
  assert.deepEqual(code('Arnor and the European Union (EU) agree that disputes should be settled.'), ['ARN>IGOEEU:030', 'IGOEEU>ARN:030']);
  // a single subject: the compound pattern does not apply, the verb's own code does
  assert.deepEqual(code('Arnor agreed with Gondor.'), ['ARN>GON:081']);
});

test('"X condemned A and promised B": the verb after "and" shares the subject; a reporter after a comma is no list item', () => {
  const v = file('t2.verbs.txt', ['--- REPROACH [122] ---', 'REPROACH', '', '--- PROMISE [173] ---', 'PROMISE', '', '--- BARGAIN [031] ---', 'BARGAIN', '- * FOR_ASYLUM [174K]', ''].join('\n'));
  const run = (text: string) => {
    const doc = analyzeDocument(text, { published: '1995-01-01', actors: [actors, file('r.actors.txt', 'AFP_ [FRAMED]\n')] });
    codeEvents(doc, { verbs: [v], codedActorsOnly: true, requireTarget: true });
    return doc.events.map((e) => `${e.source.country}>${e.target.country}${e.target.sector ?? ''}:${e.cameo}`).sort();
  };
  assert.deepEqual(run('Arnor reproached Gondor on Thursday and promised raids to Osgiliath.'), ['ARN>GON:122', 'ARN>OSG:173']);
  // a lettered code is kept, typed by its numeric part
  assert.deepEqual(run('Arnor will bargain for asylum in Gondor, AFP reported.'), ['ARN>GON:174K']);
});

test('an actor in the phrase a sentence opens with is not the subject ("On Gondor\'s health centres, he said ...")', () => {
  const v = file('t3.verbs.txt', ['--- PROPOSE [100] ---', 'PROPOSE', ''].join('\n'));
  const run = (text: string) => {
    const doc = analyzeDocument(text, { published: '1995-01-01', actors: [actors] });
    codeEvents(doc, { verbs: [v], codedActorsOnly: true, requireTarget: true });
    return doc.events.map((e) => `${e.source.country}>${e.target.country}:${e.cameo}`);
  };
  assert.deepEqual(run("On improvement of Gondor's health centres, he said the minister proposed talks with Osgiliath."), []);
  assert.deepEqual(run('On Monday, Gondor proposed talks with Osgiliath.'), ['GON>OSG:100']);
});

test('a list has one conjunction: "between A and B, and B and C" is two lists', () => {
  const v = file('t4.verbs.txt', ['--- SPUR [081] ---', 'SPUR', ''].join('\n'));
  const doc = analyzeDocument('Arnor may spur reconciliation between Gondor and Osgiliath, and Osgiliath and Eriador.', { published: '1995-01-01', actors: [actors] });
  codeEvents(doc, { verbs: [v], codedActorsOnly: true, requireTarget: true });
  assert.deepEqual(doc.events.map((e) => `${e.source.country}>${e.target.country}`).sort(), ['ARN>GON', 'ARN>OSG']);
});

test('a user dictionary keeps the codes it gives, even those PLOVER has no type for (appeals, 02)', () => {
  const v = file('t5.verbs.txt', ['--- BELIEVE [023] ---', 'BELIEVE', ''].join('\n'));
  const doc = analyzeDocument('Arnor believes Gondor and Osgiliath can cope.', { published: '1995-01-01', actors: [actors] });
  codeEvents(doc, { verbs: [v], codedActorsOnly: true, requireTarget: true });
  assert.deepEqual(doc.events.map((e) => `${e.source.country}>${e.target.country}:${e.cameo}:${e.type}`).sort(), ['ARN>GON:023:UNKNOWN', 'ARN>OSG:023:UNKNOWN']);
  // with the bundled semantics (modality on) an appeal is not an event
  codeEvents(doc, { verbs: [v], codedActorsOnly: true, requireTarget: true, modality: true });
  assert.deepEqual(doc.events, []);
});
