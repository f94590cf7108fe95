// The per-article limits: a page full of names, quotes or events is cut down to the documented caps,
// with a warning, and what is kept stays consistent (no reference to a dropped entity or quote).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../src/pipeline.ts';
import { Article } from '../src/schema/article.ts';
import { capped } from '../src/schema/caps.ts';
import { MAX_ENTITIES, MAX_EVENTS, MAX_QUOTES, MAX_TIMES } from '../src/ingest/limits.ts';

test('the caps are the documented ones', () => {
  assert.deepEqual([MAX_ENTITIES, MAX_QUOTES, MAX_TIMES, MAX_EVENTS], [1000, 500, 1000, 1000]);
});

test('an article over the limits keeps the most mentioned entities and the first quotes, and says so', () => {
  const text = 'Kremlin spokesman Dmitry Peskov said on Monday, "We are open to contact." Peskov said Russia would talk to Ukraine. ' +
    'Trump said on Tuesday, "We will see." Zelensky told reporters on Wednesday that Kyiv rejected the plan.';
  const a = analyze(text, { published: '2025-03-31' });
  assert.ok(a.entities.length >= 3 && a.quotes.length >= 3 && a.times.length >= 3, JSON.stringify([a.entities.length, a.quotes.length, a.times.length]));
  const c = capped(a, { entities: 1, quotes: 1, times: 2, events: 0 });
  assert.equal(c.entities.length, 1);
  const mostMentioned = [...a.entities].sort((x, y) => y.mentions.length - x.mentions.length)[0];
  assert.equal(c.entities[0].id, mostMentioned.id);
  assert.deepEqual(c.quotes, [a.quotes[0]].map((q) => (q.speaker?.entity && q.speaker.entity !== mostMentioned.id ? { ...q, speaker: { ...q.speaker, entity: undefined } } : q)));
  assert.deepEqual(c.times, a.times.slice(0, 2));
  assert.deepEqual(c.events, []);
  const warnings = c.messages.filter((m) => m.stage === 'limits').map((m) => m.message);
  assert.equal(warnings.length, 4);
  assert.match(warnings[0], /entities found; the most mentioned 1 are kept/);
  assert.ok(Article.safeParse(JSON.parse(JSON.stringify(c))).success);
  // nothing left pointing at what was dropped
  const ids = new Set(c.entities.map((e) => e.id));
  for (const q of c.quotes) assert.ok(!q.speaker?.entity || ids.has(q.speaker.entity));
});

test('an article within the limits is returned as it is', () => {
  const a = analyze('Peskov said on Monday that talks went on.', { published: '2025-03-31' });
  assert.equal(capped(a), a);
});

test('a real oversized list is capped by the pipeline itself', () => {
  const first = ['John', 'Mary', 'Peter', 'Anna', 'James', 'Laura', 'David', 'Sarah', 'Michael', 'Emma', 'Robert', 'Julia', 'Thomas', 'Alice', 'Daniel', 'Clara', 'Henry', 'Grace', 'George', 'Helen', 'Frank', 'Irene', 'Walter', 'Nora', 'Oscar', 'Paula', 'Victor', 'Rosa', 'Samuel', 'Tina', 'Arthur', 'Vera', 'Edward', 'Olga', 'Hugo', 'Lena', 'Simon', 'Ruth', 'Felix', 'Edith'];
  const last = ['Smith', 'Jones', 'Brown', 'Miller', 'Davis', 'Wilson', 'Moore', 'Taylor', 'Clark', 'Lewis', 'Walker', 'Hall', 'Allen', 'Young', 'King', 'Wright', 'Scott', 'Green', 'Baker', 'Adams', 'Nelson', 'Carter', 'Mitchell', 'Roberts', 'Turner', 'Phillips', 'Campbell', 'Parker', 'Evans', 'Edwards', 'Collins', 'Stewart', 'Morris', 'Rogers', 'Reed', 'Cook', 'Morgan', 'Bell', 'Murphy', 'Bailey'];
  const names = first.flatMap((f) => last.map((l) => `${f} ${l}`));
  const text = names.map((n, i) => `${n} arrived in ${i % 2 ? 'Paris' : 'Berlin'} on Monday.`).join(' ');
  const a = analyze(text);
  assert.equal(a.entities.length, MAX_ENTITIES);
  assert.ok(a.messages.some((m) => m.stage === 'limits' && /entities found/.test(m.message)));
});
