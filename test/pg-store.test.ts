// What only the PostgreSQL store has: versioned migrations under a lock, monthly event partitions, many
// processes (here: pools) writing at once. What it shares with SQLite runs in the query, dedup, export and
// serve tests on both backends.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { InputError } from '../src/errors.ts';
import { quotesPage } from '../src/query/quote-pages.ts';
import { openStore, PG_SCHEMA_VERSION, type Store } from '../src/store/index.ts';
import { copyArticle, wireArticle } from './dedup-fixtures.ts';
import { gazaArticle, kremlinArticle } from './fixtures.ts';
import { createTestDatabase, type TestDatabase } from './pg-fixture.ts';

const TABLES = ['articles', 'entities', 'mentions', 'quotes', 'times', 'events', 'search_index', 'event_mentions', 'merged_events', 'story_members'];

async function counts(store: Store): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of TABLES) out[t] = (await store.sql.value<number>(`SELECT count(*) FROM ${t}`))!;
  return out;
}

describe('PostgreSQL store', () => {
  let db: TestDatabase;
  before(async () => {
    db = await createTestDatabase();
  });
  after(async () => {
    await db?.drop();
  });

  it('opened by many processes at once, migrates exactly once, and reopening changes nothing', async () => {
    const stores = await Promise.all([1, 2, 3, 4].map(() => openStore(db.url)));
    try {
      const versions = await stores[0].sql.all<{ version: number }>('SELECT version FROM wirewatch_schema ORDER BY version');
      assert.deepEqual(versions.map((v) => v.version), Array.from({ length: PG_SCHEMA_VERSION }, (_, i) => i + 1));
    } finally {
      for (const s of stores) await s.close();
    }
    const again = await openStore(db.url);
    assert.equal(await again.sql.value('SELECT count(*) FROM wirewatch_schema'), PG_SCHEMA_VERSION);
    await again.close();
  });

  it('writes every part of an article; ids are bigints in insertion order; the same article again is unchanged', async () => {
    const store = await openStore(db.url);
    try {
      const a = kremlinArticle();
      assert.equal(await store.put(a), 'inserted');
      assert.equal(await store.put(kremlinArticle({ source: { uri: 'elsewhere.txt', format: 'text' } })), 'unchanged');
      const c = await counts(store);
      assert.deepEqual([c.articles, c.entities, c.mentions, c.quotes, c.times, c.events, c.search_index], [1, 2, 3, 2, 1, 2, 3]);
      const types = await store.sql.all<{ table_name: string; data_type: string }>(`
        SELECT table_name, data_type FROM information_schema.columns WHERE column_name = 'rowid' AND table_name IN ('events', 'quotes', 'merged_events')`);
      assert.ok(types.length >= 3 && types.every((t) => t.data_type === 'bigint'), JSON.stringify(types));
      const row = (await store.sql.get<{ uri: string; json: string }>('SELECT uri, json FROM articles WHERE id = ?', [a.id]))!;
      assert.equal(row.uri, 'kremlin.txt');
      assert.deepEqual(JSON.parse(row.json), a);
      const folded = await store.sql.value('SELECT speaker_name_folded FROM quotes WHERE quote_id = ?', ['q1']);
      assert.equal(folded, 'dmitry peskov');
    } finally {
      await store.close();
    }
  });

  it('puts events in a partition per month, created on demand, and undated ones in the default partition', async () => {
    const store = await openStore(db.url);
    try {
      const base = gazaArticle();
      await store.put({
        ...base, id: 'a'.repeat(64), text: `${base.text} Later.`,
        events: [{ ...base.events[0], id: 'v1', date: '2024-12-05' }, { ...base.events[0], id: 'v2', date: 'PRESENT_REF' },
          { ...base.events[0], id: 'v3', date: undefined }],
      });
      const where = await store.sql.all<{ part: string; n: number }>(`
        SELECT tableoid::regclass::text AS part, count(*) AS n FROM events GROUP BY 1 ORDER BY 1`);
      assert.deepEqual(where, [{ part: 'events_undated', n: 2 }, { part: 'events_y2024m12', n: 1 }, { part: 'events_y2025m03', n: 2 }]);
      const parts = await store.sql.all<{ name: string }>(`
        SELECT c.relname AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
        WHERE i.inhparent = 'events'::regclass ORDER BY 1`);
      assert.deepEqual(parts.map((p) => p.name), ['events_undated', 'events_y2024m12', 'events_y2025m03']);
    } finally {
      await store.close();
    }
  });

  it('creates a new month race-free when many writers want it at once', async () => {
    const stores = await Promise.all([1, 2, 3].map(() => openStore(db.url)));
    try {
      const base = gazaArticle();
      const results = await Promise.all(stores.map((s, i) => s.put({
        ...base, id: String(i).repeat(64), text: `${base.text} Copy ${i}.`,
        events: [{ ...base.events[0], date: '2023-07-0' + (i + 1) }],
      })));
      assert.deepEqual(results, ['inserted', 'inserted', 'inserted']);
      assert.equal(await stores[0].sql.value("SELECT count(*) FROM events_y2023m07"), 3);
    } finally {
      for (const s of stores) await s.close();
    }
  });

  it('a failing article leaves nothing behind, and a batch is all or nothing', async () => {
    const store = await openStore(db.url);
    try {
      const before = await counts(store);
      const good = kremlinArticle({ id: 'b'.repeat(64), text: `${kremlinArticle().text} B.` });
      const broken = { ...good, quotes: [good.quotes[0], { ...good.quotes[1], id: good.quotes[0].id }] };
      await assert.rejects(() => store.put(broken), /duplicate key value violates unique constraint "quotes_pkey"/);
      assert.deepEqual(await counts(store), before);
      const other = { ...gazaArticle(), id: 'c'.repeat(64), text: `${gazaArticle().text} C.` };
      await assert.rejects(() => store.putMany([other, broken]), /duplicate key/);
      assert.deepEqual(await counts(store), before, 'the good article of a failed batch is not stored either');
      assert.deepEqual(await store.putMany([other, good, other]), ['inserted', 'inserted', 'unchanged']);
      assert.equal(await store.sql.value('SELECT count(*) FROM articles'), before.articles + 2);
    } finally {
      await store.close();
    }
  });

  it('copies of one story written by concurrent writers end in one story, whatever order they commit in', async () => {
    const [s1, s2] = await Promise.all([openStore(db.url), openStore(db.url)]);
    try {
      const wire = wireArticle();
      const copy = copyArticle();
      await Promise.all([s1.put(wire), s2.put(copy)]);
      const stories = await s1.sql.all<{ story_id: string }>('SELECT DISTINCT story_id FROM story_members WHERE article_id IN (?, ?)', [wire.id, copy.id]);
      assert.equal(stories.length, 1);
      const threats = await s1.sql.value<number>(`SELECT count(*) FROM merged_events m JOIN event_mentions em ON em.merged_event_id = m.id
        WHERE m.type = 'THREATEN' AND em.article_id IN (?, ?)`, [wire.id, copy.id]);
      assert.equal(threats, 2, 'both mentions of the threat are in one merged event');
      assert.equal(await s1.sql.value(`SELECT count(DISTINCT merged_event_id) FROM event_mentions em JOIN events e USING (article_id, event_id)
        WHERE e.type = 'THREATEN' AND em.article_id IN (?, ?)`, [wire.id, copy.id]), 1);
    } finally {
      await s1.close();
      await s2.close();
    }
  });

  it('stores text with NUL characters, which PostgreSQL text cannot hold, keeping the JSON exact', async () => {
    const store = await openStore(db.url);
    try {
      const base = gazaArticle();
      const a = { ...base, id: 'd'.repeat(64), text: `${base.text}\u0000`, meta: { ...base.meta, title: 'A\u0000B' } };
      assert.equal(await store.put(a), 'inserted');
      const row = (await store.sql.get<{ title: string; json: string }>('SELECT title, json FROM articles WHERE id = ?', [a.id]))!;
      assert.equal(row.title, 'A\uFFFDB');
      assert.deepEqual(JSON.parse(row.json), a);
    } finally {
      await store.close();
    }
  });

  it('deleting an article cascades to all its rows', async () => {
    const store = await openStore(db.url);
    try {
      const id = kremlinArticle().id;
      await store.sql.run('DELETE FROM articles WHERE id = ?', [id]);
      for (const t of TABLES.slice(1)) {
        assert.equal(await store.sql.value(`SELECT count(*) FROM ${t === 'merged_events' ? 'event_mentions' : t} WHERE article_id = ?`, [id]), 0, t);
      }
    } finally {
      await store.close();
    }
  });

  it('a database of schema version 1 gets quote_words filled for its quotes when opened', async () => {
    const other = await createTestDatabase();
    try {
      const s = await openStore(other.url);
      await s.put(kremlinArticle());
      await s.sql.exec('DROP TABLE quote_words; DELETE FROM wirewatch_schema WHERE version > 1;');
      await s.close();
      const again = await openStore(other.url);
      try {
        assert.equal(await again.sql.value('SELECT max(version) FROM wirewatch_schema'), PG_SCHEMA_VERSION);
        const page = await quotesPage(again.sql, { speaker: 'Peskov' }, { limit: 10 });
        assert.deepEqual(page.items.map((q) => q.id), ['q1', 'q2']);
      } finally {
        await again.close();
      }
    } finally {
      await other.drop();
    }
  });

  it('refuses a database written by a newer schema version', async () => {
    const other = await createTestDatabase();
    try {
      const s = await openStore(other.url);
      await s.sql.run('INSERT INTO wirewatch_schema (version) VALUES (?)', [PG_SCHEMA_VERSION + 1]);
      await s.close();
      await assert.rejects(() => openStore(other.url), (e: unknown) => e instanceof InputError && /newer wirewatch/.test(e.problem));
    } finally {
      await other.drop();
    }
  });

  it('an unreachable server is an InputError naming it, without its password', async () => {
    await assert.rejects(() => openStore('postgres://someone:secret@127.0.0.1:1/nowhere'),
      (e: unknown) => e instanceof InputError && /cannot open database/.test(e.problem) && !e.message.includes('secret') && e.message.includes('127.0.0.1:1'));
  });
});
