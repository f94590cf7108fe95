// The web as input: URLs from a local HTTP server this test starts, feeds, WARC files, and every kind of
// bad input giving one line naming it while the batch goes on.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { execFile } from 'node:child_process';
import { truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { promisify } from 'node:util';
import { fetchUrl, isPrivateAddress, analyzeAll, USER_AGENT } from '../src/ingest/index.ts';
import { InputError } from '../src/errors.ts';
import type { Article } from '../src/schema/article.ts';
import { REPO, tmpDir } from './fixtures.ts';
import { NEWS_PAGE } from './extract-fixtures.ts';

const run = promisify(execFile);
let server: Server;
let base = '';
let seenAgent = '';

const SUMMARY_FEED = () => `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Example News</title>
<item><title>Kremlin open to contact</title><link>${base}/article</link><pubDate>Mon, 31 Mar 2025 06:15:00 GMT</pubDate><description>Short summary.</description></item>
<item><title>Broken</title></item>
<item><title>Gone</title><link>${base}/missing</link><description>Summary of a page that is not there.</description></item>
</channel></rss>`;

before(async () => {
  server = createServer((req, res) => {
    seenAgent = req.headers['user-agent'] ?? '';
    const url = req.url ?? '';
    if (url === '/article') { res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }); res.end(NEWS_PAGE); }
    else if (url === '/gzipped') { res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' }); res.end(gzipSync(NEWS_PAGE)); }
    else if (url === '/latin1') { res.writeHead(200, { 'content-type': 'text/html; charset=iso-8859-1' }); res.end(Buffer.from(NEWS_PAGE.replace('open to contacts', 'open to contacts café'), 'latin1')); }
    else if (url === '/redirect') { res.writeHead(302, { location: '/article' }); res.end(); }
    else if (url === '/loop-a') { res.writeHead(302, { location: '/loop-b' }); res.end(); }
    else if (url === '/loop-b') { res.writeHead(302, { location: '/loop-a' }); res.end(); }
    else if (url === '/slow') { res.writeHead(200, { 'content-type': 'text/html' }); res.write('<html><body><p>'); /* never ends */ }
    else if (url === '/huge') { res.writeHead(200, { 'content-type': 'text/html', 'content-length': String(50 * 1024 * 1024) }); res.write('<html>'); }
    else if (url === '/feed') { res.writeHead(200, { 'content-type': 'application/rss+xml' }); res.end(SUMMARY_FEED()); }
    else { res.writeHead(404); res.end('not found'); }
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const addr = server.address() as { port: number };
  base = `http://127.0.0.1:${addr.port}`;
});
after(() => { server.closeAllConnections(); server.close(); });

const articles = (rs: (Article | InputError)[]) => rs.filter((r): r is Article => !(r instanceof InputError));
const errors = (rs: (Article | InputError)[]) => rs.filter((r): r is InputError => r instanceof InputError).map((e) => e.message);

test('a URL is fetched with our User-Agent, following redirects, and analysed as HTML', async () => {
  const [a] = articles(await analyzeAll(`${base}/redirect`, {}, { allowPrivate: true }));
  assert.equal(seenAgent, USER_AGENT);
  assert.equal(a.source.format, 'html');
  assert.equal(a.meta.url, `${base}/article`);
  assert.equal(a.meta.published, '2025-03-31T09:15:00+03:00');
  assert.match(a.text, /^Russian President Vladimir Putin/);
});

test('gzip transfer encoding and the charset of the HTTP header are honoured', async () => {
  assert.match(articles(await analyzeAll(`${base}/gzipped`, {}, { allowPrivate: true }))[0].text, /Dmitry Peskov/);
  assert.match(articles(await analyzeAll(`${base}/latin1`, {}, { allowPrivate: true }))[0].text, /contacts café/);
});

test('loopback and private addresses are refused unless allowed', async () => {
  await assert.rejects(fetchUrl(`${base}/article`), /127\.0\.0\.1.*private.*--allow-private/);
  await assert.rejects(fetchUrl('http://localhost:9/x'), /private address/);
  // a name that resolves to loopback is fetched when allowed (the check runs inside the socket's lookup)
  const byName = await fetchUrl(base.replace('127.0.0.1', 'localhost') + '/article', { allowPrivate: true });
  assert.match(byName.bytes.toString(), /Dmitry Peskov/);
  for (const a of ['127.0.0.1', '10.1.2.3', '192.168.0.1', '172.20.0.1', '169.254.169.254', '::1', 'fe80::1', 'fd00::1', '::ffff:127.0.0.1', '0.0.0.0']) assert.ok(isPrivateAddress(a), a);
  for (const a of ['93.184.216.34', '2606:2800:220:1::1', '8.8.8.8']) assert.ok(!isPrivateAddress(a), a);
});

test('redirect loops, timeouts, oversize pages and HTTP errors each give one clear message', async () => {
  await assert.rejects(fetchUrl(`${base}/loop-a`, { allowPrivate: true }), /redirect loop/);
  await assert.rejects(fetchUrl(`${base}/slow`, { allowPrivate: true, timeoutMs: 300 }), /timed out after 0\.3 s/);
  await assert.rejects(fetchUrl(`${base}/huge`, { allowPrivate: true }), /too large: 50\.0 MB/);
  await assert.rejects(fetchUrl(`${base}/nothing`, { allowPrivate: true }), /HTTP 404/);
});

test('a feed: each item an article with the feed date, its page fetched; broken items reported, the rest go on', async () => {
  const rs = await analyzeAll(`${base}/feed`, {}, { allowPrivate: true });
  const [a] = articles(rs);
  assert.equal(articles(rs).length, 1);
  assert.equal(a.source.format, 'feed-item');
  assert.equal(a.meta.published, '2025-03-31T06:15:00Z');
  assert.match(a.text, /Dmitry Peskov/);
  const errs = errors(rs);
  assert.equal(errs.length, 2);
  assert.match(errs[0], /item 2: item has neither a link nor content/);
  assert.match(errs[1], /item 3: page not fetched \(HTTP 404\)/);
});

const LONG = Array.from({ length: 40 }, (_, i) => `Sentence ${i + 1} of the report says the ministers met in Brussels on Tuesday to discuss the budget.`).join(' ');

test('Atom and JSON Feed items with full content are analysed without fetching', async () => {
  const dir = tmpDir();
  const atom = join(dir, 'feed.atom');
  writeFileSync(atom, `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Atom News</title>
<entry><title>Budget talks</title><link href="https://n.example/budget"/><published>2025-02-04T10:00:00+01:00</published><author><name>Ann Lee</name></author><content type="html">&lt;p&gt;${LONG}&lt;/p&gt;</content></entry></feed>`);
  const [a] = articles(await analyzeAll(atom));
  assert.equal(a.meta.published, '2025-02-04T10:00:00+01:00');
  assert.equal(a.meta.byline, 'Ann Lee');
  assert.equal(a.meta.url, 'https://n.example/budget');
  assert.match(a.text, /^Sentence 1 of the report/);
  const json = join(dir, 'feed.json');
  writeFileSync(json, JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: 'J', items: [{ id: '1', url: 'https://n.example/j', date_published: '2025-01-02T03:04:05Z', content_text: LONG }, 'junk'] }));
  const rs = await analyzeAll(json);
  assert.equal(articles(rs)[0].meta.published, '2025-01-02T03:04:05Z');
  assert.match(errors(rs)[0], /item 2: item is not an object/);
});

