import { folded, orderDir, startsWithYear } from '../store/dialect.ts';
import type { Sql } from '../store/sql.ts';
import type { Event } from '../schema/article.ts';
import { fold } from '../store/fold.ts';
import { afterKey, decodeCursor, toPage, type Page, type PageRequest, type SortOrder } from './cursor.ts';
import { namesContaining } from './actor-names.ts';
import { likeEscape } from './like.ts';

export interface EventFilter {
  /** Part of the source or target name (ignoring case and accents), or exactly an ISO alpha-3 code. */
  actor?: string;
  /** ISO alpha-3 country of the source or the target. */
  country?: string;
  /** PLOVER type. */
  type?: string;
  /** Inclusive day bounds, YYYY-MM-DD; undated events are left out when either is given. */
  from?: string;
  to?: string;
  article?: string;
}

export interface ArticleRef {
  title: string | null;
  published: string | null;
  uri: string | null;
}

export type EventItem = Event & { article_id: string; article: ArticleRef };

/**
 * The actor, country, type and day-bound conditions, for a table with the events' columns (source_name,
 * target_name, source_country, target_country, type, date): `events` and `merged_events` share them.
 * `t` is the table's alias in the caller's query.
 */
export async function eventConditions(db: Sql, f: Omit<EventFilter, 'article'>, t: string): Promise<{ where: string[]; params: unknown[] }> {
  const where: string[] = [];
  const params: unknown[] = [];
  if (f.actor?.trim()) {
    const actor = f.actor.trim();
    const names = await namesContaining(db, actor);
    if (names === null && db.dialect === 'postgres') {
      // strpos, not LIKE '%…%': see quote-pages.ts.
      where.push(`(strpos(${t}.source_name_folded, ?) > 0 OR strpos(${t}.target_name_folded, ?) > 0
                   OR ${t}.source_country = ? OR ${t}.target_country = ?)`);
      params.push(fold(actor), fold(actor), actor.toUpperCase(), actor.toUpperCase());
    } else if (names === null) {
      const like = `%${likeEscape(fold(actor))}%`;
      where.push(`(${folded(db, `${t}.source_name`)} LIKE ? ESCAPE '\\' OR ${folded(db, `${t}.target_name`)} LIKE ? ESCAPE '\\'
                   OR ${t}.source_country = ? OR ${t}.target_country = ?)`);
      params.push(like, like, actor.toUpperCase(), actor.toUpperCase());
    } else if (names.length === 0) {
      // No stored name contains it (an empty IN list is not SQL everywhere): only the codes can match.
      where.push(`(${t}.source_country = ? OR ${t}.target_country = ?)`);
      params.push(actor.toUpperCase(), actor.toUpperCase());
    } else {
      const list = names.map(() => '?').join(', ');
      where.push(`(${t}.source_name IN (${list}) OR ${t}.target_name IN (${list}) OR ${t}.source_country = ? OR ${t}.target_country = ?)`);
      params.push(...names, ...names, actor.toUpperCase(), actor.toUpperCase());
    }
  }
  if (f.country?.trim()) {
    where.push(`(${t}.source_country = ? OR ${t}.target_country = ?)`);
    params.push(f.country.trim().toUpperCase(), f.country.trim().toUpperCase());
  }
  if (f.type?.trim()) {
    where.push(`${t}.type = ?`);
    params.push(f.type.trim().toUpperCase());
  }
  if (f.from || f.to) where.push(startsWithYear(db, `${t}.date`));
  // substr(date, 1, 10) >= from  ⇔  date >= from;  substr(date, 1, 10) <= to  ⇔  date <= to + U+FFFF.
  if (f.from) {
    where.push(`${t}.date >= ?`);
    params.push(f.from);
  }
  if (f.to) {
    where.push(`${t}.date <= ?`);
    params.push(`${f.to}\uffff`);
  }
  return { where, params };
}

/**
 * Events in date order (oldest or newest first), one page at a time. The order is the date index's own
 * (date, then rowid), and the date bounds are plain comparisons on `events.date`, so SQLite walks the
 * index and stops at the page's end instead of sorting every match.
 */
export async function eventsPage(db: Sql, f: EventFilter, p: PageRequest, order: SortOrder = 'asc'): Promise<Page<EventItem>> {
  const { where, params } = await eventConditions(db, f, 'e');
  if (f.article) {
    where.push('e.article_id = ?');
    params.push(f.article);
  }
  if (p.cursor) {
    const [sql, values] = afterKey('e.date', 'e.rowid', decodeCursor(p.cursor, 2) as [string | null, number], order);
    where.push(sql);
    params.push(...values);
  }
  const dir = orderDir(db, order);
  const rows = await db.all<EventDbRow>(`
    SELECT e.rowid AS rid, e.article_id, e.event_id, e.date, e.json, a.title, a.published, a.uri
    FROM events e JOIN articles a ON a.id = e.article_id
    ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
    ORDER BY e.date ${dir}, e.rowid ${dir}
    LIMIT ?`, [...params, p.limit + 1]);
  return toPage(rows, p.limit, eventItem, (r) => [r.date, r.rid]);
}

interface EventDbRow {
  rid: number;
  article_id: string;
  event_id: string;
  date: string | null;
  json: string;
  title: string | null;
  published: string | null;
  uri: string | null;
}

function eventItem(r: EventDbRow): EventItem {
  return { article_id: r.article_id, ...(JSON.parse(r.json) as Event), article: { title: r.title, published: r.published, uri: r.uri } };
}

export interface NetworkEdge {
  source: string;
  target: string;
  sourceCountry: string | null;
  targetCountry: string | null;
  events: number;
  /** Events by CAMEO quad class: verbal/material cooperation, verbal/material conflict. */
  cooperation: number;
  conflict: number;
}

/**
 * Who acts on whom, weighted by event counts. The quad class comes from the CAMEO root code
 * (01–08 cooperation, 09–20 conflict), which is what the codebook assigns, without parsing each row's JSON.
 */
export async function network(db: Sql, f: Omit<EventFilter, 'article' | 'actor'>, maxEdges: number): Promise<NetworkEdge[]> {
  const where = ['e.source_name IS NOT NULL', 'e.target_name IS NOT NULL', 'e.source_name <> e.target_name'];
  const params: unknown[] = [];
  if (f.type?.trim()) {
    where.push('e.type = ?');
    params.push(f.type.trim().toUpperCase());
  }
  if (f.country?.trim()) {
    where.push('(e.source_country = ? OR e.target_country = ?)');
    params.push(f.country.trim().toUpperCase(), f.country.trim().toUpperCase());
  }
  if (f.from) {
    where.push(`${startsWithYear(db, 'e.date')} AND e.date >= ?`);
    params.push(f.from);
  }
  if (f.to) {
    where.push(`${startsWithYear(db, 'e.date')} AND e.date <= ?`);
    params.push(`${f.to}\uffff`);
  }
  return db.all<NetworkEdge>(`
    SELECT e.source_name AS source, e.target_name AS target,
           max(e.source_country) AS "sourceCountry", max(e.target_country) AS "targetCountry",
           count(*) AS events,
           sum(CASE WHEN substr(e.cameo, 1, 2) <= '08' THEN 1 ELSE 0 END) AS cooperation,
           sum(CASE WHEN substr(e.cameo, 1, 2) > '08' THEN 1 ELSE 0 END) AS conflict
    FROM events e
    WHERE ${where.join(' AND ')}
    GROUP BY e.source_name, e.target_name
    ORDER BY events DESC, source, target
    LIMIT ?`, [...params, maxEdges]);
}
