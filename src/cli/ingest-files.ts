import { MultiBar, Presets } from 'cli-progress';
import { InputError } from '../errors.ts';
import { analyzeInputs, listInputs, type ArticleMeta, type ReadOptions } from '../ingest/index.ts';
import type { Article } from '../schema/article.ts';
import type { Store } from '../store/index.ts';

export interface IngestCounts {
  inserted: number;
  unchanged: number;
  failed: number;
}

/**
 * Analyse and store every input. A bad input (or a bad item of a feed or WARC file) costs one line on
 * stderr, never the batch: the rest are still read, analysed and stored. On a terminal a progress bar
 * counts the inputs; when stderr is not a TTY nothing but the error lines is written.
 */
export async function ingestFiles(store: Store, paths: string[], meta: ArticleMeta, onArticle?: (a: Article) => void, opts: ReadOptions = {}): Promise<IngestCounts> {
  const counts: IngestCounts = { inserted: 0, unchanged: 0, failed: 0 };
  const inputs = listInputs(paths);
  const bars = process.stderr.isTTY && inputs.length > 1
    ? new MultiBar({ stream: process.stderr, format: ' {bar} {value}/{total} inputs | {articles} articles | {input}', hideCursor: true, clearOnComplete: true }, Presets.shades_classic)
    : undefined;
  const bar = bars?.create(inputs.length, 0, { articles: 0, input: '' });
  const report = (line: string) => (bars ? bars.log(`wirewatch: ${line}\n`) : process.stderr.write(`wirewatch: ${line}\n`));
  for (const input of inputs) {
    bar?.update({ input: input.length > 40 ? `…${input.slice(-39)}` : input });
    try {
      for await (const r of analyzeInputs(input, meta, opts)) {
        if (r instanceof InputError) { counts.failed++; report(r.message); continue; }
        try {
          counts[store.put(r)]++;
          onArticle?.(r);
        } catch (e) {
          counts.failed++;
          report(`${r.source.uri ?? input}: could not store: ${(e as Error).message}`);
        }
      }
    } catch (e) {
      counts.failed++;
      report(e instanceof InputError ? e.message : `${input}: analysis failed: ${(e as Error).message}`);
    }
    bar?.increment(1, { articles: counts.inserted + counts.unchanged });
  }
  bars?.stop();
  return counts;
}

export function countsLine(db: string, c: IngestCounts): string {
  return `${db}: ${c.inserted} inserted, ${c.unchanged} unchanged, ${c.failed} failed`;
}
