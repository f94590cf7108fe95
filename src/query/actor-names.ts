import { fold } from '../store/fold.ts';
import type { Sql } from '../store/sql.ts';

// Matching an actor by part of its name with fold(name) LIKE calls back into JavaScript for every event
// the date index walks. There are far fewer distinct names than events, so the names are matched here,
// once per query, and the database compares the events' names with the short list natively. The list
// follows the store by event rowid, like quote-keys.ts.

const known = new WeakMap<Sql, { last: number; names: Map<string, string> }>();

/** More matching names than this make an IN list slower than the plain LIKE: the caller falls back. */
export const MAX_NAMES = 200;

/** The stored source/target names containing `part` (case and accents ignored), or null when too many. */
export async function namesContaining(sql: Sql, part: string): Promise<string[] | null> {
  // PostgreSQL writers commit side by side, so rowids do not become visible in order and a list kept by
  // rowid could miss a name; there the folded name columns are matched directly instead.
  if (sql.dialect === 'postgres') return null;
  let entry = known.get(sql);
  if (!entry) {
    entry = { last: 0, names: new Map() };
    known.set(sql, entry);
  }
  const max = (await sql.value<number | null>('SELECT max(rowid) FROM events')) ?? 0;
  if (max > entry.last) {
    const rows = await sql.all<{ name: string }>(`
      SELECT source_name AS name FROM events WHERE rowid > ? AND rowid <= ? AND source_name IS NOT NULL
      UNION SELECT target_name FROM events WHERE rowid > ? AND rowid <= ? AND target_name IS NOT NULL`,
    [entry.last, max, entry.last, max]);
    for (const { name } of rows) entry.names.set(name, fold(name));
    entry.last = Math.max(entry.last, max);
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
