// The events stage with user dictionaries in the PETRARCH format: actors through the pipeline's actor option,
// verbs and agents through the events stage's, written to real files in a scratch folder.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyzeDocument } from '../src/pipeline.ts';
import { codeEvents } from '../src/events/code.ts';
import { inflect, parseVerbDictionary } from '../src/events/verb-dictionary.ts';
import { parseAgents } from '../src/events/agents.ts';
import { InputError } from '../src/errors.ts';

const dir = mkdtempSync(join(tmpdir(), 'ww-events-'));
const file = (name: string, text: string) => { const p = join(dir, name); writeFileSync(p, text); return p; };

const actors = file('test.actors.txt', 'ARNOR_ [ARN]\nGONDOR_ [GON]\nOSGILIATH_ [OSG]\n');
const verbs = file('test.verbs.txt', [
  '&TIETYPES', '+DIPLOMATIC', '+ECONOMIC', '',
  '--- RESTORE [064] ---', 'RESTORE', '- * &TIETYPES TIES [0641]', '- * FXLL [---]', '',
  '--- MEET [031:031] ---', 'MEET {MET MEETS MEETING}', '',
  '--- REPROACH [122] ---', 'REPROACH', '',
].join('\n'));
const agents = file('test.agents.txt', 'GOVERNMENT [~GOV]\nSOLDIER [~MIL]\n');

function code(text: string) {
  const doc = analyzeDocument(text, { published: '1995-01-01', actors: [actors] });
  codeEvents(doc, { verbs: [verbs], agents: [agents] });
  return doc.events.map((e) => `${e.source.country}${e.source.sector ?? ''}>${e.target.country}${e.target.sector ?? ''}:${e.cameo}`).sort();
}

test('a verb pattern refines the verb code; synonym sets expand; source before the verb, target after', () => {
  assert.deepEqual(code('Arnor is about to restore full economic ties with Gondor.'), ['ARN>GON:0641']);
  assert.deepEqual(code('Arnor restored its embassy in Gondor.'), ['ARN>GON:064']);
});

test('the hand-written patterns of data/events/patterns.json take the sentence first', () => {
  assert.deepEqual(code('Gondor condemned Arnor.'), ['GON>ARN:111']);
});

test('a pattern coded --- means no event', () => {
  assert.deepEqual(code('Arnor is about to restore fxll ties with Gondor.'), []);
});

test('A:B codes the deed both ways, and compounds give one event per actor', () => {
  assert.deepEqual(code('Arnor and Osgiliath met Gondor on Monday.'), ['ARN>GON:031', 'GON>ARN:031', 'GON>OSG:031', 'OSG>GON:031']);
});

test('agent words narrow the sector: possessive, compound noun and "of"', () => {
  assert.deepEqual(code("Gondor's government reproached Osgiliath soldiers."), ['GONGOV>OSGMIL:122']);
  assert.deepEqual(code('The government of Gondor reproached Arnor.'), ['GONGOV>ARN:122']);
});

test('a passive with "by" swaps source and target', () => {
  assert.deepEqual(code('Gondor was reproached by Arnor on Monday.'), ['ARN>GON:122']);
});

test('regular inflections and irregular forms', () => {
  assert.deepEqual(inflect('restore').sort(), ['restore', 'restored', 'restores', 'restoring']);
  assert.ok(inflect('stop').includes('stopped'));
  const lex = parseVerbDictionary('--- BREAK [161] ---\nBREAK {BROKE BROKEN}\n', 'x.txt');
  assert.equal(lex.forms.get('broke')?.[0].block.code, '161');
  assert.equal(lex.forms.get('breaks')?.[0].block.code, '161');
});

test('[###] is a code, not a comment; a pattern without a code names the file and line', () => {
  const lex = parseVerbDictionary('--- RESTORE [064] ---\nRESTORE\n- * DIPLXMATIC [###] # odd code\n', 'v.txt');
  assert.equal(lex.forms.get('restore')?.[0].block.patterns[0].code, '###');
  assert.throws(() => parseVerbDictionary('--- RESTORE [064] ---\nRESTORE\n- * TIES\n', 'bad.verbs.txt'),
    (e: unknown) => e instanceof InputError && /bad\.verbs\.txt/.test(e.message) && /line 3/.test(e.message));
});

