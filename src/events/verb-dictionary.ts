// Reads verb dictionaries in the PETRARCH/TABARI format (data/events/cameo-verbs.txt is PETRARCH-2's
// CAMEO.2.0.txt; users pass their own with the same format) into a lexicon: word form → verb blocks, each
// with its default CAMEO code and the phrase patterns that refine it.
//
// Format, as this reader takes it: `#` and `<!-- -->` are comments. `&NAME` opens a synonym set whose `+WORD`
// lines follow (members may name other sets). `--- VERB [code] ---` opens a verb block: the lines after it are
// the verb's forms (`BREAK {BREAKS BROKE BROKEN}` lists irregular forms, `[code]` gives a form its own code,
// `WORD_+VERB` / `VERB_PARTICLE` are multi-word verbs, `+` marking the verb), then `- pattern [code]` lines.
// In a pattern `*` is the verb, words before it must precede it and words after follow it in the same clause,
// `_` joins words that must be adjacent, `+` marks where the target stands and `$` the source (either may stand
// before or after the verb), `^` before one of them passes over one actor, `%` before the verb makes a compound
// subject act each on each; `( ) { }` (the parse brackets PETRARCH-2 uses) are ignored. A code `A:B` codes A from source to target and B back.
// Codes that are not CAMEO numbers (`---`, `+++`) mean "no event". Regular inflections are generated.
import { readFileSync } from 'node:fs';
import { InputError } from '../errors.ts';

/** One pattern word: alternatives, each a run of adjacent words; a word ending in `_` must match exactly. */
export interface PatternElement { alts: string[][]; joined: boolean }

export interface VerbPattern {
  before: PatternElement[];
  after: PatternElement[];
  code: string;
  /** index into `after` of the element the target follows (−1: right after the verb) */
  targetAfter?: number;
  /** `+` before the verb: the target is the actor before it ("+ * MONEY $": "Eriador received money from Osgiliath") */
  targetBefore?: boolean;
  /** `$` after the verb: index into `after` of the element the source follows (−1: right after the verb) */
  sourceAfter?: number;
  /** `^` right before `+` / `$`: that many actors are passed over first ("* AT ^ +": "warned at the Gondor of the Prince") */
  targetSkip?: number;
  sourceSkip?: number;
  /** `%` before the verb: the compound subject acts on itself, each to each ("% * [030:030]": "A and B agree") */
  compound?: boolean;
  words: number;
}

export interface VerbBlock { verb: string; code: string; patterns: VerbPattern[]; file: string }

export interface VerbForm {
  block: VerbBlock;
  /** code of this form when it has its own */
  code?: string;
  /** words that must stand right before / after the verb word ("wire tap", "cordon off") */
  pre: string[];
  post: string[];
}

export interface VerbLexicon { forms: Map<string, VerbForm[]> }

// CAMEO codes, and the lettered variants some dictionaries add ("174K"): their type is the numeric code's
const CODE = /^\d{2,4}[A-Z]?$/;

/** Regular forms of an English verb (TABARI generated the same): -s, -ed, -ing. */
export function inflect(verb: string): string[] {
  const v = verb.toLowerCase();
  const out = new Set([v]);
  if (/(s|x|z|ch|sh)$/.test(v)) out.add(v + 'es');
  else if (/[^aeiou]y$/.test(v)) out.add(v.slice(0, -1) + 'ies');
  else out.add(v + 's');
  if (v.endsWith('e')) { out.add(v + 'd'); out.add(v.slice(0, -1) + 'ing'); }
  else if (/[^aeiou]y$/.test(v)) { out.add(v.slice(0, -1) + 'ied'); out.add(v + 'ing'); }
  else {
    out.add(v + 'ed'); out.add(v + 'ing');
    // stop → stopped: one short vowel before a final consonant
    if (/^[^aeiou]*[aeiou][bdgklmnprt]$/.test(v)) { out.add(v + v.at(-1) + 'ed'); out.add(v + v.at(-1) + 'ing'); }
  }
  return [...out];
}

