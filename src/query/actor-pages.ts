import { folded } from '../store/dialect.ts';
import { fold } from '../store/fold.ts';
import type { Sql } from '../store/sql.ts';
import { decodeCursor, toPage, type Page, type PageRequest } from './cursor.ts';
import { likeEscape } from './like.ts';

export interface ActorSummary {
  /** The dictionary actor id when the entity has one, else its name: what groups entities across articles. */
  key: string;
  name: string;
  type: string;
  country: string | null;
  articles: number;
}

/** Actors by the number of articles naming them. */
export async function actorsPage(db: Sql, f: { name?: string; type?: string }, p: PageRequest): Promise<Page<ActorSummary>> {
  const where: string[] = [];
  const params: unknown[] = [];
  if (f.name?.trim()) {
    where.push(`${folded(db, 'en.name')} LIKE ? ESCAPE '\\'`);
    params.push(`%${likeEscape(fold(f.name.trim()))}%`);
  }
  if (f.type?.trim()) {
    where.push('en.type = ?');
    params.push(f.type.trim().toUpperCase());
  }
  const having: string[] = [];
  if (p.cursor) {
    const [articles, key] = decodeCursor(p.cursor, 2) as [number, string];
    having.push('(count(*) < ? OR (count(*) = ? AND coalesce(en.actor, en.name) > ?))');
    params.push(articles, articles, key);
  }
  const rows = await db.all<ActorSummary>(`
    SELECT coalesce(en.actor, en.name) AS key, max(en.name) AS name, max(en.type) AS type,
           max(en.country) AS country, count(*) AS articles
    FROM entities en
    ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
    GROUP BY coalesce(en.actor, en.name)
    ${having.length ? `HAVING ${having.join(' AND ')}` : ''}
    ORDER BY articles DESC, key
    LIMIT ?`, [...params, p.limit + 1]);
  return toPage(rows, p.limit, (r) => r, (r) => [r.articles, r.key]);
}

export interface ActorRelation {
  other: string;
  /** 'source' when this actor acted on the other, 'target' when the other acted on it. */
  direction: 'source' | 'target';
  type: string;
  events: number;
}

export interface ActorDetail extends ActorSummary {
  names: string[];
  roles: string[];
  quotes: number;
  eventsAsSource: number;
  eventsAsTarget: number;
  relations: ActorRelation[];
}

/** One actor with its counts and who it acts on / is acted on by, by event type. */
export async function actorDetail(db: Sql, key: string, maxRelations: number): Promise<ActorDetail | null> {
  const which = 'en.actor = ? OR (en.actor IS NULL AND en.name = ?)';
  const summary = await db.get<ActorSummary>(`
    SELECT coalesce(en.actor, en.name) AS key, max(en.name) AS name, max(en.type) AS type,
           max(en.country) AS country, count(*) AS articles
    FROM entities en WHERE ${which}
    GROUP BY coalesce(en.actor, en.name)`, [key, key]);
  if (!summary) return null;
  const distinct = async (column: string) => (await db.all<{ v: string }>(
    `SELECT DISTINCT en.${column} AS v FROM entities en WHERE (${which}) AND en.${column} IS NOT NULL`, [key, key]))
    .map((r) => r.v).sort();
  const names = await distinct('name');
  const roles = await distinct('role');
  const inNames = `(${names.map(() => '?').join(', ')})`;
  const quotes = (await db.value<number>(`SELECT count(*) FROM quotes WHERE speaker_name IN ${inNames}`, names))!;
  const relations = await db.all<ActorRelation>(`
    SELECT other, direction, type, count(*) AS events FROM (
      SELECT target_name AS other, 'source' AS direction, type FROM events
        WHERE source_name IN ${inNames} AND target_name IS NOT NULL
      UNION ALL
      SELECT source_name AS other, 'target' AS direction, type FROM events
        WHERE target_name IN ${inNames} AND source_name IS NOT NULL) r
    GROUP BY other, direction, type
    ORDER BY events DESC, other, direction, type`, [...names, ...names]);
  const count = (d: 'source' | 'target') => relations.filter((r) => r.direction === d).reduce((n, r) => n + r.events, 0);
  return {
    ...summary, names, roles, quotes,
    eventsAsSource: count('source'), eventsAsTarget: count('target'),
    relations: relations.slice(0, maxRelations),
  };
}
