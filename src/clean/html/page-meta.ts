// Article metadata from the page's own statements, strongest first: JSON-LD (NewsArticle/Article),
// Open Graph / article:* and other meta tags, <time datetime>, then the date in the URL. The fetch time is
// never a publication date; a caller that knows it passes it as `notAfter` and later dates are rejected.
import { normaliseDate } from './dates.ts';

export interface PageMeta {
  title?: string;
  byline?: string;
  published?: string;
  modified?: string;
  siteName?: string;
  canonical?: string;
  language?: string;
  section?: string;
  /** where the publication date came from */
  publishedFrom?: 'json-ld' | 'meta' | 'time' | 'url' | 'dateline';
}

type El = any; // eslint-disable-line @typescript-eslint/no-explicit-any

const ARTICLE_TYPES = /(?:^|\b)(?:NewsArticle|Article|ReportageNewsArticle|AnalysisNewsArticle|BlogPosting|LiveBlogPosting|OpinionNewsArticle|Report|ScholarlyArticle|WebPage)$/;

const PUBLISHED_META = ['article:published_time', 'og:article:published_time', 'published_time', 'article.published', 'pubdate',
  'publishdate', 'publish-date', 'publish_date', 'date', 'dc.date', 'dc.date.issued', 'dcterms.created', 'dcterms.date',
  'sailthru.date', 'parsely-pub-date', 'datepublished', 'og:published_time', 'cxenseparse:recs:publishtime', 'citation_publication_date'];
const MODIFIED_META = ['article:modified_time', 'og:updated_time', 'modified_time', 'last-modified', 'dcterms.modified', 'datemodified'];

export function pageMetadata(document: El, pageUrl?: string): PageMeta {
  const meta: PageMeta = {};
  const tags = new Map<string, string>();
  for (const m of document.querySelectorAll('meta')) {
    const key = (m.getAttribute('property') ?? m.getAttribute('name') ?? m.getAttribute('itemprop') ?? '').toLowerCase().trim();
    const content = m.getAttribute('content');
    if (key && content && !tags.has(key)) tags.set(key, content.trim());
  }
  const ld = jsonLdArticle(document);
  if (ld) {
    meta.title = str(ld.headline) ?? str(ld.name);
    meta.byline = people(ld.author);
    meta.published = normaliseDate(str(ld.datePublished) ?? str(ld.dateCreated));
    if (meta.published) meta.publishedFrom = 'json-ld';
    meta.modified = normaliseDate(str(ld.dateModified));
    meta.siteName = people(ld.publisher);
    meta.section = str(Array.isArray(ld.articleSection) ? ld.articleSection[0] : ld.articleSection);
    meta.language = str(ld.inLanguage);
  }
  const first = (keys: string[]) => keys.map((k) => tags.get(k)).find((v) => v);
  if (!meta.published) {
    meta.published = normaliseDate(first(PUBLISHED_META));
    if (meta.published) meta.publishedFrom = 'meta';
  }
  if (!meta.published) {
    const itemprop = document.querySelector('[itemprop="datePublished"]');
    meta.published = normaliseDate(itemprop?.getAttribute('datetime') ?? itemprop?.getAttribute('content'));
    if (meta.published) meta.publishedFrom = 'meta';
  }
  if (!meta.published) {
    const time = document.querySelector('article time[datetime], time[pubdate], time[datetime]');
    meta.published = normaliseDate(time?.getAttribute('datetime'));
    if (meta.published) meta.publishedFrom = 'time';
  }
  meta.modified ??= normaliseDate(first(MODIFIED_META));
  meta.title ??= first(['og:title', 'twitter:title', 'title']);
  meta.byline ??= first(['author', 'article:author', 'byl', 'parsely-author', 'sailthru.author', 'dc.creator']);
  if (meta.byline && /^https?:/.test(meta.byline)) meta.byline = undefined;
  meta.byline = meta.byline?.replace(/^by\s+/i, '');
  meta.siteName ??= first(['og:site_name', 'application-name', 'twitter:site']);
  meta.section ??= first(['article:section', 'section', 'parsely-section', 'og:section']);
  const canonical = document.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? first(['og:url']);
  if (canonical) {
    try { meta.canonical = new URL(canonical, pageUrl).href; } catch { /* a broken canonical link is ignored */ }
  }
  meta.language ??= document.documentElement?.getAttribute('lang')?.trim() || first(['og:locale', 'content-language', 'language', 'dc.language']);
  if (meta.language) meta.language = meta.language.replace('_', '-');
  if (!meta.published) {
    const m = /\/((?:19|20)\d{2})[/-](0[1-9]|1[0-2])[/-](0[1-9]|[12]\d|3[01])(?:\/|\b)/.exec(meta.canonical ?? pageUrl ?? '');
    if (m) { meta.published = `${m[1]}-${m[2]}-${m[3]}`; meta.publishedFrom = 'url'; }
  }
  for (const k of Object.keys(meta) as (keyof PageMeta)[]) if (meta[k] === undefined) delete meta[k];
  return meta;
}

/** The first JSON-LD object of an article type, looking inside @graph and arrays. */
function jsonLdArticle(document: El): Record<string, unknown> | undefined {
  for (const s of document.querySelectorAll('script[type="application/ld+json"]')) {
    let json: unknown;
    try { json = JSON.parse(s.textContent ?? ''); } catch { continue; } // broken JSON-LD is common; other sources remain
    const found = findArticle(json, 0);
    if (found) return found;
  }
  return undefined;
}

function findArticle(v: unknown, depth: number): Record<string, unknown> | undefined {
  if (!v || typeof v !== 'object' || depth > 4) return undefined;
  if (Array.isArray(v)) {
    for (const x of v) { const f = findArticle(x, depth + 1); if (f && f['@type'] !== 'WebPage') return f; }
    for (const x of v) { const f = findArticle(x, depth + 1); if (f) return f; }
    return undefined;
  }
  const o = v as Record<string, unknown>;
  const types = ([] as unknown[]).concat(o['@type'] ?? []).map(String);
  if (types.some((t) => ARTICLE_TYPES.test(t)) && (o.datePublished || o.headline)) return o;
  return findArticle(o['@graph'], depth + 1) ?? findArticle(o.mainEntity, depth + 1);
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v.trim() ? v.replace(/\s+/g, ' ').trim() : undefined;
}

function people(v: unknown): string | undefined {
  const names = ([] as unknown[]).concat(v ?? []).map((p) => (typeof p === 'string' ? p : str((p as { name?: unknown })?.name)))
    .filter((n): n is string => !!n && !/^https?:/.test(n));
  return names.length ? [...new Set(names)].join(', ') : undefined;
}

/**
 * The publication date a page states in JSON-LD `datePublished` or an `article:published_time` /
 * `datePublished` meta tag, read straight from the HTML with patterns: an independent check of pageMetadata.
 */
export function statedPublication(html: string): string | undefined {
  const ld = /"datePublished"\s*:\s*"([^"]+)"/.exec(html)?.[1];
  const meta = /<meta[^>]+(?:property|name|itemprop)=["'](?:article:published_time|datePublished)["'][^>]*content=["']([^"']+)["']/i.exec(html)?.[1]
    ?? /<meta[^>]+content=["']([^"']+)["'][^>]*(?:property|name|itemprop)=["'](?:article:published_time|datePublished)["']/i.exec(html)?.[1];
  return normaliseDate(ld ?? meta);
}
