import Database from 'better-sqlite3';
import { existsSync, statSync } from 'node:fs';
import { z } from 'zod';
import { InputError } from '../errors.ts';
import { deduplicator } from '../dedup/index.ts';
import { Article } from '../schema/article.ts';
import { fold } from './fold.ts';
import { migrate } from './migrations.ts';
import { writeArticle } from './write-article.ts';

export type PutResult = 'inserted' | 'unchanged';

export interface Store {
  /** Store one analysis. An article already stored (same id = same cleaned text) is left as it is. */
  put(article: Article): PutResult;
  close(): void;
  db: Database.Database;
}

export interface OpenOptions {
  /** For queries: a missing file is an error instead of a new empty database. */
  mustExist?: boolean;
}

export function openStore(file: string, opts: OpenOptions = {}): Store {
  if (opts.mustExist && !existsSync(file)) {
    throw new InputError(file, 'no such database (create one with `wirewatch ingest <files> --db FILE`)');
  }
  if (existsSync(file) && statSync(file).isDirectory()) throw new InputError(file, 'is a directory (expected a database file)');
  let db: Database.Database;
  try {
    db = new Database(file, { fileMustExist: opts.mustExist === true });
  } catch (e) {
    throw new InputError(file, `cannot open database (${(e as Error).message})`);
  }
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL'); // safe with WAL: a crash may lose the last commits, never consistency
    db.pragma('foreign_keys = ON');
    db.function('fold', { deterministic: true }, (s: unknown) => (typeof s === 'string' ? fold(s) : s));
    migrate(db, file);
    dedupEarlierArticles(db);
  } catch (e) {
    db.close();
    const code = (e as { code?: string }).code;
    if (code === 'SQLITE_NOTADB') throw new InputError(file, 'not a SQLite database');
    throw e;
  }
  const write = writeArticle(db);
  return {
    db,
    put: (article) => write(validated(article)),
    close: () => db.close(),
  };
}

// The table rows are only as good as the document they are cut from, so nothing unvalidated goes in.
function validated(article: Article): Article {
  const r = Article.safeParse(article);
  if (!r.success) throw new Error(`not a valid wirewatch.article/1 document:\n${z.prettifyError(r.error)}`);
  return r.data;
}

// Articles stored before schema version 2 have no story or merged events yet. Taking them in id order keeps
// the result the same as if they had been ingested now.
function dedupEarlierArticles(db: Database.Database): void {
  const pending = db.prepare(`SELECT id FROM articles
                              WHERE id NOT IN (SELECT article_id FROM article_signatures) ORDER BY id`).pluck().all() as string[];
  if (pending.length === 0) return;
  const get = db.prepare('SELECT json, ingested_at FROM articles WHERE id = ?');
  const dedup = deduplicator(db);
  db.transaction(() => {
    for (const id of pending) {
      const row = get.get(id) as { json: string; ingested_at: string };
      dedup(JSON.parse(row.json) as Article, row.ingested_at);
    }
  })();
}
