import type Database from 'better-sqlite3';
import type { RowBatch, RunResult, Sql } from './sql.ts';

/**
 * The port over better-sqlite3. Calls are synchronous underneath (and as fast as before: statements are
 * prepared once per connection and cached by their text); the promises only give both backends one shape.
 * One connection serves everything, so top-level transactions take turns: a second one waits for the first
 * to commit instead of joining it.
 */
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
      const turn = queue.then(async () => {
        db.exec('BEGIN IMMEDIATE');
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
