import type Database from 'better-sqlite3';
import type { RowBatch, RunResult, Sql } from './sql.ts';

/**
 * The port over better-sqlite3. Calls are synchronous underneath (and as fast as before: statements are
 * prepared once per connection and cached by their text); the promises only give both backends one shape.
 * One connection serves everything, so top-level transactions take turns: a second one waits for the first
 * to commit instead of joining it.
 */
/** How long a writer waits for another connection's write lock (better-sqlite3's default). */
export const BUSY_TIMEOUT_MS = 5000;

export function sqliteSql(db: Database.Database): Sql {
  const cache = new Map<string, Database.Statement>();
  const prepare = (sql: string): Database.Statement => {
    let stmt = cache.get(sql);
    if (!stmt) {
      stmt = db.prepare(sql);
      cache.set(sql, stmt);
    }
    return stmt;
  };
  let queue: Promise<unknown> = Promise.resolve();
  let savepoints = 0;

  // BEGIN IMMEDIATE takes the write lock at once. Waiting, SQLite's busy handler polls for up to
  // BUSY_TIMEOUT_MS; not waiting, a held lock is SQLITE_BUSY straight away.
  const begin = (wait: boolean): boolean => {
    if (wait) {
      db.exec('BEGIN IMMEDIATE');
      return true;
    }
    db.pragma('busy_timeout = 0');
    try {
      db.exec('BEGIN IMMEDIATE');
      return true;
    } catch (e) {
      if ((e as { code?: string }).code === 'SQLITE_BUSY') return false;
      throw e;
    } finally {
      db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    }
  };
  const topLevel = <T>(fn: (tx: Sql) => Promise<T>, wait: boolean): Promise<T | undefined> => {
    const turn = queue.then(async () => {
      if (!begin(wait)) return undefined;
      try {
        const out = await fn(port(true));
        db.exec('COMMIT');
        return out;
      } catch (e) {
        if (db.inTransaction) db.exec('ROLLBACK');
        throw e;
      }
    });
    queue = turn.catch(() => undefined);
    return turn;
  };

  const port = (inTransaction: boolean): Sql => ({
    dialect: 'sqlite',
    all: async <T>(sql: string, params: unknown[] = []) => prepare(sql).all(...params) as T[],
    get: async <T>(sql: string, params: unknown[] = []) => prepare(sql).get(...params) as T | undefined,
    value: async <T>(sql: string, params: unknown[] = []) => {
      const stmt = prepare(sql);
      if (!stmt.reader) throw new Error('value() needs a statement that returns rows');
      const row = stmt.raw(true).get(...params) as unknown[] | undefined;
      stmt.raw(false);
      return row?.[0] as T | undefined;
    },
    run: async (sql: string, params: unknown[] = []): Promise<RunResult> => ({ changes: prepare(sql).run(...params).changes }),
    runEach: async (sql: string, rows: unknown[][]) => {
      const stmt = prepare(sql);
      for (const r of rows) stmt.run(r);
    },
    exec: async (sql: string) => {
      db.exec(sql);
    },
    transaction: async <T>(fn: (tx: Sql) => Promise<T>): Promise<T> => {
      if (inTransaction) {
        const name = `sp${++savepoints}`;
        db.exec(`SAVEPOINT ${name}`);
        try {
          const out = await fn(port(true));
          db.exec(`RELEASE ${name}`);
          return out;
        } catch (e) {
          db.exec(`ROLLBACK TO ${name}; RELEASE ${name}`);
          throw e;
        }
      }
      return topLevel(fn, true) as Promise<T>;
    },
    transactionIfFree: async <T>(fn: (tx: Sql) => Promise<T>): Promise<T | undefined> => {
      if (inTransaction) return port(true).transaction(fn);
      return topLevel(fn, false);
    },
    stream: async function* (sql: string, params: unknown[] = [], batchRows = 500): AsyncGenerator<RowBatch> {
      // A statement of its own (not the cached one): an iterator keeps it busy until the end.
      const stmt = db.prepare(sql).raw(true);
      const columns = stmt.columns().map((c) => c.name);
      const it = stmt.iterate(...params) as IterableIterator<unknown[]>;
      try {
        let rows: unknown[][] = [];
        let first = true;
        for (const row of it) {
          rows.push(row);
          if (rows.length >= batchRows) {
            yield { columns, rows };
            rows = [];
            first = false;
          }
        }
        if (rows.length || first) yield { columns, rows };
      } finally {
        it.return?.();
      }
    },
    close: async () => {
      db.close();
    },
  });
  return port(false);
}
