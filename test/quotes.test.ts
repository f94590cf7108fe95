// The quote stage on small texts through the whole pipeline: direct, interrupted, partial and indirect
// quotes, speaker phrases that are not names, and quotation marks that are not speech. Accuracy on a
// corpus is measured by `npm run bench:quotes`; the last test only checks that the bench runs and writes
// brat files whose offsets hold the text they claim.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { analyze } from '../src/pipeline.ts';
import { REPO, tmpDir } from './fixtures.ts';

const quotesOf = (text: string) => analyze(text, { published: '2025-03-31' }).quotes;
const find = (text: string, content: string) => {
  const q = quotesOf(text).find((x) => x.text.includes(content));
  assert.ok(q, `a quote holding "${content}"`);
  return q;
};

describe('direct quotes', () => {
  it('attributes a quote to the clause after it, and the speaker phrase is the whole phrase', () => {
    const q = find('“We were there under legitimate pretenses,” Stein spokeswoman Melezia Figueroa told USA Today.', 'legitimate pretenses');
    assert.equal(q.kind, 'direct');
    assert.equal(q.cue?.text, 'told');
    assert.equal(q.speaker?.mention?.text, 'Stein spokeswoman Melezia Figueroa');
  });

  it('gives both halves of an interrupted quote the same cue and speaker', () => {
    const qs = quotesOf('Kremlin spokesman Dmitry Peskov spoke on Monday. “When it is necessary,” Peskov said, “their conversation will be organised.”');
    const a = qs.find((q) => q.text.startsWith('When')), b = qs.find((q) => q.text.startsWith('their'));
    assert.ok(a && b);
    assert.equal(a.cue?.start, b.cue?.start);
    assert.equal(a.speaker?.name, 'Dmitry Peskov');
    assert.equal(b.speaker?.name, 'Dmitry Peskov');
  });

  it('takes a short quotation that ends like a sentence', () => {
    const q = find('Melanie Austin watched the speech. “I would,” Melanie said.', 'I would');
    assert.equal(q.kind, 'direct');
    assert.equal(q.cue?.text, 'said');
  });

  it('inverted attribution: "..., said the source"', () => {
    const q = find('“There is a lot of new complexity in the tax code,” said one Treasury official.', 'new complexity');
    assert.equal(q.speaker?.mention?.text, 'one Treasury official');
  });

  it('resolves a pronoun speaker to the person named before it', () => {
    const q = find('Senator Elizabeth Warren spoke to the committee. “You should resign,” she said.', 'You should resign');
    assert.equal(q.speaker?.mention?.text, 'she');
    assert.equal(q.speaker?.name, 'Elizabeth Warren');
  });
});

describe('indirect speech', () => {
  it('"X said that <content>" keeps the complement after "that"', () => {
    const q = find('The New York Post reports that the campaign avoided the emergency room on Sunday.', 'avoided');
    assert.equal(q.kind, 'indirect');
    assert.equal(q.text, 'the campaign avoided the emergency room on Sunday');
    assert.equal(q.speaker?.mention?.text, 'The New York Post');
    assert.equal(q.cue?.text, 'reports');
  });

  it('"<content>, the source added" takes the clause before the comma and a speaker that is not a name', () => {
    const q = find('The police overruled that request, the source added.', 'overruled');
    assert.equal(q.text, 'The police overruled that request');
    assert.equal(q.speaker?.name, 'the source');
    assert.equal(q.speaker?.entity, undefined);
  });

  it('an apposition stays inside the speaker phrase', () => {
    const q = find('The state’s campaign chairman, Phil Lovas, said he cannot comment on the letter.', 'cannot comment');
    assert.equal(q.speaker?.mention?.text, 'The state’s campaign chairman, Phil Lovas,');
    assert.equal(q.text, 'he cannot comment on the letter');
  });

  it('a time or a listener may stand between the cue and "that", and a new clause ends the content', () => {
    const q = find('Clinton says at a campaign stop in Toledo, Ohio, that the plan is dead, though she gave no details.', 'plan is dead');
    assert.equal(q.text, 'the plan is dead');
    const told = find('Trump told reporters on Sunday that tariffs would range between 25% and 50%.', 'tariffs');
    assert.equal(told.text, 'tariffs would range between 25% and 50%');
    assert.equal(told.speaker?.mention?.text, 'Trump');
  });

  it('"according to X" in front of and after the content', () => {
    const a = find('According to exit polls, Romney had a ten-point lead among wealthy voters.', 'ten-point');
    assert.equal(a.speaker?.name, 'exit polls');
    assert.equal(a.cue?.text, 'According to');
    const b = find('Romney had a ten-point lead among wealthy voters, according to exit polls.', 'ten-point');
    assert.equal(b.text, 'Romney had a ten-point lead among wealthy voters');
  });

  it('"said of …" is not followed by reported content', () => {
    assert.ok(!quotesOf('She said of the election that nothing had changed much.').some((q) => q.text.startsWith('of the election')));
  });
});

