import type { Database } from 'better-sqlite3';
import { InputError } from '../errors.ts';
import { decodeCursor, encodeCursor, toPage, type Page, type PageRequest } from './cursor.ts';

/** More words than this make a query that ranks slowly and means little. */
export const MAX_SEARCH_WORDS = 16;
/** Relevance pages are numbered; past this many rows the search must be narrowed. */
export const MAX_SEARCH_DEPTH = 10_000;

/** Each word as an FTS5 string, so the user's quotes, `-`, `*`, AND, NEAR( are searched for, never parsed. */
export function ftsMatch(words: string): string {
  const terms = words.split(/\s+/).filter(Boolean);
  if (terms.length === 0) throw new InputError('q', 'no words to search for');
  if (terms.length > MAX_SEARCH_WORDS) throw new InputError('q', `${terms.length} words; at most ${MAX_SEARCH_WORDS}`);
  return terms.map((t) => `"${t.replace(/"/g, '""')}"`).join(' ');
}

export interface SearchHit {
  article_id: string;
  kind: 'article' | 'quote';
  quote_id: string | null;
  title: string | null;
  published: string | null;
  uri: string | null;
  snippet: string;
}

export type SearchOrder = 'recent' | 'relevance';

/**
 * Matches, most recently stored first (the default) or best first. Recent order walks the full-text
 * index backwards by rowid and stops at the page's end, whatever the number of matches; relevance has to
 * rank every match (bm25) before it can return the first, ~100 ms for a word in most of 10,000 articles,
 * and is paged by position to a depth of MAX_SEARCH_DEPTH. Snippets are cut only for the page's rows.
 */
export function searchPage(db: Database, words: string, p: PageRequest, order: SearchOrder = 'recent'): Page<SearchHit> {
  const match = ftsMatch(words);
  return order === 'recent' ? recentPage(db, match, p) : relevancePage(db, match, p);
}

const COLUMNS = `s.article_id, s.kind, s.quote_id, a.title, a.published, a.uri,
  snippet(search_index, -1, '[', ']', '…', 12) AS snippet`;

function recentPage(db: Database, match: string, p: PageRequest): Page<SearchHit> {
  const before = p.cursor ? Number(decodeCursor(p.cursor, 1)[0]) : null;
  if (before !== null && !Number.isInteger(before)) throw new InputError('cursor', 'not a cursor returned by this endpoint');
  const rows = db.prepare(`
    SELECT s.rowid AS rid, ${COLUMNS}
    FROM search_index s JOIN articles a ON a.id = s.article_id
    WHERE search_index MATCH ? ${before === null ? '' : 'AND s.rowid < ?'}
    ORDER BY s.rowid DESC
    LIMIT ?`).all(match, ...(before === null ? [] : [before]), p.limit + 1) as (SearchHit & { rid: number })[];
  return toPage(rows, p.limit, ({ rid: _rid, ...hit }) => oneLine(hit), (r) => [r.rid]);
}

function relevancePage(db: Database, match: string, p: PageRequest): Page<SearchHit> {
  const offset = p.cursor ? Number(decodeCursor(p.cursor, 1)[0]) : 0;
  if (!Number.isInteger(offset) || offset < 0) throw new InputError('cursor', 'not a cursor returned by this endpoint');
  if (offset + p.limit > MAX_SEARCH_DEPTH) {
    throw new InputError('cursor', `relevance-ordered results are served to a depth of ${MAX_SEARCH_DEPTH}; narrow the search`);
  }
  const rows = db.prepare(`
    SELECT ${COLUMNS}
    FROM search_index s JOIN articles a ON a.id = s.article_id
    WHERE search_index MATCH ?
      AND s.rowid IN (SELECT rowid FROM search_index WHERE search_index MATCH ? ORDER BY rank, rowid LIMIT ? OFFSET ?)
    ORDER BY s.rank, s.rowid`).all(match, match, p.limit + 1, offset) as SearchHit[];
  const more = rows.length > p.limit;
  const items = (more ? rows.slice(0, p.limit) : rows).map(oneLine);
  return { items, next: more ? encodeCursor([offset + p.limit]) : null };
}

// Snippets are for reading on one line; the article's line breaks are not part of the hit.
function oneLine(h: SearchHit): SearchHit {
  return { ...h, snippet: h.snippet.replace(/\s+/g, ' ') };
}
