import type pg from 'pg';
import { InputError } from '../errors.ts';
import { speakerWords } from '../query/quote-keys.ts';

// Date indexes put nulls first, as SQLite orders (and the queries ask, see orderDir in dialect.ts), so a page
// walks the index in order instead of sorting every match.
// Text compares byte by byte, as in SQLite, whatever collation the database was created with: ids,
// dates and names then sort the same on both backends, and keyset cursors agree with ORDER BY.
const T = 'text COLLATE "C"';

/**
 * The PostgreSQL schema history, kept apart from SQLite's (the two differ in types, search and
 * partitioning; the tables and columns readers use are the same). Entry i takes the database from version
 * i to i+1; never edit a shipped entry, append a new one. Row tables carry a bigint `rowid` (insertion
 * order, like SQLite's), articles keep their content-hash id as the key. Differences from SQLite:
 * - names also stored folded (`*_folded`), for case- and accent-insensitive matching without an extension;
 * - events are partitioned by the month of their date (see partitions.ts), so they have no primary key
 *   (a partitioned table's key must include the month) and event_mentions refer to the article instead;
 * - search_index is a plain table with a tsvector of the folded text and a GIN index.
 */
export const PG_MIGRATIONS: string[] = [
  `
  CREATE TABLE articles (
    rowid bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
    id ${T} PRIMARY KEY,
    uri ${T}, title ${T}, published ${T}, url ${T}, credit ${T},
    text text NOT NULL,
    json text NOT NULL,
    ingested_at ${T} NOT NULL
  );
  CREATE INDEX articles_published ON articles (published NULLS FIRST, id);
  CREATE TABLE entities (
    rowid bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
    article_id ${T} NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    entity_id ${T} NOT NULL,
    name ${T} NOT NULL,
    name_folded ${T} NOT NULL,
    type ${T} NOT NULL,
    role ${T}, affiliation ${T}, country ${T}, sector ${T}, actor ${T},
    PRIMARY KEY (article_id, entity_id)
  );
  CREATE INDEX entities_actor ON entities (actor);
  CREATE INDEX entities_name ON entities (name);
  CREATE TABLE mentions (
    rowid bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    article_id ${T} NOT NULL,
    entity_id ${T} NOT NULL,
    kind ${T},
    text text NOT NULL,
    start integer NOT NULL, "end" integer NOT NULL, source_start integer NOT NULL, source_end integer NOT NULL,
    FOREIGN KEY (article_id, entity_id) REFERENCES entities(article_id, entity_id) ON DELETE CASCADE
  );
  CREATE INDEX mentions_entity ON mentions (article_id, entity_id);
  CREATE TABLE quotes (
    rowid bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
    article_id ${T} NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    quote_id ${T} NOT NULL,
    kind ${T} NOT NULL,
    text text NOT NULL,
    speaker_name ${T}, speaker_name_folded ${T}, speaker_entity ${T},
    date ${T}, date_basis ${T},
    start integer NOT NULL, "end" integer NOT NULL, source_start integer NOT NULL, source_end integer NOT NULL,
    PRIMARY KEY (article_id, quote_id)
  );
  CREATE INDEX quotes_date ON quotes (date NULLS FIRST, rowid NULLS FIRST);
  -- SQLite's quote_keys (src/query/quote-keys.ts), kept at write time: one row per word of each quote's
  -- folded speaker name, plus one under '' for every quote, walked in date order by a query.
  CREATE TABLE quote_words (
    rowid bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    word ${T} NOT NULL, date ${T},
    article_id ${T} NOT NULL, quote_id ${T} NOT NULL,
    FOREIGN KEY (article_id, quote_id) REFERENCES quotes(article_id, quote_id) ON DELETE CASCADE
  );
  CREATE INDEX quote_words_order ON quote_words (word, date NULLS FIRST, rowid NULLS FIRST);
  CREATE TABLE times (
    rowid bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    article_id ${T} NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    text text NOT NULL, type ${T} NOT NULL, value ${T}, unresolved ${T},
    start integer NOT NULL, "end" integer NOT NULL, source_start integer NOT NULL, source_end integer NOT NULL
  );
  CREATE INDEX times_article ON times (article_id);
  CREATE TABLE events (
    rowid bigserial NOT NULL,
    article_id ${T} NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    event_id ${T} NOT NULL,
    type ${T} NOT NULL, mode ${T}, cameo ${T} NOT NULL,
    source_name ${T}, source_name_folded ${T}, source_country ${T},
    target_name ${T}, target_name_folded ${T}, target_country ${T},
    date ${T},
    month date, -- first day of the date's month; NULL (the DEFAULT partition) when it names none
    conditional integer NOT NULL, negated integer NOT NULL,
    json text NOT NULL
  ) PARTITION BY RANGE (month);
  CREATE TABLE events_undated PARTITION OF events DEFAULT;
  CREATE INDEX events_key ON events (article_id, event_id);
  CREATE INDEX events_date ON events (date NULLS FIRST, rowid NULLS FIRST);
  CREATE INDEX events_type ON events (type);
  CREATE INDEX events_rowid ON events (rowid);
  CREATE TABLE search_index (
    rowid bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    article_id ${T} NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    kind ${T} NOT NULL, quote_id ${T}, title text, text text NOT NULL,
    tsv tsvector NOT NULL -- title and text, folded, 'simple' configuration (no stemming, as FTS5 unicode61)
  );
  CREATE INDEX search_index_tsv ON search_index USING gin (tsv);
  CREATE INDEX search_index_article ON search_index (article_id);

  CREATE TABLE article_signatures (
    article_id ${T} PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    minhash bytea -- 128 little-endian uint32; NULL for a text without words
  );
  CREATE TABLE lsh_buckets (
    band integer NOT NULL, bucket integer NOT NULL,
    article_id ${T} NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    PRIMARY KEY (band, bucket, article_id)
  );
  CREATE INDEX lsh_buckets_article ON lsh_buckets (article_id);
  CREATE TABLE story_members (
    article_id ${T} PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    story_id ${T} NOT NULL,
    similarity double precision
  );
  CREATE INDEX story_members_story ON story_members (story_id);
  CREATE VIEW stories AS
    SELECT story_id AS id, count(*) AS articles, min(article_id) AS first_article_id
    FROM story_members GROUP BY story_id;
  CREATE TABLE merged_events (
    rowid bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
    id ${T} PRIMARY KEY,
    global_id bigint NOT NULL UNIQUE,
    first_article_id ${T} NOT NULL, first_event_id ${T} NOT NULL,
    type ${T} NOT NULL, mode ${T}, cameo ${T} NOT NULL, goldstein double precision, quad_class integer,
    source_key ${T} NOT NULL, source_name ${T}, source_name_folded ${T}, source_country ${T}, source_sector ${T},
    target_key ${T} NOT NULL, target_name ${T}, target_name_folded ${T}, target_country ${T}, target_sector ${T},
    date ${T}, date_last ${T},
    negated integer NOT NULL, conditional integer NOT NULL, intent integer NOT NULL, in_lead integer NOT NULL,
    added_at ${T} NOT NULL
  );
  CREATE INDEX merged_events_date ON merged_events (date NULLS FIRST, rowid NULLS FIRST);
  CREATE INDEX merged_events_source ON merged_events (source_key);
  CREATE INDEX merged_events_target ON merged_events (target_key);
  CREATE TABLE event_mentions (
    rowid bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
    article_id ${T} NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    event_id ${T} NOT NULL,
    merged_event_id ${T} NOT NULL,
    merge_key ${T} NOT NULL,
    day ${T}, date ${T},
    quantities text, outlet ${T}, in_lead integer NOT NULL,
    sentence_start integer, sentence_end integer, sentence text,
    trigger_start integer, trigger_end integer, trigger text,
    evidence text NOT NULL,
    PRIMARY KEY (article_id, event_id)
  );
  CREATE INDEX event_mentions_merged ON event_mentions (merged_event_id, article_id);
  CREATE INDEX event_mentions_key ON event_mentions (merge_key, day);
  CREATE INDEX event_mentions_undated ON event_mentions (merge_key, date) WHERE day IS NULL;
  CREATE VIEW merged_event_counts AS
    SELECT m.merged_event_id AS id, count(*) AS num_mentions, count(DISTINCT m.article_id) AS num_articles,
           count(DISTINCT coalesce(m.outlet, 'article:' || m.article_id)) AS num_sources,
           count(DISTINCT coalesce(s.story_id, m.article_id)) AS num_stories
    FROM event_mentions m LEFT JOIN story_members s ON s.article_id = m.article_id
    GROUP BY m.merged_event_id;
  `,
  // 2: databases made by the first version of entry 1 (the same day) lack quote_words and the nulls-first
  // date indexes; for the others this changes nothing. openStore fills quote_words for their quotes.
  `
  CREATE TABLE IF NOT EXISTS quote_words (
    rowid bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    word ${T} NOT NULL, date ${T},
    article_id ${T} NOT NULL, quote_id ${T} NOT NULL,
    FOREIGN KEY (article_id, quote_id) REFERENCES quotes(article_id, quote_id) ON DELETE CASCADE
  );
  DROP INDEX IF EXISTS quote_words_order;
  CREATE INDEX quote_words_order ON quote_words (word, date NULLS FIRST, rowid NULLS FIRST);
  DROP INDEX IF EXISTS articles_published;
  CREATE INDEX articles_published ON articles (published NULLS FIRST, id);
  DROP INDEX IF EXISTS quotes_date;
  CREATE INDEX quotes_date ON quotes (date NULLS FIRST, rowid NULLS FIRST);
  DROP INDEX IF EXISTS events_date;
  CREATE INDEX events_date ON events (date NULLS FIRST, rowid NULLS FIRST);
  DROP INDEX IF EXISTS merged_events_date;
  CREATE INDEX merged_events_date ON merged_events (date NULLS FIRST, rowid NULLS FIRST);
  `,
];

