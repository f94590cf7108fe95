import { InputError } from '../errors.ts';
import { fold } from '../store/fold.ts';
import type { Sql } from '../store/sql.ts';
import { decodeCursor, encodeCursor, toPage, type Page, type PageRequest } from './cursor.ts';

/** More words than this make a query that ranks slowly and means little. */
export const MAX_SEARCH_WORDS = 16;
/** Relevance pages are numbered; past this many rows the search must be narrowed. */
export const MAX_SEARCH_DEPTH = 10_000;

/** Each word as an FTS5 string, so the user's quotes, `-`, `*`, AND, NEAR( are searched for, never parsed. */
export function ftsMatch(words: string, input = 'q'): string {
  return searchTerms(words, input).map((t) => `"${t.replace(/"/g, '""')}"`).join(' ');
}

function searchTerms(words: string, input: string): string[] {
  const terms = words.split(/\s+/).filter(Boolean);
  if (terms.length === 0) throw new InputError(input, 'no words to search for');
  if (terms.length > MAX_SEARCH_WORDS) throw new InputError(input, `${terms.length} words; at most ${MAX_SEARCH_WORDS}`);
  return terms;
}

/**
 * The condition "row `alias` of search_index has all the words". SQLite: an FTS5 MATCH of each word as a
 * quoted string. PostgreSQL: the folded words as plain text to plainto_tsquery (which parses no operators
 * either) against the row's tsvector, built from the same folded text.
 */
export function searchCondition(db: Sql, alias: string, words: string, input = 'q'): [string, unknown[]] {
  if (db.dialect === 'sqlite') return ['search_index MATCH ?', [ftsMatch(words, input)]];
  return [`${alias}.tsv @@ plainto_tsquery('simple', ?)`, [tsWords(words, input)]];
}

/** The words as PostgreSQL's query text: folded like the indexed text. */
export function tsWords(words: string, input = 'q'): string {
  return fold(searchTerms(words, input).join(' '));
}

/** A snippet of row `alias`, matches in [brackets]; on PostgreSQL its one `?` takes tsWords(…). */
export function snippetOf(db: Sql, alias: string): string {
  return db.dialect === 'sqlite'
    ? `snippet(search_index, -1, '[', ']', '…', 12)`
    : `ts_headline('simple', coalesce(${alias}.text, ''), plainto_tsquery('simple', ?),
         'StartSel=[, StopSel=], MaxWords=12, MinWords=4, ShortWord=0, MaxFragments=1, FragmentDelimiter=…')`;
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
export async function searchPage(db: Sql, words: string, p: PageRequest, order: SearchOrder = 'recent'): Promise<Page<SearchHit>> {
  const match = searchCondition(db, 's', words);
  return order === 'recent' ? recentPage(db, match, p) : relevancePage(db, match, p);
}

/** The hit's columns, and their parameters (PostgreSQL's snippet takes the query). */
function columns(db: Sql, match: [string, unknown[]]): [string, unknown[]] {
  return [`s.article_id, s.kind, s.quote_id, a.title, a.published, a.uri, ${snippetOf(db, 's')} AS snippet`,
    db.dialect === 'sqlite' ? [] : match[1]];
}

async function recentPage(db: Sql, match: [string, unknown[]], p: PageRequest): Promise<Page<SearchHit>> {
  const before = p.cursor ? Number(decodeCursor(p.cursor, 1)[0]) : null;
  if (before !== null && !Number.isInteger(before)) throw new InputError('cursor', 'not a cursor returned by this endpoint');
  const [cols, colParams] = columns(db, match);
  const rows = await db.all<SearchHit & { rid: number }>(`
    SELECT s.rowid AS rid, ${cols}
    FROM search_index s JOIN articles a ON a.id = s.article_id
    WHERE ${match[0]} ${before === null ? '' : 'AND s.rowid < ?'}
    ORDER BY s.rowid DESC
    LIMIT ?`, [...colParams, ...match[1], ...(before === null ? [] : [before]), p.limit + 1]);
  return toPage(rows, p.limit, ({ rid: _rid, ...hit }) => oneLine(hit), (r) => [r.rid]);
}

async function relevancePage(db: Sql, match: [string, unknown[]], p: PageRequest): Promise<Page<SearchHit>> {
  const offset = p.cursor ? Number(decodeCursor(p.cursor, 1)[0]) : 0;
  if (!Number.isInteger(offset) || offset < 0) throw new InputError('cursor', 'not a cursor returned by this endpoint');
  if (offset + p.limit > MAX_SEARCH_DEPTH) {
    throw new InputError('cursor', `relevance-ordered results are served to a depth of ${MAX_SEARCH_DEPTH}; narrow the search`);
  }
  const [cols, colParams] = columns(db, match);
  const rows = db.dialect === 'sqlite'
    ? await db.all<SearchHit>(`
      SELECT ${cols}
      FROM search_index s JOIN articles a ON a.id = s.article_id
      WHERE search_index MATCH ?
        AND s.rowid IN (SELECT rowid FROM search_index WHERE search_index MATCH ? ORDER BY rank, rowid LIMIT ? OFFSET ?)
      ORDER BY s.rank, s.rowid`, [...match[1], ...match[1], p.limit + 1, offset])
    : await db.all<SearchHit>(`
      SELECT ${cols}
      FROM search_index s JOIN articles a ON a.id = s.article_id
      WHERE ${match[0]}
      ORDER BY ts_rank(s.tsv, plainto_tsquery('simple', ?)) DESC, s.rowid
      LIMIT ? OFFSET ?`, [...colParams, ...match[1], ...match[1], p.limit + 1, offset]);
  const more = rows.length > p.limit;
  const items = (more ? rows.slice(0, p.limit) : rows).map(oneLine);
  return { items, next: more ? encodeCursor([offset + p.limit]) : null };
}

// Snippets are for reading on one line; the article's line breaks are not part of the hit.
function oneLine(h: SearchHit): SearchHit {
  return { ...h, snippet: h.snippet.replace(/\s+/g, ' ') };
}
