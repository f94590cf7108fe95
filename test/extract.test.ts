// HTML extraction: the article body without the page's furniture, every span pointing into the HTML,
// metadata from the page's own statements, and no article from an index page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../src/pipeline.ts';
import { extractArticle } from '../src/clean/html/index.ts';
import { datelineDay, normaliseDate } from '../src/clean/html/dates.ts';
import { sniff } from '../src/ingest/sniff.ts';
import { decodeHtml } from '../src/ingest/decode-html.ts';
import { BODY, NEWS_PAGE, para } from './extract-fixtures.ts';

test('the article body keeps the paragraphs and headings and drops captions, bylines, promos, share bars', () => {
  const a = analyze(NEWS_PAGE, { format: 'html', uri: 'page.html' });
  assert.equal(a.source.format, 'html');
  assert.match(a.text, /^Russian President Vladimir Putin said/);
  assert.match(a.text, /“no date has been set” for a phone call between the two leaders & their aides\./);
  assert.match(a.text, /\n\nCeasefire talks\n\n/);
  for (const junk of ['Photo: Reuters', 'By Jane Roe', 'Share on Facebook', 'Sign up', 'comments', 'Related', 'All rights', 'Home']) {
    assert.ok(!a.text.includes(junk), `"${junk}" left in the body`);
  }
  assert.equal(a.paragraphs.filter((p) => p.kind === 'heading').length, 1);
  assert.deepEqual(a.related.map((r) => r.title), ['Putin and Trump discuss prisoner swap deal', 'EU weighs new sanctions package on Moscow']);
  const caption = a.removed.find((r) => r.text.includes('Photo: Reuters'));
  assert.equal(caption && NEWS_PAGE.slice(caption.sourceStart, caption.sourceEnd), 'Vladimir Putin in Moscow. Photo: Reuters');
  for (const r of a.related) assert.equal(NEWS_PAGE.slice(r.sourceStart, r.sourceEnd), r.title);
});

test('every span maps back to the same characters of the raw HTML', () => {
  const a = analyze(NEWS_PAGE, { format: 'html' });
  assert.ok(a.quotes.length + a.entities.length > 0);
  const spans = [...a.entities.flatMap((e) => e.mentions), ...a.times];
  assert.ok(spans.length > 5);
  for (const s of spans) assert.equal(NEWS_PAGE.slice(s.sourceStart, s.sourceEnd), s.text, `span "${s.text}"`);
  for (const p of a.paragraphs) {
    const first = a.text.slice(p.start, p.start + 10);
    assert.equal(NEWS_PAGE.slice(p.sourceStart, p.sourceStart + 10), first);
  }
});

test('metadata comes from JSON-LD first, then meta tags; language and canonical from the page', () => {
  const a = analyze(NEWS_PAGE, { format: 'html' });
  assert.equal(a.meta.title, 'Kremlin open to contact with Washington');
  assert.equal(a.meta.byline, 'Jane Roe');
  assert.equal(a.meta.published, '2025-03-31T09:15:00+03:00');
  assert.equal(a.meta.modified, '2025-03-31T11:00:00+03:00');
  assert.equal(a.meta.siteName, 'Example News');
  assert.equal(a.meta.section, 'World');
  assert.equal(a.meta.canonical, 'https://news.example/world/2025/03/31/kremlin-open');
  assert.equal(a.meta.language, 'en');
});

test('a date given by the caller wins, and a page date after the fetch is rejected', () => {
  assert.equal(analyze(NEWS_PAGE, { format: 'html', published: '2025-04-01' }).meta.published, '2025-04-01');
  const fetchedBefore = analyze(NEWS_PAGE, { format: 'html', meta: { notAfter: '2025-03-01T00:00:00Z' } });
  assert.equal(fetchedBefore.meta.published, undefined);
  assert.equal('notAfter' in fetchedBefore.meta, false);
});

test('dates: the URL date when nothing else is stated; offsets normalised; no offset means a day', () => {
  const page = `<html><head><title>x</title></head><body><article>${BODY.map(para).join('')}</article></body></html>`;
  assert.equal(analyze(page, { format: 'html', url: 'https://n.example/2024/11/05/story' }).meta.published, '2024-11-05');
  assert.equal(normaliseDate('2019-11-19T13:03:00.000Z'), '2019-11-19T13:03:00Z');
  assert.equal(normaliseDate('2019-11-19T13:03:00+0530'), '2019-11-19T13:03:00+05:30');
  assert.equal(normaliseDate('2019-11-19 13:03'), '2019-11-19');
  assert.equal(normaliseDate('Tue, 19 Nov 2019 13:03:00 GMT'), '2019-11-19T13:03:00Z');
  assert.equal(normaliseDate('yesterday'), undefined);
  assert.equal(normaliseDate('2019-13-45'), undefined);
});

test('the visible dateline dates a page that states nothing else', () => {
  const page = `<html><body><article><p class="meta">Published Monday, Nov. 18, 2019</p>${BODY.map(para).join('')}</article></body></html>`;
  assert.equal(analyze(page, { format: 'html' }).meta.published, '2019-11-18');
  assert.equal(datelineDay('Updated 14:02, 18 November 2019'), '2019-11-18');
  assert.equal(datelineDay('on Monday at noon'), undefined);
});