test('agent substitution sets and plurals', () => {
  const lex = parseAgents('!MINST! = MINISTER, MINISTRY\n!MINST!_OF_SILLY_WALKS [~GOV]\nCOURT {COURTS_OF_LAW} [~JUD]\n');
  assert.equal(lex.get('minister of silly walks'), 'GOV');
  assert.equal(lex.get('ministry of silly walks'), 'GOV');
  assert.equal(lex.get('courts of law'), 'JUD');
});

test('a discard phrase stops coding in its sentence; a + phrase in the whole text', () => {
  const discards = file('test.discards.txt', 'WORLD CUP\n+TYPHOON\n');
  const run = (text: string) => {
    const doc = analyzeDocument(text, { published: '1995-01-01', actors: [actors] });
    codeEvents(doc, { verbs: [verbs], agents: [agents], discards: [discards] });
    return doc.events.length;
  };
  assert.equal(run('Arnor restored the World Cup to Gondor. Arnor restored its embassy in Gondor.'), 1);
  assert.equal(run('Arnor restored its embassy in Gondor. A typhoon hit Osgiliath.'), 0);
  assert.equal(run('Arnor restored its embassy in Gondor.'), 1);
});

test('will/plans to mark intent, could/might a possibility; "in <place>" is the location; the canonical actor id is kept', () => {
  const events = (text: string) => {
    const doc = analyzeDocument(text, { published: '1995-01-01', actors: [actors] });
    codeEvents(doc, { verbs: [verbs], agents: [agents] });
    return doc.events;
  };
  const [planned] = events('Arnor plans to reproach Gondor in Osgiliath.');
  assert.equal(planned.intent, true);
  assert.equal(planned.hypothetical, undefined);
  assert.equal(planned.location?.name, 'Osgiliath');
  assert.equal(planned.location?.text, 'Osgiliath');
  assert.equal(planned.source.actor, 'ARN');
  const [possible] = events('Arnor could reproach Gondor.');
  assert.equal(possible.hypothetical, true);
  assert.equal(possible.intent, undefined);
  assert.equal(possible.location, undefined);
  const [done] = events('Arnor reproached Gondor.');
  assert.equal(done.intent, undefined);
  assert.equal(done.hypothetical, undefined);
});

test('without a target a deed is coded source-only, unless a target is required (PETRARCH\'s require_dyad)', () => {
  const run = (text: string, requireTarget: boolean) => {
    const doc = analyzeDocument(text, { published: '1995-01-01', actors: [actors] });
    codeEvents(doc, { verbs: [verbs], agents: [agents], requireTarget });
    return doc.events.map((e) => `${e.source.country}>${e.target.country ?? '-'}:${e.cameo}`);
  };
  assert.deepEqual(run('Arnor reproached the crowds loudly.', false), ['ARN>-:122']);
  assert.deepEqual(run('Arnor reproached the crowds loudly.', true), []);
});

test('a deed told in reported speech links to the quote it is claimed in', () => {
  const doc = analyzeDocument('Arnor said on Monday that Gondor had reproached Osgiliath.', { published: '1995-01-01', actors: [actors] });
  codeEvents(doc, { verbs: [verbs], agents: [agents] });
  const e = doc.events.find((x) => x.cameo === '122');
  assert.ok(e, 'the reproach is coded');
  const q = doc.quotes.find((x) => x.id === e.quote);
  assert.ok(q, 'linked to a quote');
  assert.ok(q.start <= e.evidence[0].start && e.evidence[0].end <= q.end);
  assert.equal(e.source.country, 'GON');
});

test('a missing dictionary file is an input error naming it', () => {
  const doc = analyzeDocument('Arnor met Gondor.', { actors: [actors] });
  assert.throws(() => codeEvents(doc, { verbs: [join(dir, 'missing.txt')] }), (e: unknown) => e instanceof InputError && /missing\.txt/.test(e.message));
});
