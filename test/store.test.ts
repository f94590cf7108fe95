import assert from 'node:assert/strict';
import { writeFileSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { InputError } from '../src/errors.ts';
import { openStore, SCHEMA_VERSION } from '../src/store/index.ts';
import { gazaArticle, kremlinArticle, tmpDir } from './fixtures.ts';

const TABLES = ['articles', 'entities', 'mentions', 'quotes', 'times', 'events', 'search_index'];

function counts(db: Database.Database): Record<string, number> {
  return Object.fromEntries(TABLES.map((t) => [t, (db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n]));
}

describe('store', () => {
  const dir = tmpDir();

  it('creates the schema at the current version, in WAL mode with foreign keys on', () => {
    const store = openStore(join(dir, 'new.db'));
    assert.equal(store.db.pragma('user_version', { simple: true }), SCHEMA_VERSION);
    assert.equal(store.db.pragma('journal_mode', { simple: true }), 'wal');
    assert.equal(store.db.pragma('foreign_keys', { simple: true }), 1);
    store.close();
    // Reopening runs no migration twice (it would fail on CREATE TABLE).
    openStore(join(dir, 'new.db')).close();
  });

  it('writes every part of an article into its table', () => {
    const store = openStore(join(dir, 'parts.db'));
    const a = kremlinArticle();
    assert.equal(store.put(a), 'inserted');
    assert.deepEqual(counts(store.db), {
      articles: 1, entities: 2, mentions: 3, quotes: 2, times: 1, events: 2, search_index: 3,
    });
    const row = store.db.prepare('SELECT * FROM articles').get() as Record<string, string>;
    assert.equal(row.id, a.id);
    assert.equal(row.uri, 'kremlin.txt');
    assert.equal(row.title, 'Kremlin open to contact');
    assert.equal(row.published, '2025-03-31');
    assert.equal(row.credit, 'agencies');
    assert.deepEqual(JSON.parse(row.json), a);
    const quote = store.db.prepare("SELECT * FROM quotes WHERE quote_id = 'q1'").get() as Record<string, unknown>;
    assert.equal(quote.speaker_name, 'Dmitry Peskov');
    assert.equal(quote.speaker_entity, 'e1');
    assert.equal(quote.date, '2025-03-31');
    assert.equal(a.text.slice(quote.start as number, quote.end as number), quote.text);
    const ev = store.db.prepare("SELECT * FROM events WHERE event_id = 'v1'").get() as Record<string, unknown>;
    assert.deepEqual([ev.type, ev.mode, ev.cameo, ev.source_country, ev.target_name, ev.conditional, ev.negated],
      ['THREATEN', 'sanctions', '1312', 'USA', 'Russia', 1, 0]);
    store.close();
  });

  it('re-putting the same article changes nothing and says so', () => {
    const file = join(dir, 'again.db');
    const store = openStore(file);
    assert.equal(store.put(kremlinArticle()), 'inserted');
    const before = counts(store.db);
    const ingestedAt = store.db.prepare('SELECT ingested_at FROM articles').pluck().get();
    assert.equal(store.put(kremlinArticle({ source: { uri: 'elsewhere.txt', format: 'text' } })), 'unchanged');
    store.close();
    const reopened = openStore(file);
    assert.equal(reopened.put(kremlinArticle()), 'unchanged');
    assert.deepEqual(counts(reopened.db), before);
    assert.equal(reopened.db.prepare('SELECT ingested_at FROM articles').pluck().get(), ingestedAt);
    assert.equal(reopened.db.prepare('SELECT uri FROM articles').pluck().get(), 'kremlin.txt');
    reopened.close();
  });

  it('writes an article in one transaction: a failure part-way leaves nothing of it', () => {
    const store = openStore(join(dir, 'atomic.db'));
    store.put(gazaArticle());
    const before = counts(store.db);
    // Two quotes with one id pass the schema but break the quotes primary key, after the article,
    // entity and mention rows were already written inside the transaction.
    const good = kremlinArticle();
    const broken = kremlinArticle({ quotes: [good.quotes[0], { ...good.quotes[1], id: good.quotes[0].id }] });
    assert.throws(() => store.put(broken), /UNIQUE constraint failed: quotes/);
    assert.deepEqual(counts(store.db), before);
    assert.equal(store.db.prepare('SELECT count(*) FROM articles WHERE id = ?').pluck().get(good.id), 0);
    // Nothing was left half-done to block a correct write of the same article.
    assert.equal(store.put(good), 'inserted');
    store.close();
  });

  it('refuses a document that is not a valid wirewatch.article/1, writing nothing', () => {
    const store = openStore(join(dir, 'invalid.db'));
    const bad = { ...kremlinArticle(), schema: 'wirewatch.article/0' } as unknown as ReturnType<typeof kremlinArticle>;
    assert.throws(() => store.put(bad), /not a valid wirewatch\.article\/1/);
    assert.equal(counts(store.db).articles, 0);
    store.close();
  });

  it('deleting an article cascades to all its rows, the search index included', () => {
    const store = openStore(join(dir, 'cascade.db'));
    store.put(kremlinArticle());
    store.put(gazaArticle());
    store.db.prepare('DELETE FROM articles WHERE id = ?').run(kremlinArticle().id);
    assert.deepEqual(counts(store.db), {
      articles: 1, entities: 1, mentions: 1, quotes: 1, times: 1, events: 1, search_index: 2,
    });
    store.close();
  });

  it('enforces foreign keys', () => {
    const store = openStore(join(dir, 'fk.db'));
    assert.throws(() => store.db.prepare(
      "INSERT INTO times (article_id, text, type, start, end, source_start, source_end) VALUES ('nope', 'x', 'DATE', 0, 1, 0, 1)",
    ).run(), /FOREIGN KEY constraint failed/);
    store.close();
  });

  it('with mustExist, a missing file is an InputError and no file is created', () => {
    const file = join(dir, 'missing.db');
    assert.throws(() => openStore(file, { mustExist: true }),
      (e: unknown) => e instanceof InputError && e.input === file && /no such database/.test(e.problem));
    assert.equal(existsSync(file), false);
  });

  it('a file that is not SQLite, or a directory, is an InputError naming it', () => {
    const text = join(dir, 'notes.txt');
    writeFileSync(text, 'these are notes, not a database\n'.repeat(200));
    assert.throws(() => openStore(text), (e: unknown) => e instanceof InputError && e.input === text && /not a SQLite database/.test(e.problem));
    const folder = join(dir, 'folder.db');
    mkdirSync(folder);
    assert.throws(() => openStore(folder), (e: unknown) => e instanceof InputError && /is a directory/.test(e.problem));
  });

  it('refuses a database written by a newer schema version instead of guessing', () => {
    const file = join(dir, 'future.db');
    const db = new Database(file);
    db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    db.close();
    assert.throws(() => openStore(file), /newer wirewatch/);
  });
});
