// bench:extract still runs end to end on a scratch data folder and writes predictions in the
// benchmark's own format (the real data lives outside the repo and is never copied in).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { REPO, tmpDir } from './fixtures.ts';
import { BODY, NEWS_PAGE } from './extract-fixtures.ts';

test('bench:extract scores both systems in one run and writes {id: {articleBody}}', () => {
  const data = tmpDir();
  mkdirSync(join(data, 'html'));
  writeFileSync(join(data, 'html', 'aaa.html.gz'), gzipSync(NEWS_PAGE));
  writeFileSync(join(data, 'html', 'bbb.html'), NEWS_PAGE.replace('Dmitry Peskov', 'Yuri Ushakov'));
  const truth = BODY.join('\n').replace(/&ldquo;|&rdquo;/g, '"').replace(/&amp;/g, '&');
  writeFileSync(join(data, 'ground-truth.json'), JSON.stringify({ aaa: { articleBody: truth }, bbb: { articleBody: truth.replace('Dmitry Peskov', 'Yuri Ushakov') } }));
  const out = join(data, 'pred.json');
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(REPO, 'bench', 'extract.ts'), '--data', data, '--rounds', '1', '--predictions-out', out], { cwd: REPO, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  const lines = r.stdout.trim().split('\n');
  assert.match(lines.at(-1)!, /^extract: F1 (0\.9\d\d|1\.000) \(readability\+linkedom \d\.\d{3}\), median [\d.]+ ms\/page .*2 pages$/);
  assert.match(r.stdout, /^F1\s+\S+\s+\S+\s+bar ≥ \.970/m);
  const pred = JSON.parse(readFileSync(out, 'utf8')) as Record<string, { articleBody: string }>;
  assert.deepEqual(Object.keys(pred).sort(), ['aaa', 'bbb']);
  assert.match(pred.bbb.articleBody, /Yuri Ushakov/);
  assert.doesNotMatch(pred.aaa.articleBody, /Sign up|Photo: Reuters/);
});
