import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parse } from 'csv-parse/sync';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { GDELT_EVENT_COLUMNS, GDELT_MENTION_COLUMNS } from '../src/export/index.ts';
import { openStore } from '../src/store/index.ts';
import { copyArticle, otherArticle, wireArticle } from './dedup-fixtures.ts';
import { cli, tmpDir } from './fixtures.ts';
import { BACKENDS, testTargets } from './pg-fixture.ts';

const dir = tmpDir();
const sqliteDb = join(dir, 'export.db');

/** The articles every export test reads, stored at `target`. */
async function fill(target: string): Promise<void> {
  const store = await openStore(target);
  for (const a of [wireArticle(), copyArticle(), otherArticle()]) await store.put(a);
  // A title with a tab and a line break, which TSV cannot quote.
  await store.put({ ...otherArticle(), id: 'f'.repeat(64), text: `${otherArticle().text} Again.`, meta: { title: 'Gaza\ttalks\nend', published: '2025-03-04' } });
  await store.close();
}

function exportFrom(db: string, args: string[]) {
  const r = cli(['export', ...args, '--db', db]);
  assert.equal(r.stderr, '');
  assert.equal(r.code, 0);
  return r.stdout;
}
const run = (args: string[]) => exportFrom(sqliteDb, args);
before(() => fill(sqliteDb));


