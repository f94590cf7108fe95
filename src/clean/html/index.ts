// The clean stage for HTML: extract the article (readability + news cleaning), then align each kept
// block onto the page's located text so the Document's text maps back to offsets in the raw HTML.
import type { Document } from '../../document.ts';
import { Removed as RemovedSchema, type Removed } from '../../schema/article.ts';

const REMOVED_KINDS = RemovedSchema.shape.kind.options;
import { extractArticle } from './extract-article.ts';
import { isSpace, locateText } from './located-text.ts';
import { detectLanguageOf } from './language.ts';

export { extractArticle } from './extract-article.ts';
export type { PageMeta } from './page-meta.ts';

export function cleanHtml(doc: Document): void {
  const html = doc.raw;
  const art = extractArticle(html, doc.meta.url ?? doc.uri);
  const pm = art.meta;
  // what the caller stated (flags, feed, WARC headers) wins over what the page says of itself
  const m = doc.meta;
  m.title ??= pm.title;
  m.byline ??= pm.byline;
  if (!m.published && pm.published && (!m.notAfter || notLater(pm.published, m.notAfter))) m.published = pm.published;
  m.modified ??= pm.modified;
  m.siteName ??= pm.siteName;
  m.canonical ??= pm.canonical;
  m.section ??= pm.section;
  if (!m.language && pm.language) m.language = pm.language.toLowerCase().split('-')[0];
  delete m.notAfter;
  const located = locateText(html);
  const { dense, offsets, ends } = located;
  /** where a piece of page text sits in the raw HTML (its first occurrence) */
  const find = (t: string): { sourceStart: number; sourceEnd: number } | undefined => {
    const needle = t.replace(/\s+/g, '');
    const at = needle ? dense.indexOf(needle) : -1;
    return at < 0 ? undefined : { sourceStart: offsets[at], sourceEnd: ends[at + needle.length - 1] };
  };
  for (const r of art.related) {
    const where = find(r.title);
    if (where) doc.related.push({ title: r.title, url: r.url, ...where });
  }
  for (const d of art.dropped) {
    const where = d.text ? find(d.text) : undefined;
    if (where) doc.removed.push({ kind: removedKind(d.kind), ...where, text: d.text });
  }
  if (!art.blocks.length) {
    doc.note('clean', art.reason ?? 'no article found on the page', undefined, undefined, 'warning');
    return;
  }

  let cursor = 0;
  let text = '';
  let unmatched = 0;
  for (const block of art.blocks) {
    const pos = alignBlock(block.text, dense, cursor);
    const first = pos.find((p) => p >= 0);
    if (text) {
      doc.map.add(text.length, first !== undefined ? offsets[first] : cursor > 0 ? ends[cursor - 1] : 0, 2, true);
      text += '\n\n';
    }
    const start = text.length;
    let j = 0; // index into pos (the block's non-space characters)
    let last = cursor > 0 ? ends[cursor - 1] : 0; // source offset after the previous mapped character
    let segStart = -1, segSource = 0, expected = -1;
    const close = () => { if (segStart >= 0) doc.map.add(segStart, segSource, text.length - segStart); segStart = -1; };
    for (let i = 0; i < block.text.length; i++) {
      const c = block.text.charCodeAt(i);
      if (isSpace(c)) {
        // a space maps onto the page's own whitespace when there is some, else it is synthetic
        if (isSpace(html.charCodeAt(last))) {
          if (last !== expected || segStart < 0) { close(); segStart = text.length; segSource = last; }
          expected = last + 1;
        } else { close(); doc.map.add(text.length, last, 1, true); expected = -1; }
        text += ' ';
        continue;
      }
      const k = pos[j++];
      if (k < 0) {
        // a character readability made up or moved: pinned to the text before it
        close(); doc.map.add(text.length, last, 1, true); expected = -1; unmatched++;
        text += block.text[i];
        continue;
      }
      const src = offsets[k];
      if (src !== expected || segStart < 0) { close(); segStart = text.length; segSource = src; }
      text += block.text[i];
      last = ends[k];
      expected = last;
      if (ends[k] !== src + 1) close(); // an entity: one character for several
    }
    close();
    const lastFound = [...pos].reverse().find((p) => p >= 0);
    if (lastFound !== undefined && lastFound >= cursor) cursor = lastFound + 1;
    doc.paragraphs.push({ start, end: text.length, kind: block.kind });
  }
  if (unmatched) doc.note('clean', `${unmatched} characters of the article not found in the page; their offsets point at the text before them`);
  doc.text = text;
  if (!m.language) {
    const lang = detectLanguageOf(text);
    if (lang) m.language = lang;
  }
}

// How far ahead a word may be found when a paragraph is not in the page verbatim (readability removed
// something from its middle, such as a hover card).
const WORD_WINDOW = 4000;

/**
 * For each non-space character of a block, its index in the page's dense text, or -1. The block is
 * looked for whole first (after the previous block, then anywhere); failing that, word by word.
 */
function alignBlock(block: string, dense: string, cursor: number): Int32Array {
  const needle = block.replace(/\s+/g, '');
  const pos = new Int32Array(needle.length).fill(-1);
  let at = dense.indexOf(needle, cursor);
  if (at < 0) at = dense.indexOf(needle);
  if (at >= 0) {
    for (let j = 0; j < pos.length; j++) pos[j] = at + j;
    return pos;
  }
  let k = cursor, j = 0;
  for (const word of block.split(/\s+/)) {
    if (!word) continue;
    const found = dense.indexOf(word, k);
    if (found >= 0 && found - k <= WORD_WINDOW) {
      for (let x = 0; x < word.length; x++) pos[j + x] = found + x;
      k = found + word.length;
    }
    j += word.length;
  }
  return pos;
}

function removedKind(kind: string): Removed['kind'] {
  return (REMOVED_KINDS as readonly string[]).includes(kind) ? (kind as Removed['kind']) : 'share';
}

function notLater(date: string, limit: string): boolean {
  const t = Date.parse(date.length === 10 ? `${date}T00:00:00Z` : date);
  return t <= Date.parse(limit) + 14 * 3600e3; // a calendar day may run up to UTC+14 ahead of the fetch
}
