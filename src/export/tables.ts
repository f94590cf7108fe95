import { folded } from '../store/dialect.ts';
import type { Sql } from '../store/sql.ts';

export type TableKind = 'events' | 'quotes' | 'mentions' | 'actors';
export const TABLE_KINDS: TableKind[] = ['events', 'quotes', 'mentions', 'actors'];

export interface Table {
  columns: string[];
  /** Rows in column order, streamed from the database in batches. */
  rows: AsyncIterable<unknown[]>;
  /** Columns holding JSON text: nested values in JSONL, text in CSV/TSV. */
  json: Set<string>;
  /** Columns holding 0/1: true/false in JSONL. */
  flags: Set<string>;
}

/**
 * One row per happening (merged event) with its counts; the fields of a happening come from its first
 * mention. Undated happenings come last.
 */
export const EVENTS_SQL = `
  SELECT m.id, m.global_id, m.date, m.date_last, m.type, m.mode, m.cameo, m.goldstein, m.quad_class,
         m.source_key AS source_actor, m.source_name, m.source_country, m.source_sector,
         m.target_key AS target_actor, m.target_name, m.target_country, m.target_sector,
         m.negated, m.conditional, m.intent, m.in_lead,
         c.num_mentions, c.num_articles, c.num_sources, c.num_stories,
         a.url AS first_url, a.uri AS first_uri, m.added_at
  FROM merged_events m
  JOIN merged_event_counts c ON c.id = m.id
  JOIN articles a ON a.id = m.first_article_id
  ORDER BY m.date IS NULL, m.date, m.id`;

const SQL: Record<TableKind, { sql: string | ((db: Sql) => string); json: string[]; flags: string[] }> = {
  events: { sql: EVENTS_SQL, json: [], flags: ['negated', 'conditional', 'intent', 'in_lead'] },

  // Every report of every happening, with the exact spans that support it (offsets into the article's
  // cleaned text), like GDELT's Mentions table.
  mentions: {
    sql: `
      SELECT em.merged_event_id AS event, em.article_id, em.event_id AS article_event, s.story_id,
             a.url, a.uri, a.published, a.title, em.day, em.in_lead,
             em.trigger_start, em.trigger_end, em.trigger, em.sentence_start, em.sentence_end, em.sentence,
             em.quantities, em.evidence
      FROM event_mentions em
      JOIN articles a ON a.id = em.article_id
      LEFT JOIN story_members s ON s.article_id = em.article_id
      ORDER BY em.merged_event_id, em.article_id, em.event_id`,
    json: ['quantities', 'evidence'],
    flags: ['in_lead'],
  },

  // Copies of one story repeat its quotes; story_id lets a reader keep one of each.
  quotes: {
    sql: `
      SELECT q.article_id, q.quote_id, s.story_id, a.url, a.uri, a.published, q.kind, q.speaker_name,
             q.date, q.date_basis, q.text, q.start, q."end", q.source_start, q.source_end
      FROM quotes q
      JOIN articles a ON a.id = q.article_id
      LEFT JOIN story_members s ON s.article_id = q.article_id
      ORDER BY q.article_id, q.start, q.quote_id`,
    json: [],
    flags: [],
  },

  // One row per actor across articles: the dictionary actor where there is one, else the name ignoring case
  // and accents; the same key the merged events use for their source and target.
  actors: {
    sql: (db) => `
      WITH ents AS (
        SELECT coalesce(actor, ${folded(db, 'name')}) AS actor, article_id, entity_id, name, type, country, sector FROM entities
      ), mention_counts AS (
        SELECT e.actor, count(*) AS n FROM mentions mm
        JOIN ents e ON e.article_id = mm.article_id AND e.entity_id = mm.entity_id GROUP BY e.actor
      ), as_source AS (
        SELECT source_key AS actor, count(*) AS n FROM merged_events GROUP BY source_key
      ), as_target AS (
        SELECT target_key AS actor, count(*) AS n FROM merged_events GROUP BY target_key
      )
      SELECT e.actor, min(e.name) AS name, min(e.type) AS type, max(e.country) AS country, max(e.sector) AS sector,
             count(DISTINCT e.article_id) AS articles, coalesce(mc.n, 0) AS mentions,
             coalesce(src.n, 0) AS events_as_source, coalesce(tgt.n, 0) AS events_as_target
      FROM ents e
      LEFT JOIN mention_counts mc ON mc.actor = e.actor
      LEFT JOIN as_source src ON src.actor = e.actor
      LEFT JOIN as_target tgt ON tgt.actor = e.actor
      GROUP BY e.actor, mc.n, src.n, tgt.n
      ORDER BY e.actor`,
    json: [],
    flags: [],
  },
};

/** `db` must come from openStore (SQLite: the actors table uses its fold() function). */
export async function readTable(db: Sql, kind: TableKind): Promise<Table> {
  const spec = SQL[kind];
  const { columns, rows } = await streamRows(db, typeof spec.sql === 'string' ? spec.sql : spec.sql(db));
  return { columns, rows, json: new Set(spec.json), flags: new Set(spec.flags) };
}

/** A query's column names (known before the first row) and its rows, streamed in batches. */
export async function streamRows(db: Sql, sql: string): Promise<{ columns: string[]; rows: AsyncGenerator<unknown[]> }> {
  const batches = db.stream(sql);
  const first = await batches.next();
  const head = first.done ? { columns: [], rows: [] } : first.value;
  async function* rows(): AsyncGenerator<unknown[]> {
    try {
      yield* head.rows;
      for await (const batch of batches) yield* batch.rows;
    } finally {
      await batches.return(undefined);
    }
  }
  return { columns: head.columns, rows: rows() };
}

/** The rows as objects keyed by column name. */
export async function* streamObjects<T>(db: Sql, sql: string): AsyncGenerator<T> {
  const { columns, rows } = await streamRows(db, sql);
  for await (const row of rows) yield Object.fromEntries(columns.map((c, i) => [c, row[i]])) as T;
}
