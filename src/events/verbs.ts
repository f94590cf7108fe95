// Verb-dictionary coding, PETRARCH-style but over the token and mention layers instead of a Treebank parse:
// a verb form from the lexicon is the trigger, the most specific pattern around it gives the CAMEO code
// (else the verb's own code), the actors before it in the clause are the source and the first actors after it
// (or after the pattern's `+`) the target. "A, B and C" are coded one event per actor, as PETRARCH does.
import type { Document, EntityRecord, MentionRecord } from '../document.ts';
import type { AgentLexicon } from './agents.ts';
import type { PatternElement, VerbBlock, VerbForm, VerbLexicon, VerbPattern } from './verb-dictionary.ts';
import { splitCode } from './verb-dictionary.ts';
import { controlClass, standsAlone } from './modality.ts';
import { loadData } from '../data.ts';

/** One actor in a clause: a mention, widened over the agent words that say which part of it acted. */
export interface ActorItem { token: number; tokenEnd: number; entity: string; sector?: string; mention: MentionRecord }

export interface VerbMatch { trigger: number; start: number; end: number; code: string; source: ActorItem; target?: ActorItem; verb: string; back?: boolean }

const JOINERS = new Set([',', 'and', 'or', 'nor', '&', 'both', 'neither', 'either']);
// a determiner or possessive before the word makes it a noun ("the attack", "its meeting")
const NOUN_MARKERS = new Set(['the', 'a', 'an', 'this', 'that', 'these', 'those', 'its', 'his', 'her', 'their', 'our', 'my', 'your', "'s", '’s', 'of', 'no']);
// a subordinate clause starts: its actors belong to another deed ("... after a patrol was reported near Mordor")
const CLAUSE_BREAKS = new Set(['after', 'before', 'when', 'while', 'because', 'although', 'though', 'since', 'whereas', 'until', 'unless', 'if', 'which', 'who', 'where']);
// a comma before these opens an attribution or an aside ("..., a senior official said"), not a list of targets
const AFTER_COMMA = new Set(['a', 'an', 'the', 'said', 'according', 'officials', 'it', 'he', 'she', 'they', 'which', 'who']);
// deeds the text often tells without a target: intents, demands, refusals, threats, protests, shows of force
const TARGETLESS = new Set(['03', '07', '08', '09', '10', '11', '12', '13', '14', '15', '16', '17', '18', '19', '20']);
const DETERMINERS = new Set(['the', 'a', 'an', 'this', 'that', 'these', 'those']);
const BE = new Set(['was', 'were', 'been', 'being', 'is', 'are', 'be', 'got', 'get', 'gets']);
const GAP = 5;

type SyntaxFile = { auxiliaries: string[]; determiners: string[]; reporting: string[]; nounFirst: string[]; verbContext: string[]; prepositions: string[]; speechNouns: string[] };
let syntax: { [K in keyof SyntaxFile]: Set<string> } | undefined;
function syntaxWords() {
  if (!syntax) {
    const f = loadData<SyntaxFile>('events/syntax.json');
    syntax = { auxiliaries: new Set(f.auxiliaries), determiners: new Set(f.determiners), reporting: new Set(f.reporting), nounFirst: new Set(f.nounFirst), verbContext: new Set(f.verbContext), prepositions: new Set(f.prepositions), speechNouns: new Set(f.speechNouns) };
  }
  return syntax;
}

/** A word spelled like a verb that the words around it show to be a noun: a plural subject before its verb
 * ("Serb forces killed", "shells continued", "forces were"), the object of a verb ("throwing stones"), or a
 * noun after a determiner and a modifier ("a press release", "a key U.S. ally"). */
