import { InputError } from '../errors.ts';
import { analyzeInput, listInputs, type ArticleMeta } from '../ingest/index.ts';
import type { Article } from '../schema/article.ts';
import type { Store } from '../store/index.ts';

export interface IngestCounts {
  inserted: number;
  unchanged: number;
  failed: number;
}

/**
 * Analyse and store every input. A bad input costs one line on stderr, never the batch:
 * the rest are still read, analysed and stored.
 */
export function ingestFiles(store: Store, paths: string[], meta: ArticleMeta, onArticle?: (a: Article) => void): IngestCounts {
  const counts: IngestCounts = { inserted: 0, unchanged: 0, failed: 0 };
  for (const file of listInputs(paths)) {
    let stage = 'analysis failed';
    try {
      const article = analyzeInput(file, meta);
      stage = 'could not store';
      counts[store.put(article)]++;
      onArticle?.(article);
    } catch (e) {
      counts.failed++;
      const line = e instanceof InputError ? e.message : `${file}: ${stage}: ${(e as Error).message}`;
      process.stderr.write(`wirewatch: ${line}\n`);
    }
  }
  return counts;
}

export function countsLine(db: string, c: IngestCounts): string {
  return `${db}: ${c.inserted} inserted, ${c.unchanged} unchanged, ${c.failed} failed`;
}
