import Database from 'better-sqlite3';
import { existsSync, statSync } from 'node:fs';
import pg from 'pg';
import { z } from 'zod';
import { InputError } from '../errors.ts';
import { deduplicate } from '../dedup/index.ts';
import { Article } from '../schema/article.ts';
import { fold } from './fold.ts';
import { migrate } from './migrations.ts';
import { eventMonth, partitionKeeper } from './partitions.ts';
import { migratePostgres } from './pg-migrations.ts';
import { postgresSql } from './postgres-sql.ts';
import { isPostgresUrl, type Sql } from './sql.ts';
import { BUSY_TIMEOUT_MS, sqliteSql } from './sqlite-sql.ts';
import { writeArticle, type PutResult } from './write-article.ts';

export type { PutResult } from './write-article.ts';

export interface Store {
  /** Store one analysis in one transaction. An article already stored (same id = same cleaned text) is left as it is. */
  put(article: Article): Promise<PutResult>;
  /**
   * Store several in one transaction (much cheaper per article than one each). All or nothing: if any
   * article fails, none of the batch is stored and the error is thrown (the caller may retry them one by one).
   */
  putMany(articles: Article[], opts?: PutOptions): Promise<PutResult[]>;
  /**
   * putMany if the database can be written now; undefined when another writer holds it (SQLite's one write
   * lock), so the caller can go on working and try again later.
   */
  putManyIfFree(articles: Article[], opts?: PutOptions): Promise<PutResult[] | undefined>;
  close(): Promise<void>;
  /** The database, for queries (src/query, src/export) and for tables of other parts (ingest journal, queue). */
  sql: Sql;
  /** What it was opened from: a file path, or the PostgreSQL URL without its password. */
  target: string;
}

export interface PutOptions {
  /** The caller's own writes, made in the same transaction after the articles' (so both or neither are kept). */
  also?: (tx: Sql) => Promise<void>;
}

export interface OpenOptions {
  /** For queries: a missing SQLite file is an error instead of a new empty database. */
  mustExist?: boolean;
  /** PostgreSQL connections in the pool (default 4). */
  poolSize?: number;
  /**
   * PostgreSQL: the server cancels any statement running longer than this (SQLSTATE 57014), so one costly
   * query cannot hold a connection for ever. Off by default; `wirewatch serve` sets QUERY_TIMEOUT_MS.
   */
  statementTimeoutMs?: number;
}

/** Open (and create or migrate) the store named by `target`: a SQLite file, or a postgres:// URL. */
export async function openStore(target: string, opts: OpenOptions = {}): Promise<Store> {
  return isPostgresUrl(target) ? openPostgres(target, opts) : openSqlite(target, opts);
}

async function openSqlite(file: string, opts: OpenOptions): Promise<Store> {
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
  let sql: Sql;
  try {
    walMode(db);
    db.pragma('synchronous = NORMAL'); // safe with WAL: a crash may lose the last commits, never consistency
    db.pragma('foreign_keys = ON');
    db.function('fold', { deterministic: true }, (s: unknown) => (typeof s === 'string' ? fold(s) : s));
    migrate(db, file);
    sql = sqliteSql(db);
    await dedupEarlierArticles(sql);
  } catch (e) {
    db.close();
    const code = (e as { code?: string }).code;
    if (code === 'SQLITE_NOTADB') throw new InputError(file, 'not a SQLite database');
    throw e;
  }
  return {
    sql,
    target: file,
    put: async (article) => {
      const a = validated(article);
      return sql.transaction((tx) => writeArticle(tx, a));
    },
    putMany: async (articles, opts) => sql.transaction(writeAll(articles.map(validated), opts)),
    // validated once the lock is had: a batch offered again and again while the database is busy costs nothing
    putManyIfFree: async (articles, opts) => sql.transactionIfFree((tx) => writeAll(articles.map(validated), opts)(tx)),
    close: () => sql.close(),
  };
}