function looksNominal(v: number, words: string[], items: ActorItem[], lex: VerbLexicon): boolean {
  const { auxiliaries, determiners, nounFirst, verbContext } = syntaxWords();
  const w = words[v], next = words[v + 1] ?? '', prev = words[v - 1] ?? '';
  // "federal income taxes", "the Paris accord": a mostly-nominal word is a verb only where a verb can stand
  if (nounFirst.has(w) && !verbContext.has(prev) && !/ly$/.test(prev) && !auxiliaries.has(prev) && !items.some((it) => it.tokenEnd === v - 1)) return true;
  const plural = /[^s]s$/.test(w);
  const pastVerb = (x: string) => /(ed|en)$/.test(x) && lex.forms.has(x);
  if (plural && (auxiliaries.has(next) || pastVerb(next))) return true;
  if (plural && /ing$/.test(prev) && lex.forms.has(prev)) return true;
  const after = items.find((it) => it.tokenEnd === v - 1);
  // "a key U.S. ally": the actor is a modifier when a determiner stands just before it
  if (after) return determiners.has(words[after.token - 2] ?? '') && /^\p{Ll}+$/u.test(words[after.token - 1] ?? '') && !/(ed|en)$/.test(w);
  // (an -ing form there is a participle: "a declaration demanding that ...", decided above)
  if (!after && determiners.has(words[v - 2] ?? '') && !/ly$/.test(prev) && !auxiliaries.has(prev) && !/(ed|en|ing)$/.test(w) && /^\p{L}+$/u.test(prev)) return true;
  return false;
}

/** After the comma that closes a phrase a clause opens with ("On ..., he said"), else `from`. */
function openingPhraseEnd(words: string[], from: number, to: number): number {
  if (!syntaxWords().prepositions.has(words[from])) return from;
  for (let i = from + 1; i < to; i++) if (words[i] === ',') return i + 1;
  return from;
}

/** First token index of each mention, built once per document so lookups stay linear in article length. */
export function mentionIndex(doc: Document): Map<number, MentionRecord[]> {
  const byToken = new Map<number, MentionRecord[]>();
  for (const m of doc.mentions) {
    const list = byToken.get(m.token);
    if (list) list.push(m); else byToken.set(m.token, [m]);
  }
  return byToken;
}

function wordMatch(pattern: string, token: string): boolean {
  if (token === undefined) return false;
  // "WORD_": this word exactly (compared without cutting the underscore off: this runs per token per pattern)
  if (pattern.endsWith('_')) return token.length === pattern.length - 1 && pattern.startsWith(token);
  if (token === pattern) return true;
  // TABARI matched pattern words as stems: "diplomat" covers "diplomatic"
  return pattern.length >= 4 && token.startsWith(pattern) && token.length - pattern.length <= 4;
}

/** Every word of a pattern phrase matches the words from token i on. */
function phraseAt(alt: string[], words: string[], i: number): boolean {
  for (let k = 0; k < alt.length; k++) if (!wordMatch(alt[k], words[i + k])) return false;
  return true;
}

/** Matches one element's alternatives starting at token i (forward), returns the index after it. */
function altAt(el: PatternElement, words: string[], i: number, limit: number): number | undefined {
  for (const alt of el.alts) {
    if (i + alt.length > limit) continue;
    if (phraseAt(alt, words, i)) return i + alt.length;
  }
  return undefined;
}

/** Forward match of `after` elements from `from` (within [from, limit)); returns end positions per element. */
function matchAfter(els: PatternElement[], words: string[], from: number, limit: number): number[] | undefined {
  const ends: number[] = [];
  let at = from;
  for (const el of els) {
    let found: number | undefined;
    const last = el.joined ? at : Math.min(limit - 1, at + GAP);
    for (let i = at; i <= last && found === undefined; i++) {
      const e = altAt(el, words, i, limit);
      if (e !== undefined) found = e;
    }
    if (found === undefined) return undefined;
    ends.push(found);
    at = found;
  }
  return ends;
}

