// The PostgreSQL job queue as a library: idempotent enqueue, disjoint claims, leases that run out,
// retries and parking, and the worker loop storing through an injected `put`.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { InputError } from '../src/errors.ts';
import { inputJobs, openQueue, runWorker, type NewJob, type Queue } from '../src/queue/index.ts';
import type { Article } from '../src/schema/article.ts';
import { freshDatabase, rows, type TestDatabase } from './queue-fixtures.ts';

let db: TestDatabase;
let dir: string;

before(async () => {
  db = await freshDatabase();
  dir = mkdtempSync(join(tmpdir(), 'ww-queue-'));
});
after(async () => {
  await db?.drop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function article(i: number): string {
  return `Minister Anna Berg said on Monday that talks with the northern province number ${i} would resume.\n\n` +
    `"We are ready to meet them," Berg told reporters in the capital. Officials expect a decision within ${i + 2} weeks.\n`;
}

function jobsFrom(paths: string[]): NewJob[] {
  const out: NewJob[] = [];
  for (const j of inputJobs(paths)) {
    if (j instanceof InputError) throw j;
    out.push(j);
  }
  return out;
}

/** A database of its own for each test, so counts do not leak between them. */
async function withQueue(fn: (q: Queue, url: string) => Promise<void>): Promise<void> {
  const own = await freshDatabase();
  const q = await openQueue(own.url);
  try {
    await fn(q, own.url);
  } finally {
    await q.close();
    await own.drop();
  }
}

describe('queue tables', () => {
  test('migrating at the same time from several processes creates the tables once', async () => {
    const queues = await Promise.all([openQueue(db.url), openQueue(db.url), openQueue(db.url)]);
    await Promise.all(queues.map((q) => q.close()));
    const v = await rows<{ version: number }>(db.url, 'SELECT version FROM queue_migrations ORDER BY version');
    assert.deepEqual(v.map((r) => r.version), [1]);
  });

  test('an unreachable server is a clear error', async () => {
    await assert.rejects(openQueue('postgres://postgres@127.0.0.1:1/nothing'), /cannot open the job queue \(connection refused/);
  });
});

describe('enqueue', () => {
  test('is idempotent: the same input twice, or the same bytes under another name, is one job', async () => {
    await withQueue(async (q, url) => {
      const folder = join(dir, 'idem');
      rmSync(folder, { recursive: true, force: true });
      for (let i = 0; i < 3; i++) writeFileSync(join(dir, `idem-${i}.txt`), article(i));
      writeFileSync(join(dir, 'idem-copy.txt'), article(0));
      const files = [0, 1, 2].map((i) => join(dir, `idem-${i}.txt`));
      const first = await q.enqueue(jobsFrom([...files, join(dir, 'idem-copy.txt'), 'https://example.org/a']));
      assert.deepEqual(first, { added: 4, already: 1, requeued: 0 });
      const second = await q.enqueue(jobsFrom([...files, 'https://example.org/a']));
      assert.deepEqual(second, { added: 0, already: 4, requeued: 0 });
      const [{ n }] = await rows<{ n: string }>(url, 'SELECT count(*) AS n FROM queue_jobs');
      assert.equal(Number(n), 4);
      // a file travels with its bytes, a URL without
      const kinds = await rows<{ kind: string; has: boolean }>(url, 'SELECT kind, bytes IS NOT NULL AS has FROM queue_jobs ORDER BY id');
      assert.deepEqual(kinds.map((k) => `${k.kind}:${k.has}`), ['file:true', 'file:true', 'file:true', 'url:false']);
    });
  });

  test('an unreadable path is reported in place of its job', () => {
    const out = [...inputJobs([join(dir, 'missing.txt')])];
    assert.equal(out.length, 1);
    assert.ok(out[0] instanceof InputError);
    assert.match((out[0] as InputError).message, /missing\.txt: no such file/);
  });
});

describe('claims and leases', () => {
  test('two claims take different jobs; a job whose lease runs out is claimed again with its attempt counted', async () => {
    await withQueue(async (q) => {
      await q.enqueue([{ key: 'a', kind: 'url', input: 'https://example.org/1' }, { key: 'b', kind: 'url', input: 'https://example.org/2' }]);
      const [x, y] = await Promise.all([q.claim('w1', 1000), q.claim('w2', 1000)]);
      assert.ok(x && y);
      assert.notEqual(x.id, y.id);
      assert.equal(await q.claim('w3', 1000), null, 'both jobs are held');
      assert.equal(await q.open(), 2);
      // w1 renews, w2 goes silent (generous margins: the machine may be busy)
      await sleep(500);
      assert.equal(await q.renew(x.id, 'w1', 1000), true);
      await sleep(600);
      const again = await q.claim('w3', 1000);
      assert.equal(again?.id, y.id);
      assert.equal(again?.attempts, 2);
      assert.equal(await q.renew(y.id, 'w2', 1000), false, 'the old holder has lost it');
      await q.complete(x.id, 'w1', 1);
      await q.complete(y.id, 'w2', 1); // not the holder any more: no effect
      const s = await q.status();
      assert.deepEqual(s.counts, { queued: 0, running: 1, done: 1, parked: 0 });
    });
  });

  test('a failing job is retried, then parked with its last error after the allowed attempts', async () => {
    await withQueue(async (q) => {
      await q.enqueue([{ key: 'p', kind: 'url', input: 'https://example.org/poison' }]);
      for (let attempt = 1; attempt <= 3; attempt++) {
        const j = await q.claim('w', 1000);
        assert.equal(j?.attempts, attempt);
        const status = await q.fail(j!.id, 'w', `boom ${attempt}`, 3, 0);
        assert.equal(status, attempt < 3 ? 'queued' : 'parked');
      }
      assert.equal(await q.claim('w', 1000), null, 'a parked job is never handed out');
      const s = await q.status();
      assert.deepEqual(s.counts, { queued: 0, running: 0, done: 0, parked: 1 });
      assert.deepEqual(s.parked.map((p) => [p.input, p.attempts, p.error]), [['https://example.org/poison', 3, 'boom 3']]);
      assert.equal(await q.retryParked(), 1);
      const j = await q.claim('w', 1000);
      assert.equal(j?.attempts, 1);
      await q.complete(j!.id, 'w', 0);
      assert.equal(await q.prune(), 1);
      assert.deepEqual((await q.status()).counts, { queued: 0, running: 0, done: 0, parked: 0 });
    });
  });

  test('a job whose worker died on it every time is parked once its last lease runs out', async () => {
    await withQueue(async (q) => {
      await q.enqueue([{ key: 'k', kind: 'url', input: 'https://example.org/killer' }]);
      for (let i = 0; i < 2; i++) { assert.ok(await q.claim(`w${i}`, 30)); await sleep(60); }
      assert.equal(await q.parkAbandoned(2), 1);
      const s = await q.status();
      assert.equal(s.counts.parked, 1);
      assert.match(s.parked[0].error, /lease ran out 2 time\(s\).*last held by w1/);
    });
  });

  test('a released job goes back without using an attempt', async () => {
    await withQueue(async (q) => {
      await q.enqueue([{ key: 'r', kind: 'url', input: 'https://example.org/r' }]);
      const j = await q.claim('w', 1000);
      await q.release(j!.id, 'w');
      assert.equal((await q.claim('w', 1000))?.attempts, 1);
    });
  });
});

describe('worker loop', () => {
  test('two workers share one queue: every job is done once, bad inputs are parked and do not stop the rest', async () => {
    await withQueue(async (q, url) => {
      const folder = join(dir, 'share');
      rmSync(folder, { recursive: true, force: true });
      const { mkdirSync } = await import('node:fs');
      mkdirSync(folder);
      for (let i = 0; i < 8; i++) writeFileSync(join(folder, `a${i}.txt`), article(i));
      writeFileSync(join(folder, 'a3-bad.html'), '<html><head><script>var a = 1;</script></head><body></body></html>');
      writeFileSync(join(folder, 'a5-binary.txt'), Buffer.from([0, 1, 2, 0, 255, 0, 10]));
      await q.enqueue(jobsFrom([folder]));

      const puts = new Map<string, number>();
      const put = (a: Article) => { puts.set(a.id, (puts.get(a.id) ?? 0) + 1); return 'inserted' as const; };
      const logs: string[] = [];
      const opts = { queue: q, put, leaseMs: 5000, maxAttempts: 2, retryMs: 0, pollMs: 50, untilEmpty: true, log: (l: string) => logs.push(l) };
      const [c1, c2] = await Promise.all([runWorker({ ...opts, id: 'w1' }), runWorker({ ...opts, id: 'w2' })]);

      assert.equal(puts.size, 8);
      assert.ok([...puts.values()].every((n) => n === 1), 'no article stored twice');
      assert.equal(c1.done + c2.done, 8);
      assert.ok(c1.done > 0 && c2.done > 0, `both workers took jobs (${c1.done} + ${c2.done})`);
      assert.equal(c1.parked + c2.parked, 2);
      const s = await q.status();
      assert.deepEqual(s.counts, { queued: 0, running: 0, done: 8, parked: 2 });
      assert.deepEqual(s.parked.map((p) => p.attempts), [2, 2]);
      assert.match(s.parked.find((p) => p.input.endsWith('a3-bad.html'))!.error, /a3-bad\.html: no article found/);
      assert.match(s.parked.find((p) => p.input.endsWith('a5-binary.txt'))!.error, /a5-binary\.txt: binary content/);
      // the articles name the input as enqueued, not the worker's temporary copy
      const stored = await rows<{ input: string; articles: number }>(url, `SELECT input, articles FROM queue_jobs WHERE status = 'done'`);
      assert.ok(stored.every((r) => r.articles === 1 && r.input.startsWith(folder)));
      assert.ok(logs.some((l) => /will retry/.test(l)) && logs.some((l) => /parked after 2/.test(l)));
    });
  });

  test('articles record the enqueued path as their source, and sidecar metadata travels with the job', async () => {
    await withQueue(async (q) => {
      const file = join(dir, 'meta-story.txt');
      writeFileSync(file, article(42));
      writeFileSync(join(dir, 'meta-story.meta.json'), JSON.stringify({ published: '2025-03-31', url: 'https://news.example/story' }));
      await q.enqueue(jobsFrom([file]));
      const got: Article[] = [];
      await runWorker({ queue: q, put: (a) => { got.push(a); return 'inserted'; }, leaseMs: 5000, maxAttempts: 3, retryMs: 0, pollMs: 50, untilEmpty: true });
      assert.equal(got.length, 1);
      assert.equal(got[0].source.uri, file);
      assert.equal(got[0].meta.published, '2025-03-31');
      assert.equal(got[0].meta.url, 'https://news.example/story');
    });
  });

  test('an aborted worker stops after the current job and leaves the rest queued', async () => {
    await withQueue(async (q) => {
      await q.enqueue([1, 2, 3].map((i) => ({ key: `s${i}`, kind: 'url' as const, input: `https://example.org/${i}` })));
      const stop = new AbortController();
      let seen = 0;
      const c = await runWorker({
        queue: q, put: () => 'inserted', leaseMs: 5000, maxAttempts: 3, retryMs: 0, pollMs: 50, untilEmpty: true, signal: stop.signal,
        analyse: async () => { seen++; stop.abort(); return { articles: [], errors: [] }; },
      });
      assert.equal(seen, 1);
      assert.equal(c.done, 1);
      assert.deepEqual((await q.status()).counts, { queued: 2, running: 0, done: 1, parked: 0 });
    });
  });

  test('a worker rides out a short database outage instead of dying', async () => {
    await withQueue(async (q) => {
      await q.enqueue([{ key: 'o', kind: 'url', input: 'https://example.org/o' }]);
      let failures = 2;
      const flaky: Queue = { ...q, claim: (w, l) => (failures-- > 0 ? Promise.reject(new Error('connection terminated')) : q.claim(w, l)), waitForWork: (_ms, s) => q.waitForWork(10, s) };
      const logs: string[] = [];
      const c = await runWorker({
        queue: flaky, put: () => 'inserted', leaseMs: 5000, maxAttempts: 3, retryMs: 0, pollMs: 50, untilEmpty: true, log: (l) => logs.push(l),
        analyse: async () => ({ articles: [], errors: [] }),
      });
      assert.equal(c.done, 1);
      assert.equal(logs.filter((l) => /queue unreachable \(connection terminated\)/.test(l)).length, 2);
    });
  });

  test('with several jobs in hand, a worker still does each job once', async () => {
    await withQueue(async (q) => {
      await q.enqueue(Array.from({ length: 9 }, (_, i) => ({ key: `c${i}`, kind: 'url' as const, input: `https://example.org/c${i}` })));
      const seen = new Map<string, number>();
      let inHand = 0, most = 0;
      const c = await runWorker({
        queue: q, put: () => 'inserted', leaseMs: 5000, maxAttempts: 3, retryMs: 0, pollMs: 50, untilEmpty: true, concurrency: 3,
        analyse: async (job) => {
          seen.set(job.input, (seen.get(job.input) ?? 0) + 1);
          most = Math.max(most, ++inHand);
          await sleep(30);
          inHand--;
          return { articles: [], errors: [] };
        },
      });
      assert.equal(c.done, 9);
      assert.equal(seen.size, 9);
      assert.ok([...seen.values()].every((n) => n === 1));
      assert.equal(most, 3, 'three jobs in hand at once');
    });
  });

  test('a URL job is fetched by the worker; a feed job stores each of its items', async () => {
    const { createServer } = await import('node:http');
    const long = (i: number) => Array.from({ length: 30 }, (_, k) => paragraphFor(i * 100 + k)).join(' ');
    const server = createServer((req, res) => {
      if (req.url === '/story') {
        res.setHeader('content-type', 'text/html; charset=utf-8');
        res.end(`<html><head><title>Talks</title></head><body><article><h1>Talks resume</h1><p>${long(7)}</p><p>${long(8)}</p></article></body></html>`);
      } else if (req.url === '/feed') {
        res.setHeader('content-type', 'application/rss+xml');
        res.end(`<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>` +
          [1, 2].map((i) => `<item><title>Item ${i}</title><description><![CDATA[<p>${long(i)}</p>]]></description></item>`).join('') +
          '</channel></rss>');
      } else { res.statusCode = 404; res.end(); }
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
    try {
      await withQueue(async (q) => {
        await q.enqueue(jobsFrom([`${base}/story`, `${base}/feed`]));
        const got: Article[] = [];
        const logs: string[] = [];
        const c = await runWorker({ queue: q, put: (a) => { got.push(a); return 'inserted'; }, read: { allowPrivate: true },
          leaseMs: 5000, maxAttempts: 1, retryMs: 0, pollMs: 50, untilEmpty: true, log: (l) => logs.push(l) });
        assert.equal(c.done, 2, logs.join('\n'));
        assert.equal(got.length, 3);
        assert.equal(got[0].source.uri, `${base}/story`);
        assert.deepEqual(got.slice(1).map((a) => a.source.format), ['feed-item', 'feed-item']);
      });
    } finally {
      server.close();
    }
  });
});

function paragraphFor(i: number): string {
  return `The council met on Tuesday and agreed plan ${i} after a long debate about roads and schools in the district.`;
}
