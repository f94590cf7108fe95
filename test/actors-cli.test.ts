// Users extend the actor dictionary with --actors FILE (JSON or PETRARCH .actors.txt), on analyze and ingest.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, tmpDir } from './fixtures.ts';

const ARTICLE = 'Oleksandr Merezhko said on Monday that the vote was postponed. Bolo Tarkan met him in Kyiv.';

test('--actors adds JSON and PETRARCH dictionaries to the bundled one', () => {
  const dir = tmpDir();
  const text = join(dir, 'a.txt');
  writeFileSync(text, ARTICLE);
  const json = join(dir, 'mine.json');
  writeFileSync(json, JSON.stringify({ people: [{ id: 'MEREZHKO_OLEKSANDR', name: 'Oleksandr Merezhko', country: 'UKR', offices: [{ role: 'MP', sector: 'LEG', from: '2019-08-29', to: null }] }] }));
  const petrarch = join(dir, 'mine.actors.txt');
  writeFileSync(petrarch, 'BOLO_TARKAN\n+BOLO TARKAN\n[MDARBL]\n');
  const r = cli(['analyze', text, '--published', '2025-03-31', '--actors', json, '--actors', petrarch]);
  assert.equal(r.code, 0, r.stderr);
  const a = JSON.parse(r.stdout);
  const mz = a.entities.find((e: { name: string }) => e.name === 'Oleksandr Merezhko');
  assert.equal(mz.role, 'MP');
  assert.equal(mz.country, 'UKR');
  assert.equal(mz.sector, 'LEG');
  const bolo = a.entities.find((e: { name: string }) => /bolo tarkan/i.test(e.name));
  assert.equal(bolo?.country, 'MDA');
});

test('a missing or malformed --actors file is one clear error, exit 2', () => {
  const dir = tmpDir();
  const text = join(dir, 'a.txt');
  writeFileSync(text, ARTICLE);
  const missing = cli(['ingest', text, '--db', join(dir, 'w.db'), '--actors', join(dir, 'nope.json')]);
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /nope\.json: actor dictionary not found/);
  const bad = join(dir, 'bad.json');
  writeFileSync(bad, '{"people":[{"nam":1}]}');
  const malformed = cli(['analyze', text, '--actors', bad]);
  assert.equal(malformed.code, 2);
  assert.match(malformed.stderr, /bad\.json: .*people\[0\]/);
});
