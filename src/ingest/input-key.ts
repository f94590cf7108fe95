import { statSync } from 'node:fs';

/**
 * What a resumed ingest compares to decide an input is already done: the path (or URL) with, for a
 * local file, its size and modification time, so a file edited since the interrupted run is read again.
 */
export interface InputKey { input: string; size: number | null; mtimeMs: number | null }

export function inputKey(input: string): InputKey {
  if (input === '-' || /^https?:\/\//i.test(input)) return { input, size: null, mtimeMs: null };
  try {
    const st = statSync(input);
    return { input, size: st.size, mtimeMs: Math.trunc(st.mtimeMs) };
  } catch {
    return { input, size: null, mtimeMs: null };
  }
}
