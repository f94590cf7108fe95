import { analyze } from '../pipeline.ts';
import { InputError } from '../errors.ts';
import type { Article } from '../schema/article.ts';
import { readArticles, readArticleSync, type ReadOptions } from './read-articles.ts';
import type { ArticleMeta } from './sidecar.ts';

/**
 * Read, check and analyse one input, which may hold several articles (a feed, a WARC file). Metadata
 * given by the caller (command-line flags) wins over a sidecar file; the sidecar fills whatever the
 * caller left out. Bad items come back as InputErrors beside the good articles, in input order.
 */
export async function* analyzeInputs(input: string, given: ArticleMeta = {}, opts: ReadOptions = {}): AsyncGenerator<Article | InputError> {
  for await (const item of readArticles(input, given, opts)) {
    if (item instanceof InputError) { yield item; continue; }
    const { raw, ...options } = item;
    const article = analyze(raw, { ...options, actors: opts.actors });
    // a page with no article (an index of teasers, an empty or all-script page) is reported, not stored
    if (article.text === '' && article.source.format !== 'text') {
      const why = article.messages.find((m) => m.stage === 'clean' && m.level === 'warning')?.message ?? 'no article found on the page';
      yield new InputError(article.source.uri ?? item.uri, why);
    } else yield article;
  }
}

/** Everything one input yields, for callers that want it all at once (`wirewatch analyze`). */
export async function analyzeAll(input: string, given: ArticleMeta = {}, opts: ReadOptions = {}): Promise<(Article | InputError)[]> {
  const out: (Article | InputError)[] = [];
  for await (const r of analyzeInputs(input, given, opts)) out.push(r);
  return out;
}

/**
 * One local article, text or HTML (also gzipped), analysed synchronously. Metadata given by the caller
 * wins over a sidecar file. Feeds, WARC files and URLs need analyzeInputs.
 */
export function analyzeInput(pathOrDash: string, given: ArticleMeta = {}, actors?: string[]): Article {
  const { raw, ...options } = readArticleSync(pathOrDash, given);
  const article = analyze(raw, { ...options, actors });
  if (article.text === '' && article.source.format !== 'text') {
    throw new InputError(options.uri === '-' ? 'stdin' : options.uri, article.messages.find((m) => m.stage === 'clean' && m.level === 'warning')?.message ?? 'no article found on the page');
  }
  return article;
}
