import assert from 'node:assert/strict';
import { writeFileSync, existsSync, mkdirSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { InputError } from '../src/errors.ts';
import { openStore, SCHEMA_VERSION, type Sql } from '../src/store/index.ts';
import { gazaArticle, kremlinArticle, REPO, tmpDir } from './fixtures.ts';

const TABLES = ['articles', 'entities', 'mentions', 'quotes', 'times', 'events', 'search_index'];

async function counts(db: Sql): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of TABLES) out[t] = (await db.value<number>(`SELECT count(*) FROM ${t}`))!;
  return out;
}

/** A second, plain connection to a store's SQLite file, for what the port does not offer (pragmas). */
function raw(file: string): Database.Database {
  return new Database(file);
}

describe('store', () => {
  const dir = tmpDir();

  it('creates the schema at the current version, in WAL mode with foreign keys on', async () => {
    const store = await openStore(join(dir, 'new.db'));
    const db = raw(join(dir, 'new.db'));
    assert.equal(db.pragma('user_version', { simple: true }), SCHEMA_VERSION);
    assert.equal(db.pragma('journal_mode', { simple: true }), 'wal');
    db.close();
    assert.equal(await store.sql.value('PRAGMA foreign_keys'), 1);
    await await store.close();
    // Reopening runs no migration twice (it would fail on CREATE TABLE).
    await (await openStore(join(dir, 'new.db'))).close();
  });

  it('writes every part of an article into its table', async () => {
    const store = await openStore(join(dir, 'parts.db'));
    const a = kremlinArticle();
    assert.equal(await store.put(a), 'inserted');
    assert.deepEqual((await counts(store.sql)), {
      articles: 1, entities: 2, mentions: 3, quotes: 2, times: 1, events: 2, search_index: 3,
    });
    const row = (await store.sql.get<Record<string, string>>('SELECT * FROM articles'))!;
    assert.equal(row.id, a.id);
    assert.equal(row.uri, 'kremlin.txt');
    assert.equal(row.title, 'Kremlin open to contact');
    assert.equal(row.published, '2025-03-31');
    assert.equal(row.credit, 'agencies');
    assert.deepEqual(JSON.parse(row.json), a);
    const quote = (await store.sql.get<Record<string, unknown>>("SELECT * FROM quotes WHERE quote_id = 'q1'"))!;
    assert.equal(quote.speaker_name, 'Dmitry Peskov');
    assert.equal(quote.speaker_entity, 'e1');
    assert.equal(quote.date, '2025-03-31');
    assert.equal(a.text.slice(quote.start as number, quote.end as number), quote.text);
    const ev = (await store.sql.get<Record<string, unknown>>("SELECT * FROM events WHERE event_id = 'v1'"))!;
    assert.deepEqual([ev.type, ev.mode, ev.cameo, ev.source_country, ev.target_name, ev.conditional, ev.negated],
      ['THREATEN', 'sanctions', '1312', 'USA', 'Russia', 1, 0]);
    await store.close();
  });

  it('re-putting the same article changes nothing and says so', async () => {
    const file = join(dir, 'again.db');
    const store = await openStore(file);
    assert.equal(await store.put(kremlinArticle()), 'inserted');
    const before = (await counts(store.sql));
    const ingestedAt = await store.sql.value('SELECT ingested_at FROM articles');
    assert.equal(await store.put(kremlinArticle({ source: { uri: 'elsewhere.txt', format: 'text' } })), 'unchanged');
    await store.close();
    const reopened = await openStore(file);
    assert.equal(await reopened.put(kremlinArticle()), 'unchanged');
    assert.deepEqual((await counts(reopened.sql)), before);
    assert.equal(await reopened.sql.value('SELECT ingested_at FROM articles'), ingestedAt);
    assert.equal(await reopened.sql.value('SELECT uri FROM articles'), 'kremlin.txt');
    await reopened.close();
  });

  it('writes an article in one transaction: a failure part-way leaves nothing of it', async () => {
    const store = await openStore(join(dir, 'atomic.db'));
    await store.put(gazaArticle());
    const before = (await counts(store.sql));
    // Two quotes with one id pass the schema but break the quotes primary key, after the article,
    // entity and mention rows were already written inside the transaction.
    const good = kremlinArticle();
    const broken = kremlinArticle({ quotes: [good.quotes[0], { ...good.quotes[1], id: good.quotes[0].id }] });
    await assert.rejects(() => store.put(broken), /UNIQUE constraint failed: quotes/);
    assert.deepEqual((await counts(store.sql)), before);
    assert.equal(await store.sql.value('SELECT count(*) FROM articles WHERE id = ?', [good.id]), 0);
    // Nothing was left half-done to block a correct write of the same article.
    assert.equal(await store.put(good), 'inserted');
    await store.close();
  });

  it('refuses a document that is not a valid wirewatch.article/1, writing nothing', async () => {
    const store = await openStore(join(dir, 'invalid.db'));
    const bad = { ...kremlinArticle(), schema: 'wirewatch.article/0' } as unknown as ReturnType<typeof kremlinArticle>;
    await assert.rejects(() => store.put(bad), /not a valid wirewatch\.article\/1/);
    assert.equal((await counts(store.sql)).articles, 0);
    await store.close();
  });

  it('deleting an article cascades to all its rows, the search index included', async () => {
    const store = await openStore(join(dir, 'cascade.db'));
    await store.put(kremlinArticle());
    await store.put(gazaArticle());
    await store.sql.run('DELETE FROM articles WHERE id = ?', [kremlinArticle().id]);
    assert.deepEqual((await counts(store.sql)), {
      articles: 1, entities: 1, mentions: 1, quotes: 1, times: 1, events: 1, search_index: 2,
    });
    await store.close();
  });

  it('enforces foreign keys', async () => {
    const store = await openStore(join(dir, 'fk.db'));
    await assert.rejects(() => store.sql.run(
      "INSERT INTO times (article_id, text, type, start, \"end\", source_start, source_end) VALUES ('nope', 'x', 'DATE', 0, 1, 0, 1)",
    ), /FOREIGN KEY constraint failed/);
    await store.close();
  });

  it('with mustExist, a missing file is an InputError and no file is created', async () => {
    const file = join(dir, 'missing.db');
    await assert.rejects(() => openStore(file, { mustExist: true }),
      (e: unknown) => e instanceof InputError && e.input === file && /no such database/.test(e.problem));
    assert.equal(existsSync(file), false);
  });

  it('a file that is not SQLite, or a directory, is an InputError naming it', async () => {
    const text = join(dir, 'notes.txt');
    writeFileSync(text, 'these are notes, not a database\n'.repeat(200));
    await assert.rejects(() => openStore(text), (e: unknown) => e instanceof InputError && e.input === text && /not a SQLite database/.test(e.problem));
    const folder = join(dir, 'folder.db');
    mkdirSync(folder);
    await assert.rejects(() => openStore(folder), (e: unknown) => e instanceof InputError && /is a directory/.test(e.problem));
  });

  it('several processes creating one new file at once migrate it once, without an error', async () => {
    const file = join(dir, 'race.db');
    // All start at one moment, once loaded, so their migrations overlap.
    const at = Date.now() + 4000;
    const code = `const { openStore } = await import(${JSON.stringify(new URL('../src/store/index.ts', import.meta.url).href)});
      await new Promise((r) => setTimeout(r, ${at} - Date.now()));
      const s = await openStore(${JSON.stringify(file)}); await s.close();`;
    const runs = await Promise.all(Array.from({ length: 4 }, () => new Promise<{ code: number | null; stderr: string }>((done) => {
      const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], { cwd: REPO });
      let stderr = '';
      child.stderr.setEncoding('utf8').on('data', (d: string) => { stderr += d; });
      child.on('exit', (c) => done({ code: c, stderr }));
    })));
    for (const r of runs) assert.equal(r.code, 0, r.stderr);
    const db = raw(file);
    assert.equal(db.pragma('user_version', { simple: true }), SCHEMA_VERSION);
    db.close();
  });

  it('refuses a database written by a newer schema version instead of guessing', async () => {
    const file = join(dir, 'future.db');
    const db = new Database(file);
    db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    db.close();
    await assert.rejects(() => openStore(file), /newer wirewatch/);
  });
});
