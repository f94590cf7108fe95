import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { REPO, tmpDir } from './fixtures.ts';

// Not a timing test: it checks that bench:serve still runs end to end on a tiny load and writes what it says.
describe('bench:serve', () => {
  it('loads synthetic analyses, queries them over loopback and prints one summary line', () => {
    const out = join(tmpDir(), 'latencies.ndjson');
    const r = spawnSync(process.execPath, ['--import', 'tsx', join(REPO, 'bench', 'serve.ts'),
      '--data', join(REPO, 'examples'), '--count', '30', '--requests', '3', '--predictions-out', out], { cwd: REPO, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    const lines = r.stdout.trimEnd().split('\n');
    assert.match(lines[lines.length - 1], /^serve: 30 articles, ingest [\d.]+ s, \d+ MB; p95 [\d.]+ \/ [\d.]+ \/ [\d.]+ ms/);
    assert.match(r.stdout, /events by actor \+ 90-day range p95 ms/);
    const records = readFileSync(out, 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l) as { query: string; status: number });
    assert.ok(records.length >= 12);
    assert.ok(records.every((x) => x.status === 200));
  });
});
