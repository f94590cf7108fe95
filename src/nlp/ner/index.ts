// The committed English NER model, loaded once per process. See models/README.md for how it is trained.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { deserialise, type NerModel } from './model.ts';

export const MODEL_FILE = fileURLToPath(new URL('../../../models/ner-en.bin.gz', import.meta.url));

let cached: NerModel | undefined;

/** The tagger the pipeline uses (cached after the first call). */
export function loadNer(): NerModel {
  return (cached ??= deserialise(readFileSync(MODEL_FILE)));
}

export { NerModel, type EntitySpan } from './model.ts';
export type { EntityType } from './features.ts';
