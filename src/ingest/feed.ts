// RSS 2.0, RSS 1.0 (RDF), Atom and JSON Feed items, each a candidate article with the feed's dates.
// fast-xml-parser reads the XML; JSON Feed is plain JSON. A broken item is reported, the rest go on.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { normaliseDate } from '../clean/html/dates.ts';

export interface FeedItem { title?: string; url?: string; published?: string; modified?: string; author?: string; html?: string; index: number }
export interface FeedProblem { index: number; problem: string }

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', textNodeName: '#text', removeNSPrefix: false, processEntities: true, htmlEntities: true });

export function readFeed(text: string, kind: 'feed' | 'json-feed'): { items: (FeedItem | FeedProblem)[]; title?: string } {
  return kind === 'json-feed' ? jsonFeed(text) : xmlFeed(text);
}

function xmlFeed(text: string): { items: (FeedItem | FeedProblem)[]; title?: string } {
  const doc = parser.parse(text) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  const rss = doc.rss?.channel ?? doc['rdf:RDF'];
  const atom = doc.feed;
  const raw: any[] = [].concat(rss?.item ?? doc['rdf:RDF']?.item ?? atom?.entry ?? []); // eslint-disable-line @typescript-eslint/no-explicit-any
  if (!raw.length) {
    const valid = XMLValidator.validate(text);
    if (valid !== true) throw new Error(`not well-formed XML, line ${valid.err.line}: ${valid.err.msg}`);
  }
  const items = raw.map((it, index): FeedItem | FeedProblem => {
    if (!it || typeof it !== 'object') return { index, problem: 'item is empty' };
    const link = atom ? atomLink(it.link) : s(it.link) ?? (it.guid?.['@isPermaLink'] !== 'false' ? s(it.guid) : undefined);
    const html = s(it['content:encoded']) ?? s(it.content) ?? s(it.description) ?? s(it.summary);
    const item: FeedItem = {
      index, title: s(it.title), url: link?.trim(),
      published: normaliseDate(s(it.pubDate) ?? s(it.published) ?? s(it['dc:date']) ?? s(it.updated)),
      modified: normaliseDate(s(it.updated)), author: s(it['dc:creator']) ?? s(it.author?.name) ?? s(it.author), html,
    };
    if (!item.url && !item.html) return { index, problem: 'item has neither a link nor content' };
    return item;
  });
  return { items, title: s(rss?.title) ?? s(atom?.title) };
}

function jsonFeed(text: string): { items: (FeedItem | FeedProblem)[]; title?: string } {
  const doc = JSON.parse(text) as { title?: string; items?: unknown[] };
  const items = (Array.isArray(doc.items) ? doc.items : []).map((raw, index): FeedItem | FeedProblem => {
    const it = raw as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    if (!it || typeof it !== 'object') return { index, problem: 'item is not an object' };
    const html = s(it.content_html) ?? (s(it.content_text) ? `<p>${escape(it.content_text).replace(/\n\s*\n/g, '</p><p>')}</p>` : undefined) ?? s(it.summary);
    const url = s(it.url) ?? s(it.external_url);
    if (!url && !html) return { index, problem: 'item has neither a url nor content' };
    return { index, title: s(it.title), url, published: normaliseDate(s(it.date_published)), modified: normaliseDate(s(it.date_modified)),
      author: s(it.authors?.[0]?.name) ?? s(it.author?.name), html };
  });
  return { items, title: s(doc.title) };
}

function atomLink(l: unknown): string | undefined {
  const links = ([] as any[]).concat(l ?? []); // eslint-disable-line @typescript-eslint/no-explicit-any
  const alt = links.find((x) => typeof x === 'object' && (!x['@rel'] || x['@rel'] === 'alternate')) ?? links[0];
  return typeof alt === 'string' ? alt : alt?.['@href'];
}

function s(v: unknown): string | undefined {
  if (typeof v === 'string') return v.trim() || undefined;
  if (typeof v === 'number') return String(v);
  if (v && typeof v === 'object' && '#text' in v) return s((v as { '#text': unknown })['#text']);
  return undefined;
}

function escape(t: string): string {
  return t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