/** `#` starts a comment, except inside a code's brackets (`[###]` is a code). */
function stripComment(line: string): string {
  let depth = 0;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '[') depth++;
    else if (c === ']') depth = Math.max(0, depth - 1);
    else if (c === '#' && depth === 0) return line.slice(0, i).trim();
  }
  return line.trim();
}

/** Parses one dictionary file's text; `file` names it in errors. Several files merge into one lexicon. */
export function parseVerbDictionary(text: string, file: string, into: VerbLexicon = { forms: new Map() }): VerbLexicon {
  const synsets = new Map<string, string[]>();
  const pendingPatterns: { block: VerbBlock; pattern: string; code: string }[] = [];
  let synset: string[] | undefined;
  let block: VerbBlock | undefined;
  let inComment = false;
  const lines = text.split(/\r?\n/);
  for (let n = 0; n < lines.length; n++) {
    let line = lines[n];
    if (inComment) { if (line.includes('-->')) inComment = false; continue; }
    if (line.trim().startsWith('<!--')) { if (!line.includes('-->')) inComment = true; continue; }
    line = stripComment(line);
    if (!line) continue;
    const header = /^---\s*(.+?)\s*\[([^\]]*)\][-\s]*$/.exec(line);
    if (header) {
      block = { verb: header[1].toLowerCase(), code: header[2].trim(), patterns: [], file };
      synset = undefined;
      continue;
    }
    if (line.startsWith('&')) { synset = []; synsets.set(line.split(/\s+/)[0].replace(/_$/, ''), synset); block = undefined; continue; }
    if (line.startsWith('+') && synset) { synset.push(line.slice(1).trim()); continue; }
    if (!block) continue;
    if (line.startsWith('-')) {
      const m = /^-\s*(.*?)\s*\[([^\]]*)\]\s*$/.exec(line);
      if (!m) throw new InputError(file, `line ${n + 1}: pattern without [code]: ${line}`);
      pendingPatterns.push({ block, pattern: m[1], code: m[2].trim() });
      continue;
    }
    addForms(into, block, line);
  }
  // patterns may use synonym sets defined further down the file, so they are compiled last
  for (const p of pendingPatterns) {
    const compiled = compilePattern(p.pattern, p.code, synsets);
    if (compiled) p.block.patterns.push(compiled);
  }
  return into;
}

function addForms(lex: VerbLexicon, block: VerbBlock, line: string): void {
  const code = /\[([^\]]*)\]/.exec(line)?.[1].trim();
  const irregular = /\{([^}]*)\}/.exec(line)?.[1].trim().split(/\s+/).filter(Boolean) ?? [];
  const base = line.replace(/\[[^\]]*\]|\{[^}]*\}/g, '').trim().split(/\s+/)[0];
  if (!base) return;
  const words = base.replace(/^\+/, '').split('_').filter(Boolean);
  let at = base.split('_').filter(Boolean).findIndex((w) => w.startsWith('+') && w.length > 1);
  if (at < 0) at = 0;
  const clean = words.map((w) => w.replace(/^\+/, '').toLowerCase());
  const verbWord = clean[at];
  if (!verbWord) return;
  const forms = new Set([...inflect(verbWord), ...irregular.map((w) => w.toLowerCase())]);
  for (const f of forms) {
    const list = lex.forms.get(f) ?? [];
    // an earlier file's single-word form wins over a later file's: user and correction files come first
    if (list.some((x) => x.block.file !== block.file && !x.pre.length && !x.post.length) && at === 0 && clean.length === 1) continue;
    list.push({ block, ...(code ? { code } : {}), pre: clean.slice(0, at), post: clean.slice(at + 1) });
    lex.forms.set(f, list);
  }
}

