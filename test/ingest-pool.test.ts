// Ingest on worker threads, and what survives when it is stopped: Ctrl-C, or kill -9 midway, on SQLite
// and on PostgreSQL. Real processes, real databases; the checks are the ones a user would make after a
// crash: the database is sound, every stored article is whole, and a resumed run ends with exactly the
// articles expected, none twice.
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { openStore } from '../src/store/index.ts';
import { BACKENDS, testTargets } from './pg-fixture.ts';
import { cli, REPO, tmpDir } from './fixtures.ts';

const BIN = join(REPO, 'bin', 'wirewatch.js');
const EXAMPLE = readFileSync(join(REPO, 'examples', 'kremlin-open-to-contact.txt'), 'utf8');
const ARTICLES = 24;

/** ARTICLES distinct articles (one sentence differs) and one file that is not text. */
function corpus(): string {
  const dir = join(tmpDir(), 'corpus');
  mkdirSync(dir);
  for (let i = 0; i < ARTICLES; i++) {
    writeFileSync(join(dir, `a${String(i).padStart(3, '0')}.txt`), `${EXAMPLE}\n\nThe Kremlin said it had received ${i + 2} letters on the matter.\n`);
    writeFileSync(join(dir, `a${String(i).padStart(3, '0')}.meta.json`), JSON.stringify({ published: '2025-03-31' }));
  }
  writeFileSync(join(dir, 'broken.txt'), Buffer.from([0, 1, 2, 3, 0, 0, 255, 254, 0]));
  return dir;
}

interface Health { integrity: string; articles: number; broken: string[] }

/** Integrity check (SQLite) and, for every stored article, its rows against its own JSON document. */
async function health(target: string): Promise<Health> {
  const store = await openStore(target, { mustExist: true });
  try {
    const integrity = store.sql.dialect === 'sqlite' ? String(await store.sql.value('PRAGMA integrity_check')) : 'ok';
    const rows = await store.sql.all<{ id: string; json: string }>('SELECT id, json FROM articles');
    const broken: string[] = [];
    for (const { id, json } of rows) {
      const a = JSON.parse(json) as { entities: unknown[]; quotes: unknown[]; events: unknown[]; times: unknown[] };
      for (const [table, expected] of [['entities', a.entities.length], ['quotes', a.quotes.length], ['events', a.events.length], ['times', a.times.length]] as const) {
        const n = Number(await store.sql.value(`SELECT count(*) FROM ${table} WHERE article_id = ?`, [id]));
        if (n !== expected) broken.push(`${id} ${table}: ${n} rows, document has ${expected}`);
      }
    }
    return { integrity, articles: rows.length, broken };
  } finally {
    await store.close();
  }
}

async function storedCount(target: string): Promise<number> {
  try {
    const store = await openStore(target, { mustExist: true });
    try {
      return Number(await store.sql.value('SELECT count(*) FROM articles'));
    } finally {
      await store.close();
    }
  } catch {
    return 0; // not created yet
  }
}

/** Start an ingest, wait until at least `atLeast` articles are committed, then send `signal`. */
async function interruptIngest(args: string[], target: string, atLeast: number, signal: NodeJS.Signals): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [BIN, 'ingest', ...args], { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '', stderr = '';
  child.stdout.on('data', (d) => { stdout += d; });
  child.stderr.on('data', (d) => { stderr += d; });
  const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
  let finished = false;
  void exited.then(() => { finished = true; });
  const deadline = Date.now() + 120_000;
  while (!finished && (await storedCount(target)) < atLeast) {
    if (Date.now() > deadline) { child.kill('SIGKILL'); throw new Error(`no ${atLeast} articles stored within 2 minutes:\n${stderr}`); }
    await new Promise((r) => setTimeout(r, 50));
  }
  assert.equal(finished, false, `the ingest ended before it could be interrupted:\n${stdout}${stderr}`);
  child.kill(signal);
  return { code: await exited, stdout, stderr };
}

