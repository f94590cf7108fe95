// bench:queue on a tiny data folder written by the test: it runs the real script (1 then 2 worker
// processes on a fresh PostgreSQL database each), prints the table and one summary line, writes one JSONL
// prediction per stored article, and drops its databases.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import { ADMIN_URL, rows } from './queue-fixtures.ts';

const repo = resolve(import.meta.dirname, '..');

test('bench:queue prints the table, one summary line and JSONL predictions, and leaves no database behind', { timeout: 180_000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'ww-bench-queue-'));
  try {
    for (let i = 0; i < 3; i++) {
      writeFileSync(join(dir, `story-${i}.txt`), `Minister Anna Berg said on Monday that talks with province ${i} would resume. "We are ready," Berg told reporters.\n`);
    }
    const out = join(dir, 'predictions.jsonl');
    const r = spawnSync(process.execPath, ['--import', 'tsx', join(repo, 'bench/queue.ts'), '--data', dir, '--repeat', '2', '--predictions-out', out],
      { cwd: repo, encoding: 'utf8', env: { ...process.env, WIREWATCH_TEST_PG: ADMIN_URL } });
    assert.equal(r.status, 0, r.stderr);
    const lines = r.stdout.trim().split('\n');
    assert.match(lines.at(-1)!, /^queue: [\d.]+ articles\/s with 1 worker, [\d.]+ with 2, speed-up [\d.]+× \(6 articles, postgres store\)$/);
    assert.ok(lines.some((l) => /^done\s+6\s+6$/.test(l)), r.stdout);
    assert.ok(lines.some((l) => /^articles stored\s+6\s+6$/.test(l)), r.stdout);
    const predictions = readFileSync(out, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { id: string; uri: string });
    assert.equal(predictions.length, 6);
    assert.equal(new Set(predictions.map((p) => p.id)).size, 6, 'every copy a distinct article');
    const left = await rows(ADMIN_URL, `SELECT datname FROM pg_database WHERE datname LIKE 'ww_q_bench_%'`);
    assert.deepEqual(left, []);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
