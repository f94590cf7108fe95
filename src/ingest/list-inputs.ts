import { readdirSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';

// Extensions taken when walking a folder; a file named on the command line is taken whatever its name.
// Anything else in a folder (images, sidecar .json) is skipped; the content decides what a taken file is.
const TEXT_EXTENSIONS = new Set(['.txt', '.text', '.md', '', '.html', '.htm', '.xhtml', '.gz', '.warc', '.rss', '.atom', '.xml']);

/**
 * Expand folders into the article files inside them (recursively, sorted, dotfiles skipped).
 * Anything else given is passed through untouched, including paths that do not exist and '-':
 * readInput reports those per input, so one bad path does not stop a batch.
 */
export function listInputs(paths: string[]): string[] {
  const out: string[] = [];
  for (const p of paths) {
    if (p !== '-' && !/^https?:\/\//i.test(p) && isDirectory(p)) walk(p, out);
    else out.push(p);
  }
  return out;
}

function walk(dir: string, out: string[]): void {
  const entries = readdirSync(dir, { withFileTypes: true })
    .filter((e) => !e.name.startsWith('.'))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const full = join(dir, e.name);
    if (e.isDirectory() || (e.isSymbolicLink() && isDirectory(full))) walk(full, out);
    else if (TEXT_EXTENSIONS.has(extname(e.name).toLowerCase())) out.push(full);
  }
}

function isDirectory(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}