/** Backward match of `before` elements, the last one nearest the verb; returns the first token matched. */
function matchBefore(els: PatternElement[], words: string[], to: number, floor: number): number | undefined {
  let at = to; // exclusive end
  for (let k = els.length - 1; k >= 0; k--) {
    const el = els[k];
    let found: number | undefined;
    const lowest = el.joined || k === els.length - 1 && els[k].joined ? at - 1 : Math.max(floor, at - 1 - GAP);
    for (let i = at - 1; i >= lowest && found === undefined; i--) {
      for (const alt of el.alts) {
        const s = i - alt.length + 1;
        if (s < floor) continue;
        if (phraseAt(alt, words, s)) { found = s; break; }
      }
    }
    if (found === undefined) return undefined;
    at = found;
  }
  return at;
}

/** Actor items of one sentence, in order, with agent words ("government", "soldiers from") folded in. */
function actorItems(doc: Document, entity: (id: string) => EntityRecord | undefined, byToken: Map<number, MentionRecord[]>, from: number, to: number, words: string[], agents: AgentLexicon, codedOnly: boolean): ActorItem[] {
  const items: ActorItem[] = [];
  const usable = (m: MentionRecord) => {
    const e = entity(m.entity);
    return !!e && e.type !== 'MISC' && (!codedOnly || !!(e.country || e.sector || e.actor));
  };
  for (let i = from; i < to; i++) {
    const at = byToken.get(i);
    if (!at) continue;
    const ms = at.filter(usable).sort((a, b) => b.end - a.end);
    if (!ms.length) continue;
    const m = ms[0];
    // a person's title may be an agent the entity has no sector for ("President" → GOV)
    const e = entity(m.entity);
    const sector = e && !e.sector && e.role ? agents.get(e.role.toLowerCase()) : undefined;
    items.push({ token: m.token, tokenEnd: m.tokenEnd, entity: m.entity, mention: m, ...(sector ? { sector } : {}) });
    i = m.tokenEnd;
  }
  // "the European Union (EU)": the abbreviation in brackets is the name again, not another actor
  for (let k = items.length - 1; k > 0; k--) {
    const a = items[k - 1], b = items[k];
    if (words[b.token - 1] === '(' && a.tokenEnd === b.token - 2 && words[b.tokenEnd + 1] === ')') items.splice(k, 1);
  }
  // "Bree Prime Minister Romendacil": the country before a title is the person's, not an actor of its own
  for (let k = items.length - 2; k >= 0; k--) {
    const a = items[k], b = items[k + 1];
    const ea = entity(a.entity), eb = entity(b.entity);
    if (ea?.type !== 'COUNTRY' || (eb?.type !== 'PERSON' && eb?.type !== 'ORG' && a.entity !== b.entity) || b.token - a.tokenEnd > 4) continue;
    if (!eb || (eb.country && eb.country !== ea.country)) continue;
    let titled = true;
    for (let i = a.tokenEnd + 1; i < b.token; i++) if (!/^\p{Lu}/u.test(doc.tokens[i].text)) titled = false;
    if (!titled) continue;
    b.token = a.token;
    // the title may be an agent ("Prime Minister" → GOV)
    b.sector ??= agents.get(words.slice(a.tokenEnd + 1, b.token === a.token ? items[k + 1].mention.token : b.token).join(' '));
    items.splice(k, 1);
  }
  if (!agents.size) return items;
  const agentAt = (i: number): [number, string] | undefined => {
    for (let n = 4; n >= 1; n--) {
      if (i + n > to) continue;
      const code = agents.get(words.slice(i, i + n).join(' '));
      if (code) return [i + n - 1, code];
    }
    return undefined;
  };
  for (let k = 0; k < items.length; k++) {
    const it = items[k];
    // "Gondor government", "Gondor's government", "Osgiliath soldiers"
    let at = it.tokenEnd + 1;
    if (words[at] === "'s" || words[at] === '’s') at++;
    const after = agentAt(at);
    if (after && !(items[k + 1] && items[k + 1].token <= after[0])) { it.sector = after[1]; it.tokenEnd = after[0]; continue; }
    // "the government of Gondor", "soldiers from Gondor", "ambassadors of A, B and C"
    const prep = it.token - 1;
    if (k > 0 && items[k - 1].tokenEnd >= prep - 1 && items[k - 1].sector) continue;
    if (!/^(of|from|in)$/.test(words[prep] ?? '')) continue;
    for (let s = Math.max(from, prep - 4); s < prep; s++) {
      const a = agentAt(s);
      if (a && a[0] === prep - 1) {
        it.sector = a[1];
        for (let j = k + 1; j < items.length && joinedTo(words, items[j - 1], items[j]); j++) items[j].sector ??= a[1];
        break;
      }
    }
  }
  return items;
}

