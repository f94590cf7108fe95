import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { getJson, startServer, type TestServer } from './serve-fixture.ts';
import { launchChromium } from './web-browser.ts';

interface Ev { id: string; article_id: string; type: string; evidence: { text: string; role?: string }[] }

// A source page that tries everything: if any of it ran, window.pwned would be set or an <img> would appear.
const HOSTILE = 'Kremlin spokesman Dmitry Peskov said on Monday, "<script>window.pwned = 1</script> talks will go on." ' +
  'He added <img src=x onerror="window.pwned = 2"> that <b>nothing</b> was agreed.\n';

describe('web page in Chromium', () => {
  let s: TestServer;
  let browser: Browser;
  let page: Page;
  const offsite: string[] = [];
  const errors: string[] = [];

  before(async () => {
    s = await startServer();
    browser = await launchChromium();
    page = await browser.newPage();
    page.on('request', (r) => { if (!r.url().startsWith(s.url) && !r.url().startsWith('data:')) offsite.push(r.url()); });
    page.on('pageerror', (e) => errors.push(e.message));
  });
  after(async () => {
    await browser?.close();
    await s?.close();
  });

  /** Load the page afresh at a route and wait until that route has rendered. */
  async function open(hash: string, view: string): Promise<void> {
    await page.goto('about:blank');
    await page.goto(`${s.url}/${hash}`);
    await rendered();
    assert.equal(await page.locator('main').getAttribute('data-view'), view);
  }

  /** app.js marks <main> with the hash it finished rendering. */
  async function rendered(): Promise<void> {
    await page.waitForFunction(() => {
      const main = document.querySelector('main');
      return main?.dataset.ready === 'true' && main.dataset.rendered === location.hash;
    });
  }

  it('loads the timeline with the stored events, from this server only', async () => {
    const { items } = await getJson<{ items: Ev[] }>(`${s.url}/api/events?limit=100`);
    await open('#/timeline', 'timeline');
    assert.equal(await page.locator('li.event').count(), items.length);
    assert.ok(await page.locator('li.quote').count() > 0);
    assert.deepEqual(offsite, []);
    assert.deepEqual(errors, []);
  });

  it('filters the timeline by type', async () => {
    const { items } = await getJson<{ items: Ev[] }>(`${s.url}/api/events?limit=100`);
    const type = items[items.length - 1].type;
    await open('#/timeline', 'timeline');
    await page.selectOption('select[name="type"]', type);
    await page.click('form.filters button[type="submit"]');
    await page.waitForFunction((t) => location.hash.includes(`type=${t}`), type);
    await rendered();
    const types = await page.locator('li.event .type').allTextContents();
    assert.ok(types.length > 0);
    assert.deepEqual([...new Set(types)], [type]);
    assert.equal(types.length, items.filter((e) => e.type === type).length);
  });

  it('shows an event\'s evidence on click, and the evidence in its article', async () => {
    const { items } = await getJson<{ items: Ev[] }>(`${s.url}/api/events?limit=100&order=desc`);
    await open('#/timeline', 'timeline');
    await page.locator('li.event time').first().click();
    const trigger = items[0].evidence.find((e) => e.role === 'trigger')!;
    const detail = page.locator('#detail .evidence');
    assert.ok((await detail.textContent())!.includes(trigger.text));
    await detail.locator('a.open').click();
    await page.waitForFunction(() => location.hash.startsWith('#/article/'));
    await rendered();
    const focused = (await page.locator('.article-text mark.focus').allTextContents()).join('');
    assert.equal(focused, trigger.text);
    const article = await getJson<{ text: string }>(`${s.url}/api/articles/${items[0].article_id}`);
    assert.equal(await page.locator('.article-text').textContent(), article.text);
  });

  it('highlights entities, quotes, times and events in the article view and links them to their records', async () => {
    const { items } = await getJson<{ items: { id: string }[] }>(`${s.url}/api/articles`);
    await open(`#/article/${items[0].id}`, 'article');
    for (const kind of ['entity', 'quote', 'time', 'event']) assert.ok(await page.locator(`mark.hl-${kind}`).count() > 0, kind);
    await page.locator('mark.hl-entity', { hasText: 'Peskov' }).first().click();
    assert.match((await page.locator('#detail').textContent())!, /Dmitry Peskov \(PERSON\)/);
  });

  it('draws the actor network, coloured by cooperation and conflict, each node leading to its timeline', async () => {
    const { edges } = await getJson<{ edges: { cooperation: number; conflict: number }[] }>(`${s.url}/api/network?edges=120`);
    await open('#/network', 'network');
    assert.equal(await page.locator('svg.network path.edge').count(), edges.length);
    assert.equal(await page.locator('path.edge.conflict').count(), edges.filter((e) => e.conflict > e.cooperation).length);
    await page.locator('g.node[data-actor="Vladimir Putin"]').click();
    await page.waitForFunction(() => location.hash.includes('actor=Vladimir'));
    await rendered();
    assert.ok(await page.locator('li.event').count() > 0);
  });

  it('lists a speaker\'s quotes', async () => {
    await open('#/quotes?speaker=Peskov', 'quotes');
    const speakers = await page.locator('li.quote .speaker').allTextContents();
    assert.ok(speakers.length >= 2);
    assert.deepEqual([...new Set(speakers)], ['Dmitry Peskov']);
  });

  it('shows markup in article text as text: nothing from a source page runs', async () => {
    const res = await fetch(`${s.url}/api/ingest?published=2025-04-07`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: HOSTILE });
    const { id } = await res.json() as { id: string };
    await open(`#/article/${id}`, 'article');
    const text = await page.locator('.article-text').textContent();
    assert.ok(text!.includes('<script>window.pwned = 1</script>'));
    assert.ok(text!.includes('<img src=x onerror="window.pwned = 2">'));
    assert.equal(await page.locator('.article-text img, .article-text script, .article-text b').count(), 0);
    await open('#/quotes?speaker=Peskov', 'quotes');
    assert.ok((await page.locator('li.quote blockquote').allTextContents()).some((q) => q.includes('<script>')));
    assert.equal(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned), undefined);
  });
});
