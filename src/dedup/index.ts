import type { Sql } from '../store/sql.ts';
import type { Article } from '../schema/article.ts';
import { mergeEvents } from './merge-events.ts';
import { assignStory } from './stories.ts';

export { SAME_STORY } from './stories.ts';
export { DATE_WINDOW_DAYS, QUANTITY_TOLERANCE } from './event-key.ts';
export { signature, similarity } from './minhash.ts';
export { stableId, numericId } from './stable-id.ts';

/**
 * Place a newly stored article in its story and merge its events with earlier mentions of the same
 * happenings; call it inside the transaction that stored it.
 */
export async function deduplicate(tx: Sql, a: Article, addedAt: string): Promise<void> {
  await assignStory(tx, a);
  await mergeEvents(tx, a, addedAt);
}