const joinedTo = (words: string[], a: ActorItem, b: ActorItem) => {
  // "A and the B": an article after the conjunction still joins ("A, the B" is an apposition)
  for (let i = a.tokenEnd + 1; i < b.token; i++) if (!JOINERS.has(words[i]) && !(words[i] === 'the' && /^(and|or|nor)$/.test(words[i - 1]))) return false;
  return true;
};

/** Items grouped into compounds: "A, B and C" (but "in Gondor, AFP reported": the reporter is no list item). */
function groups(words: string[], items: ActorItem[]): ActorItem[][] {
  const { reporting } = syntaxWords();
  const out: ActorItem[][] = [];
  // a list has one conjunction, before its last item: "between A and B, and B and C" is two lists
  const closed = new Set<ActorItem[]>();
  for (const it of items) {
    const g = out.at(-1);
    if (g && !closed.has(g) && joinedTo(words, g.at(-1)!, it) && !reporting.has(words[it.tokenEnd + 1] ?? '')) {
      g.push(it);
      for (let i = g.at(-2)!.tokenEnd + 1; i < it.token; i++) if (/^(and|or|nor)$/.test(words[i])) closed.add(g);
    } else out.push([it]);
  }
  return out;
}

/**
 * What a token must start with for wordMatch to take it: a pattern word matches its own text or (as a stem
 * of four letters or more) a longer word, so both share their first four characters.
 */
const stemKey = (w: string) => (w.endsWith('_') ? w.slice(0, -1) : w).slice(0, 4);
const openingKeys = new WeakMap<VerbPattern, string[]>();
/** The keys one of which the words after the verb must hold for the pattern to match (its first element's). */
function openingKeysOf(p: VerbPattern): string[] {
  let keys = openingKeys.get(p);
  if (!keys) openingKeys.set(p, (keys = [...new Set(p.after[0].alts.map((alt) => stemKey(alt[0])))]));
  return keys;
}

/** A block's patterns by the keys of their first word after the verb, and those with nothing after it (indexes). */
interface BlockIndex { byKey: Map<string, number[]>; bare: number[] }
const blockIndexes = new WeakMap<VerbBlock, BlockIndex>();

function blockIndex(block: VerbBlock): BlockIndex {
  let index = blockIndexes.get(block);
  if (index) return index;
  index = { byKey: new Map(), bare: [] };
  block.patterns.forEach((p, n) => {
    if (!p.after.length) { index!.bare.push(n); return; }
    for (const k of openingKeysOf(p)) {
      let list = index!.byKey.get(k);
      if (!list) index!.byKey.set(k, (list = []));
      list.push(n);
    }
  });
  blockIndexes.set(block, index);
  return index;
}

/**
 * The patterns of the verb's block that can match here, in the block's order: a block may hold hundreds, and
 * most are ruled out by the few words after the verb, so they are looked up by those words' keys.
 */