test('worker threads store the same articles as one thread, and one bad file costs only itself', async () => {
  const dir = corpus();
  const work = tmpDir();
  const pooled = cli(['ingest', dir, '--db', join(work, 'pool.db'), '--workers', '2', '--batch', '4']);
  assert.equal(pooled.code, 2, pooled.stderr);
  assert.match(pooled.stdout, new RegExp(`${ARTICLES} inserted, 0 unchanged, 1 failed`));
  assert.match(pooled.stderr, /broken\.txt: /);
  const single = cli(['ingest', dir, '--db', join(work, 'one.db'), '--workers', '0']);
  assert.match(single.stdout, new RegExp(`${ARTICLES} inserted, 0 unchanged, 1 failed`));
  const ids = async (db: string) => {
    const store = await openStore(join(work, db), { mustExist: true });
    try {
      return (await store.sql.all<{ id: string; events: number }>('SELECT a.id, (SELECT count(*) FROM events e WHERE e.article_id = a.id) AS events FROM articles a ORDER BY a.id'));
    } finally {
      await store.close();
    }
  };
  const pool = await ids('pool.db');
  assert.equal(pool.length, ARTICLES);
  assert.deepEqual(pool, await ids('one.db'));
});

test('--resume leaves out the inputs already taken, and takes a file changed since', () => {
  const dir = corpus();
  const db = join(tmpDir(), 'r.db');
  cli(['ingest', dir, '--db', db, '--workers', '0']);
  writeFileSync(join(dir, 'a000.txt'), `${EXAMPLE}\n\nA new paragraph was added later.\n`);
  const again = cli(['ingest', dir, '--db', db, '--resume']);
  assert.equal(again.code, 0, again.stderr);
  assert.match(again.stdout, new RegExp(`1 inserted, 0 unchanged, 0 failed, ${ARTICLES} inputs already done`));
});

test('--workers must be a whole number', () => {
  const r = cli(['ingest', 'x.txt', '--workers', 'two']);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /--workers: not a whole number/);
});

for (const backend of BACKENDS) {
  describe(`interrupted ingest on ${backend}`, () => {
    const targets = testTargets(backend);
    after(() => targets.cleanup());

    test('kill -9 midway: the database is sound, stored articles are whole, --resume ends with every article once', async () => {
      const dir = corpus();
      const target = await targets.target();
      const killed = await interruptIngest([dir, '--db', target, '--workers', '2', '--batch', '3'], target, 6, 'SIGKILL');
      assert.equal(killed.code, null); // killed, not exited
      const mid = await health(target);
      assert.equal(mid.integrity, 'ok');
      assert.deepEqual(mid.broken, []);
      assert.ok(mid.articles >= 6 && mid.articles < ARTICLES, `${mid.articles} articles stored before the kill`);

      const resumed = cli(['ingest', dir, '--db', target, '--workers', '2', '--resume']);
      assert.ok(resumed.code === 0 || resumed.code === 2, resumed.stderr);
      assert.match(resumed.stdout, /inputs already done \(skipped\)/);
      const end = await health(target);
      assert.equal(end.integrity, 'ok');
      assert.deepEqual(end.broken, []);
      assert.equal(end.articles, ARTICLES);
    });

    test('Ctrl-C stops after the inputs in hand are stored and says how to go on', async () => {
      const dir = corpus();
      const target = await targets.target();
      const stopped = await interruptIngest([dir, '--db', target, '--workers', '2', '--batch', '2'], target, 4, 'SIGINT');
      assert.equal(stopped.code, 130, stopped.stderr);
      assert.match(stopped.stdout, /interrupted; run again with --resume/);
      const mid = await health(target);
      assert.deepEqual(mid.broken, []);
      const resumed = cli(['ingest', dir, '--db', target, '--resume']);
      assert.match(resumed.stdout, /inputs already done/);
      assert.equal((await health(target)).articles, ARTICLES);
    });
  });
}
