import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { InputError } from '../src/errors.ts';
import { queryEvents, queryQuotes, search } from '../src/query/index.ts';
import { openStore, type Store } from '../src/store/index.ts';
import { gazaArticle, kremlinArticle } from './fixtures.ts';
import { BACKENDS, filledStore, testTargets } from './pg-fixture.ts';

for (const backend of BACKENDS) describe(`queries (${backend})`, () => {
  let store: Store;
  const kremlin = kremlinArticle();
  const gaza = gazaArticle();
  const targets = testTargets(backend);
  before(async () => {
    store = await filledStore(targets, [kremlin, gaza]);
  });
  after(async () => {
    await store.close();
    await targets.cleanup();
  });

  describe('queryQuotes', () => {
    it('lists every quote with its article when no speaker is given', async () => {
      const rows = (await queryQuotes(store.sql));
      assert.equal(rows.length, 3);
      // Ordered by publication: the 3 March article first.
      assert.equal(rows[0].speaker, 'Ismail Haniyeh');
      assert.deepEqual(rows[1], {
        article_id: kremlin.id, uri: 'kremlin.txt', published: '2025-03-31', quote_id: 'q1', kind: 'direct',
        speaker: 'Dmitry Peskov', text: 'The president remains open to contact with President Trump.', date: '2025-03-31',
      });
    });

    it('matches the speaker by full name or surname, whatever the case', async () => {
      for (const speaker of ['Dmitry Peskov', 'peskov', 'PESKOV', 'dmitry', '  Dmitry   Peskov ']) {
        const rows = (await queryQuotes(store.sql, { speaker }));
        assert.deepEqual(rows.map((r) => r.quote_id), ['q1', 'q2'], speaker);
        assert.ok(rows.every((r) => r.speaker === 'Dmitry Peskov'));
      }
    });

    it('does not match part of a word, or LIKE wildcards typed by the user', async () => {
      for (const speaker of ['Pesk', 'eskov', '%', '_eskov', 'Peskov Dmitry']) {
        assert.deepEqual((await queryQuotes(store.sql, { speaker })), [], speaker);
      }
    });
  });

  describe('queryEvents', () => {
    it('filters by actor name substring (source or target), case-insensitive', async () => {
      assert.deepEqual((await queryEvents(store.sql, { actor: 'trump' })).map((r) => r.event_id), ['v1', 'v2']);
      assert.deepEqual((await queryEvents(store.sql, { actor: 'Qat' })).map((r) => r.article_id), [gaza.id]);
      assert.deepEqual((await queryEvents(store.sql, { actor: 'Putin' })).map((r) => r.type), ['CONSULT']);
    });

    it('filters by exact country code, source or target', async () => {
      assert.deepEqual((await queryEvents(store.sql, { actor: 'RUS' })).map((r) => r.event_id), ['v1', 'v2']);
      assert.deepEqual((await queryEvents(store.sql, { actor: 'rus' })).map((r) => r.event_id), ['v1', 'v2']);
      assert.deepEqual((await queryEvents(store.sql, { actor: 'QAT' })).map((r) => r.article_id), [gaza.id]);
      assert.deepEqual((await queryEvents(store.sql, { actor: 'GBR' })), []);
    });

    it('filters by type, and returns the flags and quantities', async () => {
      const rows = (await queryEvents(store.sql, { type: 'threaten' }));
      assert.equal(rows.length, 1);
      assert.deepEqual(rows[0], {
        article_id: kremlin.id, uri: 'kremlin.txt', event_id: 'v1', type: 'THREATEN', mode: 'sanctions', cameo: '1312',
        source_name: 'Donald Trump', source_country: 'USA', target_name: 'Russia', target_country: 'RUS',
        date: '2025-03-30', conditional: true, negated: false, quantities: [{ value: 25, unit: '%' }],
      });
      assert.equal((await queryEvents(store.sql, { type: 'CONSULT' })).length, 2);
    });

    it('filters by inclusive day range; a date-time counts as its day', async () => {
      const ids = async (q: { from?: string; to?: string }) => (await queryEvents(store.sql, q)).map((r) => r.date);
      assert.deepEqual(await ids({ from: '2025-03-30' }), ['2025-03-30', '2025-03-31T10:00:00+03:00']);
      assert.deepEqual(await ids({ to: '2025-03-30' }), ['2025-03-02', '2025-03-30']);
      assert.deepEqual(await ids({ from: '2025-03-31', to: '2025-03-31' }), ['2025-03-31T10:00:00+03:00']);
      assert.deepEqual(await ids({ from: '2025-04-01' }), []);
    });

    it('combines filters with AND', async () => {
      assert.deepEqual((await queryEvents(store.sql, { actor: 'RUS', type: 'CONSULT', to: '2025-03-31' })).map((r) => r.event_id), ['v2']);
      assert.deepEqual((await queryEvents(store.sql, { actor: 'Hamas', type: 'THREATEN' })), []);
    });
  });

  describe('search', () => {
    it('finds words in article text, pointing at the article', async () => {
      const rows = (await search(store.sql, 'secondary tariffs'));
      assert.deepEqual(rows.map((r) => [r.article_id, r.kind, r.uri]), [[kremlin.id, 'article', 'kremlin.txt']]);
      assert.match(rows[0].snippet, /\[secondary\] \[tariffs\]/);
    });

    it('finds words inside quotes as quote hits', async () => {
      const rows = (await search(store.sql, 'withhold'));
      assert.deepEqual(rows.map((r) => [r.article_id, r.kind, r.quote_id]).sort(),
        [[gaza.id, 'article', null], [gaza.id, 'quote', 'q1']].sort());
    });

    it('finds words in the title', async () => {
      assert.deepEqual((await search(store.sql, 'Kremlin open')).map((r) => r.article_id), [kremlin.id]);
    });

    it('requires all words', async () => {
      assert.deepEqual((await search(store.sql, 'Doha tariffs')), []);
    });

    it('treats FTS5 syntax in user input as plain words, never as a syntax error', async () => {
      for (const words of ['"', 'tariffs"', '-tariffs', 'tariffs -', 'AND', 'tariffs AND', 'OR NOT', 'NEAR(tariffs',
        'tariff*', '(oil)', 'col:tariffs', '^oil', '""""', "it's", 'tariffs; DROP TABLE articles']) {
        await assert.doesNotReject(() => search(store.sql, words), words);
      }
      // Operators are searched for as words: a trailing AND would otherwise be a syntax error, and "and" is in neither text.
      assert.deepEqual((await search(store.sql, 'oil AND')).map((r) => r.article_id), []);
      assert.deepEqual((await search(store.sql, '"oil"')).map((r) => r.article_id), [kremlin.id]);
      assert.deepEqual((await search(store.sql, 'tariffs; DROP')).length, 0);
      assert.equal(await store.sql.value('SELECT count(*) FROM articles'), 2);
    });

    it('empty input is an InputError, not an FTS error', async () => {
      await assert.rejects(() => search(store.sql, '   '), (e: unknown) => e instanceof InputError && /no words/.test(e.problem));
    });
  });
});

for (const backend of BACKENDS) describe(`name matching ignores case and accents beyond ASCII (${backend})`, () => {
  const targets = testTargets(backend);
  after(() => targets.cleanup());
  it('finds "Šefčovič" as sefcovic, ŠEFČOVIČ or Maroš', async () => {
    const store = await openStore(await targets.target());
    const base = gazaArticle();
    await store.put({
      ...base,
      quotes: [{ ...base.quotes[0], speaker: { name: 'Maroš Šefčovič' } }],
      events: [{ ...base.events[0], source: { name: 'Maroš Šefčovič' } }],
    });
    for (const speaker of ['sefcovic', 'ŠEFČOVIČ', 'Maroš', 'maros sefcovic']) {
      assert.deepEqual((await queryQuotes(store.sql, { speaker })).map((r) => r.speaker), ['Maroš Šefčovič'], speaker);
    }
    assert.deepEqual((await queryQuotes(store.sql, { speaker: 'sefco' })), []);
    assert.deepEqual((await queryEvents(store.sql, { actor: 'ŠEFČ' })).map((r) => r.source_name), ['Maroš Šefčovič']);
    await store.close();
  });
});
