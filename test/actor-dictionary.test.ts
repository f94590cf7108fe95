import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadActorDictionary } from '../src/actors/dictionary.ts';
import { InputError } from '../src/errors.ts';

const dict = loadActorDictionary();
const tmp = mkdtempSync(join(tmpdir(), 'wirewatch-actors-'));

test('a person resolves to the office held on the date', () => {
  const [putin, ...rest] = dict.lookup('Vladimir Putin', '2025-03-31');
  assert.equal(rest.length, 0);
  assert.equal(putin.type, 'PERSON');
  assert.equal(putin.country, 'RUS');
  assert.equal(putin.role, 'President');
  assert.equal(putin.sector, 'GOV');
  assert.equal(dict.lookup('Vladimir Putin', '2010-01-01')[0].role, 'Prime Minister');
  // spelling variants and curly apostrophes / odd whitespace
  assert.equal(dict.lookup('Volodymyr  Zelenskyy', '2025-01-01')[0].id, 'ZELENSKY_VOLODYMYR');
  assert.equal(dict.lookup('Gideon Sa’ar', '2025-01-01')[0].role, 'Foreign Minister');
  // bare surnames are not aliases (coreference links them)
  assert.deepEqual(dict.lookup('Putin'), []);
});

test('without a date a person has their most recent office; out of office they are ELI', () => {
  assert.equal(dict.lookup('Joe Biden')[0].role, 'President');
  const former = dict.lookup('Joe Biden', '2025-03-31')[0];
  assert.equal(former.role, undefined);
  assert.equal(former.sector, 'ELI');
  assert.equal(former.country, 'USA');
  const spokesman = dict.lookup('Dmitry Peskov', '2025-03-31')[0];
  assert.deepEqual([spokesman.role, spokesman.affiliation, spokesman.country], ['spokesman', 'Kremlin', 'RUS']);
});

test('holder: who held a role for a country on a date', () => {
  assert.equal(dict.holder('President', 'USA', '2024-06-01')?.name, 'Joe Biden');
  assert.equal(dict.holder('President', 'USA', '2025-03-31')?.name, 'Donald Trump');
  assert.equal(dict.holder('President', 'USA', '2025-01-20')?.name, 'Donald Trump'); // ranges are [from, to)
  assert.equal(dict.holder('President', 'RUS', '2025-03-31')?.id, 'PUTIN_VLADIMIR');
  assert.equal(dict.holder('President', 'Russia', '2025-03-31')?.id, 'PUTIN_VLADIMIR'); // a country name works too
  assert.equal(dict.holder('Prime Minister', 'GBR')?.name, 'Keir Starmer'); // no date: the current holder
  assert.equal(dict.holder('Foreign Minister', 'UKR', '2024-09-04')?.name, 'Dmytro Kuleba');
  assert.equal(dict.holder('Foreign Minister', 'UKR', '2024-09-05')?.name, 'Andriy Sybiha');
  // role classes and case
  assert.equal(dict.holder('foreign minister', 'USA', '2025-03-31')?.name, 'Marco Rubio');
  assert.equal(dict.holder('Premier', 'CHN', '2025-03-31')?.name, 'Li Qiang');
  // an affiliation instead of a country
  assert.equal(dict.holder('spokesman', 'Kremlin', '2025-03-31')?.name, 'Dmitry Peskov');
  assert.equal(dict.holder('Secretary-General', 'NATO', '2025-03-31')?.name, 'Mark Rutte');
  assert.equal(dict.holder('Secretary General', 'UN', '2025-03-31')?.name, 'António Guterres');
  // a national in an international post does not hold a national office
  assert.notEqual(dict.holder('President', 'USA', '2024-06-01')?.affiliation, 'World Bank');
  assert.equal(dict.holder('Emperor', 'USA', '2025-03-31'), undefined);
});

test('countryOf: names, aliases, adjectives and demonyms', () => {
  assert.equal(dict.countryOf('Ukrainian'), 'UKR');
  assert.equal(dict.countryOf('Ukrainians'), 'UKR');
  assert.equal(dict.countryOf('U.S.'), 'USA');
  assert.equal(dict.countryOf('US'), 'USA');
  assert.equal(dict.countryOf('America'), 'USA');
  assert.equal(dict.countryOf('Russian'), 'RUS');
  assert.equal(dict.countryOf('British'), 'GBR');
  assert.equal(dict.countryOf('North Korea'), 'PRK');
  assert.equal(dict.countryOf('RUS'), 'RUS');
  assert.equal(dict.countryOf('Narnian'), undefined);
});

