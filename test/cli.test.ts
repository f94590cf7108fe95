import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { formatArticle } from '../src/cli/format-text.ts';
import { Article } from '../src/schema/article.ts';
import { openStore } from '../src/store/index.ts';
import { cli, gazaArticle, kremlinArticle, REPO, tmpDir } from './fixtures.ts';

const EXAMPLE = join(REPO, 'examples', 'kremlin-open-to-contact.txt');
const TABLES = ['articles', 'entities', 'mentions', 'quotes', 'times', 'events', 'search_index'];

function rowCounts(file: string): Record<string, number> {
  const db = new Database(file, { readonly: true });
  try {
    return Object.fromEntries(TABLES.map((t) => [t, db.prepare(`SELECT count(*) FROM ${t}`).pluck().get() as number]));
  } finally {
    db.close();
  }
}

describe('--help', () => {
  for (const [command, mentions] of [
    ['', ['analyze', 'ingest', 'quotes', 'events', 'search', 'demo']],
    ['analyze', ['<file>', '--published', '--url', '--format', 'json', 'text']],
    ['ingest', ['<paths...>', '--db', '--published', 'meta.json']],
    ['quotes', ['--speaker', '--db', '--format', 'jsonl']],
    ['events', ['--actor', '--type', '--from', '--to', '--db', '--format']],
    ['search', ['<words>', '--db', '--format']],
    ['demo', ['--db']],
  ] as const) {
    it(`wirewatch ${command} --help`.replace('  ', ' '), () => {
      const r = cli(command ? [command, '--help'] : ['--help']);
      assert.equal(r.code, 0, r.stderr);
      assert.match(r.stdout, new RegExp(`^Usage: wirewatch${command ? ` ${command}` : ''} `));
      for (const m of mentions) assert.ok(r.stdout.includes(m), `help mentions ${m}`);
    });
  }

  it('an unknown command or option is a usage error: exit 2, message on stderr', () => {
    for (const args of [['frobnicate'], ['quotes', '--speakr', 'x'], ['analyze'], ['analyze', EXAMPLE, '--format', 'xml']]) {
      const r = cli(args);
      assert.equal(r.code, 2, args.join(' '));
      assert.match(r.stderr, /error: /);
      assert.equal(r.stdout, '');
    }
  });
});

describe('analyze', () => {
  it('prints a valid wirewatch.article/1 JSON document, dated by the sidecar', () => {
    const r = cli(['analyze', 'examples/kremlin-open-to-contact.txt']);
    assert.equal(r.code, 0, r.stderr);
    const a = Article.parse(JSON.parse(r.stdout));
    assert.equal(a.source.uri, 'examples/kremlin-open-to-contact.txt');
    assert.equal(a.meta.published, '2025-03-31');
    assert.match(a.id, /^[0-9a-f]{64}$/);
    assert.ok(a.text.includes('Dmitry Peskov'));
  });

  it('--published and --url are recorded, overriding the sidecar', () => {
    const r = cli(['analyze', EXAMPLE, '--published', '2025-04-01T09:30:00+02:00', '--url', 'https://example.com/k']);
    assert.equal(r.code, 0, r.stderr);
    const a = Article.parse(JSON.parse(r.stdout));
    assert.deepEqual([a.meta.published, a.meta.url], ['2025-04-01T09:30:00+02:00', 'https://example.com/k']);
  });

  it('reads stdin for -', () => {
    const r = cli(['analyze', '-', '--published', '2025-03-31'], { input: 'Peskov said the talks continue.\n' });
    assert.equal(r.code, 0, r.stderr);
    const a = Article.parse(JSON.parse(r.stdout));
    assert.equal(a.source.uri, '-');
    assert.ok(a.text.includes('Peskov said the talks continue.'));
  });

  it('--format text prints the readable summary', () => {
    const r = cli(['analyze', EXAMPLE, '--format', 'text']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /published 2025-03-31/);
    for (const section of ['Who said what', 'Events', 'Timeline']) assert.match(r.stdout, new RegExp(`^${section}$`, 'm'));
    assert.throws(() => JSON.parse(r.stdout));
  });
});

