// Where a name the sequence model found really ends. Its spans sometimes run on over the verb and into the
// next name ("Romendacil will meet Eriadori", "arrived in Gondor"): a name goes on over capitalised words and
// the small particles names contain ("Prince of Dol Amroth", "bin Laden"), and stops before a lower-case word
// of any other kind; one that opens with such a word starts after it.
import { loadData } from '../data.ts';
import type { Token } from '../document.ts';

let particles: Set<string> | undefined;
let openers: Set<string> | undefined;
function load(): void {
  const f = loadData<{ particles: string[]; openers: string[] }>('nlp/name-particles.json');
  particles = new Set(f.particles);
  openers = new Set(f.openers);
}

const LOWER = /^\p{Ll}[\p{Ll}\p{M}-]*$/u;

/** A model span opening with a lower-case word that is no particle ("arrived in Gondor") starts later. */
export function opensWithVerb(tokens: Token[], from: number): boolean {
  if (!openers) load();
  return LOWER.test(tokens[from].text) && !openers!.has(tokens[from].text);
}

/** The last token of the name that starts at `from` in a model span ending at `to`. */
export function nameEnd(tokens: Token[], from: number, to: number): number {
  if (!particles) load();
  for (let i = from + 1; i <= to; i++) {
    const w = tokens[i].text;
    // a lower-case word that is no particle, or a particle with no capitalised word after it, ends the name
    if (LOWER.test(w) && (!particles!.has(w) || i === to || !/^\p{Lu}/u.test(tokens[i + 1].text))) return i - 1;
  }
  return to;
}
