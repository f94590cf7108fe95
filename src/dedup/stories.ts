import { greatest, insertRows } from '../store/dialect.ts';
import type { Sql } from '../store/sql.ts';
import type { Article } from '../schema/article.ts';
import { bandBuckets, fromBlob, signature, similarity, toBlob } from './minhash.ts';
import { stableId } from './stable-id.ts';

/**
 * Estimated Jaccard similarity of word 5-shingles above which two articles are copies of one story. A wire
 * copy with a new headline, a credit line and an edited sentence or two stays well above it; two reports of
 * one press conference written separately share a quote or two and stay far below.
 */
export const SAME_STORY = 0.6;

/**
 * A bucket is read to at most this many members: a bucket that full is one story already (they all agree on
 * four signature positions), and reading it whole would make every copy of a much-syndicated story cost
 * as much as all the copies before it.
 */
const BUCKET_READ_LIMIT = 20;

/** Place one stored article in a story, inside the caller's transaction `tx`. */
export async function assignStory(tx: Sql, a: Article): Promise<void> {
  const sig = signature(a.text);
  await tx.run(`INSERT INTO article_signatures (article_id, minhash) VALUES (?, ?)
                ON CONFLICT (article_id) DO UPDATE SET minhash = excluded.minhash`, [a.id, sig ? toBlob(sig) : null]);
  // Stories reached, with the best similarity to any of their members.
  const reached = new Map<string, number>();
  if (sig) {
    const buckets = bandBuckets(sig);
    for (const [other, story, blob, known] of await candidates(tx, a.id, buckets)) {
      if (!story || !blob) continue;
      const sim = similarity(sig, fromBlob(blob));
      if (sim < SAME_STORY) continue;
      if (sim > (reached.get(story) ?? 0)) reached.set(story, sim);
      // a syndicated story's copies mostly match each other equally: most updates would change nothing
      if (known !== null && known >= sim) continue;
      await tx.run(`UPDATE story_members SET similarity = ${greatest(tx, 'coalesce(similarity, 0)', '?')} WHERE article_id = ?`, [sim, other]);
    }
    await insertRows(tx, 'lsh_buckets', ['band', 'bucket', 'article_id'], buckets.map((bucket, band) => [band, bucket, a.id]),
      { suffix: 'ON CONFLICT DO NOTHING' });
  }

  // Single-link clustering: the new article joins every story it reaches, which become one. The merged
  // story is named after its smallest article id, so the outcome does not depend on arrival order.
  const members = [a.id];
  for (const story of reached.keys()) {
    const rows = await tx.all<{ article_id: string }>('SELECT article_id FROM story_members WHERE story_id = ? ORDER BY article_id', [story]);
    members.push(...rows.map((r) => r.article_id));
  }
  const smallest = members.reduce((m, id) => (id < m ? id : m));
  const id = stableId('story', smallest);
  const best = reached.size ? Math.max(...reached.values()) : null;
  await tx.run(`INSERT INTO story_members (article_id, story_id, similarity) VALUES (?, ?, ?)
                ON CONFLICT (article_id) DO UPDATE SET story_id = excluded.story_id`, [a.id, id, best]);
  for (const story of reached.keys()) if (story !== id) await tx.run('UPDATE story_members SET story_id = ? WHERE story_id = ?', [id, story]);
}

/**
 * The articles sharing a bucket with these (up to BUCKET_READ_LIMIT per bucket), each once, with its story
 * and signature. SQLite asks bucket by bucket (cheap in process); PostgreSQL in one round trip for all 32.
 */
async function candidates(tx: Sql, id: string, buckets: number[]): Promise<[string, string | null, Buffer | null, number | null][]> {
  if (tx.dialect === 'postgres') {
    const rows = await tx.all<{ article_id: string; story_id: string | null; minhash: Buffer | null; similarity: number | null }>(`
      SELECT c.article_id, s.story_id, g.minhash, s.similarity
      FROM (SELECT DISTINCT x.article_id
            FROM unnest(?::integer[], ?::integer[]) AS b(band, bucket)
            CROSS JOIN LATERAL (SELECT l.article_id FROM lsh_buckets l
                                WHERE l.band = b.band AND l.bucket = b.bucket AND l.article_id <> ?
                                ORDER BY l.article_id LIMIT ${BUCKET_READ_LIMIT}) x) c
      LEFT JOIN story_members s ON s.article_id = c.article_id
      LEFT JOIN article_signatures g ON g.article_id = c.article_id`,
    [buckets.map((_, band) => band), buckets, id]);
    return rows.map((r) => [r.article_id, r.story_id, r.minhash, r.similarity]);
  }
  const out: [string, string | null, Buffer | null, number | null][] = [];
  const checked = new Set<string>();
  for (let band = 0; band < buckets.length; band++) {
    const others = await tx.all<{ article_id: string }>(`SELECT article_id FROM lsh_buckets WHERE band = ? AND bucket = ? AND article_id <> ?
                                  ORDER BY article_id LIMIT ${BUCKET_READ_LIMIT}`, [band, buckets[band], id]);
    for (const { article_id: other } of others) {
      if (checked.has(other)) continue;
      checked.add(other);
      const row = await tx.get<{ story_id: string; minhash: Buffer | null; similarity: number | null }>(`
        SELECT s.story_id, g.minhash, s.similarity FROM story_members s JOIN article_signatures g ON g.article_id = s.article_id
        WHERE s.article_id = ?`, [other]);
      out.push([other, row?.story_id ?? null, row?.minhash ?? null, row?.similarity ?? null]);
    }
  }
  return out;
}
