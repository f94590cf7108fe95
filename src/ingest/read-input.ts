import { readFileSync, readSync, statSync } from 'node:fs';
import { InputError } from '../errors.ts';
import { decodeText } from './decode-text.ts';
import { MAX_INPUT_BYTES, MAX_INPUT_MB } from './limits.ts';

export interface RawInput {
  raw: string;
  /** The path as given, or '-' for stdin (what the pipeline records in source.uri). */
  uri: string;
}

/** Read one article from a file path, or from stdin when the path is '-'. */
export function readInput(pathOrDash: string): RawInput {
  if (pathOrDash === '-') return { raw: decodeText(readStdin(), 'stdin'), uri: '-' };
  return { raw: decodeText(readFileChecked(pathOrDash), pathOrDash), uri: pathOrDash };
}

function readFileChecked(path: string): Buffer {
  let size: number;
  try {
    const st = statSync(path);
    if (st.isDirectory()) throw new InputError(path, 'is a directory (expected a file)');
    if (!st.isFile()) throw new InputError(path, 'not a regular file');
    size = st.size;
  } catch (e) {
    throw asInputError(e, path);
  }
  // Checked before reading so a huge file costs nothing.
  if (size > MAX_INPUT_BYTES) throw tooLarge(path, `${mbUp(size)} MB`);
  try {
    return readFileSync(path);
  } catch (e) {
    throw asInputError(e, path);
  }
}

function readStdin(): Buffer {
  const chunks: Buffer[] = [];
  let total = 0;
  const chunk = Buffer.allocUnsafe(1 << 16);
  for (;;) {
    let n: number;
    try {
      n = readSync(0, chunk, 0, chunk.length, null);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EAGAIN') { waitMs(5); continue; } // non-blocking stdin: nothing yet, try again
      if (code === 'EOF') break;
      throw new InputError('stdin', `cannot read (${code ?? (e as Error).message})`);
    }
    if (n === 0) break;
    total += n;
    // Stop at the cap instead of buffering an unbounded stream.
    if (total > MAX_INPUT_BYTES) throw tooLarge('stdin', `more than ${MAX_INPUT_MB} MB`);
    chunks.push(Buffer.from(chunk.subarray(0, n)));
  }
  return Buffer.concat(chunks, total);
}

function tooLarge(input: string, size: string): InputError {
  return new InputError(input, `too large: ${size} (limit ${MAX_INPUT_MB} MB)`);
}

/** Rounded up, so a file one byte over the limit does not read as "20.0 MB (limit 20 MB)". */
function mbUp(bytes: number): string {
  return (Math.ceil((bytes / 1024 / 1024) * 10) / 10).toFixed(1);
}

function waitMs(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

export function asInputError(e: unknown, input: string): Error {
  if (e instanceof InputError) return e;
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return new InputError(input, 'no such file or directory');
  if (code === 'EACCES' || code === 'EPERM') return new InputError(input, 'permission denied');
  if (code === 'EISDIR') return new InputError(input, 'is a directory (expected a file)');
  if (code === 'ENOTDIR') return new InputError(input, 'no such file (a parent is not a directory)');
  return e instanceof Error ? e : new Error(String(e));
}
