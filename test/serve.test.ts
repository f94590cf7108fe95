import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { analyze } from '../src/pipeline.ts';
import { MAX_BODY_BYTES, MAX_PAGE } from '../src/serve/limits.ts';
import { openStore } from '../src/store/index.ts';
import { REPO } from './fixtures.ts';
import { BACKENDS, testTargets } from './pg-fixture.ts';
import { exampleStore, getJson, startServer, type TestServer } from './serve-fixture.ts';

interface Page<T = Record<string, unknown>> { items: T[]; next: string | null }
interface Ev { id: string; article_id: string; type: string; date?: string | null; source: { name?: string; country?: string }; target: { name?: string; country?: string }; evidence: { text: string; start: number; end: number }[] }

const EXAMPLE = readFileSync(join(REPO, 'examples', 'kremlin-open-to-contact.txt'), 'utf8');

/** Follow `next` until the last page. */
async function walk<T>(url: string): Promise<T[]> {
  const out: T[] = [];
  let next: string | null = null;
  do {
    const page: Page<T> = await getJson<Page<T>>(next ? `${url}&cursor=${encodeURIComponent(next)}` : url);
    out.push(...page.items);
    next = page.next;
  } while (next);
  return out;
}

async function problem(res: Response, status: number): Promise<{ title: string; status: number; detail: string }> {
  assert.equal(res.status, status);
  assert.match(res.headers.get('content-type') ?? '', /^application\/problem\+json/);
  const body = await res.json() as { title: string; status: number; detail: string };
  assert.equal(body.status, status);
  assert.ok(body.detail.length > 0);
  return body;
}

