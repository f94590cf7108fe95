import { folded, startsWithYear } from '../store/dialect.ts';
import type { Sql } from '../store/sql.ts';
import { fold } from '../store/fold.ts';
import { likeEscape } from './like.ts';

export interface EventQuery {
  /** Substring of the source or target name (ignoring case and accents), or exactly its ISO alpha-3 country code. */
  actor?: string;
  /** PLOVER type, case-insensitive. */
  type?: string;
  /** Inclusive day bounds, YYYY-MM-DD. Events without a resolved date are left out when either is given. */
  from?: string;
  to?: string;
}

export interface EventRow {
  article_id: string;
  uri: string | null;
  event_id: string;
  type: string;
  mode: string | null;
  cameo: string;
  source_name: string | null;
  source_country: string | null;
  target_name: string | null;
  target_country: string | null;
  date: string | null;
  conditional: boolean;
  negated: boolean;
  quantities: { value: number; unit: string; text?: string }[];
}

/** `db` must come from openStore (SQLite: it registers the fold() SQL function). */
export async function queryEvents(db: Sql, q: EventQuery = {}): Promise<EventRow[]> {
  const where: string[] = [];
  const params: unknown[] = [];
  if (q.actor?.trim()) {
    const actor = q.actor.trim();
    where.push(`(${folded(db, 'e.source_name')} LIKE ? ESCAPE '\\' OR ${folded(db, 'e.target_name')} LIKE ? ESCAPE '\\'
                 OR e.source_country = ? OR e.target_country = ?)`);
    const like = `%${likeEscape(fold(actor))}%`;
    params.push(like, like, actor.toUpperCase(), actor.toUpperCase());
  }
  if (q.type?.trim()) {
    where.push('e.type = ?');
    params.push(q.type.trim().toUpperCase());
  }
  // TIMEX values may be a day, a day and time, or a month; comparing the first ten characters
  // keeps "2025-03-31T10:00" inside --to 2025-03-31.
  if (q.from) {
    where.push(`${startsWithYear(db, 'e.date')} AND substr(e.date, 1, 10) >= ?`);
    params.push(q.from);
  }
  if (q.to) {
    where.push(`${startsWithYear(db, 'e.date')} AND substr(e.date, 1, 10) <= ?`);
    params.push(q.to);
  }
  const rows = await db.all<Omit<EventRow, 'conditional' | 'negated' | 'quantities'> & {
    conditional: number; negated: number; json: string;
  }>(`
    SELECT e.article_id, a.uri, e.event_id, e.type, e.mode, e.cameo, e.source_name, e.source_country,
           e.target_name, e.target_country, e.date, e.conditional, e.negated, e.json
    FROM events e JOIN articles a ON a.id = e.article_id
    ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
    ORDER BY e.date IS NULL, e.date, a.id, e.event_id`, params);
  return rows.map(({ json, conditional, negated, ...row }) => ({
    ...row,
    conditional: conditional === 1,
    negated: negated === 1,
    quantities: (JSON.parse(json) as { quantities?: EventRow['quantities'] }).quantities ?? [],
  }));
}
