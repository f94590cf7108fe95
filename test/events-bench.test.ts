// bench:events on a tiny data folder written by the test (same layout as ../shared/benchmarks/events): it runs the
// real script, prints the table and one summary line, and writes one JSONL prediction per record.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const repo = resolve(import.meta.dirname, '..');
const run = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', join(repo, 'bench/events.ts'), ...args], { cwd: repo, encoding: 'utf8' });

function dataFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ww-bench-events-'));
  const p = join(dir, 'petrarch2-validation'), d = join(p, 'dictionaries'), g = join(dir, 'plover-gsr-cameo');
  for (const f of [p, d, g]) mkdirSync(f, { recursive: true });
  writeFileSync(join(d, 'PETR.Validate.actors.txt'), 'ARNOR_ [ARN]\nGONDOR_ [GON]\n');
  writeFileSync(join(d, 'PETR.Validate.agents.txt'), 'GOVERNMENT [~GOV]\n');
  writeFileSync(join(d, 'PETR.Validate.verbs.txt'), '--- RESTORE [064] ---\nRESTORE\n');
  writeFileSync(join(d, 'PETR.Validate.discards.txt'), 'BASEBALL\n');
  const rec = (id: string, text: string, expected: object[]) => JSON.stringify({ id, date: '19950101', text, expected, noevents: !expected.length, error: null });
  writeFileSync(join(p, 'PETR.UnitTest.records.dev.jsonl'), [
    rec('T-1', "Gondor's government will restore ties with Arnor.", [{ source: 'GONGOV', target: 'ARN', event: '064' }]),
    rec('T-2', 'Arnor restored the baseball league with Gondor.', []),
  ].join('\n') + '\n');
  writeFileSync(join(g, 'PLOVER_GSR_CAMEO.dev.json'), JSON.stringify([
    { id: 'DOC', event: 'DOCUMENT', text: '' },
    { id: 'G-1', event: 'DISAPPROVE', source: [{ actorText: 'France', code: 'FRA' }], target: [{ actorText: 'Germany', code: 'DEU' }], text: 'France criticized Germany on Monday.', eventText: 'criticized' },
  ]));
  return dir;
}

test('bench:events prints the table with anchors, one summary line, and JSONL predictions', () => {
  const dir = dataFolder();
  const out = join(dir, 'predictions.jsonl');
  const r = run('--data', dir, '--predictions-out', out);
  assert.equal(r.status, 0, r.stderr);
  const lines = r.stdout.trim().split('\n');
  assert.match(lines.at(-1)!, /^events: PETRARCH 2 records .* 100\.0% correct at root, 0\.0% spurious; PLOVER 1 records type accuracy 100\.0%/);
  assert.ok(lines.some((l) => l.includes('68.3% (UD-PETRARCH)')));
  const preds = readFileSync(out, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
  assert.deepEqual(preds.map((x) => [x.set, x.id]), [['petrarch', 'T-1'], ['petrarch', 'T-2'], ['plover', 'G-1']]);
  assert.deepEqual(preds[0].events.map((e: { source: string; target: string; cameo: string }) => [e.source, e.target, e.cameo]), [['GONGOV', 'ARN', '064']]);
  assert.equal(preds[2].events[0].type, 'ACCUSE');
});

test('bench:events with a --data folder that lacks the sets says so on one line and exits 2', () => {
  const r = run('--data', mkdtempSync(join(tmpdir(), 'ww-bench-empty-')));
  assert.equal(r.status, 2);
  assert.equal(r.stderr.trim().split('\n').length, 1);
  assert.match(r.stderr, /not found/);
});
