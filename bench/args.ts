// The options every benchmark takes: --data (default: its folder under ../shared/benchmarks, read at run
// time, never copied into the repo) and --predictions-out, plus whatever the benchmark adds.
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs, type ParseArgsConfig } from 'node:util';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

type Options = NonNullable<ParseArgsConfig['options']>;

export function benchArgs<const O extends Options>(sharedData: string, extra: O = {} as O) {
  return parseArgs({
    options: {
      data: { type: 'string', default: resolve(REPO_ROOT, '../shared/benchmarks', sharedData) },
      'predictions-out': { type: 'string' },
      ...extra,
    },
  }).values;
}
