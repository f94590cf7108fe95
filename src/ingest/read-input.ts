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

/** The bytes of one input, size-checked, before anyone decides what they are. */
export function readBytes(pathOrDash: string): Buffer {
  return pathOrDash === '-' ? readStdin() : readFileChecked(pathOrDash);
}

function readFileChecked(path: string): Buffer {
  const st = fsCall(path, () => statSync(path));
  if (st.isDirectory()) throw new InputError(path, 'is a directory (expected a file)');
  if (!st.isFile()) throw new InputError(path, 'not a regular file');
  // Checked before reading so a huge file costs nothing.
  if (st.size > MAX_INPUT_BYTES) throw tooLarge(path, `${mbUp(st.size)} MB`);
  return fsCall(path, () => readFileSync(path));
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

/** Run a file-system call, turning the errors a user can cause into one-line InputErrors. */
function fsCall<T>(input: string, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    const problem = ({
      ENOENT: 'no such file or directory',
      ENOTDIR: 'no such file (a parent is not a directory)',
      EISDIR: 'is a directory (expected a file)',
      EACCES: 'permission denied',
      EPERM: 'permission denied',
    } as Record<string, string>)[(e as NodeJS.ErrnoException).code ?? ''];
    throw problem ? new InputError(input, problem) : e;
  }
}
