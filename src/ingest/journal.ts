// The ingest journal: which inputs a database has already taken, so `ingest --resume` continues an
// interrupted run where it stopped. An input is recorded in the transaction that commits its articles,
// so a crash leaves both or neither. (Where they are written apart, as when a batch is retried article by
// article, a crash between the two only means the input is read again and its articles, keyed by content
// hash, are found unchanged: nothing lost, nothing doubled.)
import type { Sql } from '../store/sql.ts';
import type { InputKey } from './input-key.ts';

export interface JournalEntry extends InputKey { articles: number; failed: number; error?: string }

// Plain SQL both SQLite and PostgreSQL take, created on first use: the journal is ingest's own table.
const TABLE = `CREATE TABLE IF NOT EXISTS ingest_inputs (
  input TEXT PRIMARY KEY,
  size BIGINT,
  mtime_ms BIGINT,
  articles INTEGER NOT NULL,
  failed INTEGER NOT NULL,
  error TEXT,
  done_at TEXT NOT NULL
)`;

export interface Journal {
  /** Inputs recorded with the same size and modification time as now. */
  done(keys: InputKey[]): Promise<Set<string>>;
  record(entries: JournalEntry[]): Promise<void>;
  /** record, inside the caller's transaction */
  recordIn(tx: Sql, entries: JournalEntry[]): Promise<void>;
}

export async function journal(sql: Sql): Promise<Journal> {
  await sql.exec(TABLE);
  return {
    async done(keys) {
      const out = new Set<string>();
      const wanted = new Map(keys.map((k) => [k.input, k]));
      const rows = await sql.all<{ input: string; size: number | string | null; mtime_ms: number | string | null }>('SELECT input, size, mtime_ms FROM ingest_inputs');
      for (const r of rows) {
        const k = wanted.get(r.input);
        // PostgreSQL returns BIGINT as a string
        if (k && num(r.size) === k.size && num(r.mtime_ms) === k.mtimeMs) out.add(r.input);
      }
      return out;
    },
    async record(entries) {
      await sql.transaction((tx) => recordIn(tx, entries));
    },
    recordIn,
  };
}

async function recordIn(tx: Sql, entries: JournalEntry[]): Promise<void> {
  const at = new Date().toISOString();
  for (const e of entries) {
    await tx.run(`INSERT INTO ingest_inputs (input, size, mtime_ms, articles, failed, error, done_at)
                  VALUES (?, ?, ?, ?, ?, ?, ?)
                  ON CONFLICT (input) DO UPDATE SET size = excluded.size, mtime_ms = excluded.mtime_ms,
                    articles = excluded.articles, failed = excluded.failed, error = excluded.error,
                    done_at = excluded.done_at`, [e.input, e.size, e.mtimeMs, e.articles, e.failed, e.error ?? null, at]);
  }
}

const num = (v: number | string | null) => (v === null ? null : Number(v));
