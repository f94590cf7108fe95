// One worker's share of an ingest: read and analyse inputs, store their articles in batches, record the
// inputs in the journal in the transaction that commits their articles. The same code runs in a worker
// thread of the pool and, for small jobs, in the main thread.
import { InputError } from '../errors.ts';
import type { Article } from '../schema/article.ts';
import type { PutResult, Store } from '../store/index.ts';
import type { Sql } from '../store/sql.ts';
import { analyzeInputs } from './analyze-input.ts';
import { inputKey } from './input-key.ts';
import { journal, type Journal, type JournalEntry } from './journal.ts';
import type { ReadOptions } from './read-articles.ts';
import type { ArticleMeta } from './sidecar.ts';

export interface TakeOptions {
  meta: ArticleMeta;
  read: ReadOptions;
  /** articles per database transaction */
  batch: number;
}

/** What the taker tells whoever drives it, in order. */
export type TakeEvent =
  | { type: 'start'; input: string }
  | { type: 'analysed'; input: string; articles: number; errors: string[] }
  | { type: 'stored'; inputs: string[]; inserted: number; unchanged: number; failed: number; errors: string[] };

export interface Taker {
  /**
   * Analyse the inputs and store their articles in batches; every event is passed to `emit` as it happens.
   * Articles may still be waiting for the database when it returns: `finish` stores them.
   */
  take(inputs: string[], emit: (e: TakeEvent) => void, onArticle?: (a: Article) => void): Promise<void>;
  /** Store whatever is still waiting, waiting for the database if it must. */
  finish(emit: (e: TakeEvent) => void, onArticle?: (a: Article) => void): Promise<void>;
}

/**
 * Batches a worker may hold while another worker writes. A SQLite file has one writer at a time; a worker
 * that finds the write lock taken analyses its next input instead of sleeping, and waits only with this
 * many batches in hand.
 */
const BATCHES_IN_HAND = 4;

export async function taker(store: Store, opts: TakeOptions): Promise<Taker> {
  const log = await journal(store.sql);
  const batch = Math.max(1, opts.batch);
  let articles: Article[] = [];
  let entries: JournalEntry[] = [];
  const flush = async (wait: boolean, emit: (e: TakeEvent) => void, onArticle?: (a: Article) => void) => {
    if (entries.length === 0) return;
    const stored = await putBatch(store, articles, entries, log, wait);
    if (!stored) return; // the database is busy: keep the batch, try again after the next input
    const { results, errors } = stored;
    const count = (r: PutResult | 'failed') => results.filter((x) => x === r).length;
    emit({ type: 'stored', inputs: entries.map((e) => e.input), inserted: count('inserted'), unchanged: count('unchanged'), failed: count('failed'), errors });
    if (onArticle) articles.forEach((a, i) => results[i] !== 'failed' && onArticle(a));
    articles = [];
    entries = [];
  };
  return {
    async take(inputs, emit, onArticle) {
      for (const input of inputs) {
        emit({ type: 'start', input });
        const entry: JournalEntry = { ...inputKey(input), articles: 0, failed: 0 };
        const errors: string[] = [];
        try {
          for await (const r of analyzeInputs(input, opts.meta, opts.read)) {
            if (r instanceof InputError) { entry.failed++; errors.push(r.message); continue; }
            articles.push(r);
            entry.articles++;
          }
        } catch (e) {
          entry.failed++;
          errors.push(e instanceof InputError ? e.message : `${input}: analysis failed: ${(e as Error).message}`);
        }
        if (errors.length) entry.error = errors.join('\n');
        entries.push(entry);
        emit({ type: 'analysed', input, articles: entry.articles, errors });
        if (articles.length >= batch) await flush(articles.length >= batch * BATCHES_IN_HAND, emit, onArticle);
      }
    },
    finish: (emit, onArticle) => flush(true, emit, onArticle),
  };
}

/**
 * One transaction for the batch and its inputs' journal entries (none at all, without waiting, when the
 * database is busy); if it fails (an article the store refuses), each article is tried on its own so one
 * bad article costs only itself.
 */
async function putBatch(store: Store, articles: Article[], entries: JournalEntry[], log: Journal, wait: boolean):
  Promise<{ results: (PutResult | 'failed')[]; errors: string[] } | undefined> {
  const also = (tx: Sql) => log.recordIn(tx, entries);
  try {
    const results = wait ? await store.putMany(articles, { also }) : await store.putManyIfFree(articles, { also });
    return results && { results, errors: [] };
  } catch {
    const errors: string[] = [];
    const results: (PutResult | 'failed')[] = [];
    for (const a of articles) {
      try {
        results.push(await store.put(a));
      } catch (e) {
        errors.push(`${a.source.uri ?? a.id}: could not store: ${(e as Error).message}`);
        results.push('failed');
      }
    }
    await log.record(entries);
    return { results, errors };
  }
}
