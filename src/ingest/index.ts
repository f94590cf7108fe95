export { readInput, type RawInput } from './read-input.ts';
export { listInputs } from './list-inputs.ts';
export { parsePublished, isCalendarDate } from './published.ts';
export { readSidecar, type ArticleMeta } from './sidecar.ts';
export { MAX_INPUT_BYTES } from './limits.ts';
export { analyzeInput, analyzeInputs, analyzeAll } from './analyze-input.ts';
export { readArticles, type ArticleInput, type ReadOptions } from './read-articles.ts';
export { fetchUrl, isPrivateAddress, USER_AGENT } from './fetch-url.ts';
