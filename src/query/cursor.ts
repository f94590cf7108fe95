import { InputError } from '../errors.ts';

/** One page of rows and the cursor that continues after its last row (null on the last page). */
export interface Page<T> {
  items: T[];
  next: string | null;
}

export interface PageRequest {
  limit: number;
  cursor?: string;
}

// A cursor is the sort key of the last row served, so a page never skips or repeats rows when
// others are inserted meanwhile (keyset pagination); base64url keeps it opaque and URL-safe.
export function encodeCursor(key: unknown[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

export function decodeCursor(cursor: string, length: number): unknown[] {
  try {
    const key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(key) && key.length === length) return key;
  } catch {
    // fall through to the one error below
  }
  throw new InputError('cursor', 'not a cursor returned by this endpoint');
}

/** Fetch one row more than asked, so "is there a next page" costs no second query. */
export function toPage<R, T>(rows: R[], limit: number, item: (r: R) => T, key: (r: R) => unknown[]): Page<T> {
  const more = rows.length > limit;
  const kept = more ? rows.slice(0, limit) : rows;
  return { items: kept.map(item), next: more ? encodeCursor(key(kept[kept.length - 1])) : null };
}

export type SortOrder = 'asc' | 'desc';

/**
 * The keyset condition "after the cursor's row" for an order by (nullable key, unique id), nulls first
 * ascending and last descending (SQLite's rule). Returns SQL and its parameters.
 */
export function afterKey(key: string, id: string, cursor: [string | null, unknown], order: SortOrder): [string, unknown[]] {
  const [k, i] = cursor;
  if (order === 'asc') {
    return k === null
      ? [`((${key} IS NULL AND ${id} > ?) OR ${key} IS NOT NULL)`, [i]]
      : [`(${key} > ? OR (${key} = ? AND ${id} > ?))`, [k, k, i]];
  }
  return k === null
    ? [`(${key} IS NULL AND ${id} < ?)`, [i]]
    : [`(${key} < ? OR (${key} = ? AND ${id} < ?) OR ${key} IS NULL)`, [k, k, i]];
}