describe('formatArticle (text summary)', () => {
  const text = formatArticle(kremlinArticle());

  it('says who said what, with role and date', () => {
    assert.ok(text.includes('  Dmitry Peskov (Kremlin spokesman) — “The president remains open to contact with President Trump.” — 2025-03-31\n'), text);
    assert.ok(text.includes('  Dmitry Peskov (Kremlin spokesman) — “no call was scheduled” — 2025-03-31 [indirect]'), text);
  });

  it('gives each event as source → TYPE/mode (cameo) → target, date, quantities and flags', () => {
    assert.ok(text.includes('  Donald Trump (USA) → THREATEN/sanctions (1312) → Russia (RUS) · 2025-03-30 · 25 % · conditional\n'), text);
    assert.ok(text.includes('  Vladimir Putin (RUS) → CONSULT/phone (040) → Donald Trump (USA) · 2025-03-31T10:00:00+03:00 · negated\n'), text);
  });

  it('lists the timeline sorted by value, unresolved last with the reason', () => {
    const a = kremlinArticle();
    const at = (needle: string) => {
      const start = a.text.indexOf(needle);
      return { start, end: start + needle.length, sourceStart: start, sourceEnd: start + needle.length, text: needle };
    };
    const t = formatArticle({ ...a, times: [
      { ...at('Monday'), type: 'DATE', value: null, unresolved: 'relative, no publication date' },
      { ...at('Trump said'), type: 'DATE', value: '2025-03-31' },
      { ...at('Kremlin'), type: 'DATE', value: '2025-02-12' },
    ] });
    const timeline = t.slice(t.indexOf('Timeline\n') + 'Timeline\n'.length).split('\n');
    assert.deepEqual(timeline, [
      '  2025-02-12  “Kremlin”',
      '  2025-03-31  “Trump said”',
      '  unresolved  “Monday” — relative, no publication date',
    ]);
  });

  it('says so when a section is empty', () => {
    const empty = formatArticle({ ...kremlinArticle(), quotes: [], events: [], times: [], meta: {} });
    assert.match(empty, /\(no quotes found\)/);
    assert.match(empty, /\(no events found\)/);
    assert.match(empty, /\(no time expressions found\)/);
    assert.match(empty, /publication date unknown/);
  });
});

describe('ingest', () => {
  const dir = tmpDir();
  const corpus = join(dir, 'corpus');
  const db = join(dir, 'w.db');
  mkdirSync(join(corpus, 'more'), { recursive: true });
  writeFileSync(join(corpus, 'one.txt'), 'Peskov said the talks with Washington continue.\n');
  writeFileSync(join(corpus, 'two.md'), 'Trump said he was angry with Putin.\n');
  writeFileSync(join(corpus, 'more', 'three'), 'Zelensky met European leaders in Paris.\n');
  writeFileSync(join(corpus, 'more', 'three.meta.json'), '{"published":"2025-03-30","url":"https://example.com/3"}');
  writeFileSync(join(corpus, 'more', 'bad.txt'), Buffer.from([0xff, 0xfe, 0x00, 0x41]));
  writeFileSync(join(corpus, 'ignored.png'), '<p>not taken from a folder</p>');

  it('stores the good files, reports the bad one on one line, and exits 2', async () => {
    const r = cli(['ingest', corpus, '--db', db]);
    assert.equal(r.code, 2);
    assert.equal(r.stderr, `wirewatch: ${join(corpus, 'more', 'bad.txt')}: UTF-16 text is not supported (convert it to UTF-8)\n`);
    assert.equal(r.stdout, `${db}: 3 inserted, 0 unchanged, 1 failed\n`);
    const store = await openStore(db, { mustExist: true });
    const rows = await store.sql.all('SELECT uri, published, url FROM articles ORDER BY uri');
    await store.close();
    assert.deepEqual(rows, [
      { uri: join(corpus, 'more', 'three'), published: '2025-03-30', url: 'https://example.com/3' },
      { uri: join(corpus, 'one.txt'), published: null, url: null },
      { uri: join(corpus, 'two.md'), published: null, url: null },
    ]);
  });

  it('re-ingesting changes nothing: all unchanged, identical row counts, exit 0 for good files', () => {
    const before = rowCounts(db);
    const r = cli(['ingest', join(corpus, 'one.txt'), join(corpus, 'two.md'), join(corpus, 'more', 'three'), '--db', db]);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, `${db}: 0 inserted, 3 unchanged, 0 failed\n`);
    assert.deepEqual(rowCounts(db), before);
  });

  it('goes on past a missing path and an explicit stdin', () => {
    const missing = join(dir, 'missing.txt');
    const r = cli(['ingest', missing, '-', '--db', db, '--published', '2025-03-31'], { input: 'A new article from stdin.\n' });
    assert.equal(r.code, 2);
    assert.equal(r.stderr, `wirewatch: ${missing}: no such file or directory\n`);
    assert.equal(r.stdout, `${db}: 1 inserted, 0 unchanged, 1 failed\n`);
    assert.equal(rowCounts(db).articles, 4);
  });

  it('rejects a bad --published before touching the database', () => {
    const fresh = join(dir, 'never.db');
    const r = cli(['ingest', corpus, '--db', fresh, '--published', '31.03.2025']);
    assert.equal(r.code, 2);
    assert.equal(r.stderr, 'wirewatch: --published: not a date: "31.03.2025" (expected YYYY-MM-DD or ISO date-time with offset)\n');
    assert.equal(existsSync(fresh), false);
  });

  it('reports a --db that is not a database', () => {
    const r = cli(['ingest', corpus, '--db', join(corpus, 'one.txt')]);
    assert.equal(r.code, 2);
    assert.equal(r.stderr, `wirewatch: ${join(corpus, 'one.txt')}: not a SQLite database\n`);
  });
});

