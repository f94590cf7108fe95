import pg from 'pg';
import { numberPlaceholders, type RowBatch, type RunResult, type Sql } from './sql.ts';

// count(*), sum() and bigint ids arrive as int8, which node-postgres leaves as strings (they may exceed
// 2^53). Ours never do (ids are identity counters, global ids are 52-bit), and SQLite gives numbers, so
// both backends answer alike. numeric (avg of integers) likewise.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (v) => Number(v));

type Queryable = pg.Pool | pg.PoolClient;

// Statement text → the same with $n placeholders; the SQL of this program is a few hundred distinct texts.
const numbered = new Map<string, string>();
function pgText(sql: string): string {
  let out = numbered.get(sql);
  if (out === undefined) {
    out = numberPlaceholders(sql);
    numbered.set(sql, out);
  }
  return out;
}

/**
 * PostgreSQL text cannot hold U+0000, which scraped text does carry. It becomes U+FFFD in the table columns
 * (one code unit for one, so every offset still points at the same place); the article's JSON keeps it
 * exactly, escaped as \u0000.
 */
function noNul(v: unknown): unknown {
  return typeof v === 'string' && v.includes('\0') ? v.replaceAll('\0', '\uFFFD') : v;
}

/** The port over a node-postgres Pool: each statement takes any free connection, a transaction one of its own. */
export function postgresSql(pool: pg.Pool): Sql {
  const port = (on: Queryable, depth: number): Sql => {
    const query = async (sql: string, params: unknown[], rowMode?: 'array') =>
      on.query({ text: pgText(sql), values: params.map(noNul), ...(rowMode ? { rowMode } : {}) });
    return {
      dialect: 'postgres',
      all: async <T>(sql: string, params: unknown[] = []) => (await query(sql, params)).rows as T[],
      get: async <T>(sql: string, params: unknown[] = []) => (await query(sql, params)).rows[0] as T | undefined,
      value: async <T>(sql: string, params: unknown[] = []) => ((await query(sql, params, 'array')).rows[0] as unknown[] | undefined)?.[0] as T | undefined,
      run: async (sql: string, params: unknown[] = []): Promise<RunResult> => ({ changes: (await query(sql, params)).rowCount ?? 0 }),
      runEach: async (sql: string, rows: unknown[][]) => {
        for (const r of rows) await query(sql, r);
      },
      exec: async (sql: string) => {
        await on.query(sql);
      },
      transaction: async <T>(fn: (tx: Sql) => Promise<T>): Promise<T> => {
        if (depth > 0) {
          const name = `sp${depth}`;
          await on.query(`SAVEPOINT ${name}`);
          try {
            const out = await fn(port(on, depth + 1));
            await on.query(`RELEASE SAVEPOINT ${name}`);
            return out;
          } catch (e) {
            await on.query(`ROLLBACK TO SAVEPOINT ${name}`);
            throw e;
          }
        }
        const client = await pool.connect();
        let broken = false;
        try {
          await client.query('BEGIN');
          const out = await fn(port(client, 1));
          await client.query('COMMIT');
          return out;
        } catch (e) {
          try {
            await client.query('ROLLBACK');
          } catch {
            broken = true; // the connection is gone; do not hand it out again
          }
          throw e;
        } finally {
          client.release(broken);
        }
      },
      transactionIfFree<T>(fn: (tx: Sql) => Promise<T>): Promise<T | undefined> {
        return this.transaction(fn);
      },
      stream: async function* (sql: string, params: unknown[] = [], batchRows = 500): AsyncGenerator<RowBatch> {
        // A server-side cursor inside a read-only transaction of its own connection.
        const client = depth > 0 ? (on as pg.PoolClient) : await pool.connect();
        const name = `wirewatch_stream_${depth}`;
        let finished = false;
        try {
          if (depth === 0) await client.query('BEGIN READ ONLY');
          await client.query({ text: `DECLARE ${name} NO SCROLL CURSOR FOR ${pgText(sql)}`, values: params });
          for (let first = true; ; first = false) {
            const r = await client.query({ text: `FETCH ${batchRows} FROM ${name}`, rowMode: 'array' });
            if (r.rows.length || first) yield { columns: r.fields.map((f) => f.name), rows: r.rows as unknown[][] };
            if (r.rows.length < batchRows) break;
          }
          await client.query(`CLOSE ${name}`);
          if (depth === 0) await client.query('COMMIT');
          finished = true;
        } finally {
          if (depth === 0) {
            // Left early (the reader stopped, or a query failed): end the transaction before the connection goes back.
            if (!finished) await (client as pg.PoolClient).query('ROLLBACK').catch(() => undefined);
            (client as pg.PoolClient).release();
          } else if (!finished) {
            await client.query(`CLOSE ${name}`).catch(() => undefined);
          }
        }
      },
      close: async () => {
        if (depth === 0) await pool.end();
      },
    };
  };
  return port(pool, 0);
}
