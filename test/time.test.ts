// The time stage: expressions → TIMEX3 type and value for a fixed publication date (Monday 31 March 2025),
// spans as TimeML draws them, no-publication-date → unresolved with a reason, and the dating of facts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeDocument } from '../src/pipeline.ts';
import { dateFor } from '../src/time/dating.ts';
import { referenceDay, tenseAt } from '../src/time/timexes.ts';

const PUBLISHED = '2025-03-31';

function times(text: string, published: string | null = PUBLISHED) {
  return analyzeDocument(text, { published: published ?? undefined }).times;
}

// [sentence, expression as it must be spanned, type, value]
const TABLE: [string, string, string, string][] = [
  // weekdays by tense: the last one in a past clause, the next one in a future clause
  ['Peskov said on Friday that the talks were useful.', 'Friday', 'DATE', '2025-03-28'],
  ['Putin will travel to Riyadh on Friday.', 'Friday', 'DATE', '2025-04-04'],
  ['The vote was held on Monday.', 'Monday', 'DATE', '2025-03-31'],
  ['Trump told NBC News on Sunday that he was angry.', 'Sunday', 'DATE', '2025-03-30'],
  ['The leaders met last Friday.', 'last Friday', 'DATE', '2025-03-28'],
  ['Talks resume next Monday.', 'next Monday', 'DATE', '2025-04-07'],
  // deictic days, weeks, months, years
  ['The ministers spoke yesterday.', 'yesterday', 'DATE', '2025-03-30'],
  ['Delegations will arrive tomorrow.', 'tomorrow', 'DATE', '2025-04-01'],
  ['Markets fell sharply last week.', 'last week', 'DATE', '2025-W13'],
  ['Growth slowed this year.', 'this year', 'DATE', '2025'],
  ['Elections are expected next month.', 'next month', 'DATE', '2025-04'],
  ['Exports dropped last year.', 'last year', 'DATE', '2024'],
  ['Prices rose earlier this month.', 'earlier this month', 'DATE', '2025-03'],
  ['The ceasefire collapsed two weeks ago.', 'two weeks ago', 'DATE', '2025-W12'],
  ['The company was founded a year ago.', 'a year ago', 'DATE', '2024'],
  // month-day without a year: the nearest sensible year given tense and publication date
  ['There were two phone calls on 12 February and 18 March.', '12 February', 'DATE', '2025-02-12'],
  ['There were two phone calls on 12 February and 18 March.', '18 March', 'DATE', '2025-03-18'],
  ['The treaty was signed on Dec. 15.', 'Dec. 15', 'DATE', '2024-12-15'],
  ['The summit will open on June 2.', 'June 2', 'DATE', '2025-06-02'],
  ['The deal was signed on Oct. 26, 1998.', 'Oct. 26, 1998', 'DATE', '1998-10-26'],
  ['Sanctions took effect in January.', 'January', 'DATE', '2025-01'],
  ['The harvest will start in September.', 'September', 'DATE', '2025-09'],
  ['He resigned in July 2019.', 'July 2019', 'DATE', '2019-07'],
  ['The loan must be repaid by February.', 'February', 'DATE', '2026-02'],
  ['In the fiscal year ended June 30, sales rose.', 'June 30', 'DATE', '2024-06-30'],
  // bare years and ranges
  ['He may run again in 2028.', '2028', 'DATE', '2028'],
  ['He wants to stay in power beyond 2028.', '2028', 'DATE', '2028'],
  ['The war has gone on since 2022.', '2022', 'DATE', '2022'],
  ['The plan runs from 2025 to 2028.', '2025', 'DATE', '2025'],
  ['The plan runs from 2025 to 2028.', '2028', 'DATE', '2028'],
  ['Output fell in fiscal 1998.', 'fiscal 1998', 'DATE', '1998'],
  // quarters, halves, seasons, decades, centuries
  ['Profit rose in the first quarter.', 'the first quarter', 'DATE', '2025-Q1'],
  ['Profit fell in the fourth quarter.', 'the fourth quarter', 'DATE', '2024-Q4'],
  ['Third-quarter profit rose.', 'Third-quarter', 'DATE', '2024-Q3'],
  ['Sales grew in the third quarter of 2023.', 'the third quarter of 2023', 'DATE', '2023-Q3'],
  ['Sales rose in the second half of 2024.', 'the second half of 2024', 'DATE', '2024-H2'],
  ['Fighting intensified last summer.', 'last summer', 'DATE', '2024-SU'],
  ['An offensive is expected this spring.', 'this spring', 'DATE', '2025-SP'],
  ['The economy boomed in the 1990s.', 'the 1990s', 'DATE', '199'],
  ['Reforms began in the early 1980s.', 'the early 1980s', 'DATE', '198'],
  ['Sentiment shifted in the 20th century.', 'the 20th century', 'DATE', '19'],
  // durations
  ['Talks lasted two weeks.', 'two weeks', 'DURATION', 'P2W'],
  ['Inflation doubled over the past three years.', 'the past three years', 'DURATION', 'P3Y'],
  ['Profit rose in the first nine months.', 'the first nine months', 'DURATION', 'P9M'],
  ['They approved a five-year plan.', 'five-year', 'DURATION', 'P5Y'],
  ['The meeting lasted 5 1/2 hours.', '5 1/2 hours', 'DURATION', 'PT5H30M'],
  ['The siege lasted several days.', 'several days', 'DURATION', 'PXD'],
  ['Negotiations have dragged on for a decade.', 'a decade', 'DURATION', 'P10Y'],
  // clock times
  ['The blast occurred at 10:35 a.m.', '10:35 a.m.', 'TIME', '2025-03-31T10:35'],
  ['The deadline expired at 5 p.m. Friday.', '5 p.m. Friday', 'TIME', '2025-03-28T17:00'],
  ['They spoke this morning.', 'this morning', 'TIME', '2025-03-31TMO'],
  // references and sets
  ['Talks are now stalled.', 'now', 'DATE', 'PRESENT_REF'],
  ['The envoy currently lives in Geneva.', 'currently', 'DATE', 'PRESENT_REF'],
  ['He recently visited Kyiv.', 'recently', 'DATE', 'PAST_REF'],
  ['Inspectors report weekly.', 'weekly', 'SET', 'P1W'],
  ['The committee meets every month.', 'every month', 'SET', 'P1M'],
];