describe('queries (CLI)', () => {
  const dir = tmpDir();
  const db = join(dir, 'q.db');
  const kremlin = kremlinArticle();
  before(async () => {
    const store = await openStore(db);
    await store.put(kremlin);
    await store.put(gazaArticle());
    await store.close();
  });
  const ok = (args: string[]) => {
    const r = cli([...args, '--db', db]);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stderr, '');
    return r.stdout;
  };

  it('quotes --speaker in text, json and jsonl', () => {
    assert.equal(ok(['quotes', '--speaker', 'peskov']),
      'Dmitry Peskov — “The president remains open to contact with President Trump.” — 2025-03-31  [kremlin.txt]\n' +
      'Dmitry Peskov — “no call was scheduled” — 2025-03-31  [kremlin.txt]\n');
    const json = JSON.parse(ok(['quotes', '--speaker', 'Dmitry Peskov', '--format', 'json']));
    assert.deepEqual(json.map((q: { quote_id: string; article_id: string }) => [q.quote_id, q.article_id]), [['q1', kremlin.id], ['q2', kremlin.id]]);
    const lines = ok(['quotes', '--format', 'jsonl']).trimEnd().split('\n').map((l) => JSON.parse(l));
    assert.deepEqual(lines.map((q) => q.speaker), ['Ismail Haniyeh', 'Dmitry Peskov', 'Dmitry Peskov']);
  });

  it('events filtered by actor, type and dates in text, json and jsonl', () => {
    assert.equal(ok(['events', '--actor', 'RUS', '--type', 'threaten']),
      'Donald Trump (USA) → THREATEN/sanctions (1312) → Russia (RUS) · 2025-03-30 · 25 % · conditional  [kremlin.txt]\n');
    const json = JSON.parse(ok(['events', '--from', '2025-03-01', '--to', '2025-03-30', '--format', 'json']));
    assert.deepEqual(json.map((e: { date: string; type: string }) => [e.date, e.type]), [['2025-03-02', 'CONSULT'], ['2025-03-30', 'THREATEN']]);
    const lines = ok(['events', '--actor', 'Putin', '--format', 'jsonl']).trimEnd().split('\n');
    assert.equal(lines.length, 1);
    assert.deepEqual(JSON.parse(lines[0]).negated, true);
  });

  it('search in text, json and jsonl', () => {
    assert.match(ok(['search', 'secondary tariffs']), /^kremlin\.txt: .*\[secondary\] \[tariffs\]/);
    const json = JSON.parse(ok(['search', 'withhold', '--format', 'json']));
    assert.deepEqual(json.map((r: { kind: string }) => r.kind).sort(), ['article', 'quote']);
    assert.equal(ok(['search', 'withhold', '--format', 'jsonl']).trimEnd().split('\n').length, 2);
  });

  it('says when nothing matched (text) and gives [] (json) or nothing (jsonl)', () => {
    assert.equal(ok(['quotes', '--speaker', 'Zelensky']), 'no quotes found\n');
    assert.equal(ok(['events', '--type', 'ASSAULT', '--format', 'json']), '[]\n');
    assert.equal(ok(['search', 'nonexistentword', '--format', 'jsonl']), '');
  });

  it('search with punctuation and FTS operators does not crash', () => {
    for (const words of ['"unbalanced', 'tariffs -', 'AND OR NOT', 'NEAR(oil', 'oil*', 'a:b', '(', "Trump's"]) {
      const r = cli(['search', words, '--db', db]);
      assert.equal(r.code, 0, `${words}: ${r.stderr}`);
      assert.equal(r.stderr, '');
    }
  });

  it('a missing database is a clear error, exit 2, and is not created', () => {
    const missing = join(dir, 'missing.db');
    for (const args of [['quotes'], ['events'], ['search', 'oil']]) {
      const r = cli([...args, '--db', missing]);
      assert.equal(r.code, 2);
      assert.match(r.stderr, new RegExp(`^wirewatch: ${missing}: no such database`));
      assert.equal(existsSync(missing), false);
    }
  });

  it('a bad --from/--to date is an input error', () => {
    const r = cli(['events', '--from', '2025-02-30', '--db', db]);
    assert.equal(r.code, 2);
    assert.equal(r.stderr, 'wirewatch: --from: not a date: "2025-02-30" (expected YYYY-MM-DD)\n');
  });
});