function warcRecord(type: string, uri: string, block: string, date = '2025-03-31T12:00:00Z'): string {
  const len = Buffer.byteLength(block);
  return `WARC/1.0\r\nWARC-Type: ${type}\r\nWARC-Target-URI: ${uri}\r\nWARC-Date: ${date}\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: ${len}\r\n\r\n${block}\r\n\r\n`;
}
const httpBlock = (body: string, type = 'text/html; charset=utf-8') => `HTTP/1.1 200 OK\r\nContent-Type: ${type}\r\n\r\n${body}`;

test('WARC(.gz): every HTML response record is an article with its target URI; a truncated record is reported', async () => {
  const dir = tmpDir();
  const page2 = NEWS_PAGE.replace('Dmitry Peskov', 'Maria Zakharova');
  const warc = warcRecord('warcinfo', '', 'software: test') + warcRecord('response', 'https://n.example/one', httpBlock(NEWS_PAGE))
    + warcRecord('response', 'https://n.example/logo.png', httpBlock('PNG', 'image/png'))
    + warcRecord('response', 'https://n.example/two', httpBlock(page2));
  const cut = warc + warcRecord('response', 'https://n.example/three', httpBlock(NEWS_PAGE)).slice(0, 400);
  writeFileSync(join(dir, 'crawl.warc.gz'), gzipSync(cut));
  const rs = await analyzeAll(join(dir, 'crawl.warc.gz'));
  const as = articles(rs);
  assert.deepEqual(as.map((a) => a.source.uri), ['https://n.example/one', 'https://n.example/two']);
  assert.equal(as[0].source.format, 'warc-record');
  assert.match(as[1].text, /Maria Zakharova/);
  assert.match(errors(rs)[0], /crawl\.warc\.gz record 5: truncated record/);
});

