// Every kind of input becomes zero or more articles ready for the pipeline: a text or HTML file (also
// gzipped), HTML on stdin, a URL, an RSS/Atom/JSON feed (each item an article, its page fetched when the
// item carries only a summary), a WARC file (each HTML response record). What the input is is told by
// its content. Problems come back as InputErrors in the stream so one bad item never stops the rest.
import { gunzipSync, constants as zlibConstants } from 'node:zlib';
import type { AnalyzeOptions } from '../pipeline.ts';
import { InputError } from '../errors.ts';
import { decodeText } from './decode-text.ts';
import { charsetOf, decodeHtml } from './decode-html.ts';
import { readFeed } from './feed.ts';
import { fetchUrl, isUrl, type FetchOptions } from './fetch-url.ts';
import { MAX_INPUT_BYTES, MAX_INPUT_MB } from './limits.ts';
import { readBytes } from './read-input.ts';
import { readSidecar, type ArticleMeta } from './sidecar.ts';
import { sniff } from './sniff.ts';
import { readWarc } from './warc.ts';

export interface ArticleInput extends AnalyzeOptions { raw: string; uri: string }

export interface ReadOptions extends FetchOptions {
  /** fetch the page of a feed item that has only a summary (default true) */
  fetchItems?: boolean;
  /** user actor dictionaries (JSON or PETRARCH .actors.txt) added to the bundled one */
  actors?: string[];
}

// A WARC file holds many pages; its cap is larger than one article's.
const MAX_ARCHIVE_BYTES = 20 * MAX_INPUT_BYTES;
// A feed item with less prose than this is a summary; its page holds the article.
const FULL_ITEM_WORDS = 150;

export async function* readArticles(input: string, given: ArticleMeta = {}, opts: ReadOptions = {}): AsyncGenerator<ArticleInput | InputError> {
  const name = input === '-' ? 'stdin' : input; // how problems name the input
  try {
    let bytes: Buffer, contentType: string | undefined, fetchedAt: string | undefined, url: string | undefined;
    if (isUrl(input)) {
      const f = await fetchUrl(input, opts);
      ({ bytes, contentType, fetchedAt, url } = f);
    } else bytes = readBytes(input);
    let kind = sniff(bytes);
    if (kind === 'gzip') {
      bytes = gunzip(bytes, name);
      kind = sniff(bytes);
    }
    if (kind !== 'warc' && bytes.length > MAX_INPUT_BYTES) throw new InputError(name, `too large: more than ${MAX_INPUT_MB} MB uncompressed`);
    const stated = { ...(input === '-' || url ? {} : readSidecar(input)), ...definedOnly(given) };
    const base = { uri: input, url: stated.url ?? url, published: stated.published };
    const notAfter = fetchedAt ? { notAfter: fetchedAt } : {};
    switch (kind) {
      case 'text':
        yield { ...base, raw: decodeText(bytes, name), format: 'text' };
        return;
      case 'html':
        yield { ...base, raw: decodeHtml(bytes, name, charsetOf(contentType)).html, format: 'html', meta: notAfter };
        return;
      case 'feed':
      case 'json-feed':
        yield* feedArticles(name, decodeHtml(bytes, name, charsetOf(contentType)).html, kind, opts);
        return;
      case 'warc':
        yield* warcArticles(name, bytes);
        return;
    }
  } catch (e) {
    if (e instanceof InputError) yield e;
    else throw e;
  }
}

/** A local text or HTML file (or stdin) as one article, without fetching or waiting. */
export function readArticleSync(input: string, given: ArticleMeta = {}): ArticleInput {
  const name = input === '-' ? 'stdin' : input;
  let bytes = readBytes(input);
  let kind = sniff(bytes);
  if (kind === 'gzip') { bytes = gunzip(bytes, name); kind = sniff(bytes); }
  if (bytes.length > MAX_INPUT_BYTES) throw new InputError(name, `too large: more than ${MAX_INPUT_MB} MB uncompressed`);
  const stated = { ...(input === '-' ? {} : readSidecar(input)), ...definedOnly(given) };
  const base = { uri: input, url: stated.url, published: stated.published };
  if (kind === 'text') return { ...base, raw: decodeText(bytes, name), format: 'text' };
  if (kind === 'html') return { ...base, raw: decodeHtml(bytes, name).html, format: 'html' };
  throw new InputError(name, `a ${kind === 'json-feed' ? 'JSON feed' : kind === 'feed' ? 'feed' : 'WARC file'} holds several articles; use \`wirewatch ingest\``);
}

async function* feedArticles(input: string, text: string, kind: 'feed' | 'json-feed', opts: ReadOptions): AsyncGenerator<ArticleInput | InputError> {
  let feed: ReturnType<typeof readFeed>;
  try {
    feed = readFeed(text, kind);
  } catch (e) {
    yield new InputError(input, `not a readable feed (${(e as Error).message.split('\n')[0]})`);
    return;
  }
  if (!feed.items.length) { yield new InputError(input, 'feed has no items'); return; }
  for (const item of feed.items) {
    const where = `${input} item ${item.index + 1}`;
    if ('problem' in item) { yield new InputError(where, item.problem); continue; }
    const meta = { title: item.title, byline: item.author, modified: item.modified, siteName: feed.title };
    const common = { uri: item.url ?? where, url: item.url, published: item.published, format: 'feed-item' as const };
    const words = (item.html ?? '').replace(/<[^>]*>/g, ' ').split(/\s+/).filter(Boolean).length;
    if (item.html && (words >= FULL_ITEM_WORDS || !item.url || opts.fetchItems === false)) {
      yield { ...common, raw: `<html><body><article>${item.html}</article></body></html>`, meta };
      continue;
    }
    try {
      const page = await fetchUrl(item.url!, opts);
      const html = decodeHtml(page.bytes, item.url!, charsetOf(page.contentType)).html;
      yield { ...common, raw: html, meta: { ...meta, notAfter: page.fetchedAt } };
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      yield new InputError(where, `page not fetched (${e.problem})`);
    }
  }
}

function* warcArticles(input: string, bytes: Buffer): Generator<ArticleInput | InputError> {
  let pages = 0;
  for (const r of readWarc(bytes)) {
    const where = `${input} record ${r.record}`;
    if ('problem' in r) { yield new InputError(where, r.problem); continue; }
    pages++;
    try {
      const { html } = decodeHtml(r.body, r.targetUri ?? where, charsetOf(r.httpHeaders['content-type']));
      yield { uri: r.targetUri ?? where, url: r.targetUri, raw: html, format: 'warc-record', meta: r.date ? { notAfter: r.date } : {} };
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      yield new InputError(where, e.problem);
    }
  }
  if (pages === 0) yield new InputError(input, 'no HTML response records in the WARC file');
}

function gunzip(bytes: Buffer, input: string): Buffer {
  try {
    // a truncated archive still yields what was decompressed before the cut (Z_SYNC_FLUSH)
    return gunzipSync(bytes, { maxOutputLength: MAX_ARCHIVE_BYTES, finishFlush: zlibConstants.Z_SYNC_FLUSH });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ERR_BUFFER_TOO_LARGE') throw new InputError(input, `too large: more than ${MAX_ARCHIVE_BYTES / 1048576} MB uncompressed`);
    throw new InputError(input, `corrupt gzip data (${(e as Error).message})`);
  }
}

function definedOnly(m: ArticleMeta): ArticleMeta {
  return Object.fromEntries(Object.entries(m).filter(([, v]) => v !== undefined));
}
