// Workers sharing one SQLite file: a worker that finds the write lock taken keeps analysing instead of
// sleeping, and stores what it holds once the lock is free; its journal entries commit with its articles.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { openStore } from '../src/store/index.ts';
import { taker, type TakeEvent } from '../src/ingest/take-inputs.ts';
import { analyze } from '../src/pipeline.ts';
import { gazaArticle, kremlinArticle, REPO, tmpDir } from './fixtures.ts';

/**
 * Another writer on the same file, in a process of its own (a wait for the lock blocks this thread): it
 * takes the write lock, then lets it go `ms` after being asked to.
 */
async function lockHolder(file: string) {
  const child = spawn(process.execPath, ['-e', `
    const db = new (require('better-sqlite3'))(process.argv[1]);
    db.exec('BEGIN IMMEDIATE');
    console.log('locked');
    process.stdin.once('data', (ms) => setTimeout(() => { db.exec('COMMIT'); db.close(); process.exit(0); }, Number(ms)));
  `, file], { cwd: REPO, stdio: ['pipe', 'pipe', 'inherit'] });
  await once(child.stdout!, 'data');
  const exited = once(child, 'exit');
  return {
    /** let go of the lock `ms` from now */
    releaseIn: (ms: number) => new Promise<void>((resolve) => child.stdin!.write(`${ms}\n`, () => resolve())),
    release: async () => { child.stdin!.write('0\n'); await exited; },
  };
}

function inputs(n: number): string[] {
  const dir = tmpDir();
  return Array.from({ length: n }, (_, i) => {
    const p = join(dir, `a${i}.txt`);
    writeFileSync(p, `Kremlin spokesman Dmitry Peskov said on Monday, "Talks number ${i} went well."\n`);
    return p;
  });
}

describe('writes while another writer holds the database', () => {
  it('putManyIfFree answers undefined at once when the lock is taken, and stores when it is free', async () => {
    const file = join(tmpDir(), 'busy.db');
    const store = await openStore(file);
    const other = await lockHolder(file);
    const t = performance.now();
    assert.equal(await store.putManyIfFree([kremlinArticle()]), undefined);
    assert.ok(performance.now() - t < 1000, 'it waited for the lock');
    await other.release();
    assert.deepEqual(await store.putManyIfFree([kremlinArticle()]), ['inserted']);
    assert.equal(await store.sql.value('SELECT count(*) FROM articles'), 1);
    await store.close();
  });

  it('the caller\'s own writes commit with the articles, or neither does', async () => {
    const store = await openStore(join(tmpDir(), 'also.db'));
    await store.sql.exec('CREATE TABLE notes (n TEXT)');
    await assert.rejects(() => store.putMany([kremlinArticle()], { also: async (tx) => {
      await tx.run("INSERT INTO notes VALUES ('x')");
      throw new Error('after the articles');
    } }), /after the articles/);
    assert.equal(await store.sql.value('SELECT count(*) FROM articles'), 0);
    assert.deepEqual(await store.putMany([gazaArticle()], { also: async (tx) => { await tx.run("INSERT INTO notes VALUES ('y')"); } }), ['inserted']);
    assert.deepEqual(await store.sql.all('SELECT n FROM notes'), [{ n: 'y' }]);
    await store.close();
  });

  it('a taker goes on analysing while the lock is taken, and waits only with its hands full', async () => {
    const file = join(tmpDir(), 'taker.db');
    const store = await openStore(file);
    const t = await taker(store, { meta: {}, read: {}, batch: 1 });
    const events: TakeEvent[] = [];
    const emit = (e: TakeEvent) => events.push(e);
    analyze('Warm-up: the models load on the first article.');
    const other = await lockHolder(file);

    // Three inputs, a batch each: all analysed, none stored, no journal entry, and no waiting.
    const [a, b, c, d, e] = inputs(5);
    await t.take([a, b, c], emit);
    assert.deepEqual(events.filter((x) => x.type === 'analysed').map((x) => (x as { input: string }).input), [a, b, c]);
    assert.equal(events.filter((x) => x.type === 'stored').length, 0);

    // A fourth batch in hand: now it waits for the lock, then stores all four with their journal entries.
    await other.releaseIn(300);
    const started = performance.now();
    await t.take([d], emit);
    assert.ok(performance.now() - started >= 250, 'it did not wait for the lock');
    const stored = events.filter((x) => x.type === 'stored') as Extract<TakeEvent, { type: 'stored' }>[];
    assert.deepEqual(stored.map((s) => s.inputs), [[a, b, c, d]]);
    assert.equal(stored[0].inserted, 4);
    assert.equal(await store.sql.value('SELECT count(*) FROM ingest_inputs'), 4);

    // Short of a batch, articles wait for finish.
    const t2 = await taker(store, { meta: {}, read: {}, batch: 10 });
    await t2.take([e], emit);
    assert.equal(await store.sql.value('SELECT count(*) FROM articles'), 4);
    await t2.finish(emit);
    assert.equal(await store.sql.value('SELECT count(*) FROM articles'), 5);
    assert.equal(await store.sql.value('SELECT count(*) FROM ingest_inputs'), 5);
    await store.close();
  });
});
