import type { Database } from 'better-sqlite3';
import { fold } from '../store/fold.ts';

// The stored quotes table has no index by speaker or by date, and a LIKE over fold(speaker_name) reads
// every quote: ~100 ms at 10,000 articles. Rather than change the store's schema for one reader, the
// server keeps a TEMP table (private to its connection, gone when it closes) with one row per word of
// each folded speaker name, plus one row under '' for every quote, indexed in date order. A query
// then walks one word's rows in the order it serves them and stops at the page's end.
//
// The table follows the store by article rowid: rows of articles added since the last look (by this
// connection or by a `wirewatch ingest` elsewhere) are added before each query; rows of deleted
// articles drop out through the join with `articles`.

const seen = new WeakMap<Database, number>();

export function refreshQuoteKeys(db: Database): void {
  let last = seen.get(db);
  if (last === undefined) {
    db.exec(`
      CREATE TEMP TABLE IF NOT EXISTS quote_keys (
        word TEXT NOT NULL, date TEXT, article_id TEXT NOT NULL, start INTEGER NOT NULL, quote_id TEXT NOT NULL
      );
      DROP INDEX IF EXISTS temp.quote_keys_order;
      CREATE INDEX IF NOT EXISTS temp.quote_keys_order ON quote_keys(word, date); -- then rowid: the order served
      DELETE FROM temp.quote_keys;`);
    last = 0;
  }
  const max = (db.prepare('SELECT max(rowid) FROM articles').pluck().get() as number | null) ?? 0;
  if (max <= last) {
    seen.set(db, last);
    return;
  }
  const quotes = db.prepare(`
    SELECT q.article_id, q.quote_id, q.date, q.start, q.speaker_name
    FROM articles a JOIN quotes q ON q.article_id = a.id
    WHERE a.rowid > ? AND a.rowid <= ?`);
  const insert = db.prepare('INSERT INTO temp.quote_keys (word, date, article_id, start, quote_id) VALUES (?, ?, ?, ?, ?)');
  // better-sqlite3 cannot write while a read is open on the connection, so rows are read in slices.
  const SLICE = 2000;
  db.transaction(() => {
    for (let from = last; from < max; from += SLICE) {
      const rows = quotes.all(from, Math.min(from + SLICE, max)) as QuoteRow[];
      for (const q of rows) {
        const words = new Set(['', ...(q.speaker_name ? speakerWords(q.speaker_name) : [])]);
        for (const w of words) insert.run(w, q.date, q.article_id, q.start, q.quote_id);
      }
    }
  })();
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
