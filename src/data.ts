// Linguistic knowledge lives in data/ so users can extend it without forking; this is the one place
// that finds and parses those files (relative to the package, never the working directory).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const DATA_DIR = fileURLToPath(new URL('../data/', import.meta.url));

const cache = new Map<string, unknown>();

export function loadData<T>(relative: string): T {
  let value = cache.get(relative);
  if (value === undefined) {
    const file = DATA_DIR + relative;
    try {
      value = JSON.parse(readFileSync(file, 'utf8'));
    } catch (e) {
      throw new Error(`data file ${file}: ${(e as Error).message}`);
    }
    cache.set(relative, value);
  }
  return value as T;
}

/** Compile a list of case-insensitive whole-pattern regular expressions from a data file. */
export function compilePatterns(patterns: string[], flags = 'iu'): RegExp[] {
  return patterns.map((p) => new RegExp(p, flags));
}
