import assert from 'node:assert/strict';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { InputError } from '../src/errors.ts';
import { queryEvents, queryQuotes, search } from '../src/query/index.ts';
import { openStore, type Store } from '../src/store/index.ts';
import { gazaArticle, kremlinArticle, tmpDir } from './fixtures.ts';

describe('queries', () => {
  let store: Store;
  const kremlin = kremlinArticle();
  const gaza = gazaArticle();
  before(() => {
    store = openStore(join(tmpDir(), 'q.db'));
    store.put(kremlin);
    store.put(gaza);
  });

  describe('queryQuotes', () => {
    it('lists every quote with its article when no speaker is given', () => {
      const rows = queryQuotes(store.db);
      assert.equal(rows.length, 3);
      // Ordered by publication: the 3 March article first.
      assert.equal(rows[0].speaker, 'Ismail Haniyeh');
      assert.deepEqual(rows[1], {
        article_id: kremlin.id, uri: 'kremlin.txt', published: '2025-03-31', quote_id: 'q1', kind: 'direct',
        speaker: 'Dmitry Peskov', text: 'The president remains open to contact with President Trump.', date: '2025-03-31',
      });
    });

    it('matches the speaker by full name or surname, whatever the case', () => {
      for (const speaker of ['Dmitry Peskov', 'peskov', 'PESKOV', 'dmitry', '  Dmitry   Peskov ']) {
        const rows = queryQuotes(store.db, { speaker });
        assert.deepEqual(rows.map((r) => r.quote_id), ['q1', 'q2'], speaker);
        assert.ok(rows.every((r) => r.speaker === 'Dmitry Peskov'));
      }
    });

    it('does not match part of a word, or LIKE wildcards typed by the user', () => {
      for (const speaker of ['Pesk', 'eskov', '%', '_eskov', 'Peskov Dmitry']) {
        assert.deepEqual(queryQuotes(store.db, { speaker }), [], speaker);
      }
    });
  });

  describe('queryEvents', () => {
    it('filters by actor name substring (source or target), case-insensitive', () => {
      assert.deepEqual(queryEvents(store.db, { actor: 'trump' }).map((r) => r.event_id), ['v1', 'v2']);
      assert.deepEqual(queryEvents(store.db, { actor: 'Qat' }).map((r) => r.article_id), [gaza.id]);
      assert.deepEqual(queryEvents(store.db, { actor: 'Putin' }).map((r) => r.type), ['CONSULT']);
    });

    it('filters by exact country code, source or target', () => {
      assert.deepEqual(queryEvents(store.db, { actor: 'RUS' }).map((r) => r.event_id), ['v1', 'v2']);
      assert.deepEqual(queryEvents(store.db, { actor: 'rus' }).map((r) => r.event_id), ['v1', 'v2']);
      assert.deepEqual(queryEvents(store.db, { actor: 'QAT' }).map((r) => r.article_id), [gaza.id]);
      assert.deepEqual(queryEvents(store.db, { actor: 'GBR' }), []);
    });

    it('filters by type, and returns the flags and quantities', () => {
      const rows = queryEvents(store.db, { type: 'threaten' });
      assert.equal(rows.length, 1);
      assert.deepEqual(rows[0], {
        article_id: kremlin.id, uri: 'kremlin.txt', event_id: 'v1', type: 'THREATEN', mode: 'sanctions', cameo: '1312',
        source_name: 'Donald Trump', source_country: 'USA', target_name: 'Russia', target_country: 'RUS',
        date: '2025-03-30', conditional: true, negated: false, quantities: [{ value: 25, unit: '%' }],
      });
      assert.equal(queryEvents(store.db, { type: 'CONSULT' }).length, 2);
    });

    it('filters by inclusive day range; a date-time counts as its day', () => {
      const ids = (q: { from?: string; to?: string }) => queryEvents(store.db, q).map((r) => r.date);
      assert.deepEqual(ids({ from: '2025-03-30' }), ['2025-03-30', '2025-03-31T10:00:00+03:00']);
      assert.deepEqual(ids({ to: '2025-03-30' }), ['2025-03-02', '2025-03-30']);
      assert.deepEqual(ids({ from: '2025-03-31', to: '2025-03-31' }), ['2025-03-31T10:00:00+03:00']);
      assert.deepEqual(ids({ from: '2025-04-01' }), []);
    });

    it('combines filters with AND', () => {
      assert.deepEqual(queryEvents(store.db, { actor: 'RUS', type: 'CONSULT', to: '2025-03-31' }).map((r) => r.event_id), ['v2']);
      assert.deepEqual(queryEvents(store.db, { actor: 'Hamas', type: 'THREATEN' }), []);
    });
  });

  describe('search', () => {
    it('finds words in article text, pointing at the article', () => {
      const rows = search(store.db, 'secondary tariffs');
      assert.deepEqual(rows.map((r) => [r.article_id, r.kind, r.uri]), [[kremlin.id, 'article', 'kremlin.txt']]);
      assert.match(rows[0].snippet, /\[secondary\] \[tariffs\]/);
    });

    it('finds words inside quotes as quote hits', () => {
      const rows = search(store.db, 'withhold');
      assert.deepEqual(rows.map((r) => [r.article_id, r.kind, r.quote_id]).sort(),
        [[gaza.id, 'article', null], [gaza.id, 'quote', 'q1']].sort());
    });

    it('finds words in the title', () => {
      assert.deepEqual(search(store.db, 'Kremlin open').map((r) => r.article_id), [kremlin.id]);
    });

    it('requires all words', () => {
      assert.deepEqual(search(store.db, 'Doha tariffs'), []);
    });

    it('treats FTS5 syntax in user input as plain words, never as a syntax error', () => {
      for (const words of ['"', 'tariffs"', '-tariffs', 'tariffs -', 'AND', 'tariffs AND', 'OR NOT', 'NEAR(tariffs',
        'tariff*', '(oil)', 'col:tariffs', '^oil', '""""', "it's", 'tariffs; DROP TABLE articles']) {
        assert.doesNotThrow(() => search(store.db, words), words);
      }
      // Operators are searched for as words: a trailing AND would otherwise be a syntax error, and "and" is in neither text.
      assert.deepEqual(search(store.db, 'oil AND').map((r) => r.article_id), []);
      assert.deepEqual(search(store.db, '"oil"').map((r) => r.article_id), [kremlin.id]);
      assert.deepEqual(search(store.db, 'tariffs; DROP').length, 0);
      assert.equal((store.db.prepare('SELECT count(*) FROM articles').pluck().get()), 2);
    });

    it('empty input is an InputError, not an FTS error', () => {
      assert.throws(() => search(store.db, '   '), (e: unknown) => e instanceof InputError && /no words/.test(e.problem));
    });
  });
});

describe('name matching ignores case and accents beyond ASCII', () => {
  it('finds "Šefčovič" as sefcovic, ŠEFČOVIČ or Maroš', () => {
    const store = openStore(join(tmpDir(), 'accents.db'));
    const base = gazaArticle();
    store.put({
      ...base,
      quotes: [{ ...base.quotes[0], speaker: { name: 'Maroš Šefčovič' } }],
      events: [{ ...base.events[0], source: { name: 'Maroš Šefčovič' } }],
    });
    for (const speaker of ['sefcovic', 'ŠEFČOVIČ', 'Maroš', 'maros sefcovic']) {
      assert.deepEqual(queryQuotes(store.db, { speaker }).map((r) => r.speaker), ['Maroš Šefčovič'], speaker);
    }
    assert.deepEqual(queryQuotes(store.db, { speaker: 'sefco' }), []);
    assert.deepEqual(queryEvents(store.db, { actor: 'ŠEFČ' }).map((r) => r.source_name), ['Maroš Šefčovič']);
    store.close();
  });
});
