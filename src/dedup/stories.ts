import type { Database } from 'better-sqlite3';
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

/**
 * Prepare once per connection. The returned function places one stored article in a story (inside the
 * caller's transaction).
 */
export function storyAssigner(db: Database): (a: Article) => void {
  const putSignature = db.prepare('INSERT OR REPLACE INTO article_signatures (article_id, minhash) VALUES (?, ?)');
  const putBucket = db.prepare('INSERT OR IGNORE INTO lsh_buckets (band, bucket, article_id) VALUES (?, ?, ?)');
  const inBucket = db.prepare(`SELECT article_id FROM lsh_buckets WHERE band = ? AND bucket = ? AND article_id <> ?
                               ORDER BY article_id LIMIT ${BUCKET_READ_LIMIT}`).pluck();
  const signatureOf = db.prepare('SELECT minhash FROM article_signatures WHERE article_id = ?').pluck();
  const storyOf = db.prepare('SELECT story_id FROM story_members WHERE article_id = ?').pluck();
  const membersOf = db.prepare('SELECT article_id FROM story_members WHERE story_id = ? ORDER BY article_id').pluck();
  const putMember = db.prepare(`INSERT INTO story_members (article_id, story_id, similarity) VALUES (?, ?, ?)
                                ON CONFLICT (article_id) DO UPDATE SET story_id = excluded.story_id`);
  const raiseSimilarity = db.prepare(`UPDATE story_members SET similarity = max(coalesce(similarity, 0), ?)
                                      WHERE article_id = ?`);
  const relabel = db.prepare('UPDATE story_members SET story_id = ? WHERE story_id = ?');

  return (a) => {
    const sig = signature(a.text);
    putSignature.run(a.id, sig ? toBlob(sig) : null);
    // Stories reached, with the best similarity to any of their members.
    const reached = new Map<string, number>();
    if (sig) {
      const checked = new Set<string>();
      bandBuckets(sig).forEach((bucket, band) => {
        for (const other of inBucket.all(band, bucket, a.id) as string[]) {
          if (checked.has(other)) continue;
          checked.add(other);
          const story = storyOf.get(other) as string | undefined;
          const blob = signatureOf.get(other) as Buffer | null | undefined;
          if (!story || !blob) continue;
          const sim = similarity(sig, fromBlob(blob));
          if (sim < SAME_STORY) continue;
          if (sim > (reached.get(story) ?? 0)) reached.set(story, sim);
          raiseSimilarity.run(sim, other);
        }
      });
      bandBuckets(sig).forEach((bucket, band) => putBucket.run(band, bucket, a.id));
    }

    // Single-link clustering: the new article joins every story it reaches, which become one. The merged
    // story is named after its smallest article id, so the outcome does not depend on arrival order.
    const members = [a.id];
    for (const story of reached.keys()) members.push(...(membersOf.all(story) as string[]));
    const smallest = members.reduce((m, id) => (id < m ? id : m));
    const id = stableId('story', smallest);
    const best = reached.size ? Math.max(...reached.values()) : null;
    putMember.run(a.id, id, best);
    for (const story of reached.keys()) if (story !== id) relabel.run(id, story);
  };
}
