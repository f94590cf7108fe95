// User actor dictionaries are read once before any input, so a missing or malformed file is one clear
// error for the whole command rather than the same failure repeated for every article.
import { existsSync, statSync } from 'node:fs';
import { InputError } from '../errors.ts';
import { loadActorDictionary } from '../actors/dictionary.ts';

export function checkActorFiles(files: string[]): void {
  for (const f of files) {
    if (!existsSync(f)) throw new InputError(f, 'actor dictionary not found');
    if (!statSync(f).isFile()) throw new InputError(f, 'actor dictionary is not a file');
  }
  if (files.length) loadActorDictionary(files);
}