for (const backend of BACKENDS) describe(`HTTP API (${backend})`, () => {
  let s: TestServer;
  let allEvents: Ev[];
  const targets = testTargets(backend);
  before(async () => {
    s = await startServer({ target: backend === 'sqlite' ? undefined : await targets.target() });
    allEvents = (await getJson<Page<Ev>>(`${s.url}/api/events?limit=${MAX_PAGE}`)).items;
  });
  after(async () => {
    await s.close();
    await targets.cleanup();
  });

  it('serves an OpenAPI 3.1 document describing every endpoint and its limits', async () => {
    const doc = await getJson<{ openapi: string; paths: Record<string, Record<string, { parameters?: { name: string; schema: { maximum?: number } }[] }>> }>(`${s.url}/openapi.json`);
    assert.equal(doc.openapi, '3.1.0');
    for (const p of ['/api/articles', '/api/articles/{id}', '/api/events', '/api/quotes', '/api/actors', '/api/actors/{id}', '/api/network', '/api/search', '/api/analyze', '/api/ingest']) {
      assert.ok(doc.paths[p], `${p} in the OpenAPI document`);
    }
    const limit = doc.paths['/api/events'].get.parameters?.find((x) => x.name === 'limit');
    assert.equal(limit?.schema.maximum, MAX_PAGE);
    const body = (doc.paths['/api/ingest'].post as unknown as { requestBody: { content: Record<string, { schema: { type: string } }> } }).requestBody.content;
    assert.deepEqual(Object.fromEntries(Object.entries(body).map(([k, v]) => [k, v.schema.type])),
      { 'text/plain': 'string', 'text/html': 'string', 'application/json': 'object' });
  });

  it('lists events with their evidence spans pointing into the article text', async () => {
    assert.ok(allEvents.length > 0);
    const article = await getJson<{ text: string }>(`${s.url}/api/articles/${allEvents[0].article_id}`);
    for (const ev of allEvents) {
      assert.ok(ev.evidence.length > 0);
      for (const sp of ev.evidence) assert.equal(article.text.slice(sp.start, sp.end), sp.text);
    }
  });

  it('filters events by actor (name or country code), type and date range', async () => {
    const rus = (await getJson<Page<Ev>>(`${s.url}/api/events?actor=RUS&limit=${MAX_PAGE}`)).items;
    assert.ok(rus.length > 0);
    assert.ok(rus.every((e) => e.source.country === 'RUS' || e.target.country === 'RUS'));
    const putin = (await getJson<Page<Ev>>(`${s.url}/api/events?actor=putin&limit=${MAX_PAGE}`)).items;
    assert.ok(putin.length > 0 && putin.every((e) => /Putin/.test(`${e.source.name} ${e.target.name}`)));
    const type = allEvents[0].type;
    const typed = (await getJson<Page<Ev>>(`${s.url}/api/events?type=${type.toLowerCase()}&limit=${MAX_PAGE}`)).items;
    assert.deepEqual(typed.map((e) => e.id), allEvents.filter((e) => e.type === type).map((e) => e.id));
    const dated = allEvents.filter((e) => e.date && /^\d{4}-\d{2}-\d{2}/.test(e.date));
    const day = dated[0].date!.slice(0, 10);
    const inDay = (await getJson<Page<Ev>>(`${s.url}/api/events?from=${day}&to=${day}&limit=${MAX_PAGE}`)).items;
    assert.deepEqual(inDay.map((e) => e.id).sort(), dated.filter((e) => e.date!.startsWith(day)).map((e) => e.id).sort());
  });

  it('pages with cursors: every event exactly once, in the same order as one big page, either way round', async () => {
    const key = (e: { article_id: string; id: string }) => `${e.article_id}/${e.id}`;
    const paged = await walk<Ev>(`${s.url}/api/events?limit=2`);
    assert.deepEqual(paged.map(key), allEvents.map(key));
    const dates = allEvents.map((e) => e.date ?? '');
    assert.deepEqual(dates, [...dates].sort(), 'oldest first');
    const newest = await walk<Ev>(`${s.url}/api/events?limit=3&order=desc`);
    assert.deepEqual(newest.map(key), allEvents.map(key).reverse());
    const quotes = (await getJson<Page<{ article_id: string; id: string }>>(`${s.url}/api/quotes?limit=${MAX_PAGE}`)).items;
    assert.ok(quotes.length > 3);
    assert.deepEqual((await walk<{ article_id: string; id: string }>(`${s.url}/api/quotes?limit=2`)).map(key), quotes.map(key));
    assert.deepEqual((await walk<{ article_id: string; id: string }>(`${s.url}/api/quotes?limit=2&order=desc`)).map(key), quotes.map(key).reverse());
  });

  it('keeps only the requested fields, including dotted paths into objects and arrays', async () => {
    const page = await getJson<Page>(`${s.url}/api/events?limit=1&fields=type,source.name,evidence.text`);
    const item = page.items[0];
    assert.deepEqual(Object.keys(item).sort(), ['evidence', 'source', 'type']);
    assert.deepEqual(Object.keys(item.source as object), ['name']);
    assert.ok((item.evidence as object[]).every((e) => Object.keys(e).join() === 'text'));
  });

  it('streams every matching row as NDJSON when asked by format or Accept header', async () => {
    for (const [url, headers] of [[`${s.url}/api/events?format=ndjson`, {}], [`${s.url}/api/events`, { accept: 'application/x-ndjson' }]] as const) {
      const res = await fetch(url, { headers });
      assert.equal(res.status, 200);
      assert.match(res.headers.get('content-type') ?? '', /^application\/x-ndjson/);
      const lines = (await res.text()).trimEnd().split('\n').map((l) => JSON.parse(l) as Ev);
      assert.deepEqual(lines.map((e) => e.id), allEvents.map((e) => e.id));
    }
  });

  it('finds quotes by speaker, surname or words, and each quote is its article text', async () => {
    const peskov = (await getJson<Page<{ text: string; start: number; end: number; article_id: string; speaker: { name: string } }>>(`${s.url}/api/quotes?speaker=peskov`)).items;
    assert.ok(peskov.length >= 2);
    assert.ok(peskov.every((q) => q.speaker.name === 'Dmitry Peskov'));
    const article = await getJson<{ text: string }>(`${s.url}/api/articles/${peskov[0].article_id}`);
    for (const q of peskov) assert.ok(article.text.slice(q.start, q.end).includes(q.text.slice(0, 20)));
    assert.equal((await getJson<Page>(`${s.url}/api/quotes?speaker=pesk`)).items.length, 0);
    const worded = (await getJson<Page<{ text: string }>>(`${s.url}/api/quotes?words=president+trump`)).items;
    assert.ok(worded.length > 0 && worded.every((q) => /president/i.test(q.text) && /trump/i.test(q.text)));
  });

  it('searches text and quotes, each word literally, most recent or best first, in pages', async () => {
    const hits = (await getJson<Page<{ snippet: string }>>(`${s.url}/api/search?q=phone+call`)).items;
    assert.ok(hits.length > 0 && hits.every((h) => /\[phone\]/i.test(h.snippet)));
    const hit = (h: { article_id: string; kind: string; quote_id: string | null }) => `${h.article_id}/${h.kind}/${h.quote_id}`;
    for (const sort of ['recent', 'relevance']) {
      const all = (await getJson<Page<{ article_id: string; kind: string; quote_id: string | null }>>(`${s.url}/api/search?q=trump&sort=${sort}&limit=${MAX_PAGE}`)).items;
      assert.ok(all.length > 2, sort);
      assert.deepEqual((await walk<{ article_id: string; kind: string; quote_id: string | null }>(`${s.url}/api/search?q=trump&sort=${sort}&limit=1`)).map(hit), all.map(hit), sort);
    }
    assert.equal((await getJson<Page>(`${s.url}/api/search?q=${encodeURIComponent('"NEAR( -*')}`)).items.length, 0);
  });

  it('lists actors with counts, and one actor with its relations', async () => {
    const actors = (await getJson<Page<{ key: string; name: string; articles: number }>>(`${s.url}/api/actors`)).items;
    const putin = actors.find((a) => a.name === 'Vladimir Putin');
    assert.ok(putin && putin.articles === 1);
    const detail = await getJson<{ name: string; eventsAsSource: number; eventsAsTarget: number; relations: { other: string; events: number }[] }>(
      `${s.url}/api/actors/${encodeURIComponent(putin.key)}`);
    const involving = allEvents.filter((e) => e.source.name === 'Vladimir Putin' || e.target.name === 'Vladimir Putin');
    assert.equal(detail.eventsAsSource + detail.eventsAsTarget, involving.filter((e) => e.source.name && e.target.name).length);
    assert.ok(detail.relations.some((r) => r.other === 'Donald Trump'));
  });

  it('draws the network from the events: counts add up to the events between two named actors', async () => {
    const { edges } = await getJson<{ edges: { events: number; cooperation: number; conflict: number }[] }>(`${s.url}/api/network`);
    const between = allEvents.filter((e) => e.source.name && e.target.name && e.source.name !== e.target.name);
    assert.equal(edges.reduce((n, e) => n + e.events, 0), between.length);
    assert.ok(edges.every((e) => e.cooperation + e.conflict === e.events));
  });

  it('answers bad queries with a 400 problem+json naming the parameter', async () => {
    assert.match((await problem(await fetch(`${s.url}/api/events?limit=${MAX_PAGE + 1}`), 400)).detail, /limit/);
    assert.match((await problem(await fetch(`${s.url}/api/events?from=2025-02-30`), 400)).detail, /from: not a date/);
    assert.match((await problem(await fetch(`${s.url}/api/events?from=2000-01-01&to=2025-01-01`), 400)).detail, /at most \d+/);
    assert.match((await problem(await fetch(`${s.url}/api/events?from=2025-02-02&to=2025-01-01`), 400)).detail, /after/);
    assert.match((await problem(await fetch(`${s.url}/api/events?cursor=nonsense`), 400)).detail, /cursor/);
    assert.match((await problem(await fetch(`${s.url}/api/events?bogus=1`), 400)).detail, /additional/);
    assert.match((await problem(await fetch(`${s.url}/api/search?q=`), 400)).detail, /no words/);
    await problem(await fetch(`${s.url}/api/articles/0000`), 404);
    await problem(await fetch(`${s.url}/api/nothing-here`), 404);
  });

  it('analyses a text/plain or JSON body without storing it', async () => {
    const res = await fetch(`${s.url}/api/analyze?published=2025-03-31`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: EXAMPLE });
    assert.equal(res.status, 200);
    const article = await res.json() as { schema: string; id: string; quotes: { speaker: { name: string } | null }[] };
    assert.equal(article.schema, 'wirewatch.article/1');
    assert.ok(article.quotes.some((q) => q.speaker?.name === 'Dmitry Peskov'));
    const json = await fetch(`${s.url}/api/analyze`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text: EXAMPLE, published: '2025-03-31' }) });
    assert.equal((await json.json() as { id: string }).id, article.id);
  });

  it('analyses an HTML page body: the article text without the page\'s markup or scripts', async () => {
    const html = `<!doctype html><html><head><title>Kremlin open to contact</title><script>var tracking = 1;</script></head>
      <body><nav>Home | World</nav><article><h1>Kremlin open to contact</h1>
      ${EXAMPLE.split(/\n\s*\n/).map((p) => `<p>${p.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`).join('\n')}
      </article><footer>© News</footer></body></html>`;
    const res = await fetch(`${s.url}/api/analyze?published=2025-03-31`, { method: 'POST', headers: { 'content-type': 'text/html; charset=utf-8' }, body: html });
    assert.equal(res.status, 200);
    const a = await res.json() as { text: string; source: { format: string }; quotes: { speaker: { name: string } | null }[] };
    assert.equal(a.source.format, 'html');
    assert.ok(!a.text.includes('tracking') && !a.text.includes('<p>'));
    assert.ok(a.quotes.some((q) => q.speaker?.name === 'Dmitry Peskov'));
  });

  it('refuses bad bodies with one clear problem each', async () => {
    const post = (body: BodyInit, type = 'text/plain', q = '') => fetch(`${s.url}/api/analyze${q}`, { method: 'POST', headers: { 'content-type': type }, body });
    assert.match((await problem(await post(' \n '), 400)).detail, /body: empty input/);
    assert.match((await problem(await post(new Uint8Array([0x41, 0, 0x42])), 400)).detail, /body: binary content/);
    assert.match((await problem(await post(new Uint8Array([0x41, 0xff, 0x42])), 400)).detail, /body: not UTF-8/);
    assert.match((await problem(await post('x'.repeat(MAX_BODY_BYTES + 1)), 413)).detail, /too large/i);
    assert.match((await problem(await post('text', 'text/plain', '?published=yesterday'), 400)).detail, /published: not a date/);
    await problem(await post('{"nope": 1}', 'application/json'), 400);
    assert.match((await problem(await post('{"published": "2025-03-31"}', 'application/json'), 400)).detail, /no text or html/);
    assert.match((await problem(await post('', 'application/xml'), 415)).detail, /application\/xml/);
  });

  it('ingests a body once: 201 when new, 200 when the same text comes again', async () => {
    const text = 'Kremlin spokesman Dmitry Peskov said on Monday that Russia would respond to new sanctions.\n';
    const first = await fetch(`${s.url}/api/ingest?published=2025-04-07`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: text });
    assert.equal(first.status, 201);
    const { id, result } = await first.json() as { id: string; result: string };
    assert.equal(result, 'inserted');
    const again = await fetch(`${s.url}/api/ingest?published=2025-04-07`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: text });
    assert.equal(again.status, 200);
    assert.equal((await again.json() as { result: string }).result, 'unchanged');
    assert.equal((await getJson<{ id: string }>(`${s.url}/api/articles/${id}`)).id, id);
  });

  it('sees quotes that another process stored after the server started', async () => {
    const other = await openStore(s.store.target);
    try {
      await other.put(analyze('Foreign Minister Sergei Lavrov said, "We are ready to talk." He spoke in Moscow.\n', { published: '2025-04-08' }));
    } finally {
      await other.close();
    }
    const lavrov = (await getJson<Page<{ speaker: { name: string } }>>(`${s.url}/api/quotes?speaker=lavrov`)).items;
    assert.ok(lavrov.length > 0 && lavrov.every((q) => /Lavrov/.test(q.speaker.name)));
  });

  it('finds events of an actor first stored after the server started', async () => {
    const before = (await getJson<Page>(`${s.url}/api/events?actor=zorblatt`)).items;
    assert.equal(before.length, 0);
    const other = await openStore(s.store.target);
    let expected: number;
    try {
      const a = analyze(EXAMPLE.replace(/Vladimir Putin/g, 'Boris Zorblatt').replace(/Putin/g, 'Zorblatt'), { published: '2025-03-31' });
      expected = a.events.filter((e) => /Zorblatt/.test(`${e.source.name} ${e.target.name}`)).length;
      await other.put(a);
    } finally {
      await other.close();
    }
    assert.ok(expected > 0);
    const after = (await getJson<Page<Ev>>(`${s.url}/api/events?actor=zorblatt&limit=${MAX_PAGE}`)).items;
    assert.equal(after.length, expected);
  });

  it('refuses writes from a page of another origin', async () => {
    const res = await fetch(`${s.url}/api/ingest`, { method: 'POST', headers: { 'content-type': 'text/plain', origin: 'http://evil.example' }, body: 'Peskov said so.' });
    assert.match((await problem(res, 403)).detail, /origin/);
  });

  it('sends headers that keep source text from running in the page', async () => {
    const res = await fetch(`${s.url}/`);
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-security-policy') ?? '', /script-src 'self'/);
    assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
  });
});

