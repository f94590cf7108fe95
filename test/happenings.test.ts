import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { MAX_PAGE } from '../src/serve/limits.ts';
import { openStore, type Store } from '../src/store/index.ts';
import { copyArticle, otherArticle, wireArticle } from './dedup-fixtures.ts';
import { cli } from './fixtures.ts';
import { BACKENDS, testTargets } from './pg-fixture.ts';
import { getJson, startServer, type TestServer } from './serve-fixture.ts';

interface Page<T> { items: T[]; next: string | null }
interface Counts { mentions: number; articles: number; sources: number; stories: number }
interface Happening { id: string; type: string; date: string | null; dateLast: string | null; source: { name: string | null }; target: { name: string | null }; counts: Counts }
interface Span { start: number; end: number; text: string }
interface Mention { article_id: string; event_id: string; article: { url: string | null; uri: string | null }; sentence: Span | null; trigger: Span | null; evidence: (Span & { role: string })[] }

const wire = wireArticle();
const copy = copyArticle();
const other = otherArticle();

for (const backend of BACKENDS) describe(`happenings: one event, many reports (${backend})`, () => {
  const targets = testTargets(backend);
  let file: string;
  let store: Store;
  let s: TestServer;
  let all: Happening[];
  before(async () => {
    // The wire story and its republished copy report the same three events; the other article one more.
    file = await targets.target();
    store = await openStore(file);
    for (const a of [wire, copy, other]) await store.put(a);
    s = await startServer({ store });
    all = (await getJson<Page<Happening>>(`${s.url}/api/happenings?limit=${MAX_PAGE}`)).items;
  });
  after(async () => {
    await s.close();
    await store.close();
    await targets.cleanup();
  });

  it('is in the OpenAPI document with the same page limit as /api/events', async () => {
    const doc = await getJson<{ paths: Record<string, { get?: { parameters?: { name: string; schema: { maximum?: number } }[] } }> }>(`${s.url}/openapi.json`);
    assert.ok(doc.paths['/api/happenings/{id}']?.get, '/api/happenings/{id}');
    const params = doc.paths['/api/happenings']?.get?.parameters ?? [];
    assert.equal(params.find((p) => p.name === 'limit')?.schema.maximum, MAX_PAGE);
    for (const name of ['actor', 'country', 'type', 'from', 'to', 'order', 'cursor', 'fields', 'format']) {
      assert.ok(params.some((p) => p.name === name), `parameter ${name}`);
    }
  });

  it('lists each shared event once, counting both articles, where /api/events lists it per article', async () => {
    const perArticle = (await getJson<Page<{ id: string }>>(`${s.url}/api/events?limit=${MAX_PAGE}`)).items;
    assert.equal(perArticle.length, 7);
    assert.equal(all.length, 4);
    const threats = all.filter((h) => h.type === 'THREATEN');
    assert.equal(threats.length, 1);
    assert.deepEqual(threats[0].counts, { mentions: 2, articles: 2, sources: 2, stories: 1 });
    assert.deepEqual([threats[0].date, threats[0].dateLast], ['2025-03-30', '2025-03-31']);
    const shared = all.filter((h) => h.counts.articles === 2);
    assert.deepEqual(shared.map((h) => h.type).sort(), ['AGREE', 'CONSULT', 'THREATEN']);
    const single = all.find((h) => h.type === 'CONSULT' && h.counts.articles === 1);
    assert.equal(single?.source.name, 'Hamas');
  });

  it('gives one happening with both mentions, whose spans are the article text at their offsets', async () => {
    const threat = all.find((h) => h.type === 'THREATEN')!;
    const h = await getJson<Happening & { mentions: Mention[] }>(`${s.url}/api/happenings/${threat.id}`);
    assert.deepEqual(h.counts, threat.counts);
    assert.deepEqual(h.mentions.map((m) => m.article_id).sort(), [wire.id, copy.id].sort());
    assert.deepEqual(h.mentions.map((m) => m.article.url).sort(), [wire.meta.url, copy.meta.url].sort());
    for (const m of h.mentions) {
      const { text } = await getJson<{ text: string }>(`${s.url}/api/articles/${m.article_id}`);
      assert.ok(m.evidence.length >= 2);
      for (const sp of [...m.evidence, m.sentence!, m.trigger!]) assert.equal(text.slice(sp.start, sp.end), sp.text);
      assert.equal(m.trigger!.text, 'put secondary tariffs');
    }
    // The copy's sentences sit further into its text than the wire's: the offsets are each article's own.
    const [a, b] = h.mentions.map((m) => m.sentence!.start);
    assert.notEqual(a, b);
  });

  it('filters by actor, country, type and days like /api/events, and orders either way', async () => {
    const ids = async (q: string) => (await getJson<Page<Happening>>(`${s.url}/api/happenings?limit=${MAX_PAGE}&${q}`)).items.map((h) => h.id);
    const of = (pred: (h: Happening) => boolean) => all.filter(pred).map((h) => h.id);
    assert.deepEqual(await ids('actor=putin'), of((h) => h.source.name === 'Vladimir Putin' || h.target.name === 'Vladimir Putin'));
    assert.equal((await ids('actor=putin')).length, 2);
    assert.deepEqual(await ids('country=qat'), of((h) => h.source.name === 'Hamas'));
    assert.deepEqual(await ids('type=threaten'), of((h) => h.type === 'THREATEN'));
    assert.deepEqual(await ids('from=2025-03-31&to=2025-03-31'), of((h) => h.date === '2025-03-31'));
    assert.equal((await ids('from=2025-03-31&to=2025-03-31')).length, 2);
    assert.deepEqual(await ids('order=desc'), [...all].reverse().map((h) => h.id));
    assert.deepEqual(all.map((h) => h.date), [...all.map((h) => h.date)].sort());
  });

  it('pages with cursors, keeps only the asked fields and streams NDJSON', async () => {
    const walked: string[] = [];
    let next: string | null = null;
    do {
      const page: Page<Happening> = await getJson<Page<Happening>>(`${s.url}/api/happenings?limit=1${next ? `&cursor=${encodeURIComponent(next)}` : ''}`);
      assert.ok(page.items.length <= 1);
      walked.push(...page.items.map((h) => h.id));
      next = page.next;
    } while (next);
    assert.deepEqual(walked, all.map((h) => h.id));

    const slim = await getJson<Page<Record<string, unknown>>>(`${s.url}/api/happenings?type=threaten&fields=id,counts.mentions`);
    assert.deepEqual(slim.items, [{ id: all.find((h) => h.type === 'THREATEN')!.id, counts: { mentions: 2 } }]);

    const res = await fetch(`${s.url}/api/happenings?format=ndjson`);
    assert.match(res.headers.get('content-type') ?? '', /^application\/x-ndjson/);
    const lines = (await res.text()).trim().split('\n').map((l) => JSON.parse(l) as Happening);
    assert.deepEqual(lines.map((h) => h.id), all.map((h) => h.id));
  });

  it('answers an unknown id, a bad cursor and a bad day with problem+json', async () => {
    for (const [path, status] of [['/api/happenings/nope', 404], ['/api/happenings?cursor=xyz', 400], ['/api/happenings?from=2025-02-30', 400]] as const) {
      const res = await fetch(`${s.url}${path}`);
      assert.equal(res.status, status, path);
      assert.match(res.headers.get('content-type') ?? '', /^application\/problem\+json/);
    }
  });

  it('wirewatch events --merged prints the shared event once, with its counts', () => {
    const text = cli(['events', '--merged', '--type', 'THREATEN', '--db', file]);
    assert.equal(text.code, 0, text.stderr);
    const lines = text.stdout.trim().split('\n');
    assert.equal(lines.length, 1);
    assert.match(lines[0], /Donald Trump \(USA\) → THREATEN\/restrict \(1312\) → Russia \(RUS\) · 2025-03-30…2025-03-31/);
    assert.match(lines[0], /2 mentions, 2 articles, 2 sources, 1 story/);

    const perArticle = cli(['events', '--type', 'THREATEN', '--db', file]);
    assert.equal(perArticle.stdout.trim().split('\n').length, 2);

    const jsonl = cli(['events', '--merged', '--format', 'jsonl', '--db', file]);
    assert.equal(jsonl.code, 0, jsonl.stderr);
    const rows = jsonl.stdout.trim().split('\n').map((l) => JSON.parse(l) as Happening);
    assert.deepEqual(rows.map((h) => h.id), all.map((h) => h.id));

    const json = cli(['events', '--merged', '--actor', 'putin', '--format', 'json', '--db', file]);
    assert.deepEqual((JSON.parse(json.stdout) as Happening[]).map((h) => h.counts.articles), [2, 2]);

    const none = cli(['events', '--merged', '--type', 'REJECT', '--db', file]);
    assert.equal(none.stdout, 'no happenings found\n');
  });
});
