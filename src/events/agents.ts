// Agent dictionaries in the PETRARCH/TABARI format: common nouns that say which part of an actor acted
// ("Gondor's government" → GON + GOV, "soldiers from Gondor" → GON + MIL). Lines are `PHRASE {PLURALS} [~CODE]`
// (`{}` = regular plural; words joined by `_`), and `!SET! = A, B` substitution sets used as `!SET!` in a phrase.
import { readFileSync } from 'node:fs';
import { InputError } from '../errors.ts';

/** phrase (lower-case words joined by one space) → sector code ("GOV", "GOVMED") */
export type AgentLexicon = Map<string, string>;

const plural = (w: string) => (/(s|x|z|ch|sh)$/.test(w) ? w + 'es' : /[^aeiou]y$/.test(w) ? w.slice(0, -1) + 'ies' : w + 's');

export function parseAgents(text: string, into: AgentLexicon = new Map()): AgentLexicon {
  const sets = new Map<string, string[]>();
  let inComment = false;
  for (let line of text.split(/\r?\n/)) {
    if (inComment) { if (line.includes('-->')) inComment = false; continue; }
    if (line.trim().startsWith('<!--')) { if (!line.includes('-->')) inComment = true; continue; }
    const hash = line.indexOf('#');
    line = (hash >= 0 ? line.slice(0, hash) : line).trim();
    if (!line) continue;
    const set = /^(![A-Z0-9]+!)\s*=\s*(.+)$/.exec(line);
    if (set) { sets.set(set[1], set[2].split(',').map((s) => s.trim().toLowerCase()).filter(Boolean)); continue; }
    const m = /^(.*?)\s*(?:\{([^}]*)\})?\s*\[~?([^\]]+)\]/.exec(line);
    if (!m) continue;
    const code = m[3].trim().replace(/^~/, '');
    let phrases = [m[1].toLowerCase()];
    for (const [name, members] of sets) {
      const key = name.toLowerCase();
      phrases = phrases.flatMap((p) => (p.includes(key) ? members.map((x) => p.replace(key, x)) : [p]));
    }
    for (const p of phrases) {
      const words = p.split(/[_\s]+/).filter(Boolean);
      if (!words.length) continue;
      into.set(words.join(' '), code);
      const plurals = m[2]?.trim() ? m[2].trim().split(/\s+/).map((x) => x.toLowerCase().split('_').join(' ')) : [[...words.slice(0, -1), plural(words.at(-1)!)].join(' ')];
      for (const pl of plurals) if (!into.has(pl)) into.set(pl, code);
    }
  }
  return into;
}

export function loadAgents(files: string[]): AgentLexicon {
  const lex: AgentLexicon = new Map();
  for (const file of files) {
    let text: string;
    try { text = readFileSync(file, 'utf8'); } catch (err) { throw new InputError(file, `cannot read agent dictionary: ${(err as Error).message}`); }
    parseAgents(text, lex);
  }
  return lex;
}
