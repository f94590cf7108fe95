import type { Sql } from '../store/sql.ts';
import { searchCondition, snippetOf } from './search-pages.ts';

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
 * Full-text search for all the given words, best matches first. Each word is searched for as a string,
 * so the user's `"`, `-`, `*`, `AND`, `NEAR(` are searched for, never parsed as query syntax.
 */
export async function search(db: Sql, words: string): Promise<SearchRow[]> {
  const [match, params] = searchCondition(db, 's', words, 'search');
  const rows = db.dialect === 'sqlite'
    ? await db.all<SearchRow>(`
      SELECT s.article_id, a.uri, a.title, s.kind, s.quote_id, ${snippetOf(db, 's')} AS snippet
      FROM search_index s JOIN articles a ON a.id = s.article_id
      WHERE ${match}
      ORDER BY rank, s.article_id`, params)
    : await db.all<SearchRow>(`
      SELECT s.article_id, a.uri, a.title, s.kind, s.quote_id, ${snippetOf(db, 's')} AS snippet
      FROM search_index s JOIN articles a ON a.id = s.article_id
      WHERE ${match}
      ORDER BY ts_rank(s.tsv, plainto_tsquery('simple', ?)) DESC, s.article_id, s.rowid`, [...params, ...params, ...params]);
  // Snippets are for reading on one line; the article's line breaks are not part of the hit.
  return rows.map((r) => ({ ...r, snippet: r.snippet.replace(/\s+/g, ' ') }));
}
