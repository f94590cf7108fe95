import type { Database } from 'better-sqlite3';
import { fold } from '../store/fold.ts';

// Matching an actor by part of its name with fold(name) LIKE calls back into JavaScript for every event
// the date index walks. There are far fewer distinct names than events, so the names are matched here,
// once per query, and SQLite compares the events' names with the short list natively. The list follows
// the store by event rowid, like quote-keys.ts.

const known = new WeakMap<Database, { last: number; names: Map<string, string> }>();

/** More matching names than this make an IN list slower than the plain LIKE: the caller falls back. */
export const MAX_NAMES = 200;

/** The stored source/target names containing `part` (case and accents ignored), or null when too many. */
export function namesContaining(db: Database, part: string): string[] | null {
  let entry = known.get(db);
  if (!entry) {
    entry = { last: 0, names: new Map() };
    known.set(db, entry);
  }
  const max = (db.prepare('SELECT max(rowid) FROM events').pluck().get() as number | null) ?? 0;
  if (max > entry.last) {
    const rows = db.prepare(`
      SELECT source_name FROM events WHERE rowid > ? AND rowid <= ? AND source_name IS NOT NULL
      UNION SELECT target_name FROM events WHERE rowid > ? AND rowid <= ? AND target_name IS NOT NULL`)
      .pluck().all(entry.last, max, entry.last, max) as string[];
    for (const n of rows) entry.names.set(n, fold(n));
    entry.last = max;
  }
  const needle = fold(part);
  const out: string[] = [];
  for (const [name, folded] of entry.names) {
    if (folded.includes(needle)) {
      out.push(name);
      if (out.length > MAX_NAMES) return null;
    }
  }
  return out;
}
