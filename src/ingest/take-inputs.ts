// One worker's share of an ingest: read and analyse inputs, store their articles in batches, record the
// inputs in the journal once their articles are committed. The same code runs in a worker thread of the
// pool and, for small jobs, in the main thread.
import { InputError } from '../errors.ts';
import type { Article } from '../schema/article.ts';
import type { PutResult, Store } from '../store/index.ts';
import { analyzeInputs } from './analyze-input.ts';
import { inputKey } from './input-key.ts';
import { journal, type JournalEntry } from './journal.ts';
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
  /** Analyse and store the inputs; every event is passed to `emit` as it happens. */
  take(inputs: string[], emit: (e: TakeEvent) => void, onArticle?: (a: Article) => void): Promise<void>;
}

export async function taker(store: Store, opts: TakeOptions): Promise<Taker> {
  const log = await journal(store.sql);
  const batch = Math.max(1, opts.batch);
  return {
    async take(inputs, emit, onArticle) {
      let articles: Article[] = [];
      let entries: JournalEntry[] = [];
      const flush = async () => {
        if (entries.length === 0) return;
        const { results, errors } = await putBatch(store, articles);
        await log.record(entries);
        const count = (r: PutResult | 'failed') => results.filter((x) => x === r).length;
        emit({ type: 'stored', inputs: entries.map((e) => e.input), inserted: count('inserted'), unchanged: count('unchanged'), failed: count('failed'), errors });
        if (onArticle) articles.forEach((a, i) => results[i] !== 'failed' && onArticle(a));
        articles = [];
        entries = [];
      };
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
        if (articles.length >= batch) await flush();
      }
      await flush();
    },
  };
}

/**
 * One transaction for the batch; if it fails (an article the store refuses), each article is tried on
 * its own so one bad article costs only itself.
 */
async function putBatch(store: Store, articles: Article[]): Promise<{ results: (PutResult | 'failed')[]; errors: string[] }> {
  try {
    return { results: await store.putMany(articles), errors: [] };
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
    return { results, errors };
  }
}
