// Analyse the input of one job with the same code `ingest` uses (analyzeInputs), so a worker's articles
// are exactly what `ingest` would store. A file job carries its bytes, not a path this machine can see:
// they are written to a private temporary file for the reader, and the temporary path is put back to the
// input's own name in the articles (source.uri) and in the messages.
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { InputError } from '../errors.ts';
import { analyzeInputs, type ReadOptions } from '../ingest/index.ts';
import type { Article } from '../schema/article.ts';
import type { Job } from './queue.ts';

export interface JobOutcome {
  articles: Article[];
  /** problems with the input or with some of its items (a feed item that could not be fetched) */
  errors: string[];
}

export async function runJob(job: Job, opts: ReadOptions = {}): Promise<JobOutcome> {
  if (job.kind === 'url') return collect(job.input, job, opts, (s) => s);
  if (!job.bytes) throw new Error(`job ${job.id} (${job.input}): a file job without its bytes`);
  const dir = mkdtempSync(join(tmpdir(), `${PREFIX}${process.pid}-`));
  // keep the name (its extension is a hint for people reading messages; the content decides the kind)
  const file = join(dir, basename(job.input).replace(/[^\w.-]+/g, '_') || 'input');
  try {
    writeFileSync(file, job.bytes);
    return await collect(file, job, opts, (s) => s.split(file).join(job.input));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const PREFIX = 'wirewatch-job-';

/**
 * Remove the temporary copies left by workers on this machine that were killed mid-job (kill -9 runs no
 * clean-up). A folder is named by its worker's process id and is removed only once that process is gone.
 */
export function sweepStaleCopies(): void {
  let names: string[];
  try {
    names = readdirSync(tmpdir());
  } catch {
    return;
  }
  for (const name of names) {
    const pid = Number(/^wirewatch-job-(\d+)-/.exec(name)?.[1]);
    if (!pid || pid === process.pid || alive(pid)) continue;
    rmSync(join(tmpdir(), name), { recursive: true, force: true });
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM'; // alive, someone else's
  }
}

async function collect(path: string, job: Job, opts: ReadOptions, named: (s: string) => string): Promise<JobOutcome> {
  const out: JobOutcome = { articles: [], errors: [] };
  for await (const r of analyzeInputs(path, job.meta, opts)) {
    if (r instanceof InputError) { out.errors.push(named(r.message)); continue; }
    if (r.source.uri !== undefined) r.source.uri = named(r.source.uri);
    out.articles.push(r);
  }
  return out;
}
