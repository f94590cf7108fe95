// Name spans the sequence model runs on over a verb are cut back (src/nlp/name-spans.ts), so the event coder
// sees the verb and both actors.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeDocument } from '../src/pipeline.ts';
import { nameEnd, opensWithVerb } from '../src/nlp/name-spans.ts';
import type { Token } from '../src/document.ts';

const toks = (s: string) => s.split(' ').map((text, i) => ({ text, start: i, end: i + 1, sentence: 0 }) as unknown as Token);

test('a name stops before a lower-case word that is no particle, and goes on over "of", "bin", "de"', () => {
  const t = toks('Romendacil will meet Eriadori');
  assert.equal(nameEnd(t, 0, 3), 0);
  const p = toks('Prince of Dol Amroth said');
  assert.equal(nameEnd(p, 0, 3), 3);
  const b = toks('Osama bin Laden');
  assert.equal(nameEnd(b, 0, 2), 2);
  // a particle with no name after it ends the name too
  assert.equal(nameEnd(toks('Bank of'), 0, 1), 0);
  assert.equal(opensWithVerb(toks('arrived in Gondor'), 0), true);
  assert.equal(opensWithVerb(toks('al-Qaeda said'), 0), false);
  assert.equal(opensWithVerb(toks('de Gaulle'), 0), false);
});

test('the actors either side of the verb are found', () => {
  const doc = analyzeDocument('Prime Minister Boris Johnson will meet Emmanuel Macron in Paris.', { published: '2020-01-01' });
  const names = doc.entities.filter((e) => e.type === 'PERSON').map((e) => e.name);
  assert.ok(names.some((n) => /Johnson/.test(n) && !/meet/.test(n)), names.join(', '));
  assert.ok(names.some((n) => /Macron/.test(n)), names.join(', '));
});
