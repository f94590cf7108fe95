/**
 * The small async database port every reader and writer goes through, so one body of SQL serves SQLite
 * (better-sqlite3, in process) and PostgreSQL (node-postgres, over the network). Statements use `?`
 * placeholders; the PostgreSQL side numbers them ($1, $2, …). The few places where the two dialects must
 * differ ask `sql.dialect` (see dialect.ts for the shared fragments).
 */
export type Dialect = 'sqlite' | 'postgres';

export interface RunResult {
  /** Rows inserted, updated or deleted by the statement. */
  changes: number;
}

/** One batch of a streamed result: column names (always given, even with no rows) and rows in column order. */
export interface RowBatch {
  columns: string[];
  rows: unknown[][];
}

export interface Sql {
  readonly dialect: Dialect;
  all<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  get<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T | undefined>;
  /** The first column of the first row, or undefined when there is no row. */
  value<T = unknown>(sql: string, params?: unknown[]): Promise<T | undefined>;
  run(sql: string, params?: unknown[]): Promise<RunResult>;
  /** One statement run once per row of parameters; SQLite runs them all in one call, with no await between rows. */
  runEach(sql: string, rows: unknown[][]): Promise<void>;
  /** Several statements without parameters (schema scripts). */
  exec(sql: string): Promise<void>;
  /**
   * Run `fn` in one transaction on one connection: committed when it resolves, rolled back when it throws.
   * Nested calls (on the `tx` given to fn) become savepoints.
   */
  transaction<T>(fn: (tx: Sql) => Promise<T>): Promise<T>;
  /**
   * `transaction`, unless another connection holds the write lock (SQLite has one writer per file): then
   * undefined at once instead of a wait, so the caller can do other work and try again. PostgreSQL writers
   * do not lock each other out, so there it is `transaction`.
   */
  transactionIfFree<T>(fn: (tx: Sql) => Promise<T>): Promise<T | undefined>;
  /**
   * Stream a large result in batches, in constant memory: a server-side cursor on PostgreSQL, the
   * statement's iterator on SQLite. The first batch is always yielded, so the columns are known.
   */
  stream(sql: string, params?: unknown[], batchRows?: number): AsyncGenerator<RowBatch>;
  close(): Promise<void>;
}

/** `?` → `$1, $2, …`, leaving question marks inside quoted strings and identifiers alone. */
export function numberPlaceholders(sql: string): string {
  let out = '';
  let n = 0;
  let quote: string | null = null;
  for (let i = 0; i < sql.length; i++) {
    const c = sql[i];
    if (quote) {
      if (c === quote) quote = null;
      out += c;
    } else if (c === "'" || c === '"') {
      quote = c;
      out += c;
    } else if (c === '?') {
      out += `$${++n}`;
    } else {
      out += c;
    }
  }
  return out;
}

/** Whether a --db value names a PostgreSQL server rather than a SQLite file. */
export function isPostgresUrl(target: string): boolean {
  return /^postgres(ql)?:\/\//i.test(target);
}
