import { SingleBar, Presets } from 'cli-progress';
import { availableParallelism } from 'node:os';
import { listInputs, type ArticleMeta, type ReadOptions } from '../ingest/index.ts';
import { inputKey } from '../ingest/input-key.ts';
import { journal } from '../ingest/journal.ts';
import { runPool } from '../ingest/pool.ts';
import { taker, type TakeEvent } from '../ingest/take-inputs.ts';
import type { Article } from '../schema/article.ts';
import type { Store } from '../store/index.ts';

export interface IngestCounts {
  inserted: number;
  unchanged: number;
  failed: number;
  /** inputs left out because an earlier run already took them (--resume) */
  skipped: number;
  /** the run was stopped (Ctrl-C) before every input was taken */
  interrupted: boolean;
}

export interface IngestOptions extends ReadOptions {
  /** worker threads; 0 analyses in this thread. Default: one per core when there are many inputs. */
  workers?: number;
  /** leave out inputs the journal says are done */
  resume?: boolean;
  /** articles per transaction */
  batch?: number;
  /** per input, in the pool */
  timeoutMs?: number;
  /** resolves when the user asks to stop */
  stop?: Promise<void>;
  /** the database as given (with its password, for a PostgreSQL URL), for the workers to open */
  db?: string;
  /** after each committed batch, with the counts so far */
  onStored?: (counts: Readonly<IngestCounts>) => void;
}

// Below this many inputs, starting worker threads (each loads the models) costs more than it saves.
const POOL_FROM = 32;
export const DEFAULT_TIMEOUT_MS = 60_000;

/**
 * Analyse and store every input. A bad input (or a bad item of a feed or WARC file) costs one line on
 * stderr, never the batch. On a terminal a progress bar shows inputs, articles/s, errors and the time
 * left; when stderr is not a TTY nothing but the error lines is written.
 */
export async function ingestFiles(store: Store, paths: string[], meta: ArticleMeta, onArticle?: (a: Article) => void, opts: IngestOptions = {}): Promise<IngestCounts> {
  const counts: IngestCounts = { inserted: 0, unchanged: 0, failed: 0, skipped: 0, interrupted: false };
  let inputs = listInputs(paths);
  if (opts.resume) {
    const done = await (await journal(store.sql)).done(inputs.map(inputKey));
    counts.skipped = done.size;
    inputs = inputs.filter((i) => !done.has(i));
  }
  const { workers: w, resume: _r, batch = 32, timeoutMs = DEFAULT_TIMEOUT_MS, stop, db = store.target, onStored: _s, ...read } = opts;
  const workers = w ?? (inputs.length >= POOL_FROM ? availableParallelism() : 0);

  const bar = process.stderr.isTTY && inputs.length > 1
    ? new SingleBar({
      stream: process.stderr, hideCursor: true, clearOnComplete: true, etaBuffer: 200,
      format: ' {bar} {value}/{total} inputs | {articles} articles, {rate}/s | {errors} errors | ETA {eta_formatted}',
    }, Presets.shades_classic)
    : undefined;
  const started = Date.now();
  let done = 0;
  bar?.start(inputs.length, 0, { articles: 0, rate: '0', errors: 0 });
  const report = (line: string) => {
    if (bar) { bar.stop(); process.stderr.write(`wirewatch: ${line}\n`); bar.start(inputs.length, done, tick()); }
    else process.stderr.write(`wirewatch: ${line}\n`);
  };
  const stored = () => counts.inserted + counts.unchanged;
  const tick = () => ({ articles: stored(), rate: (stored() / Math.max(0.001, (Date.now() - started) / 1000)).toFixed(1), errors: counts.failed });
  const onEvent = (e: TakeEvent | { type: 'given-up'; input: string; error: string }) => {
    switch (e.type) {
      case 'analysed':
        for (const err of e.errors) report(err);
        counts.failed += e.errors.length;
        done++;
        bar?.update(done, tick());
        break;
      case 'stored':
        for (const err of e.errors) report(err);
        counts.inserted += e.inserted;
        counts.unchanged += e.unchanged;
        counts.failed += e.failed;
        bar?.update(done, tick());
        opts.onStored?.(counts);
        break;
      case 'given-up':
        report(e.error);
        counts.failed++;
        break;
    }
  };

  let stopped = false;
  stop?.then(() => { stopped = true; });
  if (workers > 0) {
    await runPool(inputs, { db, workers, batch, timeoutMs, meta, read, onEvent, stop });
  } else {
    const t = await taker(store, { meta, read, batch });
    for (const input of inputs) {
      if (stopped) break;
      await t.take([input], onEvent, onArticle);
    }
    await t.finish(onEvent, onArticle);
  }
  bar?.stop();
  counts.interrupted = stopped;
  return counts;
}

export function countsLine(db: string, c: IngestCounts): string {
  return `${db}: ${c.inserted} inserted, ${c.unchanged} unchanged, ${c.failed} failed` +
    (c.skipped ? `, ${c.skipped} inputs already done (skipped)` : '') +
    (c.interrupted ? ' — interrupted; run again with --resume to continue' : '');
}
