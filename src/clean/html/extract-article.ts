// Article body of an HTML page: @mozilla/readability over linkedom finds the article element, then a
// news cleaning layer (selectors and block patterns in data/clean/html.json) takes out what readability
// leaves in: captions, bylines, timestamps, promos, share bars, comments, ads and "Read more" blocks
// (kept as related links). The result is a list of text blocks still to be aligned to the raw HTML.
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { compilePatterns, loadData } from '../../data.ts';
import { pageMetadata, type PageMeta } from './page-meta.ts';
import { datelineDay } from './dates.ts';

type DropKind = 'caption' | 'byline' | 'timestamp' | 'share' | 'promo' | 'comments' | 'ad' | 'nav';
type BlockKind = 'byline' | 'timestamp' | 'caption' | 'promo';

interface HtmlRules {
  drop: Record<DropKind, string[]>;
  related: string[];
  blocks: Record<BlockKind, string[]>;
  relatedHeadings: string[];
  indexPage: { minBodyWords: number };
}

let compiled: {
  drop: { kind: DropKind; selector: string }[];
  related: string;
  blocks: { kind: BlockKind; re: RegExp }[];
  relatedHeadings: RegExp[];
  minBodyWords: number;
} | undefined;

function rules() {
  if (!compiled) {
    const data = loadData<HtmlRules>('clean/html.json');
    compiled = {
      // one selector list per kind: one tree walk each instead of one per selector
      drop: (Object.keys(data.drop) as DropKind[]).map((kind) => ({ kind, selector: data.drop[kind].join(',') })),
      related: data.related.join(','),
      blocks: (Object.keys(data.blocks) as BlockKind[]).flatMap((kind) => compilePatterns(data.blocks[kind]).map((re) => ({ kind, re }))),
      relatedHeadings: compilePatterns(data.relatedHeadings),
      minBodyWords: data.indexPage.minBodyWords,
    };
  }
  return compiled;
}

export interface Block { text: string; kind: 'paragraph' | 'heading'; linkChars: number }
export interface Dropped { kind: string; text: string }
export interface ExtractedArticle {
  blocks: Block[];
  dropped: Dropped[];
  related: { title: string; url?: string }[];
  meta: PageMeta;
  /** why there is no article, when blocks is empty */
  reason?: string;
}

const BLOCK_TAGS = new Set(['address', 'article', 'aside', 'blockquote', 'dd', 'div', 'dl', 'dt', 'fieldset', 'figcaption',
  'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre',
  'section', 'table', 'tbody', 'thead', 'tfoot', 'tr', 'td', 'th', 'ul', 'br', 'caption', 'details', 'summary']);
const HEADING = /^h[1-6]$/;

// linkedom's node interfaces are close enough to the DOM's for what is used here
type El = any; // eslint-disable-line @typescript-eslint/no-explicit-any

