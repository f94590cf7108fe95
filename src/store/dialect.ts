import type { Sql } from './sql.ts';

// The SQL fragments that differ between SQLite and PostgreSQL, so the queries themselves stay shared.

/**
 * A name column folded for case- and accent-insensitive matching. SQLite calls the fold() function that
 * openStore registers; PostgreSQL has no such function without an extension, so its rows carry a copy
 * folded by the same JavaScript at write time (`<column>_folded`), which also keeps the two identical.
 */
export function folded(sql: Sql, column: string): string {
  return sql.dialect === 'sqlite' ? `fold(${column})` : `${column}_folded`;
}

/** The column starts with a four-digit year (a resolved date, not "PRESENT_REF" or "XXXX-03"). */
export function startsWithYear(sql: Sql, column: string): string {
  return sql.dialect === 'sqlite' ? `${column} GLOB '[0-9][0-9][0-9][0-9]*'` : `${column} ~ '^[0-9]{4}'`;
}

/** `column IS ?`: equal, or both null. */
export function isSameAs(sql: Sql, column: string): string {
  return sql.dialect === 'sqlite' ? `${column} IS ?` : `${column} IS NOT DISTINCT FROM ?`;
}

/** SQLite's null order (nulls first ascending, last descending), which the keyset cursors assume. */
export function orderDir(sql: Sql, order: 'asc' | 'desc'): string {
  if (sql.dialect === 'sqlite') return order === 'desc' ? 'DESC' : 'ASC';
  return order === 'desc' ? 'DESC NULLS LAST' : 'ASC NULLS FIRST';
}

/** The larger of two values (SQLite's two-argument max()). */
export function greatest(sql: Sql, a: string, b: string): string {
  return sql.dialect === 'sqlite' ? `max(${a}, ${b})` : `greatest(${a}, ${b})`;
}

/**
 * Insert many rows into one table. SQLite runs one cached prepared statement per row (fastest in
 * process); PostgreSQL gets multi-row INSERTs, since every statement there is a round trip. `holders`
 * overrides a column's `?` with an expression of it (each must hold exactly one `?`).
 */
export async function insertRows(sql: Sql, table: string, columns: string[], rows: unknown[][],
  opts: { holders?: string[]; suffix?: string } = {}): Promise<void> {
  if (rows.length === 0) return;
  const cols = columns.join(', ');
  const one = `(${(opts.holders ?? columns.map(() => '?')).join(', ')})`;
  const suffix = opts.suffix ?? '';
  if (sql.dialect === 'sqlite') {
    await sql.runEach(`INSERT INTO ${table} (${cols}) VALUES ${one} ${suffix}`, rows);
    return;
  }
  const perStatement = Math.max(1, Math.floor(30000 / columns.length));
  for (let i = 0; i < rows.length; i += perStatement) {
    const chunk = rows.slice(i, i + perStatement);
    await sql.run(`INSERT INTO ${table} (${cols}) VALUES ${chunk.map(() => one).join(', ')} ${suffix}`, chunk.flat());
  }
}
