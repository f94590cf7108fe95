import type { Database } from 'better-sqlite3';
import type { Quote } from '../schema/article.ts';
import { fold } from '../store/fold.ts';
import { decodeCursor, toPage, type Page, type PageRequest } from './cursor.ts';
import type { ArticleRef } from './event-pages.ts';
import { likeEscape } from './like.ts';
import { refreshQuoteKeys, speakerWords } from './quote-keys.ts';
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

/**
 * Quotes in date order (undated first), one page at a time. Rows are walked through the quote_keys
 * index (see quote-keys.ts) under the speaker's rarest-looking word (the longest), or under '' for all.
 */
export function quotesPage(db: Database, f: QuoteFilter, p: PageRequest): Page<QuoteItem> {
  refreshQuoteKeys(db);
  const where: string[] = [];
  const params: unknown[] = [];
  const speaker = f.speaker?.trim().replace(/\s+/g, ' ');
  const word = speaker ? speakerWords(speaker).sort((a, b) => b.length - a.length)[0] ?? '' : '';
  where.push('k.word = ?');
  params.push(word);
  if (speaker) {
    // Spaces on both sides turn the substring test into a whole-word test.
    where.push(`' ' || fold(q.speaker_name) || ' ' LIKE '% ' || ? || ' %' ESCAPE '\\'`);
    params.push(likeEscape(fold(speaker)));
  }
  if (f.from || f.to) where.push(`k.date GLOB '[0-9][0-9][0-9][0-9]*'`);
  if (f.from) {
    where.push('k.date >= ?');
    params.push(f.from);
  }
  if (f.to) {
    where.push('k.date <= ?');
    params.push(`${f.to}\uffff`);
  }
  if (f.words?.trim()) {
    where.push(`(q.article_id, q.quote_id) IN (
      SELECT article_id, quote_id FROM search_index WHERE search_index MATCH ? AND kind = 'quote')`);
    params.push(ftsMatch(f.words));
  }
  if (f.article) {
    where.push('k.article_id = ?');
    params.push(f.article);
  }
  if (p.cursor) {
    const [date, article, start] = decodeCursor(p.cursor, 3) as [string | null, string, number];
    if (date === null) {
      where.push('((k.date IS NULL AND (k.article_id, k.start) > (?, ?)) OR k.date IS NOT NULL)');
      params.push(article, start);
    } else {
      where.push('(k.date > ? OR (k.date = ? AND (k.article_id, k.start) > (?, ?)))');
      params.push(date, date, article, start);
    }
  }
  const rows = db.prepare(`
    SELECT k.article_id, k.quote_id, k.date, k.start, a.title, a.published, a.uri
    FROM temp.quote_keys k
    JOIN quotes q ON q.article_id = k.article_id AND q.quote_id = k.quote_id
    JOIN articles a ON a.id = k.article_id
    WHERE ${where.join(' AND ')}
    ORDER BY k.date, k.article_id, k.start
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