export const PG_SCHEMA_VERSION = PG_MIGRATIONS.length;

// Held for the whole migration, so two processes opening a new database at once do not both create it.
const MIGRATION_LOCK = 0x6d696772; // "migr"

/**
 * Bring the database up to PG_SCHEMA_VERSION, each step in its own transaction, under a session lock.
 * Returns the version it found.
 */
export async function migratePostgres(pool: pg.Pool, target: string): Promise<number> {
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    try {
      await client.query(`CREATE TABLE IF NOT EXISTS wirewatch_schema (
        version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`);
      const r = await client.query('SELECT coalesce(max(version), 0) AS v FROM wirewatch_schema');
      const current = Number(r.rows[0].v);
      if (current > PG_SCHEMA_VERSION) {
        throw new InputError(target, `written by a newer wirewatch (schema version ${current}, this one knows ${PG_SCHEMA_VERSION})`);
      }
      for (let v = current; v < PG_SCHEMA_VERSION; v++) {
        await client.query('BEGIN');
        try {
          await client.query(PG_MIGRATIONS[v]);
          if (v === 1) await fillQuoteWords(client);
          await client.query('INSERT INTO wirewatch_schema (version) VALUES ($1)', [v + 1]);
          await client.query('COMMIT');
        } catch (e) {
          await client.query('ROLLBACK');
          throw e;
        }
      }
      return current;
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]);
    }
  } finally {
    client.release();
  }
}

/** quote_words for quotes stored before it existed (see migration 2), in the order they were stored. */
async function fillQuoteWords(client: pg.PoolClient): Promise<void> {
  const { rows } = await client.query(`
    SELECT q.article_id, q.quote_id, q.date, q.speaker_name FROM quotes q
    WHERE NOT EXISTS (SELECT 1 FROM quote_words k WHERE k.article_id = q.article_id AND k.quote_id = q.quote_id)
    ORDER BY q.rowid`);
  const values: unknown[][] = [];
  for (const q of rows as { article_id: string; quote_id: string; date: string | null; speaker_name: string | null }[]) {
    for (const w of new Set(['', ...(q.speaker_name ? speakerWords(q.speaker_name) : [])])) values.push([w, q.date, q.article_id, q.quote_id]);
  }
  for (let i = 0; i < values.length; i += 5000) {
    const chunk = values.slice(i, i + 5000);
    await client.query(`INSERT INTO quote_words (word, date, article_id, quote_id) VALUES
      ${chunk.map((_, j) => `($${4 * j + 1}, $${4 * j + 2}, $${4 * j + 3}, $${4 * j + 4})`).join(', ')}`, chunk.flat());
  }
}
