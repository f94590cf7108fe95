// Real worker processes (`node bin/wirewatch.js worker`) sharing one PostgreSQL queue: one is killed with
// SIGKILL in the middle of an article, the others finish the ingest; the job it held is taken again once
// its lease runs out, the poison input is parked, and the database ends with exactly the expected
// articles, each whole.
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { InputError } from '../src/errors.ts';
import { analyzeAll } from '../src/ingest/index.ts';
import type { Article } from '../src/schema/article.ts';
import { openStore } from '../src/store/index.ts';
import { freshDatabase, rows } from './queue-fixtures.ts';

const BIN = fileURLToPath(new URL('../bin/wirewatch.js', import.meta.url));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let dir: string;
const children: ChildProcess[] = [];

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ww-queue-workers-'));
});
after(async () => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function paragraph(i: number, topic: string): string {
  return `Minister Anna Berg said on Monday that talks with the ${topic} number ${i} would resume. ` +
    `"We are ready to meet them," Berg told reporters in the capital. Officials expect a decision within ${i + 2} weeks.`;
}

function cli(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function startWorker(args: string[]): { child: ChildProcess; output: () => string; exited: Promise<{ code: number | null; stdout: string; stderr: string }> } {
  const child = spawn(process.execPath, [BIN, 'worker', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let stdout = '', stderr = '';
  child.on('close', () => { if (process.env.WW_TEST_DEBUG) process.stderr.write(`worker ${child.pid}:\n${stdout}${stderr}`); });
  child.stdout!.on('data', (d) => { stdout += d; });
  child.stderr!.on('data', (d) => { stderr += d; });
  const exited = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
  return { child, exited, output: () => stdout + stderr };
}

/** A fresh PostgreSQL database for one test, dropped after it. */
async function withDatabase(fn: (url: string) => Promise<void>): Promise<void> {
  const own = await freshDatabase();
  try {
    await fn(own.url);
  } finally {
    await own.drop();
  }
}

async function until<T>(what: string, ms: number, fn: () => Promise<T | undefined>): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
}

for (const backend of ['postgres', 'sqlite'] as const) {
  test(`a worker killed mid-article: its job is taken again after the lease, and the ${backend} store ends with exactly the expected articles, each whole`,
    { timeout: 180_000 }, () => withDatabase((url) => killedMidArticle(backend, url)));
}

async function killedMidArticle(backend: 'postgres' | 'sqlite', url: string): Promise<void> {
  const inputs = join(dir, `inputs-${backend}`);
  const { mkdirSync } = await import('node:fs');
  mkdirSync(inputs);
  // The first job is long (most of a second of analysis) so the kill lands while it is being analysed.
  // A lease must outlast the slowest article: it is renewed between articles, not during one.
  writeFileSync(join(inputs, '000-long.txt'), Array.from({ length: 150 }, (_, i) => paragraph(i, 'southern region')).join('\n\n'));
  for (let i = 1; i <= 10; i++) writeFileSync(join(inputs, `${String(i).padStart(3, '0')}-story.txt`), `${paragraph(i, 'northern province')}\n\n${paragraph(i + 50, 'eastern coast')}\n`);
  writeFileSync(join(inputs, '005-poison.html'), '<html><head><script>var a = 1;</script></head><body></body></html>');
  // the PostgreSQL store shares the queue's database (the default); SQLite is a file beside it
  const store = backend === 'postgres' ? url : join(dir, 'store.db');

  const enq = cli(['enqueue', inputs, '--db', url]);
  assert.equal(enq.status, 0, enq.stderr);
  assert.match(enq.stdout, /: 12 queued, 0 already queued, 0 unreadable/);
  // idempotent across runs too
  assert.match(cli(['enqueue', inputs, '--db', url]).stdout, /: 0 queued, 12 already queued/);

  const common = ['--db', url, '--store', store, '--max-attempts', '3', '--retry-delay', '0ms', '--poll', '100ms'];
  // A lease is set by the claim: short for the worker about to die (its job comes back soon), long for
  // the ones that finish, so a slow analysis on a busy machine does not lose theirs.
  const doomed = startWorker([...common, '--lease', '2s']);
  const held = await until('the first worker to claim the long article', 30_000, async () => {
    if (doomed.child.exitCode !== null) throw new Error(`the worker exited early:\n${doomed.output()}`);
    const r = await rows<{ locked_by: string }>(url, `SELECT locked_by FROM queue_jobs WHERE input LIKE '%000-long.txt' AND status = 'running'`);
    return r[0]?.locked_by;
  });
  assert.match(held, new RegExp(`:${doomed.child.pid}:`));
  doomed.child.kill('SIGKILL');
  const killed = await doomed.exited;
  assert.equal(killed.code, null, 'killed, not exited');
  // it died holding the job: still marked running, under its lease
  const left = await rows<{ status: string; locked_by: string; attempts: number }>(url, `SELECT status, locked_by, attempts FROM queue_jobs WHERE input LIKE '%000-long.txt'`);
  assert.deepEqual(left, [{ status: 'running', locked_by: held, attempts: 1 }]);

  const [a, b] = [0, 1].map(() => startWorker([...common, '--lease', '60s', '--until-empty']));
  const [ra, rb] = await Promise.all([a.exited, b.exited]);
  assert.equal(ra.code, 0, ra.stderr);
  assert.equal(rb.code, 0, rb.stderr);
  assert.match(`${ra.stderr}${rb.stderr}`, /005-poison\.html: no article found on the page \(parked after 3 attempt/);
  // the temporary copy the killed worker was reading was cleared by the next worker on the machine
  assert.deepEqual(readdirSync(tmpdir()).filter((n) => n.startsWith(`wirewatch-job-${doomed.child.pid}-`)), []);

  const jobs = await rows<{ input: string; status: string; attempts: number; articles: number | null; last_error: string | null }>(
    url, 'SELECT input, status, attempts, articles, last_error FROM queue_jobs ORDER BY input');
  const byName = new Map(jobs.map((j) => [j.input.slice(inputs.length + 1), j]));
  assert.equal(byName.get('000-long.txt')!.status, 'done');
  assert.equal(byName.get('000-long.txt')!.attempts, 2, 'taken again once after the kill');
  assert.equal(byName.get('005-poison.html')!.status, 'parked');
  assert.equal(byName.get('005-poison.html')!.attempts, 3);
  assert.match(byName.get('005-poison.html')!.last_error!, /no article found/);
  for (const [name, j] of byName) {
    if (name === '000-long.txt' || name === '005-poison.html') continue;
    assert.deepEqual([name, j.status, j.attempts, j.articles], [name, 'done', 1, 1], 'every other job done once');
  }
  const status = cli(['queue', 'status', '--db', url]);
  assert.match(status.stdout, /^queued 0, running 0, done 11, parked 1\n/);
  assert.match(status.stdout, /parked #\d+ .*005-poison\.html after 3 attempt\(s\):\n  .*no article found on the page/);

  // Exactly the articles a plain analysis of the good inputs gives, each stored whole.
  const expected = new Set<string>();
  for (const j of jobs.filter((x) => x.status === 'done')) {
    for (const r of await analyzeAll(j.input)) if (!(r instanceof InputError)) expected.add(r.id);
  }
  assert.equal(expected.size, 11);
  const target = await openStore(store);
  try {
    if (backend === 'sqlite') assert.equal(await target.sql.value('PRAGMA integrity_check'), 'ok');
    const stored = await target.sql.all<{ id: string; json: string }>('SELECT id, json FROM articles ORDER BY id');
    assert.deepEqual(stored.map((r) => r.id), [...expected].sort());
    for (const r of stored) {
      const a = JSON.parse(r.json) as Article;
      const count = async (table: string) => Number(await target.sql.value(`SELECT count(*) FROM ${table} WHERE article_id = ?`, [r.id]));
      assert.equal(await count('quotes'), a.quotes.length, `${a.source.uri}: all its quotes stored`);
      assert.equal(await count('events'), a.events.length, `${a.source.uri}: all its events stored`);
      assert.equal(await count('entities'), a.entities.length, `${a.source.uri}: all its entities stored`);
      assert.ok(a.source.uri?.startsWith(inputs), 'named by the enqueued path');
    }
  } finally {
    await target.close();
  }
}

test('SIGTERM: the worker finishes the job in hand, exits cleanly and leaves the rest queued', { timeout: 120_000 }, () => withDatabase(async (url) => {
  const inputs = join(dir, 'term');
  const { mkdirSync } = await import('node:fs');
  mkdirSync(inputs);
  writeFileSync(join(inputs, '000-long.txt'), Array.from({ length: 150 }, (_, i) => paragraph(i, 'western hills')).join('\n\n'));
  for (let i = 1; i <= 5; i++) writeFileSync(join(inputs, `${i}.txt`), paragraph(i, 'river delta'));
  assert.equal(cli(['enqueue', inputs, '--db', url]).status, 0);
  const w = startWorker(['--db', url, '--lease', '10s']);
  await until('the worker to claim the long article', 30_000, async () => {
    if (w.child.exitCode !== null) throw new Error(`the worker exited early:\n${w.output()}`);
    const r = await rows(url, `SELECT 1 FROM queue_jobs WHERE input LIKE '%000-long.txt' AND status = 'running'`);
    return r.length ? true : undefined;
  });
  w.child.kill('SIGTERM');
  const r = await w.exited;
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stderr, /SIGTERM: finishing the current job/);
  const jobs = await rows<{ input: string; status: string }>(url, 'SELECT input, status FROM queue_jobs ORDER BY id');
  assert.equal(jobs[0].status, 'done', 'the job in hand was finished');
  assert.equal(jobs.filter((j) => j.status === 'running').length, 0, 'nothing left held');
  assert.ok(jobs.some((j) => j.status === 'queued'), 'the rest wait for another worker');
}));

test('the queue commands want a PostgreSQL URL, and say so when the server does not answer', () => {
  const notPg = cli(['enqueue', 'x.txt', '--db', 'local.db']);
  assert.equal(notPg.status, 2);
  assert.match(notPg.stderr, /the job queue lives in PostgreSQL: give a postgres:\/\/ URL/);
  const down = cli(['queue', 'status', '--db', 'postgres://postgres:secret@127.0.0.1:1/none']);
  assert.equal(down.status, 1);
  assert.match(down.stderr, /postgres:\/\/postgres:\*\*\*@127\.0\.0\.1:1\/none: cannot open the job queue \(connection refused/);
});
