import type { Database } from 'better-sqlite3';
import type { Article } from '../schema/article.ts';
import { eventMerger } from './merge-events.ts';
import { storyAssigner } from './stories.ts';

export { SAME_STORY } from './stories.ts';
export { DATE_WINDOW_DAYS, QUANTITY_TOLERANCE } from './event-key.ts';
export { signature, similarity } from './minhash.ts';
export { stableId, numericId } from './stable-id.ts';

/**
 * Prepare once per connection. The returned function places a newly stored article in its story and merges
 * its events with earlier mentions of the same happenings; call it inside the transaction that stored it.
 */
export function deduplicator(db: Database): (a: Article, addedAt: string) => void {
  const assignStory = storyAssigner(db);
  const mergeEvents = eventMerger(db);
  return (a, addedAt) => {
    assignStory(a);
    mergeEvents(a, addedAt);
  };
}
