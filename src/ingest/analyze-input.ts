import { analyze } from '../pipeline.ts';
import type { Article } from '../schema/article.ts';
import { readInput } from './read-input.ts';
import { readSidecar, type ArticleMeta } from './sidecar.ts';

/**
 * Read, check and analyse one input. Metadata given by the caller (command-line flags) wins over a
 * sidecar file; the sidecar fills whatever the caller left out.
 */
export function analyzeInput(pathOrDash: string, given: ArticleMeta = {}): Article {
  const { raw, uri } = readInput(pathOrDash);
  const meta = { ...readSidecar(pathOrDash), ...definedOnly(given) };
  return analyze(raw, { ...meta, uri });
}

function definedOnly(m: ArticleMeta): ArticleMeta {
  return Object.fromEntries(Object.entries(m).filter(([, v]) => v !== undefined));
}
