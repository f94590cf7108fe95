import type { Database } from 'better-sqlite3';
import { fold } from '../store/fold.ts';
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
export function actorsPage(db: Database, f: { name?: string; type?: string }, p: PageRequest): Page<ActorSummary> {
  const where: string[] = [];
  const params: unknown[] = [];
  if (f.name?.trim()) {
    where.push(`fold(en.name) LIKE ? ESCAPE '\\'`);
    params.push(`%${likeEscape(fold(f.name.trim()))}%`);
  }
  if (f.type?.trim()) {
    where.push('en.type = ?');
    params.push(f.type.trim().toUpperCase());
  }
  const having: string[] = [];
  if (p.cursor) {
    const [articles, key] = decodeCursor(p.cursor, 2) as [number, string];
    having.push('(articles < ? OR (articles = ? AND key > ?))');
    params.push(articles, articles, key);
  }
  const rows = db.prepare(`
    SELECT coalesce(en.actor, en.name) AS key, max(en.name) AS name, max(en.type) AS type,
           max(en.country) AS country, count(*) AS articles
    FROM entities en
    ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
    GROUP BY key
    ${having.length ? `HAVING ${having.join(' AND ')}` : ''}
    ORDER BY articles DESC, key
    LIMIT ?`).all(...params, p.limit + 1) as ActorSummary[];
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
export function actorDetail(db: Database, key: string, maxRelations: number): ActorDetail | null {
  const summary = db.prepare(`
    SELECT coalesce(en.actor, en.name) AS key, max(en.name) AS name, max(en.type) AS type,
           max(en.country) AS country, count(*) AS articles,
           json_group_array(DISTINCT en.name) AS names, json_group_array(DISTINCT en.role) AS roles
    FROM entities en WHERE en.actor = ? OR (en.actor IS NULL AND en.name = ?)
    GROUP BY key`).get(key, key) as (ActorSummary & { names: string; roles: string }) | undefined;
  if (!summary) return null;
  const names = (JSON.parse(summary.names) as string[]).sort();
  const roles = (JSON.parse(summary.roles) as (string | null)[]).filter((r): r is string => r !== null).sort();
  const inNames = `(${names.map(() => '?').join(', ')})`;
  const quotes = db.prepare(`SELECT count(*) FROM quotes WHERE speaker_name IN ${inNames}`).pluck().get(...names) as number;
  const relations = db.prepare(`
    SELECT other, direction, type, count(*) AS events FROM (
      SELECT target_name AS other, 'source' AS direction, type FROM events
        WHERE source_name IN ${inNames} AND target_name IS NOT NULL
      UNION ALL
      SELECT source_name AS other, 'target' AS direction, type FROM events
        WHERE target_name IN ${inNames} AND source_name IS NOT NULL)
    GROUP BY other, direction, type
    ORDER BY events DESC, other, direction, type`).all(...names, ...names) as ActorRelation[];
  const count = (d: 'source' | 'target') => relations.filter((r) => r.direction === d).reduce((n, r) => n + r.events, 0);
  const { names: _n, roles: _r, ...rest } = summary;
  return {
    ...rest, names, roles, quotes,
    eventsAsSource: count('source'), eventsAsTarget: count('target'),
    relations: relations.slice(0, maxRelations),
  };
}
