// In-document coreference: surnames, possessives, titles, counted plurals and pronouns reach the entity
// introduced by full name, and a person's office follows the article's date.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../src/pipeline.ts';

const mentionsOf = (a: ReturnType<typeof analyze>, name: string) =>
  a.entities.find((e) => e.name === name)?.mentions.map((m) => `${m.text}:${m.kind}`) ?? [];

test('surnames, possessives, pronouns and titles link to the full name', () => {
  const a = analyze(
    'German Chancellor Olaf Scholz met French President Emmanuel Macron in Paris on Monday. ' +
    'Scholz said the talks were good. He added that Macron’s plan had merit. The chancellor later left.',
    { published: '2024-05-06' },
  );
  const scholz = mentionsOf(a, 'Olaf Scholz');
  assert.ok(scholz.includes('German Chancellor Olaf Scholz:name'), scholz.join());
  assert.ok(scholz.includes('Scholz:surname'));
  assert.ok(scholz.includes('He:pronoun'));
  assert.ok(scholz.includes('The chancellor:title'));
  assert.ok(mentionsOf(a, 'Emmanuel Macron').includes('Macron:surname'));
  const e = a.entities.find((x) => x.name === 'Olaf Scholz')!;
  assert.equal(e.role, 'Chancellor');
  assert.equal(e.country, 'DEU');
});

test('"the two leaders" names both heads mentioned before; "they" the organisation speaking', () => {
  const a = analyze(
    'US President Joe Biden spoke with Chinese President Xi Jinping on Tuesday. No summit between the two leaders was planned. ' +
    'The State Department said the call was candid. They added that talks would continue.',
    { published: '2024-04-03' },
  );
  assert.ok(mentionsOf(a, 'Joe Biden').includes('the two leaders:title'));
  assert.ok(mentionsOf(a, 'Xi Jinping').includes('the two leaders:title'));
  const they = a.entities.filter((e) => e.mentions.some((m) => m.text === 'They'));
  assert.deepEqual(they.map((e) => e.type), ['ORG']);
});

test('which office holder a bare title denotes depends on the article date', () => {
  const before = analyze('Joe Biden said on Monday that the deal was close.', { published: '2024-06-03' });
  const after = analyze('Joe Biden said on Monday that the deal was close.', { published: '2025-06-02' });
  assert.equal(before.entities.find((e) => e.name === 'Joe Biden')?.role, 'President');
  assert.notEqual(after.entities.find((e) => e.name === 'Joe Biden')?.role, 'President');
});
