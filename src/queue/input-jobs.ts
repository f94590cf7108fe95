// What `wirewatch enqueue` puts in the queue for each input. A local file travels as its bytes (with the
// metadata of its sidecar file, read now): the workers may run on machines that cannot see this file
// system. A URL (a page or a feed) travels as itself and is fetched by the worker that takes it.
import { createHash } from 'node:crypto';
import { InputError } from '../errors.ts';
import { listInputs, readSidecar, type ArticleMeta } from '../ingest/index.ts';
import { readBytes } from '../ingest/read-input.ts';
import type { NewJob } from './queue.ts';

const isUrl = (s: string) => /^https?:\/\//i.test(s);

/**
 * One job per input, folders expanded (recursively, as `ingest` does). The job key makes enqueueing
 * idempotent: a file's key is the sha256 of its bytes (the same article under two names is one job), a
 * URL's is the URL. A file that cannot be read (missing, too large, bad sidecar) comes back as an
 * InputError in place of its job, so one bad path does not stop the rest.
 */
export function* inputJobs(paths: string[], given: ArticleMeta = {}): Generator<NewJob | InputError> {
  const stated = definedOnly(given);
  for (const input of listInputs(paths)) {
    if (isUrl(input)) {
      yield { key: `url:${input}`, kind: 'url', input, meta: stated };
      continue;
    }
    try {
      const bytes = readBytes(input); // size-checked against the input limit before reading
      const meta = { ...(input === '-' ? {} : readSidecar(input)), ...stated };
      yield { key: `sha256:${createHash('sha256').update(bytes).digest('hex')}`, kind: 'file', input: input === '-' ? 'stdin' : input, bytes, meta };
    } catch (e) {
      if (e instanceof InputError) yield e;
      else throw e;
    }
  }
}

function definedOnly(m: ArticleMeta): ArticleMeta {
  return Object.fromEntries(Object.entries(m).filter(([, v]) => v !== undefined));
}