describe('writes beyond loopback', () => {
  let store: Awaited<ReturnType<typeof exampleStore>>;
  const servers: TestServer[] = [];
  before(async () => {
    store = await exampleStore();
  });
  after(async () => {
    for (const s of servers) await s.close();
    await store.remove();
  });
  const body = { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'Peskov said the talks would go on.' };

  it('are closed when no token is set', async () => {
    const s = await startServer({ store, host: '0.0.0.0' });
    servers.push(s);
    assert.match((await problem(await fetch(`${s.url}/api/ingest`, body), 403)).detail, /WIREWATCH_TOKEN/);
    assert.equal((await fetch(`${s.url}/api/events`)).status, 200, 'reads stay open');
  });

  it('need the token as a bearer credential, and the token never appears in an answer', async () => {
    const token = 'correct horse battery staple';
    const s = await startServer({ store, host: '0.0.0.0', token });
    servers.push(s);
    const none = await fetch(`${s.url}/api/analyze`, body);
    const text = await none.clone().text();
    await problem(none, 401);
    assert.ok(!text.includes(token));
    await problem(await fetch(`${s.url}/api/analyze`, { ...body, headers: { ...body.headers, authorization: 'Bearer wrong' } }), 401);
    const ok = await fetch(`${s.url}/api/analyze`, { ...body, headers: { ...body.headers, authorization: `Bearer ${token}` } });
    assert.equal(ok.status, 200);
  });
});