export function extractArticle(html: string, pageUrl?: string): ExtractedArticle {
  const { document } = parseHTML(html);
  const meta = pageMetadata(document, pageUrl);
  // readability drops recommendation blocks itself, so their links are collected before it runs
  const related: { title: string; url?: string }[] = [];
  collectRelated(document, related, pageUrl);
  const reader = new Readability(document as unknown as Document, { keepClasses: true, serializer: (el: Node) => el });
  let parsed: ReturnType<Reader['parse']>;
  try {
    parsed = reader.parse();
  } catch (e) {
    return { blocks: [], dropped: [], related: [], meta, reason: `readability failed: ${(e as Error).message}` };
  }
  if (parsed) {
    meta.title ??= clean(parsed.title);
    meta.byline ??= clean(parsed.byline);
    meta.siteName ??= clean(parsed.siteName);
    meta.language ??= clean(parsed.lang);
  }
  const root = parsed?.content as El | undefined;
  if (!root) return { blocks: [], dropped: [], related: [], meta, reason: 'no article found on the page' };

  const dropped: Dropped[] = [];
  const total = textOf(root).length || 1;
  const r = rules();
  // A selector must never take out the article itself: only elements holding a minor part of its text go.
  const removable = (el: El) => textOf(el).length < total * 0.4;
  for (const el of [...root.querySelectorAll(r.related)]) {
    if (!el.isConnected && !root.contains(el)) continue;
    if (!removable(el)) continue;
    dropped.push({ kind: 'related', text: clean(el.textContent) ?? '' });
    el.remove();
  }
  for (const { kind, selector } of r.drop) {
    let found: El[];
    try { found = [...root.querySelectorAll(selector)]; } catch { continue; }
    for (const el of found) {
      if (!root.contains(el) || !removable(el)) continue;
      dropped.push({ kind, text: clean(el.textContent) ?? '' });
      el.remove();
    }
  }

  const blocks = collectBlocks(root);
  const kept: Block[] = [];
  let inRelated = false;
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i];
    const words = b.text.split(/\s+/).length;
    if (kept.length < 3 && words <= 40 && meta.title && same(b.text, meta.title)) { dropped.push({ kind: 'title', text: b.text }); continue; }
    if (words <= 8 && r.relatedHeadings.some((re) => re.test(b.text))) { inRelated = true; dropped.push({ kind: 'related', text: b.text }); continue; }
    if (inRelated) {
      if (b.linkChars >= b.text.length * 0.6) { related.push({ title: b.text }); dropped.push({ kind: 'related', text: b.text }); continue; }
      inRelated = false;
    }
    if (words >= 3 && b.linkChars >= b.text.length * 0.5 && isCapitals(b.text)) { related.push({ title: b.text }); dropped.push({ kind: 'related', text: b.text }); continue; }
    const rule = words <= 60 ? r.blocks.find((x) => x.re.test(b.text)) : undefined;
    if (rule) { dropped.push({ kind: rule.kind, text: b.text }); continue; }
    kept.push(b);
  }
  while (kept.length && kept[kept.length - 1].kind === 'heading') dropped.push({ kind: 'heading', text: kept.pop()!.text });

  if (!meta.byline) {
    // a "By …" line the cleaning took out names the author when the page's metadata does not
    const by = dropped.find((d) => d.kind === 'byline' && /^by\s+\S/i.test(d.text));
    if (by) meta.byline = by.text.replace(/^by\s+/i, '').split(/\s*[|·•—–]\s*|,\s*(?=\p{Lu}{2,}|updated|published)/u)[0].trim();
  }
  if (!meta.published) {
    // the visible dateline: a timestamp line the cleaning took out, or a short line at the top
    const lines = [...dropped.filter((d) => d.kind === 'timestamp' || d.kind === 'byline').map((d) => d.text),
      ...kept.slice(0, 3).filter((b) => b.text.split(/\s+/).length <= 20).map((b) => b.text)];
    for (const line of lines) {
      const day = datelineDay(line);
      if (day) { meta.published = day; meta.publishedFrom = 'dateline'; break; }
    }
  }
  // prose that is not link text: an index page of teasers has next to none
  const bodyWords = kept.reduce((n, b) => n + (b.kind === 'paragraph' && b.linkChars < b.text.length * 0.5 ? b.text.split(/\s+/).length : 0), 0);
  if (bodyWords < r.minBodyWords) return { blocks: [], dropped, related, meta, reason: `no article body (${bodyWords} words of prose)` };
  return { blocks: kept, dropped, related, meta };
}

type Reader = Readability<Node>;

const MAX_RELATED = 30;

function collectRelated(document: El, out: { title: string; url?: string }[], pageUrl?: string): void {
  const seen = new Set<string>();
  let els: El[];
  try { els = [...document.querySelectorAll(rules().related)]; } catch { return; }
  for (const el of els) {
    for (const a of el.querySelectorAll('a')) {
      const title = clean(a.textContent);
      if (!title || title.split(/\s+/).length < 3 || seen.has(title) || out.length >= MAX_RELATED) continue;
      seen.add(title);
      out.push({ title, url: absolute(a.getAttribute('href'), pageUrl) });
    }
  }
}

function collectBlocks(root: El): Block[] {
  const out: Block[] = [];
  let text = '';
  let linkChars = 0;
  const flush = (kind: Block['kind'] = 'paragraph') => {
    const t = text.replace(/\s+/g, ' ').trim();
    if (t) out.push({ text: t, kind, linkChars: Math.min(linkChars, t.length) });
    text = '';
    linkChars = 0;
  };
  const walk = (node: El, inLink: boolean) => {
    for (let c = node.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === 3) {
        text += c.data;
        if (inLink) linkChars += c.data.trim().length;
      } else if (c.nodeType === 1) {
        const tag = String(c.tagName).toLowerCase();
        if (tag === 'script' || tag === 'style' || tag === 'noscript') continue;
        if (HEADING.test(tag)) { flush(); walk(c, inLink); flush('heading'); }
        else if (BLOCK_TAGS.has(tag)) { flush(); walk(c, inLink || false); flush(); }
        else walk(c, inLink || tag === 'a');
      }
    }
  };
  walk(root, false);
  flush();
  return out;
}

/** Headlines set in capitals ("SEAN SPICER ELIMINATED FROM …") are promotions, not prose. */
function isCapitals(s: string): boolean {
  const letters = s.replace(/[^\p{L}]/gu, '');
  return letters.length >= 10 && letters === letters.toUpperCase() && letters !== letters.toLowerCase();
}

function textOf(el: El): string {
  return String(el.textContent ?? '').replace(/\s+/g, '');
}

function clean(s: string | null | undefined): string | undefined {
  const t = s?.replace(/\s+/g, ' ').trim();
  return t ? t : undefined;
}

function same(a: string, b: string): boolean {
  const norm = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
  const x = norm(a), y = norm(b);
  return x === y || (x.length > 10 && (y.includes(x) || x.includes(y)));
}

function absolute(href: string | null, base?: string): string | undefined {
  if (!href) return undefined;
  try { return new URL(href, base).href; } catch { return undefined; }
}