test('metonyms, capitals and organisations', () => {
  const [kremlin] = dict.lookup('Kremlin');
  assert.deepEqual([kremlin.type, kremlin.country, kremlin.sector], ['ORG', 'RUS', 'GOV']);
  assert.equal(dict.lookup('the Kremlin')[0].id, kremlin.id);
  assert.deepEqual(dict.lookup('Pentagon').map((e) => [e.type, e.country, e.sector]), [['ORG', 'USA', 'MIL']]);
  const [nbc] = dict.lookup('NBC News');
  assert.deepEqual([nbc.type, nbc.country, nbc.sector], ['ORG', 'USA', 'MED']);
  const [nato] = dict.lookup('NATO');
  assert.deepEqual([nato.type, nato.sector, nato.country], ['ORG', 'IGO', undefined]);
  const [kyiv] = dict.lookup('Kyiv');
  assert.deepEqual([kyiv.type, kyiv.country], ['LOC', 'UKR']);
  assert.equal(dict.lookup('Kiev')[0].id, kyiv.id);
  assert.equal(dict.lookup('Washington')[0].type, 'LOC');
  assert.equal(dict.lookup('Russia')[0].type, 'COUNTRY');
  assert.equal(dict.lookup('RUS')[0].name, 'Russia'); // ids are accepted when no name matches
});

test('surfaces cover names, adjectives and metonyms', () => {
  const all = [...dict.surfaces()];
  assert.ok(all.length > 1000, `only ${all.length} surfaces`);
  const find = (s: string) => all.filter((x) => x.surface === s);
  assert.deepEqual(find('Russian').map((x) => [x.kind, x.entry.id]), [['adjective', 'RUS']]);
  assert.ok(find('the Kremlin').some((x) => x.kind === 'name' && x.entry.type === 'ORG'));
  assert.ok(find('Volodymyr Zelenskyy').some((x) => x.entry.type === 'PERSON' && x.entry.role === 'President'));
});

test('the default dictionary is cached: loading again is fast', () => {
  const t = performance.now();
  const again = loadActorDictionary();
  const ms = performance.now() - t;
  assert.equal(again, dict);
  assert.ok(ms < 50, `took ${ms} ms`);
});

test('a user JSON file extends the dictionary', () => {
  const file = join(tmp, 'extra.json');
  writeFileSync(
    file,
    JSON.stringify({
      people: [
        { id: 'DOE_JANE', name: 'Jane Doe', country: 'NZL', offices: [{ role: 'Mayor', sector: 'GOV', from: '2020-01-01', to: null }] },
        { id: 'PUTIN_VLADIMIR', name: 'Vladimir Putin', aliases: ['V. V. Putin'], offices: [] },
      ],
      organizations: [{ id: 'ACME_NEWS', name: 'Acme News', type: 'ORG', sector: 'MED', country: 'NZL' }],
    }),
  );
  const d = loadActorDictionary([file]);
  assert.equal(d.lookup('Jane Doe', '2024-01-01')[0].role, 'Mayor');
  assert.equal(d.lookup('V. V. Putin', '2025-03-31')[0].role, 'President');
  assert.equal(d.lookup('Acme News')[0].country, 'NZL');
  assert.equal(dict.lookup('Jane Doe').length, 0); // the default dictionary is untouched
});

test('a malformed user file is an error naming the file and the problem', () => {
  const bad = join(tmp, 'bad.actors.json');
  writeFileSync(bad, JSON.stringify({ people: [{ id: 'X', name: 'X Y', offices: [{ role: 'King', from: '2020-13-01' }] }] }));
  assert.throws(
    () => loadActorDictionary([bad]),
    (err: unknown) => err instanceof InputError && err.message.includes(bad) && /people\[0\]\.offices\[0\]\.from/.test(err.message),
  );
  const typo = join(tmp, 'typo.json');
  writeFileSync(typo, JSON.stringify({ countries: [{ code: 'XXA', name: 'Freedonia', alias: ['F'] }] }));
  assert.throws(() => loadActorDictionary([typo]), (err: unknown) => err instanceof InputError && err.message.includes(typo) && /alias/.test(err.message));
  const notJson = join(tmp, 'broken.json');
  writeFileSync(notJson, '{ "people": [');
  assert.throws(() => loadActorDictionary([notJson]), (err: unknown) => err instanceof InputError && err.message.includes(notJson));
  assert.throws(() => loadActorDictionary([join(tmp, 'missing.json')]), InputError);
});