test('language is detected when the page declares none', () => {
  const fr = ['Le président a déclaré lundi que la France était prête à reprendre les discussions avec ses partenaires européens.',
    'Les ministres se réuniront la semaine prochaine à Bruxelles pour préparer le sommet, selon un communiqué du gouvernement.',
    'Cette annonce intervient après plusieurs semaines de tensions entre les capitales sur la question du budget commun.'];
  const a = analyze(`<html><body><article>${fr.map(para).join('')}</article></body></html>`, { format: 'html' });
  assert.equal(a.meta.language, 'fr');
});

test('an index page of teasers yields no article, with a warning', () => {
  const teasers = Array.from({ length: 12 }, (_, i) => `<li><a href="/s${i}">Headline number ${i} about the news of the day</a></li>`).join('');
  const r = extractArticle(`<html><body><ul>${teasers}</ul></body></html>`);
  assert.equal(r.blocks.length, 0);
  const a = analyze(`<html><body><ul>${teasers}</ul></body></html>`, { format: 'html' });
  assert.equal(a.text, '');
  assert.ok(a.messages.some((m) => m.level === 'warning'));
});

test('pages that are empty, all script, or truncated mid-tag give no crash', () => {
  assert.equal(analyze('<html><body></body></html>', { format: 'html' }).text, '');
  assert.equal(analyze(`<html><body><script>${'var x = 1;'.repeat(500)}</script></body></html>`, { format: 'html' }).text, '');
  const cut = NEWS_PAGE.slice(0, NEWS_PAGE.indexOf(BODY[3].slice(0, 40)) + 20);
  const a = analyze(cut, { format: 'html' });
  assert.match(a.text, /Russian President Vladimir Putin/);
});

test('content sniffing tells HTML, feeds, WARC, gzip and text apart whatever the name', () => {
  const b = (s: string) => Buffer.from(s);
  assert.equal(sniff(b('<!DOCTYPE html><html>')), 'html');
  assert.equal(sniff(b('\uFEFF  <html lang="en">')), 'html');
  assert.equal(sniff(b('<?xml version="1.0"?><rss version="2.0">')), 'feed');
  assert.equal(sniff(b('<?xml version="1.0"?>\n<feed xmlns="http://www.w3.org/2005/Atom">')), 'feed');
  assert.equal(sniff(b('{"version": "https://jsonfeed.org/version/1.1", "items": []}')), 'json-feed');
  assert.equal(sniff(b('WARC/1.1\r\nWARC-Type: warcinfo')), 'warc');
  assert.equal(sniff(Buffer.from([0x1f, 0x8b, 8, 0])), 'gzip');
  assert.equal(sniff(b('Moscow, March 31 (Reuters) - The Kremlin said <b> was')), 'text');
});

test('charsets: meta charset, HTTP header, BOM, and windows-1252 when UTF-8 fails', () => {
  const latin = Buffer.concat([Buffer.from('<html><head><meta charset="iso-8859-1"></head><body><p>caf'), Buffer.from([0xe9]), Buffer.from('</p></body></html>')]);
  assert.match(decodeHtml(latin, 'x').html, /café/);
  const header = Buffer.concat([Buffer.from('<html><body><p>na'), Buffer.from([0xef]), Buffer.from('ve</p></body></html>')]);
  assert.match(decodeHtml(header, 'x', 'windows-1252').html, /naïve/);
  assert.match(decodeHtml(header, 'x').html, /naïve/); // invalid UTF-8, no declaration: windows-1252
  const koi8 = Buffer.concat([Buffer.from('<meta http-equiv="Content-Type" content="text/html; charset=koi8-r"><p>'), Buffer.from([0xf0, 0xd2, 0xc9, 0xd7, 0xc5, 0xd4]), Buffer.from('</p>')]);
  assert.match(decodeHtml(koi8, 'x').html, /Привет/);
  assert.throws(() => decodeHtml(Buffer.from([0x3c, 0x68, 0, 0, 1]), 'bin.html'), /bin\.html: binary content/);
});

test('linkedom carries our patch (patches/linkedom+*.patch, applied by npm install) and its events still work', async () => {
  // The patch makes a node's listener map on demand; without it every parsed node costs a WeakMap entry.
  const { readFileSync } = await import('node:fs');
  const { createRequire } = await import('node:module');
  const file = createRequire(import.meta.url).resolve('linkedom').replace(/cjs[/\\]index\.js$/, 'esm/interface/event-target.js');
  assert.match(readFileSync(file, 'utf8'), /Wirewatch patch/, `${file} is unpatched: run npm install (postinstall applies patches/)`);
  const { parseHTML } = await import('linkedom');
  const { document } = parseHTML('<p id="a">x</p>');
  const p = document.getElementById('a')!;
  p.removeEventListener('click', () => undefined); // nothing added yet: must not throw
  let fired = 0;
  const listener = () => { fired++; };
  p.addEventListener('click', listener);
  p.dispatchEvent(new document.defaultView!.Event('click'));
  p.removeEventListener('click', listener);
  p.dispatchEvent(new document.defaultView!.Event('click'));
  assert.equal(fired, 1);
});
