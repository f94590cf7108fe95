// PLACEHOLDER (the lead is replacing this with the real stage chain; keep the exported signatures).
import { createHash } from 'node:crypto';
import { Article, SCHEMA_ID } from './schema/article.ts';

export interface AnalyzeOptions {
  /** YYYY-MM-DD or ISO date-time with offset; already validated by the caller. */
  published?: string;
  url?: string;
  /** Where the input came from (file path, '-' for stdin); recorded in source.uri. */
  uri?: string;
}

/** Analyse one raw plain-text article. Pure and synchronous; throws InputError on unusable input. */
export function analyze(raw: string, opts: AnalyzeOptions = {}): Article {
  const text = raw.trim();
  return {
    schema: SCHEMA_ID,
    id: createHash('sha256').update(text).digest('hex'),
    source: { uri: opts.uri, format: 'text' },
    meta: { published: opts.published, url: opts.url },
    text, paragraphs: [], related: [], removed: [], entities: [], quotes: [], times: [], events: [], messages: [],
  };
}
