// Random and adversarial text through the whole pipeline: no crash, output always valid against the
// schema, every span inside the text and pointing at the same characters in the input.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { analyze } from '../src/pipeline.ts';
import { Article } from '../src/schema/article.ts';

const NEWS_WORDS = [
  'The', 'Kremlin', 'said', 'Putin', 'Trump', 'President', 'Donald', 'Vladimir', 'spokesman', 'Dmitry', 'Peskov', 'he', 'she',
  'on', 'Monday', 'Friday', '12', 'February', 'this', 'year', 'in', '2028', 'if', 'Russia', 'US', 'Ukraine', 'no', 'phone', 'call',
  'between', 'the', 'two', 'leaders', 'threatening', 'tariffs', 'against', 'according', 'to', 'that', 'added', 'saying', '25%', 'and',
  '"', '“', '”', "'", '‘', '’', ',', '.', ':', '...', '—', '\n', '\n\n', 'Advertisment', 'Also read:', '(With inputs from agencies)',
];

const newsLike = fc.array(fc.constantFrom(...NEWS_WORDS), { minLength: 1, maxLength: 200 }).map((ws) => ws.join(' '));
const anyText = fc.string({ unit: 'grapheme', maxLength: 400 });
const mixed = fc.oneof(newsLike, anyText, fc.tuple(newsLike, anyText).map(([a, b]) => a + b));

function checkSpans(raw: string, a: Article): void {
  const inText = (s: { start: number; end: number }) => 0 <= s.start && s.start <= s.end && s.end <= a.text.length;
  const inSource = (s: { sourceStart: number; sourceEnd: number }) => 0 <= s.sourceStart && s.sourceStart <= s.sourceEnd && s.sourceEnd <= raw.length;
  for (const p of a.paragraphs) assert.ok(inText(p) && inSource(p), 'paragraph span');
  for (const e of a.entities) for (const m of e.mentions) {
    assert.ok(inText(m) && inSource(m), 'mention span');
    assert.equal(a.text.slice(m.start, m.end), m.text);
  }
  for (const q of a.quotes) {
    assert.ok(inText(q) && inSource(q), 'quote span');
    assert.equal(a.text.slice(q.start, q.end), q.text);
  }
  for (const t of a.times) assert.ok(inText(t) && inSource(t), 'time span');
  for (const ev of a.events) for (const x of ev.evidence) {
    assert.ok(inText(x) && inSource(x), 'evidence span');
    assert.equal(a.text.slice(x.start, x.end), x.text);
  }
}

test('any text: no crash, schema-valid output, spans inside the text', () => {
  fc.assert(fc.property(mixed, fc.boolean(), (raw, dated) => {
    const a = analyze(raw, dated ? { published: '2025-03-31' } : {});
    Article.parse(a);
    checkSpans(raw, a);
  }), { numRuns: 300, seed: 20261125 });
});

test('quotation text maps back to the same characters of a clean input', () => {
  fc.assert(fc.property(newsLike, (raw) => {
    const a = analyze(raw, { published: '2025-03-31' });
    // where cleaning copied characters one to one, a quote's source span holds its text
    for (const q of a.quotes) if (!q.text.includes('\n') && !/\s\s/.test(q.text)) assert.equal(raw.slice(q.sourceStart, q.sourceEnd), q.text);
  }), { numRuns: 200, seed: 7 });
});
