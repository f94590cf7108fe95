import type { Database } from 'better-sqlite3';
import type { Quote } from '../schema/article.ts';
import { fold } from '../store/fold.ts';
import { decodeCursor, toPage, type Page, type PageRequest } from './cursor.ts';
import type { ArticleRef } from './event-pages.ts';
import { likeEscape } from './like.ts';
import { ftsMatch } from './search-pages.ts';

export interface QuoteFilter {
  /** Whole name or any run of its words, ignoring case and accents ("Peskov" but not "Pesk"). */
  speaker?: string;
  /** Inclusive day bounds on the quote's date, YYYY-MM-DD. */
  from?: string;
  to?: string;
  /** Words that must all occur in the quote (full-text index). */
  words?: string;
  article?: string;
}

export type QuoteItem = Quote & { article_id: string; article: ArticleRef };

/** Quotes in date order (undated first), one page at a time. */
export function quotesPage(db: Database, f: QuoteFilter, p: PageRequest): Page<QuoteItem> {
  const where: string[] = [];
  const params: unknown[] = [];
  const speaker = f.speaker?.trim().replace(/\s+/g, ' ');
  if (speaker) {
    // Spaces on both sides turn the substring test into a whole-word test.
    where.push(`' ' || fold(q.speaker_name) || ' ' LIKE '% ' || ? || ' %' ESCAPE '\\'`);
    params.push(likeEscape(fold(speaker)));
  }
  if (f.from || f.to) where.push(`q.date GLOB '[0-9][0-9][0-9][0-9]*'`);
  if (f.from) {
    where.push('q.date >= ?');
    params.push(f.from);
  }
  if (f.to) {
    where.push('q.date <= ?');
    params.push(`${f.to}\uffff`);
  }
  if (f.words?.trim()) {
    where.push(`(q.article_id, q.quote_id) IN (
      SELECT article_id, quote_id FROM search_index WHERE search_index MATCH ? AND kind = 'quote')`);
    params.push(ftsMatch(f.words));
  }
  if (f.article) {
    where.push('q.article_id = ?');
    params.push(f.article);
  }
  if (p.cursor) {
    const [date, article, start] = decodeCursor(p.cursor, 3) as [string | null, string, number];
    if (date === null) {
      where.push('((q.date IS NULL AND (q.article_id, q.start) > (?, ?)) OR q.date IS NOT NULL)');
      params.push(article, start);
    } else {
      where.push('(q.date > ? OR (q.date = ? AND (q.article_id, q.start) > (?, ?)))');
      params.push(date, date, article, start);
    }
  }
  const rows = db.prepare(`
    SELECT q.article_id, q.quote_id, q.date, q.start, a.title, a.published, a.uri
    FROM quotes q JOIN articles a ON a.id = q.article_id
    ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
    ORDER BY q.date, q.article_id, q.start
    LIMIT ?`).all(...params, p.limit + 1) as QuoteDbRow[];
  return toPage(rows, p.limit, quoteItem(db), (r) => [r.date, r.article_id, r.start]);
}

interface QuoteDbRow {
  article_id: string;
  quote_id: string;
  date: string | null;
  start: number;
  title: string | null;
  published: string | null;
  uri: string | null;
}

// The quotes table keeps the columns for filtering; the full record (cue, speaker mention, date basis)
// is cut from the stored article, parsed once per article on the page.
function quoteItem(db: Database): (r: QuoteDbRow) => QuoteItem {
  const byArticle = new Map<string, Map<string, Quote>>();
  const articleQuotes = db.prepare(`SELECT json_extract(json, '$.quotes') AS quotes FROM articles WHERE id = ?`).pluck();
  return (r) => {
    let quotes = byArticle.get(r.article_id);
    if (!quotes) {
      const list = JSON.parse(articleQuotes.get(r.article_id) as string) as Quote[];
      quotes = new Map(list.map((q) => [q.id, q]));
      byArticle.set(r.article_id, quotes);
    }
    const quote = quotes.get(r.quote_id) as Quote;
    return { article_id: r.article_id, ...quote, article: { title: r.title, published: r.published, uri: r.uri } };
  };
}