describe('demo', () => {
  it('ingests the bundled examples and prints the summary and how to go on; twice is harmless', async () => {
    const dir = tmpDir();
    const db = join(dir, 'demo.db');
    const first = cli(['demo', '--db', db], { cwd: dir });
    assert.equal(first.code, 0, first.stderr);
    for (const section of ['Who said what', 'Events', 'Timeline']) assert.match(first.stdout, new RegExp(`^${section}$`, 'm'));
    assert.match(first.stdout, /published 2025-03-31/);
    assert.match(first.stdout, new RegExp(`^${db}: 1 inserted, 0 unchanged, 0 failed$`, 'm'));
    assert.match(first.stdout, /Query further:\n {2}npx wirewatch quotes --speaker Peskov --db /);
    const second = cli(['demo', '--db', db], { cwd: dir });
    assert.equal(second.code, 0, second.stderr);
    assert.match(second.stdout, new RegExp(`^${db}: 0 inserted, 1 unchanged, 0 failed$`, 'm'));
    const store = await openStore(db, { mustExist: true });
    assert.deepEqual((await store.sql.all<{ published: string }>('SELECT published FROM articles')).map((r) => r.published), ['2025-03-31']);
    await store.close();
  });

  it('defaults to ./wirewatch.db in the working directory', () => {
    const dir = tmpDir();
    cpSync(join(REPO, 'examples'), join(dir, 'unrelated'), { recursive: true });
    const r = cli(['demo'], { cwd: dir });
    assert.equal(r.code, 0, r.stderr);
    assert.equal(existsSync(join(dir, 'wirewatch.db')), true);
    assert.match(r.stdout, /^\.\/wirewatch\.db: 1 inserted/m);
  });
});

// Not a timing test (speed is measured by running the script, not here): the script must keep working.
describe('npm run bench:throughput', () => {
  it('ingests copies of every article in --data with 1 and 2 workers, prints the tables and one summary line, writes the predictions', () => {
    const dir = tmpDir();
    const data = join(dir, 'data');
    mkdirSync(data);
    writeFileSync(join(data, 'a_2025-03-31_x.txt'), 'Peskov said on Monday that the talks continue.\n');
    writeFileSync(join(data, 'b.txt'), 'Trump said he was angry.\n');
    writeFileSync(join(data, 'skipped.md'), 'Not a .txt file.\n');
    const out = join(dir, 'predictions.jsonl');
    const r = spawnSync(process.execPath, ['--import', 'tsx', join(REPO, 'bench', 'throughput.ts'), '--data', data, '--articles', '5',
      '--workers', '2', '--pg', 'none', '--predictions-out', out], { cwd: REPO, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    const lines = r.stdout.trimEnd().split('\n');
    // (held to one core with taskset, which util-linux gives every Debian machine)
    assert.match(lines.at(-1)!, /^throughput: \d+(\.\d+)? articles\/s with 2 workers, \d+(\.\d+)? with 1 \(\d+\.\d\d×; \d+(\.\d+)? on one core, \d+\.\d\d×; ceiling \d+\.\d\d× with 2 separate processes; second half of each run (\d+\.\d\d×|n\/a)\), \d+\.\d\d MB\/s, peak RSS \d+ MB, 5 articles$/);
    for (const stage of ['clean', 'names', 'events', 'store (SQLite)', 'total']) assert.ok(lines.some((l) => l.startsWith(stage)), stage);
    // every copy is a distinct article: all 5 stored, none failed, in every run
    // (the last run: two separate processes, each with its own share of the articles and its own database)
    const runs = lines.map((l) => /^SQLite(?: ×2 files)?\s+(\d+(?:, one core| processes × 1)?)\s+(\d+)\s+(\d+)\s/.exec(l)).filter((m) => m !== null);
    assert.deepEqual(runs.map((m) => [m[1], m[2], m[3]]), [['1', '5', '0'], ['1, one core', '5', '0'], ['2', '5', '0'], ['2 processes × 1', '5', '0']]);
    assert.ok(lines.some((l) => l.includes('GDELT') && l.includes('news-please')), 'anchor column');
    const analyses = readFileSync(out, 'utf8').trimEnd().split('\n').map((l) => Article.parse(JSON.parse(l)));
    assert.deepEqual(analyses.map((a) => a.meta.published), ['2025-03-31', undefined]);
  });
});