for (const [sentence, expression, type, value] of TABLE) {
  test(`"${expression}" in "${sentence}" → ${type} ${value}`, () => {
    const found = times(sentence);
    const t = found.find((x) => x.text === expression);
    assert.ok(t, `"${expression}" not found as a span; found ${JSON.stringify(found.map((x) => x.text))}`);
    assert.equal(t.type, type, `type of "${expression}"`);
    assert.equal(t.value, value, `value of "${expression}"`);
  });
}

test('spans leave the preposition out and keep determiners and modifiers', () => {
  const text = 'On Friday he said the talks in 2024 went well over the past three years and earlier this month.';
  const spans = times(text).map((t) => t.text);
  assert.deepEqual(spans, ['Friday', '2024', 'the past three years', 'earlier this month']);
  for (const t of times(text)) assert.equal(text.slice(t.start, t.end), t.text, 'offsets point at the text');
});

test('words that only look like times are not times', () => {
  for (const s of ['He may resign.', 'Protesters march on parliament.', 'A 6-year-old boy was rescued.', 'About 2000 people attended.',
    'He earns $5 million a year.', 'Iraq imports about three-quarters of its food.', 'It will be a second betrayal.']) {
    assert.deepEqual(times(s).map((t) => t.text), [], s);
  }
});

test('without a publication date relative expressions are unresolved with a reason; absolute ones still resolve', () => {
  const found = times('Peskov said on Friday that a summit could come in 2028, two years ago it was unthinkable.', null);
  const friday = found.find((t) => t.text === 'Friday');
  assert.ok(friday);
  assert.equal(friday.value, null);
  assert.match(friday.unresolved ?? '', /publication date/);
  assert.equal(found.find((t) => t.text === '2028')?.value, '2028');
  const ago = found.find((t) => t.text === 'two years ago');
  assert.equal(ago?.value, null);
  assert.ok(ago?.unresolved);
});

