// Sentence boundaries, as the later stages see them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeDocument } from '../src/pipeline.ts';

const sentences = (text: string) => {
  const doc = analyzeDocument(text);
  return doc.sentences.map((s) => doc.text.slice(s.start, s.end));
};

test('a sentence ends before an opening quote mark and after a closing one', () => {
  assert.deepEqual(sentences('He left. "We will stay," she said. Then it rained.'), ['He left.', '"We will stay," she said.', 'Then it rained.']);
});

test("doubled apostrophes are quote marks at a sentence's edge (newspapers that typeset quotes as '')", () => {
  assert.deepEqual(sentences("The talks ended. ''We are not done,'' he said. ''Nobody is.'' Officials left."),
    ['The talks ended.', "''We are not done,'' he said.", "''Nobody is.''", 'Officials left.']);
});

test('abbreviations and initials do not end a sentence', () => {
  assert.deepEqual(sentences('Mr. Smith met Dr. J. Jones in the U.S. capital. They talked.'), ['Mr. Smith met Dr. J. Jones in the U.S. capital.', 'They talked.']);
});

test('quotations pair across mixed curly and straight marks, and a closing mark may open one', () => {
  const marks = (text: string) => {
    const doc = analyzeDocument(text);
    return doc.quoteMarks.map((q) => doc.text.slice(q.contentStart, q.contentEnd));
  };
  assert.deepEqual(marks('He said “we will stay," and left. Then "we will go” she said.'), ['we will stay,', 'we will go']);
  assert.deepEqual(marks('”We are ready,” the minister said.'), ['We are ready,']);
  // apostrophes are still no quote marks
  assert.deepEqual(marks("Putin’s aide said the talks don't matter."), []);
});