test('ingest: a folder of HTML, text, feed and WARC files plus bad ones; each bad one is named and the rest are stored', async () => {
  const dir = tmpDir();
  const src = join(dir, 'in');
  const { mkdirSync } = await import('node:fs');
  mkdirSync(join(src, 'sub'), { recursive: true });
  writeFileSync(join(src, 'page.html'), NEWS_PAGE);
  writeFileSync(join(src, 'sub', 'page2.htm.gz'), gzipSync(NEWS_PAGE.replace('Dmitry Peskov', 'Yuri Ushakov')));
  writeFileSync(join(src, 'binary.html'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 1, 2, 3]));
  writeFileSync(join(src, 'empty.html'), '');
  writeFileSync(join(src, 'huge.html'), '');
  truncateSync(join(src, 'huge.html'), 50 * 1024 * 1024); // sparse: the size check comes before any read
  writeFileSync(join(src, 'notxml.atom'), '<feed xmlns="http://www.w3.org/2005/Atom"><entry><title>a</title></entr');
  writeFileSync(join(src, 'script.html'), `<html><head><script>${'var a = 1;\n'.repeat(2000)}</script></head><body><script>go()</script></body></html>`);
  writeFileSync(join(src, 'index.html'), `<html><body><ul>${Array.from({ length: 20 }, (_, i) => `<li><a href="/s${i}">Teaser headline number ${i} about the day's news</a></li>`).join('')}</ul></body></html>`);
  writeFileSync(join(src, 'broken.rss'), '<?xml version="1.0"?><rss version="2.0"><channel><item><title>unclosed');
  writeFileSync(join(src, 'crawl.warc'), warcRecord('response', 'https://n.example/w', httpBlock(NEWS_PAGE.replace('Dmitry Peskov', 'Sergei Lavrov'))));
  writeFileSync(join(src, 'image.png'), 'not taken: unknown extension');
  const db = join(dir, 'w.db');
  const r = await run(process.execPath, [join(REPO, 'bin', 'wirewatch.js'), 'ingest', src, '--db', db], { cwd: REPO }).catch((e) => e);
  assert.equal(r.code, 2);
  assert.match(r.stdout, /3 inserted, 0 unchanged, 7 failed/);
  assert.match(r.stderr, /huge\.html: too large: 50\.0 MB \(limit 20 MB\)/);
  assert.match(r.stderr, /notxml\.atom: not a readable feed \(Closing Tag is not closed/);
  assert.match(r.stderr, /script\.html: no article/);
  assert.match(r.stderr, /index\.html: no article body \(0 words of prose\)/);
  assert.match(r.stderr, /binary\.html: binary content/);
  assert.match(r.stderr, /empty\.html: empty input/);
  assert.match(r.stderr, /broken\.rss item 1: item has neither a link nor content/);
  assert.doesNotMatch(r.stderr, /\x1b\[/); // no progress bar when stderr is not a terminal
});

test('analyze: HTML on stdin, and a URL refused without --allow-private', async () => {
  const { spawn } = await import('node:child_process');
  const out = await new Promise<string>((ok) => {
    const p = spawn(process.execPath, [join(REPO, 'bin', 'wirewatch.js'), 'analyze', '-'], { cwd: REPO });
    let s = '';
    p.stdout.on('data', (d) => (s += d));
    p.on('close', () => ok(s));
    p.stdin.end(NEWS_PAGE);
  });
  const a = JSON.parse(out) as Article;
  assert.equal(a.source.format, 'html');
  assert.equal(a.meta.title, 'Kremlin open to contact with Washington');
  const r = await run(process.execPath, [join(REPO, 'bin', 'wirewatch.js'), 'analyze', `${base}/article`], { cwd: REPO }).catch((e) => e);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /^wirewatch: http:\/\/127\.0\.0\.1:\d+\/article: refused: 127\.0\.0\.1 is a private address; use --allow-private/m);
  const ok = await run(process.execPath, [join(REPO, 'bin', 'wirewatch.js'), 'analyze', `${base}/article`, '--allow-private'], { cwd: REPO });
  assert.equal((JSON.parse(ok.stdout) as Article).meta.byline, 'Jane Roe');
});
