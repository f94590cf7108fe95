import type pg from 'pg';

/**
 * PostgreSQL keeps events in one partition per month of the event's date (so a month can be read,
 * archived or dropped on its own); events without a resolved month ("PRESENT_REF", "2025-W12", none) go to
 * the DEFAULT partition. Partitions are created when the first event of their month is written.
 */

/** The first day of the event's month (YYYY-MM-01), or null when its date names no month. */
export function eventMonth(date: string | null | undefined): string | null {
  const m = date ? /^(\d{4})-(\d{2})/.exec(date) : null;
  if (!m || m[1] === '0000' || Number(m[2]) < 1 || Number(m[2]) > 12) return null;
  return `${m[1]}-${m[2]}-01`;
}

export function partitionName(month: string): string {
  return `events_y${month.slice(0, 4)}m${month.slice(5, 7)}`;
}

function nextMonth(month: string): string {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return m === 12 ? `${String(y + 1).padStart(4, '0')}-01-01` : `${month.slice(0, 4)}-${String(m + 1).padStart(2, '0')}-01`;
}

/**
 * Every writer of every process holds this PostgreSQL advisory lock, shared, for its article's transaction
 * (see write-article.ts, from its first statement), and the creation of a partition holds it exclusively:
 * creating one locks the events table and, for its foreign key, the articles table, and a writer half-way
 * through an article holds locks on both. So a partition is created only between writers, never while one
 * holds those locks, and the two cannot deadlock.
 */
export const WRITE_LOCK = 0x77697265; // "wire"
/**
 * Held, exclusively, by a writer for the deduplication part of its transaction: story assignment and event
 * merging read what earlier articles wrote, so two articles merged at once could each miss the other.
 */
export const DEDUP_LOCK = 0x64647570; // "ddup"

/**
 * Make sure a partition exists for each month, each in a short transaction of its own before the
 * article's. Two processes wanting the same month take turns on the lock; the second finds it made.
 */
export function partitionKeeper(pool: pg.Pool): (months: Iterable<string | null>) => Promise<void> {
  const known = new Set<string>();
  return async (months) => {
    const wanted = [...new Set([...months].filter((m): m is string => m !== null && !known.has(m)))];
    if (wanted.length === 0) return;
    const client = await pool.connect();
    try {
      for (const month of wanted) {
        const name = partitionName(month);
        await client.query('BEGIN');
        try {
          await client.query('SELECT pg_advisory_xact_lock($1)', [WRITE_LOCK]);
          const exists = await client.query('SELECT to_regclass($1) IS NOT NULL AS yes', [name]);
          if (!exists.rows[0].yes) {
            await client.query(`CREATE TABLE ${name} PARTITION OF events FOR VALUES FROM ('${month}') TO ('${nextMonth(month)}')`);
          }
          await client.query('COMMIT');
        } catch (e) {
          await client.query('ROLLBACK');
          throw e;
        }
        known.add(month);
      }
    } finally {
      client.release();
    }
  };
}
