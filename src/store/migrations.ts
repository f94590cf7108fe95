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
];

export const SCHEMA_VERSION = MIGRATIONS.length;

/** Bring the database up to SCHEMA_VERSION, each step in its own transaction. */
export function migrate(db: Database, file: string): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > SCHEMA_VERSION) {
    throw new InputError(file, `written by a newer wirewatch (schema version ${current}, this one knows ${SCHEMA_VERSION})`);
  }
  for (let v = current; v < SCHEMA_VERSION; v++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[v]);
      db.pragma(`user_version = ${v + 1}`);
    })();
  }
}
