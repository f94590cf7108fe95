// Where a worker stores what it analysed, through the store's own interface whatever it returns (the
// SQLite store is synchronous, the PostgreSQL one asynchronous): the worker only awaits.
import { InputError } from '../errors.ts';
import type { Article } from '../schema/article.ts';
import { openStore } from '../store/index.ts';
import { isPostgresUrl } from './queue.ts';
import type { PutResult } from './worker.ts';

export interface StoreTarget {
  put(article: Article): Promise<PutResult>;
  close(): Promise<void>;
}

// Whether src/store can open a postgres:// target (set once the PostgreSQL store is in).
const POSTGRES_STORE = false;

export async function openStoreTarget(target: string): Promise<StoreTarget> {
  if (isPostgresUrl(target) && !POSTGRES_STORE) {
    throw new InputError(target, 'this build cannot store articles in PostgreSQL yet; give --store FILE for a SQLite database');
  }
  // eslint-disable-next-line @typescript-eslint/await-thenable -- synchronous for SQLite, a promise for PostgreSQL
  const store = await openStore(target);
  return {
    put: async (a) => store.put(a),
    close: async () => { await store.close(); },
  };
}
