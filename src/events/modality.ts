// The modality a deed is told in — a plan ("will meet"), a threat ("threatened to strike"), a refusal ("refused
// to deploy", "will not accept") — and the code it gives the deed, from data/events/modality.json.
import { loadData } from '../data.ts';
import { inflect } from './verb-dictionary.ts';

export type ControlClass = 'intent' | 'threat' | 'refusal' | 'aspect';
export type Modality = 'intent' | 'threat' | 'refusal';

interface ModalityFile { auxiliaries: string[]; control: Record<ControlClass, string[]>; standalone: string[]; recode: Record<Modality, Record<string, string>> }

interface Lexicon { auxiliaries: Set<string>; control: Map<string, ControlClass>; standalone: Set<string>; recode: ModalityFile['recode'] }

/** "swear {swore sworn}": the base form, its regular inflections and the irregular forms listed. */
function forms(entry: string): string[] {
  const base = entry.replace(/\{.*\}/, '').trim();
  const irregular = /\{([^}]*)\}/.exec(entry)?.[1].trim().split(/\s+/) ?? [];
  return [...inflect(base), ...irregular];
}
let lexicon: Lexicon | undefined;

function load(): Lexicon {
  if (lexicon) return lexicon;
  const f = loadData<ModalityFile>('events/modality.json');
  const control = new Map<string, ControlClass>();
  for (const [cls, entries] of Object.entries(f.control) as [ControlClass, string[]][]) {
    for (const entry of entries) for (const w of forms(entry)) if (!control.has(w)) control.set(w, cls);
  }
  return (lexicon = { auxiliaries: new Set(f.auxiliaries), control, standalone: new Set(f.standalone.flatMap(forms)), recode: f.recode });
}

/** The class of a verb that takes a 'to'-complement ("agreed" → intent), if it is one. */
export function controlClass(word: string): ControlClass | undefined {
  return load().control.get(word.toLowerCase());
}

/** A control verb that is a deed of its own when its complement is not coded ("agreed to X", "refused to X"). */
export function standsAlone(word: string): boolean {
  return load().standalone.has(word.toLowerCase());
}

/** The control verb a trigger is the complement of: "refused to deploy", "threatened today to hold" (one word
 * may stand between the verb and "to"); `before` are the lower-cased words before the trigger, nearest last. */
export function controlBefore(before: string[]): ControlClass | undefined {
  const to = before.lastIndexOf('to');
  // "promised to continue military aid": an aspect verb after "to" passes the modality on to its own complement
  const far = before.length - to > 2 && controlClass(before[to + 1] ?? '') === 'aspect';
  if (to < 0 || (before.length - to > 2 && !far)) return undefined;
  return controlClass(before[to - 1] ?? '') ?? controlClass(before[to - 2] ?? '');
}

export function isAuxiliary(word: string): boolean {
  return load().auxiliaries.has(word.toLowerCase());
}

/** The code a deed takes in a modality: the longest listed prefix of its code, else the code itself. */
export function recode(code: string, modality: Modality): string {
  const table = load().recode[modality];
  for (let n = Math.min(4, code.length); n >= 1; n--) {
    const to = table[code.slice(0, n)];
    if (to) return to;
  }
  return code;
}
