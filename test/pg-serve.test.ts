// The PostgreSQL side of the server's limits, and `wirewatch serve --db postgres://…` as a user runs it.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { openStore, type Sql, type Store } from '../src/store/index.ts';
import { cli, REPO } from './fixtures.ts';
import { createTestDatabase, type TestDatabase } from './pg-fixture.ts';
import { startServer } from './serve-fixture.ts';

describe('PostgreSQL behind the server', () => {
  let db: TestDatabase;
  before(async () => {
    db = await createTestDatabase();
  });
  after(async () => {
    await db?.drop();
  });

  it('cancels a statement that runs past the time limit', async () => {
    const store = await openStore(db.url, { statementTimeoutMs: 200 });
    try {
      await assert.rejects(() => store.sql.value('SELECT pg_sleep(2)'), (e: unknown) => (e as { code?: string }).code === '57014');
      assert.equal(await store.sql.value('SELECT 1'), 1, 'the connection is still good afterwards');
    } finally {
      await store.close();
    }
  });

  it('answers a cancelled query with 503 problem+json, saying what to do', async () => {
    const store = await openStore(db.url, { statementTimeoutMs: 200 });
    // Every list query made slow: what a costly query against a large database would do.
    const slowSql: Sql = { ...store.sql, all: async () => { await store.sql.value('SELECT pg_sleep(2)'); return []; } };
    const slow: Store = { ...store, sql: slowSql };
    const s = await startServer({ store: slow });
    try {
      const res = await fetch(`${s.url}/api/articles`);
      assert.equal(res.status, 503);
      assert.match(res.headers.get('content-type') ?? '', /^application\/problem\+json/);
      assert.match(((await res.json()) as { detail: string }).detail, /took too long/);
    } finally {
      await s.close();
      await store.close();
    }
  });

  it('wirewatch ingest, then serve --db postgres://… answers like a file database, without printing the password', async () => {
    const r = cli(['ingest', 'examples', '--db', db.url]);
    assert.equal(r.code, 0, r.stderr);
    const child = spawn(process.execPath, [join(REPO, 'bin', 'wirewatch.js'), 'serve', '--db', db.url.replace('postgres@', 'postgres:hunter2@'), '--port', '0'], { cwd: REPO });
    try {
      let out = '';
      child.stdout.setEncoding('utf8');
      child.stderr.setEncoding('utf8');
      while (!/\n/.test(out)) {
        const [chunk] = await Promise.race([once(child.stdout, 'data'), once(child, 'exit').then(() => { throw new Error(`exited: ${out}`); })]);
        out += chunk as string;
      }
      const url = /at (http:\/\/127\.0\.0\.1:\d+)/.exec(out)?.[1];
      assert.ok(url, out);
      assert.match(out, /serving postgres:\/\/postgres:\*\*\*@127\.0\.0\.1/);
      assert.ok(!out.includes('hunter2'));
      const events = (await (await fetch(`${url}/api/events?limit=500`)).json()) as { items: unknown[] };
      assert.ok(events.items.length > 0);
      const text = 'Kremlin spokesman Dmitry Peskov said on Monday that Russia would respond to new sanctions.\n';
      const post = await fetch(`${url}/api/ingest?published=2025-04-07`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: text });
      assert.equal(post.status, 201);
      const quotes = (await (await fetch(`${url}/api/quotes?speaker=peskov&limit=500`)).json()) as { items: { speaker: { name: string } }[] };
      assert.ok(quotes.items.length > 0 && quotes.items.every((q) => /Peskov/.test(q.speaker.name)));
      const search = (await (await fetch(`${url}/api/search?q=sanctions`)).json()) as { items: { snippet: string }[] };
      assert.ok(search.items.some((h) => /\[sanctions\]/.test(h.snippet)), JSON.stringify(search.items));
    } finally {
      child.kill('SIGTERM');
    }
    const [code] = await once(child, 'exit');
    assert.ok(code === 0 || code === null);
  });
});
