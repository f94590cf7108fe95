// The ingest journal: which inputs a database has already taken, so `ingest --resume` continues an
// interrupted run where it stopped. An input is recorded after its articles are committed; a crash
// between the two only means the input is read again, and its articles (keyed by content hash) are
// then found unchanged — nothing lost, nothing doubled.
import type { Database } from 'better-sqlite3';
import type { InputKey } from './input-key.ts';

export interface JournalEntry extends InputKey { articles: number; failed: number; error?: string }

const TABLE = `CREATE TABLE IF NOT EXISTS ingest_inputs (
  input TEXT PRIMARY KEY,
  size INTEGER,
  mtime_ms INTEGER,
  articles INTEGER NOT NULL,
  failed INTEGER NOT NULL,
  error TEXT,
  done_at TEXT NOT NULL
)`;

export interface Journal {
  /** Inputs recorded with the same size and modification time as now. */
  done(keys: InputKey[]): Set<string>;
  record(entries: JournalEntry[]): void;
}

export function journal(db: Database): Journal {
  db.exec(TABLE);
  const get = db.prepare('SELECT size, mtime_ms FROM ingest_inputs WHERE input = ?');
  const put = db.prepare(`INSERT INTO ingest_inputs (input, size, mtime_ms, articles, failed, error, done_at)
                          VALUES (?, ?, ?, ?, ?, ?, ?)
                          ON CONFLICT (input) DO UPDATE SET size = excluded.size, mtime_ms = excluded.mtime_ms,
                            articles = excluded.articles, failed = excluded.failed, error = excluded.error,
                            done_at = excluded.done_at`);
  const record = db.transaction((entries: JournalEntry[]) => {
    const at = new Date().toISOString();
    for (const e of entries) put.run(e.input, e.size, e.mtimeMs, e.articles, e.failed, e.error ?? null, at);
  });
  return {
    done(keys) {
      const out = new Set<string>();
      for (const k of keys) {
        const row = get.get(k.input) as { size: number | null; mtime_ms: number | null } | undefined;
        if (row && row.size === k.size && row.mtime_ms === k.mtimeMs) out.add(k.input);
      }
      return out;
    },
    record: (entries) => record(entries),
  };
}
