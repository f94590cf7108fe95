// The stage chain. One Document goes through ingest → clean → nlp → actors → time → quotes → events;
// each stage adds its layer. `analyze` returns the schema's Article; `pipe` analyses many texts in turn.
import { createHash } from 'node:crypto';
import { Document, type Meta, type SourceFormat } from './document.ts';
import { cleanPlainText } from './clean/plain-text.ts';
import { cleanHtml } from './clean/html/index.ts';
import { detectLanguage } from './nlp/language.ts';
import { findQuotationMarks } from './nlp/quotation-marks.ts';
import { splitSentences } from './nlp/sentences.ts';
import { tokenize } from './nlp/tokens.ts';
import { recogniseNames } from './nlp/names.ts';
import { resolveActors } from './actors/resolve.ts';
import { findTimes } from './time/timexes.ts';
import { attributeQuotes } from './quotes/attribute.ts';
import { codeEvents } from './events/code.ts';
import { toArticle } from './schema/to-article.ts';
import type { Article } from './schema/article.ts';

export interface AnalyzeOptions {
  /** YYYY-MM-DD or ISO date-time with offset; already validated by the caller. */
  published?: string;
  url?: string;
  /** Where the input came from (file path, '-' for stdin); recorded in source.uri. */
  uri?: string;
  /** User actor dictionaries (JSON or PETRARCH .actors.txt) added to the bundled one. */
  actors?: string[];
  /** 'text' unless the input is an HTML page (ingest detects it by content) */
  format?: SourceFormat;
  /** metadata stated by whoever handed the page over (a feed, a WARC header), over what the page says */
  meta?: Omit<Meta, 'published' | 'url'>;
}

export interface Stage { name: string; run(doc: Document, opts: AnalyzeOptions): void }

export const STAGES: Stage[] = [
  { name: 'clean', run: (d) => (d.format === 'text' ? cleanPlainText(d) : cleanHtml(d)) },
  { name: 'language', run: (d) => detectLanguage(d) },
  { name: 'quotation-marks', run: (d) => findQuotationMarks(d) },
  { name: 'sentences', run: (d) => splitSentences(d) },
  { name: 'tokens', run: (d) => tokenize(d) },
  { name: 'names', run: (d, o) => recogniseNames(d, o.actors) },
  { name: 'actors', run: (d, o) => resolveActors(d, o.actors) },
  { name: 'time', run: (d) => findTimes(d) },
  { name: 'quotes', run: (d) => attributeQuotes(d) },
  { name: 'events', run: (d) => codeEvents(d) },
];

/** Normalised form of the cleaned text that identifies an article across re-ingests. */
export function contentId(text: string): string {
  return createHash('sha256').update(text.normalize('NFC').replace(/\s+/g, ' ').trim()).digest('hex');
}

export function analyzeDocument(raw: string, opts: AnalyzeOptions = {}): Document {
  const doc = new Document(raw, { ...opts.meta, published: opts.published, url: opts.url }, opts.uri);
  if (opts.format) doc.format = opts.format;
  for (const stage of STAGES) stage.run(doc, opts);
  return doc;
}

/** Analyse one raw plain-text article. Pure and synchronous. */
export function analyze(raw: string, opts: AnalyzeOptions = {}): Article {
  const doc = analyzeDocument(raw, opts);
  return toArticle(doc, contentId(doc.text));
}

/** Analyse many texts, one Document at a time, yielding as they finish (spaCy's `pipe`). */
export function* pipe(inputs: Iterable<{ raw: string } & AnalyzeOptions>): Generator<Article> {
  for (const { raw, ...opts } of inputs) yield analyze(raw, opts);
}