function candidatePatterns(block: VerbBlock, words: string[], end: number, limit: number): number[] {
  const index = blockIndex(block);
  const found = [...index.bare];
  const keys = new Set<string>();
  for (let i = end + 1; i <= Math.min(limit - 1, end + 1 + GAP); i++) {
    const k = stemKey(words[i]);
    if (keys.has(k)) continue;
    keys.add(k);
    const list = index.byKey.get(k);
    if (list) for (const n of list) found.push(n);
  }
  found.sort((a, b) => a - b);
  return found;
}

function bestPattern(form: VerbForm, words: string[], start: number, end: number, floor: number, limit: number, compoundSubject: boolean): { p?: VerbPattern; targetFrom: number; sourceFrom: number; end: number } {
  let best: VerbPattern | undefined, bestEnd = end, targetFrom = end + 1, sourceFrom = end + 1;
  const patterns = form.block.patterns;
  let last = -1;
  for (const n of candidatePatterns(form.block, words, end, limit)) {
    if (n === last) continue; // a pattern whose first element has several keys is listed under each
    last = n;
    const p = patterns[n];
    if (best && p.words <= best.words) continue;
    if (p.compound && !compoundSubject) continue;
    const ends = p.after.length ? matchAfter(p.after, words, end + 1, limit) : [];
    if (!ends) continue;
    if (p.before.length && matchBefore(p.before, words, start, floor) === undefined) continue;
    best = p;
    bestEnd = ends.length ? ends.at(-1)! - 1 : end;
    targetFrom = p.targetAfter === undefined ? end + 1 : p.targetAfter < 0 ? end + 1 : ends[p.targetAfter];
    sourceFrom = p.sourceAfter === undefined || p.sourceAfter < 0 ? end + 1 : ends[p.sourceAfter];
  }
  return { p: best, targetFrom, sourceFrom, end: bestEnd };
}

/** Codes every sentence of the document with the verb lexicon. */
export interface VerbOptions {
  /** which codes make events (the caller drops plain statements) */
  codes?: (code: string) => boolean;
  /** only actors with a code (a country, a sector or a dictionary entry) take part, as in PETRARCH */
  codedActorsOnly?: boolean;
  /** no event without a target (PETRARCH's require_dyad); otherwise "Iran threatened to ..." is coded source-only */
  requireTarget?: boolean;
  /** a control verb ("agreed to", "refused to", data/events/modality.json) whose complement is coded yields to it:
   * the complement is the deed, the control verb its modality */
  complements?: boolean;
}