// The same exports from both backends, through the CLI as a user runs it.
for (const backend of BACKENDS) describe(`export (${backend})`, () => {
  const targets = testTargets(backend);
  let db: string;
  before(async () => {
    db = backend === 'sqlite' ? sqliteDb : await targets.target();
    if (backend === 'postgres') await fill(db);
  });
  after(() => targets.cleanup());
  const run = (args: string[]) => exportFrom(db, args);

  describe('export tables', () => {
    it('writes one CSV row per happening, with its counts, that a CSV reader reads back', () => {
      const rows = parse(run(['events']), { columns: true }) as Record<string, string>[];
      assert.equal(rows.length, 4); // AGREE, negated CONSULT and THREATEN reported twice each; the Doha talks (twice, one day apart: one happening)
      const threaten = rows.find((r) => r.type === 'THREATEN')!;
      assert.deepEqual([threaten.cameo, threaten.source_actor, threaten.num_mentions, threaten.num_articles, threaten.num_sources, threaten.num_stories],
        ['1312', 'TRUMP_DONALD', '2', '2', '2', '1']);
      const doha = rows.find((r) => r.cameo === '043')!;
      assert.equal(doha.num_stories, '1', 'the second Doha article is a copy of the first');
      assert.equal(doha.num_mentions, '2');
    });

    it('writes mentions with the article, sentence and evidence spans of each report', () => {
      const lines = run(['mentions', '--format', 'jsonl']).trim().split('\n').map((l) => JSON.parse(l));
      assert.equal(lines.length, 8);
      const texts = new Map([wireArticle(), copyArticle()].map((a) => [a.id, a.text]));
      for (const m of lines.filter((l) => texts.has(l.article_id))) {
        const text = texts.get(m.article_id)!;
        assert.equal(text.slice(m.trigger_start, m.trigger_end), m.trigger);
        assert.equal(text.slice(m.sentence_start, m.sentence_end), m.sentence);
        assert.ok(Array.isArray(m.evidence) && m.evidence.every((s: { start: number; end: number; text: string }) => text.slice(s.start, s.end) === s.text));
        assert.equal(typeof m.in_lead, 'boolean');
      }
    });

    it('writes TSV with a header and no tabs or line breaks inside a field', () => {
      const lines = run(['mentions', '--format', 'tsv']).trimEnd().split('\n');
      const width = lines[0].split('\t').length;
      assert.equal(lines.length, 9);
      for (const l of lines) assert.equal(l.split('\t').length, width);
      assert.ok(lines.some((l) => l.includes('Gaza talks end')));
    });

    it('writes actors with their article and event counts', () => {
      const rows = parse(run(['actors']), { columns: true }) as Record<string, string>[];
      const putin = rows.find((r) => r.actor === 'PUTIN_VLADIMIR')!;
      assert.deepEqual([putin.name, putin.country, putin.events_as_source, putin.events_as_target], ['Vladimir Putin', 'RUS', '2', '0']);
    });

    it('writes quotes with their story', () => {
      assert.deepEqual(parse(run(['quotes']), { columns: true }), []);
      assert.match(run(['quotes']), /^article_id,quote_id,story_id,/);
    });
  });

  describe('export events --gdelt', () => {
    const lines = () => run(['events', '--gdelt']).replace(/\n$/, '').split('\n').map((l) => l.split('\t'));
    const col = (row: string[], name: string) => row[GDELT_EVENT_COLUMNS.indexOf(name)];

    it('writes the 61 columns of the GDELT 2.0 Event table, in order, on every row', () => {
      assert.equal(GDELT_EVENT_COLUMNS.length, 61);
      assert.deepEqual([GDELT_EVENT_COLUMNS[0], GDELT_EVENT_COLUMNS[5], GDELT_EVENT_COLUMNS[25], GDELT_EVENT_COLUMNS[26], GDELT_EVENT_COLUMNS[34], GDELT_EVENT_COLUMNS[59], GDELT_EVENT_COLUMNS[60]],
        ['GLOBALEVENTID', 'Actor1Code', 'IsRootEvent', 'EventCode', 'AvgTone', 'DATEADDED', 'SOURCEURL']);
      const rows = lines();
      assert.equal(rows.length, 4);
      for (const r of rows) assert.equal(r.length, 61);
    });

    it('fills dates, actors, codes as strings, counts and the source URL', () => {
      const doha = lines().find((r) => col(r, 'EventCode') === '043')!;
      assert.deepEqual([col(doha, 'SQLDATE'), col(doha, 'MonthYear'), col(doha, 'Year'), col(doha, 'FractionDate')], ['20250302', '202503', '2025', '2025.2521']);
      assert.deepEqual([col(doha, 'EventBaseCode'), col(doha, 'EventRootCode')], ['043', '04']);
      const threaten = lines().find((r) => col(r, 'EventCode') === '1312')!;
      assert.deepEqual([col(threaten, 'Actor1Code'), col(threaten, 'Actor1Name'), col(threaten, 'Actor1CountryCode'), col(threaten, 'Actor1Type1Code'),
        col(threaten, 'Actor2CountryCode'), col(threaten, 'EventBaseCode'), col(threaten, 'EventRootCode'), col(threaten, 'QuadClass'),
        col(threaten, 'GoldsteinScale'), col(threaten, 'NumMentions'), col(threaten, 'NumSources'), col(threaten, 'NumArticles'), col(threaten, 'AvgTone'),
        col(threaten, 'ActionGeo_Lat')],
      ['USAGOV', 'DONALD TRUMP', 'USA', 'GOV', 'RUS', '131', '13', '3', '-5.8', '2', '2', '2', '', '']);
      assert.match(col(threaten, 'DATEADDED'), /^\d{14}$/);
      assert.match(col(threaten, 'SOURCEURL'), /^https:\/\//);
      assert.match(col(threaten, 'GLOBALEVENTID'), /^\d+$/);
    });
  });

  describe('export mentions --gdelt', () => {
    it('writes the 16 columns of the GDELT 2.0 Mentions table, pointing at the events and at the trigger in the text', () => {
      const events = new Set(run(['events', '--gdelt']).replace(/\n$/, '').split('\n').map((l) => l.split('\t')[0]));
      const rows = run(['mentions', '--gdelt']).replace(/\n$/, '').split('\n').map((l) => l.split('\t'));
      assert.equal(GDELT_MENTION_COLUMNS.length, 16);
      assert.equal(rows.length, 8);
      const col = (row: string[], name: string) => row[GDELT_MENTION_COLUMNS.indexOf(name)];
      const texts = new Map([wireArticle(), copyArticle()].map((a) => [a.meta.url, a.text]));
      for (const r of rows) {
        assert.equal(r.length, 16);
        assert.ok(events.has(col(r, 'GLOBALEVENTID')), 'every mention points at an exported event');
        assert.match(col(r, 'MentionTimeDate'), /^\d{14}$/);
        const text = texts.get(col(r, 'MentionIdentifier'));
        if (!text) continue;
        assert.equal(col(r, 'MentionDocLen'), String(text.length));
        const at = Number(col(r, 'ActionCharOffset'));
        assert.ok(['willing to engage', 'no phone call', 'put secondary'].some((t) => text.startsWith(t, at)), text.slice(at, at + 20));
      }
      assert.deepEqual(new Set(rows.map((r) => col(r, 'MentionSourceName'))), new Set(['example-wire.com', 'news.example.org', '']));
    });
  });

  describe('export network --format gexf', () => {
    it('writes well-formed GEXF with one node per actor and one weighted edge per who-acts-on-whom', () => {
      const xml = run(['network', '--format', 'gexf']);
      assert.equal(XMLValidator.validate(xml), true);
      const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => ['node', 'edge', 'attvalue'].includes(name) }).parse(xml);
      const graph = doc.gexf.graph;
      assert.equal(doc.gexf.version, '1.3');
      assert.deepEqual(graph.nodes.node.map((n: { id: string }) => n.id), ['PUTIN_VLADIMIR', 'TRUMP_DONALD', 'hamas', 'qatar', 'russia']);
      const edges = graph.edges.edge.map((e: { source: string; target: string; weight: string; label: string }) => [e.source, e.target, e.weight, e.label]);
      assert.deepEqual(edges, [
        ['PUTIN_VLADIMIR', 'TRUMP_DONALD', '2', 'cooperation'],
        ['TRUMP_DONALD', 'russia', '1', 'conflict'],
        ['hamas', 'qatar', '1', 'mixed'],
      ]);
    });
  });

  describe('export network: names from scraped text', () => {
    it('escapes markup and drops control characters, so the file stays well-formed', async () => {
      const file = await targets.target();
      const s = await openStore(file);
      const a = otherArticle();
      await s.put({ ...a, events: [{ ...a.events[0], source: { name: 'AT&T <"Corp">\u0001' }, target: { name: "O'Brien\tGroup" } }] });
      await s.close();
      const r = cli(['export', 'network', '--db', file]);
      assert.equal(r.code, 0);
      assert.equal(XMLValidator.validate(r.stdout), true);
      const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => name === 'node' }).parse(r.stdout);
      assert.deepEqual(doc.gexf.graph.nodes.node.map((n: { label: string }) => n.label), ['AT&T <"Corp">', "O'Brien Group"]);
    });
  });
});

