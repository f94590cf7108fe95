import { fold } from '../store/fold.ts';
import type { Sql } from '../store/sql.ts';

// The stored quotes table has no index by speaker or by date, and a LIKE over fold(speaker_name) reads
// every quote: ~100 ms at 10,000 articles. Rather than change the store's schema for one reader, the
// server keeps a TEMP table (private to its connection, gone when it closes) with one row per word of
// each folded speaker name, plus one row under '' for every quote, indexed in date order. A query
// then walks one word's rows in the order it serves them and stops at the page's end.
//
// The table follows the store by article rowid: rows of articles added since the last look (by this
// connection or by a `wirewatch ingest` elsewhere) are added before each query; rows of deleted
// articles drop out through the join with `articles`.
//
// SQLite only: PostgreSQL serves quotes from its own index on quotes (date, rowid) and the folded speaker
// column (a TEMP table would belong to one pooled connection).

const seen = new WeakMap<Sql, number>();

const running = new WeakMap<Sql, Promise<void>>();

/** Bring the TEMP table up to date; concurrent callers share one refresh at a time. */
export function refreshQuoteKeys(db: Sql): Promise<void> {
  if (db.dialect !== 'sqlite') return Promise.resolve();
  const next = (running.get(db) ?? Promise.resolve()).catch(() => undefined).then(() => refresh(db));
  running.set(db, next);
  return next;
}

async function refresh(db: Sql): Promise<void> {
  let last = seen.get(db);
  if (last === undefined) {
    await db.exec(`
      CREATE TEMP TABLE IF NOT EXISTS quote_keys (
        word TEXT NOT NULL, date TEXT, article_id TEXT NOT NULL, start INTEGER NOT NULL, quote_id TEXT NOT NULL
      );
      DROP INDEX IF EXISTS temp.quote_keys_order;
      CREATE INDEX IF NOT EXISTS temp.quote_keys_order ON quote_keys(word, date); -- then rowid: the order served
      DELETE FROM temp.quote_keys;`);
    last = 0;
  }
  const max = (await db.value<number | null>('SELECT max(rowid) FROM articles')) ?? 0;
  if (max <= last) {
    seen.set(db, last);
    return;
  }
  const from0 = last;
  // better-sqlite3 cannot write while a read is open on the connection, so rows are read in slices.
  const SLICE = 2000;
  await db.transaction(async (tx) => {
    for (let from = from0; from < max; from += SLICE) {
      const rows = await tx.all<QuoteRow>(`
        SELECT q.article_id, q.quote_id, q.date, q.start, q.speaker_name
        FROM articles a JOIN quotes q ON q.article_id = a.id
        WHERE a.rowid > ? AND a.rowid <= ?`, [from, Math.min(from + SLICE, max)]);
      for (const q of rows) {
        const words = new Set(['', ...(q.speaker_name ? speakerWords(q.speaker_name) : [])]);
        for (const w of words) {
          await tx.run('INSERT INTO temp.quote_keys (word, date, article_id, start, quote_id) VALUES (?, ?, ?, ?, ?)',
            [w, q.date, q.article_id, q.start, q.quote_id]);
        }
      }
    }
  });
  seen.set(db, max);
}

interface QuoteRow {
  article_id: string;
  quote_id: string;
  date: string | null;
  start: number;
  speaker_name: string | null;
}

/** The folded words of a speaker name, as the whole-word match of quotesPage sees them. */
export function speakerWords(name: string): string[] {
  return fold(name).split(/\s+/).filter(Boolean);
}