function expand(word: string, synsets: Map<string, string[]>, depth = 0): string[][] {
  if (word.startsWith('&')) {
    const members = synsets.get(word.replace(/_$/, ''));
    if (!members || depth > 4) return [[word.toLowerCase()]];
    return members.flatMap((m) => m.split(/[\s_]+/).filter(Boolean).reduce<string[][]>(
      (acc, w) => acc.flatMap((a) => expand(w, synsets, depth + 1).map((e) => [...a, ...e])), [[]]));
  }
  return [[word.toLowerCase()]];
}

/** Treebank splits "didn't" into DID N'T; running text keeps one token, so each such alternative gets its joined form. */
function contracted(alt: string[]): string[] | undefined {
  const at = alt.indexOf("n't");
  if (at <= 0) return undefined;
  const head = alt[at - 1];
  const joined = (head === 'ca' ? 'can' : head === 'wo' ? 'won' : head) + "'t";
  return [...alt.slice(0, at - 1), head === 'ca' || head === 'wo' ? joined : head + "n't", ...alt.slice(at + 1)];
}

function compilePattern(text: string, code: string, synsets: Map<string, string[]>): VerbPattern | undefined {
  const compound = /%[^*]*\*/.test(text);
  const cleaned = text.replace(/[(){}]/g, ' ').replace(/%/g, ' ');
  const before: PatternElement[] = [], after: PatternElement[] = [];
  let seenVerb = false, targetAfter: number | undefined, words = 0;
  let targetBefore = false, sourceAfter: number | undefined, skip = 0, targetSkip = 0, sourceSkip = 0;
  // tokens: split on spaces; within a token `_` joins words, and `*` `+` `$` may be glued to words
  for (const chunk of cleaned.split(/\s+/).filter(Boolean)) {
    const parts = chunk.split('_');
    let joined = false;
    for (let i = 0; i < parts.length; i++) {
      const p = parts[i];
      const exact = i < parts.length - 1 && parts[i + 1] === '' ; // WORD_ at the end: whole word
      if (p === '') { joined = false; continue; }
      if (p === '*') { seenVerb = true; joined = i > 0; continue; }
      if (p === '^') { skip++; joined = false; continue; }
      if (p === '+') { if (seenVerb) { targetAfter = after.length - 1; targetSkip = skip; } else targetBefore = true; skip = 0; joined = false; continue; }
      if (p === '$') { if (seenVerb) { sourceAfter = after.length - 1; sourceSkip = skip; } skip = 0; joined = false; continue; }
      skip = 0;
      const alts = expand(p, synsets).map((a) => a.map((w, k) => (exact && k === a.length - 1 ? w + '_' : w)));
      const el: PatternElement = { alts: [...alts, ...alts.map(contracted).filter((a): a is string[] => !!a)], joined: joined && i > 0 };
      (seenVerb ? after : before).push(el);
      words++;
      joined = true;
    }
  }
  if (!seenVerb) return undefined;
  return {
    before, after, code, ...(targetAfter !== undefined ? { targetAfter } : {}), words,
    ...(targetBefore ? { targetBefore } : {}), ...(sourceAfter !== undefined ? { sourceAfter } : {}),
    ...(targetSkip ? { targetSkip } : {}), ...(sourceSkip ? { sourceSkip } : {}), ...(compound ? { compound } : {}),
  };
}

export function loadVerbDictionaries(files: string[]): VerbLexicon {
  const lex: VerbLexicon = { forms: new Map() };
  for (const file of files) {
    let text: string;
    try { text = readFileSync(file, 'utf8'); } catch (err) { throw new InputError(file, `cannot read verb dictionary: ${(err as Error).message}`); }
    parseVerbDictionary(text, file, lex);
  }
  return lex;
}

/** A pattern's code splits into the deed from source to target and, after `:`, the one back. */
export function splitCode(code: string): { forward?: string; back?: string } {
  const [a, b] = code.split(':').map((c) => c.trim());
  return { ...(CODE.test(a) ? { forward: a } : {}), ...(b && CODE.test(b) ? { back: b } : {}) };
}
