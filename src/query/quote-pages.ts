import { folded, orderDir, startsWithYear } from '../store/dialect.ts';
import type { Sql } from '../store/sql.ts';
import type { Quote } from '../schema/article.ts';
import { fold } from '../store/fold.ts';
import { afterKey, decodeCursor, toPage, type Page, type PageRequest, type SortOrder } from './cursor.ts';
import type { ArticleRef } from './event-pages.ts';
import { likeEscape } from './like.ts';
import { refreshQuoteKeys, speakerWords } from './quote-keys.ts';
import { searchCondition } from './search-pages.ts';

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

/** A quote without its cue and speaker mention (see quoteItem). */
export type QuoteItem = Omit<Quote, 'cue'> & { article_id: string; article: ArticleRef };

/**
 * Quotes in date order (undated first), one page at a time. Rows are walked through the quote_keys
 * index (see quote-keys.ts) under the speaker's rarest-looking word (the longest), or under '' for all.
 * PostgreSQL keeps the same rows in its quote_words table, written with each article.
 */
export async function quotesPage(db: Sql, f: QuoteFilter, p: PageRequest, order: SortOrder = 'asc'): Promise<Page<QuoteItem>> {
  await refreshQuoteKeys(db);
  const pg = db.dialect === 'postgres';
  const k = 'k';
  const where: string[] = [];
  const params: unknown[] = [];
  const speaker = f.speaker?.trim().replace(/\s+/g, ' ');
  const word = speaker ? speakerWords(speaker).sort((a, b) => b.length - a.length)[0] ?? '' : '';
  where.push('k.word = ?');
  params.push(word);
  if (speaker) {
    // Spaces on both sides turn the substring test into a whole-word test. PostgreSQL's planner guesses a
    // LIKE '%…%' matches almost nothing and then sorts every quote of the word; strpos() it guesses fairly.
    if (pg) {
      where.push(`strpos(' ' || q.speaker_name_folded || ' ', ' ' || ? || ' ') > 0`);
      params.push(fold(speaker));
    } else {
      where.push(`' ' || ${folded(db, 'q.speaker_name')} || ' ' LIKE '% ' || ? || ' %' ESCAPE '\\'`);
      params.push(likeEscape(fold(speaker)));
    }
  }
  if (f.from || f.to) where.push(startsWithYear(db, `${k}.date`));
  if (f.from) {
    where.push(`${k}.date >= ?`);
    params.push(f.from);
  }
  if (f.to) {
    where.push(`${k}.date <= ?`);
    params.push(`${f.to}\uffff`);
  }
  if (f.words?.trim()) {
    const [match, matchParams] = searchCondition(db, 's', f.words);
    where.push(`(q.article_id, q.quote_id) IN (
      SELECT s.article_id, s.quote_id FROM search_index s WHERE ${match} AND s.kind = 'quote')`);
    params.push(...matchParams);
  }
  if (f.article) {
    where.push(`${k}.article_id = ?`);
    params.push(f.article);
  }
  if (p.cursor) {
    const [sql, values] = afterKey(`${k}.date`, `${k}.rowid`, decodeCursor(p.cursor, 2) as [string | null, number], order);
    where.push(sql);
    params.push(...values);
  }
  const dir = orderDir(db, order);
  const from = `${pg ? 'quote_words' : 'temp.quote_keys'} k
    JOIN quotes q ON q.article_id = k.article_id AND q.quote_id = k.quote_id`;
  const rows = await db.all<QuoteDbRow>(`
    SELECT ${k}.rowid AS rid, ${k}.article_id, ${k}.quote_id, q.kind, q.text, q.speaker_name, q.speaker_entity, q.date, q.date_basis,
           q.start, q."end", q.source_start, q.source_end, a.title, a.published, a.uri
    FROM ${from}
    JOIN articles a ON a.id = ${k}.article_id
    ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
    ORDER BY ${k}.date ${dir}, ${k}.rowid ${dir}
    LIMIT ?`, [...params, p.limit + 1]);
  return toPage(rows, p.limit, quoteItem, (r) => [r.date, r.rid]);
}

interface QuoteDbRow {
  rid: number;
  article_id: string;
  quote_id: string;
  kind: Quote['kind'];
  text: string;
  speaker_name: string | null;
  speaker_entity: string | null;
  date: string | null;
  date_basis: NonNullable<Quote['date']>['basis'] | null;
  start: number;
  end: number;
  source_start: number;
  source_end: number;
  title: string | null;
  published: string | null;
  uri: string | null;
}

// Items are cut from the quotes table's columns. The cue and the speaker's mention span live only in the
// stored article JSON, and parsing a whole article per quote costs ~1 ms each: they are served with the
// article (GET /api/articles/{id}), not in lists.
function quoteItem(r: QuoteDbRow): QuoteItem {
  return {
    article_id: r.article_id,
    id: r.quote_id,
    kind: r.kind,
    text: r.text,
    start: r.start, end: r.end, sourceStart: r.source_start, sourceEnd: r.source_end,
    speaker: r.speaker_name === null ? null : { name: r.speaker_name, ...(r.speaker_entity ? { entity: r.speaker_entity } : {}) },
    ...(r.date_basis ? { date: { value: r.date, basis: r.date_basis } } : {}),
    article: { title: r.title, published: r.published, uri: r.uri },
  };
}
