import type { Database } from 'better-sqlite3';
import { InputError } from '../errors.ts';

/**
 * Schema history. Entry i takes the database from user_version i to i+1; never edit a shipped entry,
 * append a new one. `articles.json` holds the full wirewatch.article/1 document; the other tables
 * are flattened copies of it for querying.
 */
export const MIGRATIONS: string[] = [
  `
  CREATE TABLE articles (
    id TEXT PRIMARY KEY,
    uri TEXT,
    title TEXT,
    published TEXT,
    url TEXT,
    credit TEXT,
    text TEXT NOT NULL,
    json TEXT NOT NULL,
    ingested_at TEXT NOT NULL
  );
  CREATE TABLE entities (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    entity_id TEXT NOT NULL,
    name TEXT NOT NULL,
    type TEXT NOT NULL,
    role TEXT,
    affiliation TEXT,
    country TEXT,
    sector TEXT,
    actor TEXT,
    PRIMARY KEY (article_id, entity_id)
  );
  CREATE TABLE mentions (
    article_id TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    kind TEXT,
    text TEXT NOT NULL,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    source_start INTEGER NOT NULL,
    source_end INTEGER NOT NULL,
    FOREIGN KEY (article_id, entity_id) REFERENCES entities(article_id, entity_id) ON DELETE CASCADE
  );
  CREATE INDEX mentions_entity ON mentions(article_id, entity_id);
  CREATE TABLE quotes (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    quote_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    text TEXT NOT NULL,
    speaker_name TEXT,
    speaker_entity TEXT,
    date TEXT,
    date_basis TEXT,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    source_start INTEGER NOT NULL,
    source_end INTEGER NOT NULL,
    PRIMARY KEY (article_id, quote_id)
  );
  CREATE TABLE times (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    text TEXT NOT NULL,
    type TEXT NOT NULL,
    value TEXT,
    unresolved TEXT,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    source_start INTEGER NOT NULL,
    source_end INTEGER NOT NULL
  );
  CREATE INDEX times_article ON times(article_id);
  CREATE TABLE events (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    event_id TEXT NOT NULL,
    type TEXT NOT NULL,
    mode TEXT,
    cameo TEXT NOT NULL,
    source_name TEXT,
    source_country TEXT,
    target_name TEXT,
    target_country TEXT,
    date TEXT,
    conditional INTEGER NOT NULL,
    negated INTEGER NOT NULL,
    json TEXT NOT NULL,
    PRIMARY KEY (article_id, event_id)
  );
  CREATE INDEX events_type ON events(type);
  CREATE INDEX events_date ON events(date);
  -- One row per article (title + text) and one per quote, so a hit can point at the quote itself.
  CREATE VIRTUAL TABLE search_index USING fts5(
    article_id UNINDEXED, kind UNINDEXED, quote_id UNINDEXED, title, text,
    tokenize = 'unicode61 remove_diacritics 2'
  );
  -- FTS5 tables take no foreign keys; this keeps the cascade promise for them too.
  CREATE TRIGGER articles_delete_search AFTER DELETE ON articles BEGIN
    DELETE FROM search_index WHERE article_id = old.id;
  END;
  `,
  // 2: one happening, many reports. Copies of one wire story are clustered into stories (MinHash/LSH over
  // the text), and event mentions describing the same happening are merged into one event. Ids are derived
  // from the smallest member (article id, or article/event id), so the same articles give the same ids in
  // whatever order they are ingested.
  `
  CREATE TABLE article_signatures (
    article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    minhash BLOB -- 128 little-endian uint32; NULL for a text without words
  );
  CREATE TABLE lsh_buckets (
    band INTEGER NOT NULL,
    bucket INTEGER NOT NULL,
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    PRIMARY KEY (band, bucket, article_id)
  ) WITHOUT ROWID;
  CREATE INDEX lsh_buckets_article ON lsh_buckets(article_id);
  CREATE TABLE story_members (
    article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    story_id TEXT NOT NULL,
    similarity REAL -- highest estimated Jaccard similarity to another member; NULL in a story of one
  );
  CREATE INDEX story_members_story ON story_members(story_id);
  CREATE VIEW stories AS
    SELECT story_id AS id, count(*) AS articles, min(article_id) AS first_article_id
    FROM story_members GROUP BY story_id;
  CREATE TABLE merged_events (
    id TEXT PRIMARY KEY,
    global_id INTEGER NOT NULL UNIQUE, -- the id as a number, for tools that want GDELT's integer GLOBALEVENTID
    first_article_id TEXT NOT NULL,    -- the smallest mention; its article and event give the fields below
    first_event_id TEXT NOT NULL,
    type TEXT NOT NULL,
    mode TEXT,
    cameo TEXT NOT NULL,
    goldstein REAL,
    quad_class INTEGER,
    source_key TEXT NOT NULL,
    source_name TEXT,
    source_country TEXT,
    source_sector TEXT,
    target_key TEXT NOT NULL,
    target_name TEXT,
    target_country TEXT,
    target_sector TEXT,
    date TEXT,      -- first day of the mentions (YYYY-MM-DD)
    date_last TEXT, -- last day
    negated INTEGER NOT NULL,
    conditional INTEGER NOT NULL,
    intent INTEGER NOT NULL,
    in_lead INTEGER NOT NULL, -- some mention is in its article's first paragraph (GDELT's IsRootEvent)
    added_at TEXT NOT NULL    -- when the first mention was stored
  );
  CREATE INDEX merged_events_date ON merged_events(date);
  CREATE INDEX merged_events_source ON merged_events(source_key);
  CREATE INDEX merged_events_target ON merged_events(target_key);
  CREATE TABLE event_mentions (
    article_id TEXT NOT NULL,
    event_id TEXT NOT NULL,
    merged_event_id TEXT NOT NULL,
    merge_key TEXT NOT NULL, -- type, source, target, negated, conditional, intent
    day TEXT,                -- YYYY-MM-DD; NULL when the event has no day (never merged then)
    quantities TEXT,         -- JSON [{ value, unit }]
    outlet TEXT,             -- host of the article's URL; NULL when unknown
    in_lead INTEGER NOT NULL,
    sentence_start INTEGER,
    sentence_end INTEGER,
    sentence TEXT,
    trigger_start INTEGER,
    trigger_end INTEGER,
    trigger TEXT,
    evidence TEXT NOT NULL,  -- JSON: the event's evidence spans, as in the article
    PRIMARY KEY (article_id, event_id),
    FOREIGN KEY (article_id, event_id) REFERENCES events(article_id, event_id) ON DELETE CASCADE
  );
  CREATE INDEX event_mentions_merged ON event_mentions(merged_event_id, article_id);
  CREATE INDEX event_mentions_key ON event_mentions(merge_key, day);
  -- Counts per happening, computed when read so they never go stale. Sources are outlets (URL hosts; an
  -- article without a URL counts as its own source); stories count wire copies once.
  CREATE VIEW merged_event_counts AS
    SELECT m.merged_event_id AS id, count(*) AS num_mentions, count(DISTINCT m.article_id) AS num_articles,
           count(DISTINCT coalesce(m.outlet, 'article:' || m.article_id)) AS num_sources,
           count(DISTINCT coalesce(s.story_id, m.article_id)) AS num_stories
    FROM event_mentions m LEFT JOIN story_members s ON s.article_id = m.article_id
    GROUP BY m.merged_event_id;
  `,
  // 3: mentions dated only by a month or a year ("the 1999 shooting") merge with the same mention in copies
  // of their story; the coarse date is kept to tell them apart.
  `
  ALTER TABLE event_mentions ADD COLUMN date TEXT; -- the event's date when it is not a day: "2012", "2025-03"
  UPDATE event_mentions SET date = (
    SELECT json_extract(e.json, '$.date') FROM events e
    WHERE e.article_id = event_mentions.article_id AND e.event_id = event_mentions.event_id
  ) WHERE day IS NULL;
  CREATE INDEX event_mentions_undated ON event_mentions(merge_key, date) WHERE day IS NULL;
  `,
];

export const SCHEMA_VERSION = MIGRATIONS.length;

/**
 * Bring the database up to SCHEMA_VERSION, each step in its own transaction. Several processes or worker
 * threads may open a new file at once: each step takes the write lock first (BEGIN IMMEDIATE) and reads the
 * version again under it, so a step another one has just applied is not applied twice.
 */
export function migrate(db: Database, file: string): void {
  const version = () => db.pragma('user_version', { simple: true }) as number;
  const current = version();
  if (current > SCHEMA_VERSION) {
    throw new InputError(file, `written by a newer wirewatch (schema version ${current}, this one knows ${SCHEMA_VERSION})`);
  }
  for (let v = current; v < SCHEMA_VERSION; v++) {
    db.transaction(() => {
      if (version() !== v) return;
      db.exec(MIGRATIONS[v]);
      db.pragma(`user_version = ${v + 1}`);
    }).immediate();
  }
}
