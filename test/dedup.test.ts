import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { signature, similarity, stableId, SAME_STORY } from '../src/dedup/index.ts';
import { openStore, type Sql, type Store } from '../src/store/index.ts';
import type { Article } from '../src/schema/article.ts';
import { article, copyArticle, otherArticle, wireArticle, WIRE_TEXT, COPY_TEXT, OTHER_TEXT } from './dedup-fixtures.ts';
import { tmpDir } from './fixtures.ts';
import { BACKENDS, testTargets } from './pg-fixture.ts';

const storyOf = async (db: Sql, a: Article) =>
  (await db.value<string>('SELECT story_id FROM story_members WHERE article_id = ?', [a.id]))!;

interface Merged { id: string; type: string; date: string; date_last: string; num_mentions: number; num_articles: number; num_sources: number; num_stories: number }
const mergedEvents = (db: Sql) => db.all<Merged>(`
  SELECT m.id, m.type, m.date, m.date_last, c.num_mentions, c.num_articles, c.num_sources, c.num_stories
  FROM merged_events m JOIN merged_event_counts c ON c.id = m.id ORDER BY m.type, c.num_mentions, m.id`);

const snapshot = async (db: Sql) => ({
  stories: await db.all('SELECT article_id, story_id FROM story_members ORDER BY article_id'),
  events: await db.all('SELECT id, global_id, first_article_id, first_event_id FROM merged_events ORDER BY id'),
  mentions: await db.all('SELECT article_id, event_id, merged_event_id FROM event_mentions ORDER BY article_id, event_id'),
});

describe('MinHash', () => {
  it('gives the same signature for the same text, and agrees with itself completely', () => {
    const a = signature(WIRE_TEXT)!;
    assert.deepEqual(signature(WIRE_TEXT), a);
    assert.equal(similarity(a, signature(WIRE_TEXT)!), 1);
  });

  it('rates a wire copy above the story threshold and an unrelated text far below it', () => {
    const wire = signature(WIRE_TEXT)!;
    assert.ok(similarity(wire, signature(COPY_TEXT)!) >= SAME_STORY, 'copy');
    assert.ok(similarity(wire, signature(OTHER_TEXT)!) < 0.1, 'unrelated');
  });

  it('has no signature for a text without words', () => {
    assert.equal(signature(' … — '), null);
  });
});