describe('quotation marks that are not speech', () => {
  it('a nickname is not a quote, and apostrophes open no quotation', () => {
    const qs = quotesOf('The man, who goes by the name “Shorty”, didn’t attend. Putin’s aides weren’t there either.');
    assert.deepEqual(qs.map((q) => q.text), []);
  });
});

describe('npm run bench:quotes', () => {
  it('scores a brat folder and writes one brat file per article with offsets into its text', () => {
    const dir = tmpDir();
    const data = join(dir, 'data'), out = join(dir, 'out');
    mkdirSync(join(data, 'text'), { recursive: true });
    mkdirSync(join(data, 'attributions'), { recursive: true });
    const text = 'Talks\n\n“The door is open,” the spokesman said. Officials said the talks would resume on Friday.\n';
    writeFileSync(join(data, 'text', 'a.txt'), text);
    const span = (label: string, s: string, from = 0) => { const i = text.indexOf(s, from); return `${label} ${i} ${i + s.length}\t${s}`; };
    writeFileSync(join(data, 'attributions', 'a_x1.ann'), [
      `T1\t${span('Content', '“The door is open,”')}`, `T2\t${span('Source', 'the spokesman')}`, `T3\t${span('Cue', 'said')}`,
      `T4\t${span('Attribution', 'said')}`, 'E1\tAttribution:T4 Content:T1 Source:T2 Cue:T3', '',
    ].join('\n'));
    const r = spawnSync(process.execPath, ['--import', 'tsx', join(REPO, 'bench', 'quotes.ts'), '--data', data, '--predictions-out', out], { cwd: REPO, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    const lines = r.stdout.trim().split('\n');
    assert.match(lines[lines.length - 1], /^quotes: exact F1 Source [\d.]+, Cue [\d.]+, Content [\d.]+/);
    assert.match(r.stdout, /Content direct\s+1\/1\s+100\.0 \/ 100\.0 \/ 100\.0/);
    assert.deepEqual(readdirSync(out), ['a.ann']);
    const ann = readFileSync(join(out, 'a.ann'), 'utf8').trim().split('\n');
    const spans = ann.filter((l) => l.startsWith('T')).map((l) => l.split('\t'));
    assert.ok(spans.some(([, what]) => what.startsWith('Source ')), 'a Source span');
    for (const [, what, said] of spans) {
      const [, s, e] = what.split(' ');
      assert.equal(text.slice(Number(s), Number(e)), said, what);
    }
    assert.ok(ann.some((l) => /^E\d+\tAttribution:T\d+ Source:T\d+ Cue:T\d+ Content:T\d+$/.test(l)), ann.join('\n'));
  });

  it('names the folder and exits 2 when it holds no brat data', () => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', join(REPO, 'bench', 'quotes.ts'), '--data', tmpDir()], { cwd: REPO, encoding: 'utf8' });
    assert.equal(r.status, 2);
    assert.match(r.stderr, /needs text\/\*\.txt and attributions\/\*\.ann/);
  });
});