async function openPostgres(url: string, opts: OpenOptions): Promise<Store> {
  const shown = withoutPassword(url);
  const pool = new pg.Pool({
    connectionString: url, max: opts.poolSize ?? 4, connectionTimeoutMillis: 10_000,
    ...(opts.statementTimeoutMs ? { statement_timeout: opts.statementTimeoutMs } : {}),
  });
  // An idle connection the server dropped must not take the process down; the next query reconnects.
  pool.on('error', () => undefined);
  try {
    await migratePostgres(pool, shown);
  } catch (e) {
    await pool.end().catch(() => undefined);
    if (e instanceof InputError) throw e;
    throw new InputError(shown, `cannot open database (${(e as Error).message})`);
  }
  const sql = postgresSql(pool);
  const ensureMonths = partitionKeeper(pool);
  const months = (as: Article[]) => as.flatMap((a) => a.events.map((ev) => eventMonth(ev.date)));
  const putMany = async (articles: Article[], opts?: PutOptions): Promise<PutResult[]> => {
    const all = articles.map(validated);
    await ensureMonths(months(all));
    return retryDeadlock(() => sql.transaction(writeAll(all, opts)));
  };
  return {
    sql,
    target: shown,
    put: async (article) => {
      const a = validated(article);
      await ensureMonths(months([a]));
      return sql.transaction((tx) => writeArticle(tx, a));
    },
    putMany,
    // PostgreSQL writers do not wait for each other's whole transaction
    putManyIfFree: putMany,
    close: () => sql.close(),
  };
}

/** The articles, then the caller's own writes, inside one transaction. */
function writeAll(articles: Article[], opts: PutOptions = {}): (tx: Sql) => Promise<PutResult[]> {
  return async (tx) => {
    const out: PutResult[] = [];
    for (const a of articles) out.push(await writeArticle(tx, a));
    await opts.also?.(tx);
    return out;
  };
}

/**
 * Two batches holding the same article can wait for each other (each inserted one the other is about to
 * deduplicate after); PostgreSQL then cancels one with a deadlock error. Everything of it was rolled
 * back, so it is simply run again.
 */
async function retryDeadlock<T>(fn: () => Promise<T>, tries = 5): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await fn();
    } catch (e) {
      if ((e as { code?: string }).code !== '40P01' || i >= tries) throw e;
      await new Promise((r) => setTimeout(r, 20 * i * Math.random()));
    }
  }
}

/** The URL as it may be shown in messages and logs. */
function withoutPassword(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return url.replace(/:[^:@/]*@/, ':***@');
  }
}

// The table rows are only as good as the document they are cut from, so nothing unvalidated goes in.
/**
 * Switch the file to WAL. Processes opening one new file at once race for the switch, which needs the file
 * to itself, and SQLite answers SQLITE_BUSY at once instead of waiting as it does for a write; so the switch
 * is tried again for as long as a write would wait.
 */
function walMode(db: Database.Database): void {
  const until = Date.now() + BUSY_TIMEOUT_MS;
  for (;;) {
    try {
      db.pragma('journal_mode = WAL');
      return;
    } catch (e) {
      if ((e as { code?: string }).code !== 'SQLITE_BUSY' || Date.now() > until) throw e;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10);
    }
  }
}

function validated(article: Article): Article {
  const r = Article.safeParse(article);
  if (!r.success) throw new Error(`not a valid wirewatch.article/1 document:\n${z.prettifyError(r.error)}`);
  return r.data;
}
// Articles stored before schema version 2 have no story or merged events yet. Taking them in id order keeps
// the result the same as if they had been ingested now.
async function dedupEarlierArticles(sql: Sql): Promise<void> {
  const pending = await sql.all<{ id: string }>(`SELECT id FROM articles
                              WHERE id NOT IN (SELECT article_id FROM article_signatures) ORDER BY id`);
  if (pending.length === 0) return;
  await sql.transaction(async (tx) => {
    for (const { id } of pending) {
      const row = (await tx.get<{ json: string; ingested_at: string }>('SELECT json, ingested_at FROM articles WHERE id = ?', [id]))!;
      await deduplicate(tx, JSON.parse(row.json) as Article, row.ingested_at);
    }
  });
}