for (const backend of BACKENDS) describe(`deduplication (${backend})`, () => {
  const targets = testTargets(backend);
  const stores: Store[] = [];
  after(async () => {
    for (const s of stores) await s.close();
    await targets.cleanup();
  });
  const storeIn = async (target: string, articles: Article[]): Promise<Sql> => {
    const store = await openStore(target);
    stores.push(store);
    for (const a of articles) await store.put(a);
    return store.sql;
  };
  const storeWith = async (articles: Article[]): Promise<Sql> => storeIn(await targets.target(), articles);

  describe('stories', () => {
    it('clusters a republished copy with the original and leaves an unrelated article alone', async () => {
      const db = (await storeWith([wireArticle(), copyArticle(), otherArticle()]));
      assert.equal((await storyOf(db, wireArticle())), (await storyOf(db, copyArticle())));
      assert.notEqual((await storyOf(db, otherArticle())), (await storyOf(db, wireArticle())));
      const stories = (await db.all<{ articles: number }>('SELECT articles FROM stories ORDER BY articles')).map((r) => r.articles);
      assert.deepEqual(stories, [1, 2]);
      const sim = (await db.value<number>('SELECT similarity FROM story_members WHERE article_id = ?', [copyArticle().id]))!;
      assert.ok(sim >= SAME_STORY && sim < 1, `similarity ${sim}`);
      // the earlier member learns its best match too
      assert.equal(await db.value<number>('SELECT similarity FROM story_members WHERE article_id = ?', [wireArticle().id]), sim);
    });

    it('joins two stories when an article bridges them, under the id of the smallest article', async () => {
      // Three versions, each a step further from the first: the first and the last are too far apart to be
      // one story on their own, the middle one is close to both.
      const words = WIRE_TEXT.split(' ');
      const edit = (...ranges: [number, number][]) =>
        words.map((w, i) => (ranges.some(([from, to]) => i >= from && i < to) ? `${w}x` : w)).join(' ');
      const a = article(WIRE_TEXT, {}, [], 'a.txt');
      const b = article(edit([0, 15]), {}, [], 'b.txt');
      const c = article(edit([0, 15], [50, 65]), {}, [], 'c.txt');
      assert.ok(similarity(signature(a.text)!, signature(c.text)!) < SAME_STORY, 'a and c alone are different stories');
      const target = await targets.target();
      const db = await storeIn(target, [a, c]);
      assert.notEqual((await storyOf(db, a)), (await storyOf(db, c)));
      const store = await openStore(target);
      await store.put(b);
      const smallest = [a.id, b.id, c.id].sort()[0];
      assert.deepEqual([await storyOf(store.sql, a), await storyOf(store.sql, b), await storyOf(store.sql, c)], Array(3).fill(stableId('story', smallest)));
      await store.close();
    });
  });

  describe('merged events', () => {
    it('merges the event both copies report into one event with a mention from each, keeping its spans', async () => {
      const db = (await storeWith([wireArticle(), copyArticle(), otherArticle()]));
      const merged = (await mergedEvents(db));
      // AGREE, the negated CONSULT and THREATEN each merge across the copies; the Doha talks stay alone.
      assert.deepEqual(merged.map((m) => [m.type, m.num_mentions, m.num_articles, m.num_sources, m.num_stories]), [
        ['AGREE', 2, 2, 2, 1], ['CONSULT', 1, 1, 1, 1], ['CONSULT', 2, 2, 2, 1], ['THREATEN', 2, 2, 2, 1],
      ]);
      const agree = merged.find((m) => m.type === 'AGREE')!;
      assert.deepEqual([agree.date, agree.date_last], ['2025-03-31', '2025-04-01']);
      const mentions = await db.all<{ text: string; article_id: string; trigger: string; trigger_start: number; trigger_end: number; sentence: string; sentence_start: number; sentence_end: number; evidence: string }>(`
        SELECT a.text, m.article_id, m.trigger, m.trigger_start, m.trigger_end, m.sentence, m.sentence_start, m.sentence_end, m.evidence
        FROM event_mentions m JOIN articles a ON a.id = m.article_id WHERE m.merged_event_id = ? ORDER BY m.article_id`, [agree.id]);
      assert.deepEqual(mentions.map((m) => m.article_id).sort(), [wireArticle().id, copyArticle().id].sort());
      for (const m of mentions) {
        assert.equal(m.text.slice(m.trigger_start, m.trigger_end), 'willing to engage in discussions');
        assert.equal(m.text.slice(m.sentence_start, m.sentence_end), m.sentence);
        assert.match(m.sentence, /^The Kremlin has confirmed/);
        assert.equal(JSON.parse(m.evidence).length, 2);
      }
    });

    it('keeps apart what is not the same happening: other dates, other numbers, the act against its denial', async () => {
      const base = wireArticle();
      const variant = (change: Partial<Article['events'][number]>) => {
        const a = copyArticle();
        a.events = [{ ...a.events[2], ...change }];
        return a;
      };
      const cases: [string, Partial<Article['events'][number]>, number][] = [
        ['a day apart', { date: '2025-03-31' }, 1],
        ['three days apart', { date: '2025-04-02' }, 2],
        ['25% against 27%', { quantities: [{ value: 27, unit: 'percent' }] }, 1],
        ['25% against 50%', { quantities: [{ value: 50, unit: 'percent' }] }, 2],
        ['a figure in another unit', { quantities: [{ value: 3, unit: 'month' }] }, 1],
        ['carried out, not threatened on a condition', { conditional: false }, 2],
        ['another target', { target: { name: 'China', country: 'CHN' } }, 2],
      ];
      for (const [what, change, expected] of cases) {
        const db = (await storeWith([{ ...base, events: [base.events[2]] }, variant(change)]));
        assert.equal((await mergedEvents(db)).length, expected, what);
      }
    });

    it('merges a mention dated only by its year with the same mention in a copy, and not in another story', async () => {
      const yearOnly = (a: Article) => ({ ...a, events: [{ ...a.events[0], date: '2012' }] });
      const unrelated = article(OTHER_TEXT, {}, [{ ...wireArticle().events[0], date: '2012', trigger: 'The talks in Doha ended' }], 'other.txt');
      const db = (await storeWith([yearOnly(wireArticle()), yearOnly(copyArticle()), unrelated]));
      assert.deepEqual((await mergedEvents(db)).map((m) => [m.type, m.num_mentions]), [['AGREE', 1], ['AGREE', 2]]);
      const other = yearOnly(copyArticle());
      other.events[0].date = '2013';
      assert.equal((await mergedEvents((await storeWith([yearOnly(wireArticle()), other])))).length, 2, 'another year');
    });

    it('links a chain of mentions a day apart each into one happening, whatever the order', async () => {
      const day = (d: string, uri: string) => {
        const a = article(`${OTHER_TEXT} Report ${uri}.`, {}, [{ ...otherArticle().events[0], date: d, trigger: 'The talks in Doha ended' }], uri);
        return a;
      };
      const xs = [day('2025-03-01', 'a'), day('2025-03-03', 'b'), day('2025-03-02', 'c')];
      const ids = async (db: Sql) => (await mergedEvents(db)).map((m) => [m.id, m.num_mentions, m.date, m.date_last]);
      const one = (await ids((await storeWith(xs))));
      assert.equal(one.length, 1);
      assert.deepEqual(one[0].slice(1), [3, '2025-03-01', '2025-03-03']);
      assert.deepEqual((await ids((await storeWith([...xs].reverse())))), one);
    });
  });

  describe('stable ids', () => {

    it('gives the same story and event ids when the same articles are ingested again, in any order', async () => {
      const first = (await snapshot((await storeWith([wireArticle(), copyArticle(), otherArticle()]))));
      assert.deepEqual((await snapshot((await storeWith([otherArticle(), copyArticle(), wireArticle()])))), first);
      assert.deepEqual((await snapshot((await storeWith([copyArticle(), otherArticle(), wireArticle()])))), first);
      assert.equal(first.events.length, 4);
    });

    it('changes nothing when an article is stored again', async () => {
      const store = await openStore(await targets.target());
      await store.put(wireArticle());
      await store.put(copyArticle());
      const before = await snapshot(store.sql);
      assert.equal(await store.put(copyArticle()), 'unchanged');
      assert.deepEqual(await snapshot(store.sql), before);
      await await store.close();
    });
  });
});

describe('stores written before deduplication (SQLite)', () => {
  const dir = tmpDir();
  it('deduplicates articles stored before the store had stories when it is next opened', async () => {
    const file = join(dir, 'old.db');
    const fresh = await openStore(join(dir, 'fresh.db'));
    for (const a of [wireArticle(), copyArticle()]) await fresh.put(a);
    const expected = await snapshot(fresh.sql);
    await fresh.close();
    const store = await openStore(file);
    await store.put(wireArticle());
    await store.put(copyArticle());
    // Back to schema version 1: what a database written by the previous release looks like.
    await store.sql.exec(`DROP VIEW merged_event_counts; DROP VIEW stories; DROP TABLE event_mentions; DROP TABLE merged_events;
                   DROP TABLE story_members; DROP TABLE lsh_buckets; DROP TABLE article_signatures; PRAGMA user_version = 1;`);
    await store.close();
    const reopened = await openStore(file);
    assert.deepEqual(await snapshot(reopened.sql), expected);
    await reopened.close();
  });
});