test('the publication date is read as a calendar day in its own time zone', () => {
  assert.deepEqual(referenceDay('2025-03-31T23:30:00-05:00'), { y: 2025, m: 3, d: 31 });
  assert.equal(times('The vote was held on Monday.', '2025-03-31T23:30:00-05:00')[0].value, '2025-03-31');
  assert.equal(referenceDay(undefined), undefined);
});

test('tense of the clause: the nearest past or future marker', () => {
  const s = 'Peskov said on Monday that Putin will meet him on Friday.';
  assert.equal(tenseAt(s, s.indexOf('Monday'), s.indexOf('Monday') + 6), 'past');
  assert.equal(tenseAt(s, s.indexOf('Friday'), s.indexOf('Friday') + 6), 'future');
  const found = times(s);
  assert.equal(found.find((t) => t.text === 'Monday')?.value, '2025-03-31');
  assert.equal(found.find((t) => t.text === 'Friday')?.value, '2025-04-04');
  // equally near, the reporting verb before the expression governs it
  const tie = 'Kenya said on Monday it would reopen the border.';
  assert.equal(tenseAt(tie, tie.indexOf('Monday'), tie.indexOf('Monday') + 6), 'past');
});

test('"that year" and "the following month" follow what the article said before', () => {
  const found = times('The plant opened in March 2019. The following month, it was closed. Later that year it reopened.');
  assert.equal(found.find((t) => t.text === 'The following month')?.value, '2019-04');
  assert.equal(found.find((t) => t.text === 'Later that year')?.value, '2019');
});

test('a year ago in an earnings report is the year-ago quarter', () => {
  const found = times('Third-quarter profit rose 5% to $10 million from $9 million a year ago.', '1989-10-26');
  assert.equal(found.find((t) => t.text === 'Third-quarter')?.value, '1989-Q3');
  assert.equal(found.find((t) => t.text === 'a year ago')?.value, '1988-Q3');
});

// ---- dating facts -----------------------------------------------------------------------------------

const ARTICLE = [
  'Kremlin spokesman Dmitry Peskov said on Monday that talks with Washington would continue.',
  '',
  'Peskov added that no meeting had been scheduled.',
  '',
  'Speaking to reporters on Sunday, Donald Trump said he was angry this year.',
  '',
  'The two leaders held phone calls on 12 February and 18 March.',
  '',
  'The economy is growing.',
].join('\n');

test('a fact takes the date of the time expression governing its clause', () => {
  const doc = analyzeDocument(ARTICLE, { published: PUBLISHED });
  const said = doc.text.indexOf('said on Monday');
  assert.deepEqual(dateFor(doc, said, undefined), { value: '2025-03-31', text: 'Monday', basis: 'expression' });
  // a day is preferred to a coarser expression in the same sentence ("this year")
  const trump = doc.text.indexOf('said he was angry');
  assert.deepEqual(dateFor(doc, trump, undefined), { value: '2025-03-30', text: 'Sunday', basis: 'expression' });
  // reported past events carry their own dates
  const calls = doc.text.indexOf('phone calls');
  assert.equal(dateFor(doc, calls, undefined).value, '2025-02-12');
});

test('else the date of the reporting context, else the publication date', () => {
  const doc = analyzeDocument(ARTICLE, { published: PUBLISHED });
  const added = doc.text.indexOf('added');
  const peskov = doc.mentions.find((m) => doc.text.slice(m.start, m.end).includes('Peskov'))?.entity;
  assert.ok(peskov, 'Peskov is an entity');
  assert.deepEqual(dateFor(doc, added, undefined, peskov), { value: '2025-03-31', text: 'Monday', basis: 'context' });
  const growing = doc.text.indexOf('growing');
  assert.deepEqual(dateFor(doc, growing, undefined), { value: '2025-03-31', basis: 'publication' });
});

test('without a publication date a fact is unresolved, never dated from the clock', () => {
  const doc = analyzeDocument(ARTICLE);
  assert.deepEqual(dateFor(doc, doc.text.indexOf('growing'), undefined), { value: null, basis: 'unresolved' });
  const d = dateFor(doc, doc.text.indexOf('said on Monday'), undefined);
  assert.equal(d.value, null);
  assert.equal(d.basis, 'unresolved');
});
