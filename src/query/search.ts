import type { Database } from 'better-sqlite3';
import { InputError } from '../errors.ts';

export interface SearchRow {
  article_id: string;
  uri: string | null;
  title: string | null;
  /** 'article' for a hit in the article text or title, 'quote' for a hit inside a quote. */
  kind: 'article' | 'quote';
  quote_id: string | null;
  snippet: string;
}

/**
 * Full-text search for all the given words. Each word is sent to FTS5 as a quoted string,
 * so the user's `"`, `-`, `*`, `AND`, `NEAR(` are searched for, never parsed as query syntax.
 */
export function search(db: Database, words: string): SearchRow[] {
  const terms = words.split(/\s+/).filter(Boolean);
  if (terms.length === 0) throw new InputError('search', 'no words to search for');
  const match = terms.map((t) => `"${t.replace(/"/g, '""')}"`).join(' ');
  const rows = db.prepare(`
    SELECT s.article_id, a.uri, a.title, s.kind, s.quote_id,
           snippet(search_index, -1, '[', ']', '…', 12) AS snippet
    FROM search_index s JOIN articles a ON a.id = s.article_id
    WHERE search_index MATCH ?
    ORDER BY rank, s.article_id`).all(match) as SearchRow[];
  // Snippets are for reading on one line; the article's line breaks are not part of the hit.
  return rows.map((r) => ({ ...r, snippet: r.snippet.replace(/\s+/g, ' ') }));
}