export function matchVerbs(doc: Document, lex: VerbLexicon, agents: AgentLexicon, opts: VerbOptions = {}, byToken = mentionIndex(doc)): VerbMatch[] {
  // entities by id once, so actor lookups stay constant-time however many entities the article has
  const byId = new Map(doc.entities.map((e) => [e.id, e]));
  const entity = (id: string) => byId.get(id);
  const codes = opts.codes ?? (() => true);
  const { tokens } = doc;
  const words = tokens.map((t) => t.text.toLowerCase());
  const out: VerbMatch[] = [];
  let s0 = 0;
  while (s0 < tokens.length) {
    let s1 = s0;
    while (s1 < tokens.length && tokens[s1].sentence === tokens[s0].sentence) s1++;
    // headlines are telegraphic ("Trump's frustration over Ukraine conflict"): without a parse, nouns pass for verbs
    const heading = doc.paragraphs[doc.sentences[tokens[s0].sentence]?.paragraph]?.kind === 'heading';
    const items = heading ? [] : actorItems(doc, entity, byToken, s0, s1, words, agents, !!opts.codedActorsOnly);
    if (items.length >= (opts.requireTarget ? 2 : 1)) {
      const gs = groups(words, items);
      // groups already used by a coded verb: a later verb whose subject is one of them is that verb's complement
      // ("demanded that the government provide ...", "agreed to allow ...") and is not coded again
      const used = new Set<ActorItem[]>();
      const pending: { v: number; word: string; matches: VerbMatch[] }[] = [];
      const sentenceStart = out.length;
      for (let v = s0; v < s1; v++) {
        const forms = lex.forms.get(words[v]);
        if (!forms || NOUN_MARKERS.has(words[v - 1] ?? '') || items.some((it) => it.token <= v && v <= it.tokenEnd)) continue;
        // "any country purchasing Russian oil": an -ing form without an auxiliary describes, it does not tell a deed
        // ("a declaration demanding that ...": after a statement, the -ing verb is what the statement does)
        if (words[v].endsWith('ing') && !BE.has(words[v - 1] ?? '') && !BE.has(words[v - 2] ?? '') && words[v - 1] !== ',' && !syntaxWords().speechNouns.has(words[v - 1] ?? '')) continue;
        if (looksNominal(v, words, items, lex)) continue;
        // "the Ukraine conflict": a name after a determiner modifies the word, which is then a noun
        const before = items.find((it) => it.tokenEnd === v - 1);
        // ("the United States attacked": a past form after the name is the name's deed)
        // ("The Palestinians reject": a people's plural name is a subject, not a modifier; "the Paris accord" is not)
        // ("The Philippines and the Central African Republic agree": nor is the last name of a compound)
        if (before && DETERMINERS.has(words[before.token - 1] ?? '') && !/(ed|en)$/.test(words[v]) && !(/[^s]s$/.test(words[before.tokenEnd]) && entity(before.entity)?.type === 'COUNTRY')
          && !/^(and|or|nor)$/.test(words[before.token - 2] ?? '')) continue;
        // the quotation or the narrator's stretch the verb is in bounds the clause
        const quoted = tokens[v].quoted;
        let floor = v, limit = v;
        while (floor > s0 && tokens[floor - 1].quoted === quoted) floor--;
        while (limit < s1 && tokens[limit].quoted === quoted) limit++;
        for (const form of forms) {
          const start = v - form.pre.length, end = v + form.post.length;
          if (start < floor || end >= limit) continue;
          if (!form.pre.every((w, k) => words[start + k] === w) || !form.post.every((w, k) => wordMatch(w, words[v + 1 + k]))) continue;
          // the subject: the first actors of the verb's clause ("the sides of Cyprus agreed": the sides, not Cyprus)
          let clauseStart = start - 1;
          while (clauseStart > floor && !CLAUSE_BREAKS.has(words[clauseStart - 1]) && words[clauseStart - 1] !== 'that' && words[clauseStart - 1] !== ';') clauseStart--;
          // "On improvement of Gondor's health centres, he said ...": the opening phrase holds no subject
          const subjectFloor = Math.max(floor, openingPhraseEnd(words, floor, start));
          clauseStart = Math.max(clauseStart, subjectFloor);
          let subject = gs.find((g) => g[0].token >= clauseStart && g.at(-1)!.tokenEnd < start)
            ?? [...gs].reverse().find((g) => g.at(-1)!.tokenEnd < start && g[0].token >= subjectFloor);
          const best = bestPattern(form, words, start, end, floor, limit, (subject?.length ?? 0) >= 2);
          const split = splitCode(best.p?.code ?? form.code ?? form.block.code);
          // codes the caller does not keep (statements, 01) neither make events nor claim the clause's actors
          const forward = split.forward && codes(split.forward) ? split.forward : undefined;
          const back = split.back && codes(split.back) ? split.back : undefined;
          if (!forward && !back) { if (best.p || split.forward) break; continue; }
          // "was opposed by", "was fiercely opposed by"
          const aux = words[start - 1]?.endsWith('ly') ? words[start - 2] : words[start - 1];
          const passive = BE.has(aux ?? '') && /(ed|en)$/.test(words[v]);
          let clauseEnd = best.end + 1;
          while (clauseEnd < limit && !CLAUSE_BREAKS.has(words[clauseEnd]) && !(words[clauseEnd] === ',' && AFTER_COMMA.has(words[clauseEnd + 1]))) clauseEnd++;
          // the subject again ("Croatia is investigating crimes by Croatian extremists", "Annan said that he ...")
          // is no object: the next actor is, else the deed has none
          const other = (g: ActorItem[]) => !subject || g.some((it) => !subject!.some((s) => s.entity === it.entity));
          // the n-th actor group from a token on (a pattern's `^` passes over some)
          const nth = (from: number, skip: number, to: number) => gs.filter((g) => g[0].token >= from && g[0].token < to)[skip];
          let object = best.p?.targetSkip ? nth(Math.max(best.targetFrom, end + 1), best.p.targetSkip, clauseEnd)
            : gs.find((g) => g[0].token >= Math.max(best.targetFrom, end + 1) && g[0].token < clauseEnd && other(g));
          // the pattern places the actors itself: "+ * MONEY $" (target before the verb, source after it)
          if (best.p?.sourceAfter !== undefined) {
            const source = nth(best.sourceFrom, best.p.sourceSkip ?? 0, limit);
            if (source) {
              if (best.p.targetBefore || best.p.targetAfter === undefined) object = subject;
              subject = source;
            }
          } else if (best.p?.targetBefore) { object = subject; subject = undefined; }
          if (best.p?.compound) object = undefined;
          if (passive && best.p?.sourceAfter === undefined) {
            const by = words.indexOf('by', end + 1);
            const agent = by >= 0 && by < limit ? gs.find((g) => g[0].token > by) : undefined;
            if (agent) { object = subject; subject = agent; }
          }
          // "condemned an attack ... and promised raids": a verb joined by "and" shares the subject of the one before
          if (!subject || (used.has(subject) && !/^(and|but)$/.test(words[start - 1] ?? ''))) break;
          // "refused to deploy peacekeepers": coded only if "deploy" is not, and "deploy" may take the same subject
          const deferred = opts.complements && (words[v + 1] === 'to' || words[v + 2] === 'to') && !!controlClass(words[v]);
          // "Gondor and Osgiliath renewed ties": a compound subject with no object acts on itself, each to each
          const pairs: [ActorItem, ActorItem | undefined][] = [];
          if (object) for (const a of subject) for (const b of object) pairs.push([a, b]);
          else if (subject.length >= 2) for (const a of subject) for (const b of subject) pairs.push([a, b]);
          else if (!opts.requireTarget && forward && TARGETLESS.has(forward.slice(0, 2)) && (!words[v].endsWith('ing') || BE.has(aux ?? ''))) pairs.push([subject[0], undefined]);
          else break;
          if (!deferred) {
            used.add(subject);
            if (object) used.add(object);
          }
          const mine: VerbMatch[] = [];
          for (const [a, b] of pairs) {
            if (a.entity === b?.entity) continue;
            if (forward) mine.push({ trigger: v, start, end: best.end, code: forward, source: a, ...(b ? { target: b } : {}), verb: form.block.verb });
            if (back && b) mine.push({ trigger: v, start, end: best.end, code: back, source: b, target: a, verb: form.block.verb, back: true });
          }
          if (deferred) pending.push({ v, word: words[v], matches: mine });
          else out.push(...mine);
          break;
        }
      }
      settle(out, sentenceStart, pending);
    }
    s0 = s1;
  }
  return out;
}

/** Control verbs whose complement was coded in the sentence give way to it; the others are coded themselves. */
function settle(out: VerbMatch[], from: number, pending: { v: number; word: string; matches: VerbMatch[] }[]): void {
  for (const p of pending) {
    const complement = out.slice(from).some((m) => m.trigger > p.v && m.trigger <= p.v + 6);
    // "plans to join the protest" with nothing coded in it is no deed; "agreed to ..." or "refused to ..." is
    if (!complement && standsAlone(p.word)) out.push(...p.matches);
  }
  if (pending.length) out.splice(from, out.length - from, ...out.slice(from).sort((a, b) => a.trigger - b.trigger));
}
