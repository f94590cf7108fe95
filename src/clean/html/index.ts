// The clean stage for HTML: extract the article (readability + news cleaning), then align each kept
// block onto the page's located text so the Document's text maps back to offsets in the raw HTML.
import type { Document } from '../../document.ts';
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
  for (const block of art.blocks) {
    const needle = block.text.replace(/\s+/g, '');
    let at = dense.indexOf(needle, cursor);
    if (at < 0) at = dense.indexOf(needle);
    if (text) {
      doc.map.add(text.length, at >= 0 ? offsets[at] : offsets[Math.min(cursor, offsets.length - 1)] ?? 0, 2, true);
      text += '\n\n';
    }
    const start = text.length;
    if (at < 0) {
      // readability changed the text (rare): keep it, pinned to where the previous block ended
      doc.map.add(text.length, cursor > 0 ? ends[cursor - 1] : 0, block.text.length, true);
      text += block.text;
      doc.note('clean', 'paragraph not found verbatim in the page; its offsets point at the preceding text', start, text.length);
    } else {
      let k = at; // index into dense
      let segStart = -1, segSource = 0, expected = -1;
      const close = () => { if (segStart >= 0) doc.map.add(segStart, segSource, text.length - segStart); segStart = -1; };
      for (let i = 0; i < block.text.length; i++) {
        const c = block.text.charCodeAt(i);
        let src: number;
        if (isSpace(c)) {
          src = ends[k - 1];
          // a space maps onto the page's own whitespace when there is some, else it is synthetic
          if (!isSpace(html.charCodeAt(src))) { close(); doc.map.add(text.length, src, 1, true); text += ' '; expected = -1; continue; }
        } else src = offsets[k++];
        if (src !== expected || segStart < 0) { close(); segStart = text.length; segSource = src; }
        text += block.text[i];
        expected = isSpace(c) ? src + 1 : ends[k - 1];
        if (!isSpace(c) && ends[k - 1] !== src + 1) close(); // an entity: one character for several
      }
      close();
      cursor = at + needle.length;
    }
    doc.paragraphs.push({ start, end: text.length, kind: block.kind });
  }
  doc.text = text;
  if (!m.language) {
    const lang = detectLanguageOf(text);
    if (lang) m.language = lang;
  }
}

function removedKind(kind: string): 'ad' | 'related' | 'credit' | 'share' | 'title' {
  if (kind === 'related' || kind === 'title' || kind === 'ad') return kind;
  if (kind === 'caption' || kind === 'byline' || kind === 'timestamp') return 'credit';
  return 'share';
}

function notLater(date: string, limit: string): boolean {
  const t = Date.parse(date.length === 10 ? `${date}T00:00:00Z` : date);
  return t <= Date.parse(limit) + 14 * 3600e3; // a calendar day may run up to UTC+14 ahead of the fetch
}