test('a PETRARCH-format .actors.txt file loads', () => {
  const file = join(tmp, 'small.actors.txt');
  writeFileSync(
    file,
    [
      '# test dictionary',
      'FREEDONIA_  [FRD]',
      '+FREEDONIAN_',
      '',
      'RUFUS_T._FIREFLY_  # leader',
      '+PRESIDENT_FIREFLY_',
      '\t[FRDGOV 330101-331231]',
      '\t[FRDELI]',
      'SYLVANIA_LIBERATION_FRONT_ [SYLREB]',
      'GLOBAL_PEACE_WATCH_ [NGOFRD]',
      'AMBASSADOR_TRENTINO_ [SYLGOV >20230601]',
    ].join('\n'),
  );
  const d = loadActorDictionary([file]);
  assert.equal(d.countryOf('Freedonia'), 'FRD');
  assert.equal(d.countryOf('FREEDONIAN'), 'FRD');
  const [firefly] = d.lookup('Rufus T. Firefly', '1933-06-01');
  assert.deepEqual([firefly.type, firefly.country, firefly.sector], ['PERSON', 'FRD', 'GOV']);
  assert.equal(d.lookup('President Firefly', '1933-12-31')[0].sector, 'GOV'); // ranges are inclusive in PETRARCH
  assert.equal(d.lookup('RUFUS T. FIREFLY', '1990-01-01')[0].sector, 'ELI'); // the undated default code
  const [front] = d.lookup('Sylvania Liberation Front');
  assert.deepEqual([front.type, front.country, front.sector], ['ORG', 'SYL', 'REB']);
  const [ngo] = d.lookup('Global Peace Watch');
  assert.deepEqual([ngo.sector, ngo.country], ['NGO', 'FRD']);
  assert.equal(d.lookup('Ambassador Trentino', '2022-01-01')[0].sector, undefined);
  assert.equal(d.lookup('Ambassador Trentino', '2024-01-01')[0].country, 'SYL');
  // the JSON data is still there
  assert.equal(d.lookup('Vladimir Putin', '2025-03-31')[0].role, 'President');

  const bad = join(tmp, 'bad.actors.txt');
  writeFileSync(bad, '+ORPHAN_SYNONYM_\nNAME_ [USA\n');
  assert.throws(() => loadActorDictionary([bad]), (err: unknown) => err instanceof InputError && err.message.includes(bad) && /line 1/.test(err.message));
});

test('data files: codes are ISO-like and people have sane office dates', () => {
  const countries = new Set<string>();
  for (const s of dict.surfaces()) if (s.entry.type === 'COUNTRY') countries.add(s.entry.id);
  assert.ok(countries.size >= 200, `${countries.size} countries`);
  for (const c of ['USA', 'GBR', 'PSE', 'XKX', 'TWN', 'HKG', 'VAT', 'PRK', 'KOR']) assert.ok(countries.has(c), c);
  for (const s of dict.surfaces()) if (s.entry.country) assert.ok(countries.has(s.entry.country), `${s.surface}: unknown country ${s.entry.country}`);
});

test('a user id that clashes with a bundled actor of another kind warns and the user entry wins', () => {
  const file = join(tmp, 'clash.actors.txt');
  // SAF is the bundled Sudanese Armed Forces (an organisation); here it is a country, as in PETRARCH's test files
  writeFileSync(file, ['AARDVARK_ [SAF]', 'NEW_ZEALAND_ [NZE]', 'THE_AU_ [IGOAFR]', 'AL-QAEDA_ [IMGMOSALQ]'].join('\n'));
  const d = loadActorDictionary([file]);
  assert.ok(d.warnings.some((w) => w.includes('"SAF"') && w.includes(file)), d.warnings.join('\n'));
  assert.equal(d.countryOf('Aardvark'), 'SAF');
  assert.equal(d.lookup('SAF')[0].type, 'COUNTRY');
  // the user's code for a name the bundled data also has
  assert.equal(d.lookup('New Zealand')[0].id, 'NZE');
  assert.equal(d.countryOf('New Zealand'), 'NZE');
  // a non-state code whose rest is no country is kept whole, not cut to its head
  assert.equal(d.lookup('AU')[0].sector, 'IGOAFR');
  assert.equal(d.lookup('Al-Qaeda')[0].sector, 'IMGMOSALQ');
  assert.equal(dict.lookup('New Zealand')[0].id, 'NZL'); // the default dictionary is untouched
});
