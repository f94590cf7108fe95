// Where a worker stores what it analysed: any store target (`--store`, by default the queue's own
// PostgreSQL database; a file path for SQLite), through the store's own interface.
import type { Article } from '../schema/article.ts';
import { openStore } from '../store/index.ts';
import type { PutResult } from './worker.ts';

export interface StoreTarget {
  put(article: Article): Promise<PutResult>;
  close(): Promise<void>;
}

export async function openStoreTarget(target: string): Promise<StoreTarget> {
  const store = await openStore(target);
  return { put: (a) => store.put(a), close: () => store.close() };
}