describe('export: files and bad input', () => {
  it('writes to --out and leaves no partial file behind', () => {
    const out = join(dir, 'events.jsonl');
    assert.equal(run(['events', '--format', 'jsonl', '--out', out]), '');
    assert.equal(readFileSync(out, 'utf8').trim().split('\n').length, 4);
    assert.deepEqual(readdirSync(dir).filter((f) => f.endsWith('.partial')), []);
  });

  for (const [what, args, message] of [
    ['a missing database', ['events', '--db', join(dir, 'none.db')], /none\.db: no such database/],
    ['--gdelt on quotes', ['quotes', '--gdelt', '--db', sqliteDb], /--gdelt: applies to `export events` and `export mentions` only, not quotes/],
    ['gexf for a table', ['events', '--format', 'gexf', '--db', sqliteDb], /--format: gexf is for `export network`/],
    ['csv for the network', ['network', '--format', 'csv', '--db', sqliteDb], /--format: the network is exported as gexf/],
    ['an unknown kind', ['articles', '--db', sqliteDb], /value 'articles' is invalid for argument 'what'/],
    ['an unwritable --out', ['events', '--out', join(dir, 'no', 'such', 'dir.csv'), '--db', sqliteDb], /dir\.csv: cannot write \(ENOENT\)/],
  ] as [string, string[], RegExp][]) {
    it(`rejects ${what} with one line and exit code 2`, () => {
      const r = cli(['export', ...args]);
      assert.equal(r.code, 2);
      assert.match(r.stderr, message);
      assert.equal(r.stdout, '');
      assert.equal(existsSync(join(dir, 'no')), false);
    });
  }
});
