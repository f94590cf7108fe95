// Event coding: patterns from data/events/patterns.json matched over the narrator's clauses and inside
// quotations, actors taken from the mention layer, then flags the text states (negation, conditions,
// intent, reported past), numbers, and a date from the time layer. Each event keeps its evidence spans.
import { readFileSync } from 'node:fs';
import { DATA_DIR } from '../data.ts';
import type { Document, EntityRecord, MentionRecord } from '../document.ts';
import type { Event, EventActor, Quote, TextSpan } from '../schema/article.ts';
import { dateFor } from '../time/dating.ts';
import { candidatePatterns, eventPatterns, matchAt, patternIndex, type PatternMatch, type SlotFiller } from './patterns.ts';
import { quantitiesIn } from './quantities.ts';
import { loadAgents, type AgentLexicon } from './agents.ts';
import { loadVerbDictionaries, type VerbLexicon } from './verb-dictionary.ts';
import { matchVerbs, mentionIndex, type VerbMatch } from './verbs.ts';
import { discardedSentences, loadDiscards, type Discards } from './discards.ts';
import { controlBefore, isAuxiliary, recode, type Modality } from './modality.ts';

export interface EventOptions {
  /** verb dictionaries in the PETRARCH format, earlier files first; default: data/events/verbs.txt (Wirewatch's
   * corrections), then data/events/cameo-verbs.txt (PETRARCH-2's CAMEO.2.0) */
  verbs?: string[];
  /** agent dictionaries in the PETRARCH format ("government" → GOV); default: none */
  agents?: string[];
  /** verb-dictionary events only between actors that have a code (PETRARCH's rule); default: any named actor */
  codedActorsOnly?: boolean;
  /** verb-dictionary events only with a target (PETRARCH's require_dyad); default: a source is enough */
  requireTarget?: boolean;
  /** discard lists in the PETRARCH format: a sentence holding a phrase is not coded (`+PHRASE`: the whole text) */
  discards?: string[];
  /** recode deeds told as plans, threats or refusals (data/events/modality.json: "will provide aid" → 033,
   * "refused to deploy troops" → 12), and let a control verb's coded complement stand for it ("decided to
   * allow"); default: on with the bundled verb dictionaries, off when `verbs` names the user's own */
  modality?: boolean;
}

const lexicons = new Map<string, { verbs: VerbLexicon; agents: AgentLexicon; discards: Discards }>();
function lexiconsFor(opts: EventOptions) {
  const verbs = opts.verbs ?? [DATA_DIR + 'events/verbs.txt', DATA_DIR + 'events/cameo-verbs.txt'];
  const agents = opts.agents ?? [];
  const discards = opts.discards ?? [];
  const key = JSON.stringify([verbs, agents, discards]);
  let l = lexicons.get(key);
  if (!l) lexicons.set(key, (l = { verbs: loadVerbDictionaries(verbs), agents: loadAgents(agents), discards: loadDiscards(discards) }));
  return l;
}

interface CodebookRow { type: string; mode?: string; context?: string; goldstein?: number; quad?: number }
let codebook: Map<string, CodebookRow> | undefined;

export function cameoInfo(code: string): CodebookRow | undefined {
  if (!codebook) {
    codebook = new Map();
    const lines = readFileSync(DATA_DIR + 'reference/cameo-codebook.tsv', 'utf8').split('\n').slice(1);
    for (const line of lines) {
      const c = line.split('\t');
      if (c.length < 11) continue;
      codebook.set(c[0], {
        type: c[8], mode: c[9] || undefined, context: c[10]?.split(';')[0] || undefined,
        goldstein: c[5] ? Number(c[5]) : undefined, quad: c[6] ? Number(c[6]) : undefined,
      });
    }
  }
  return codebook.get(code);
}

// words before the trigger that make it a possibility rather than a deed (plans: data/events/modality.json)
const POSSIBLE = new Set(['could', 'might', 'may']);
const PLACE_PREPOSITIONS = new Set(['in', 'at', 'near', 'inside', 'outside']);

/** "in Abidjan": a place mention after a place preposition in the event's sentence that is neither actor. */
function locationOf(doc: Document, m: PatternMatch, sentence: number, actors: (string | undefined)[]): Event['location'] {
  const { tokens } = doc;
  for (let i = m.words[0] + 1; i < tokens.length && tokens[i].sentence === sentence; i++) {
    if (!PLACE_PREPOSITIONS.has(tokens[i].text.toLowerCase())) continue;
    let at = i + 1;
    if (/^the$/i.test(tokens[at]?.text ?? '')) at++;
    const place = mentionsAt(doc, at).map((x) => ({ x, e: doc.entity(x.entity) })).find(({ e }) => e && (e.type === 'LOC' || e.type === 'COUNTRY') && !actors.includes(e.id));
    if (place) return { ...doc.textSpan(place.x.start, place.x.end), name: place.e!.name, entity: place.e!.id, ...(place.e!.country ? { country: place.e!.country } : {}) };
  }
  return undefined;
}

const NEGATORS = /^(?:no|not|never|n't|without|neither|nor|none)$/i;
const CONDITIONS = /^(?:if|unless|provided|providing|as long as)$/i;
const PRIORITY: Record<string, number> = { PERSON: 0, ORG: 1, COUNTRY: 2, LOC: 3, MISC: 4 };

const sortedMentions = new WeakMap<Document, Map<number, MentionRecord[]>>();

/** The shared answer for a token without mentions: most tokens, asked about many times each. */
const NO_MENTIONS: readonly MentionRecord[] = Object.freeze([]);

/** Mentions starting at a token, the most specific actor first (a person over the country adjective before them).
 * Indexed and sorted once per document: patterns ask at every token. */
function mentionsAt(doc: Document, token: number): readonly MentionRecord[] {
  let index = sortedMentions.get(doc);
  if (!index) {
    const byId = new Map(doc.entities.map((e) => [e.id, e]));
    const rank = (m: MentionRecord) => PRIORITY[byId.get(m.entity)?.type ?? 'MISC'];
    index = mentionIndex(doc);
    for (const list of index.values()) list.sort((a, b) => (rank(a) - rank(b)) || b.end - a.end);
    sortedMentions.set(doc, index);
  }
  return index.get(token) ?? NO_MENTIONS;
}

function actorOf(e: EntityRecord | undefined, sector?: string): EventActor {
  if (!e) return {};
  sector ??= e.sector;
  return { name: e.name, entity: e.id, ...(e.actor ? { actor: e.actor } : {}), ...(e.country ? { country: e.country } : {}), ...(sector ? { sector } : {}) };
}


/** The actor doing the deed when the pattern names none: the clause's subject, or inside a quotation the nearest actor before the trigger (else its speaker). */
function clauseSubject(doc: Document, trigger: number, quote: Quote | undefined): MentionRecord | EntityRecord | undefined {
  const { tokens } = doc;
  const s = tokens[trigger].sentence;
  if (quote) {
    for (let i = trigger - 1; i >= 0 && tokens[i].start >= quote.start; i--) {
      const m = mentionsAt(doc, i).find((x) => x.tokenEnd < trigger);
      if (m) return m;
    }
    return doc.entity(quote.speaker?.entity);
  }
  let sentenceStart = trigger;
  while (sentenceStart > 0 && tokens[sentenceStart - 1].sentence === s) sentenceStart--;
  let that = -1;
  for (let i = trigger - 1; i >= sentenceStart; i--) if (!tokens[i].quoted && /^that$/i.test(tokens[i].text)) { that = i; break; }
  const firstActor = (from: number, to: number) => {
    for (let i = from; i < to; i++) {
      if (tokens[i].quoted) continue;
      const m = mentionsAt(doc, i)[0];
      if (m && doc.entity(m.entity)?.type !== 'MISC') return m;
    }
    return undefined;
  };
  // "X suggested that <clause>": the clause's own subject, else the one who reports it
  return (that >= 0 ? firstActor(that + 1, trigger) : undefined) ?? firstActor(sentenceStart, that >= 0 ? that : trigger);
}

export function codeEvents(doc: Document, opts: EventOptions = {}): void {
  const { tokens } = doc;
  const patterns = eventPatterns();
  const lower = tokens.map((t) => t.text.toLowerCase());
  // asked again for every pattern that opens with a slot at the token: the answer is kept per token and kind
  const slotEnds = new Map<number, number | undefined>();
  const slotAt = (slot: SlotFiller['slot'], token: number): number | undefined => {
    const at = mentionsAt(doc, token);
    if (at.length === 0) return undefined;
    const key = token * 2 + (slot === 'PAIR' ? 1 : 0);
    if (slotEnds.has(key)) return slotEnds.get(key);
    const end = slotEnd(slot, at);
    slotEnds.set(key, end);
    return end;
  };
  const slotEnd = (slot: SlotFiller['slot'], at: readonly MentionRecord[]): number | undefined => {
    const ms = at.filter((m) => doc.entity(m.entity)?.type !== 'MISC');
    if (!ms.length) return undefined;
    if (slot !== 'PAIR') return ms[0].tokenEnd;
    if (ms.length >= 2 && ms[0].end === ms[1].end) return ms[0].tokenEnd; // "the two leaders"
    const and = ms[0].tokenEnd + 1;
    if (tokens[and]?.text.toLowerCase() !== 'and') return undefined;
    const second = mentionsAt(doc, and + 1).find((m) => doc.entity(m.entity)?.type !== 'MISC');
    return second?.tokenEnd;
  };
  const matches: PatternMatch[] = [];
  // where each token's region ends, in one backward pass (one token at a time would rescan it)
  const ends = new Int32Array(tokens.length);
  for (let i = tokens.length - 1; i >= 0; i--) {
    const next = tokens[i + 1];
    ends[i] = next && next.sentence === tokens[i].sentence && next.quoted === tokens[i].quoted ? ends[i + 1] : i + 1;
  }
  const index = patternIndex(patterns);
  for (let i = 0; i < tokens.length; i++) {
    const limit = ends[i];
    for (const k of candidatePatterns(index, lower[i])) {
      const m = matchAt(patterns[k], tokens, i, limit, slotAt, lower);
      if (m) matches.push(m);
    }
  }
  const modality = opts.modality ?? !opts.verbs;
  const events: Event[] = [];
  for (const m of matches) events.push(...buildEvents(doc, m, modality));
  // the verb dictionary codes what the hand-written patterns left: a sentence they coded is not coded twice
  const coded = new Set(events.map((e) => doc.sentenceAt(e.evidence[0].start)));
  const { verbs, agents, discards } = lexiconsFor(opts);
  const skip = discardedSentences(doc, discards);
  // CAMEO codes PLOVER has no type for (statements 01, appeals 02) make no events; a user's own dictionary
  // (modality off) keeps every code it gives, typed UNKNOWN where PLOVER has none
  const dropped = (code: string) => cameoInfo(code)?.type === '(dropped)' || cameoInfo(code.slice(0, 3))?.type === '(dropped)' || cameoInfo(code.slice(0, 2))?.type === '(dropped)';
  const kept = (code: string) => !modality || !dropped(code);
  for (const v of matchVerbs(doc, verbs, agents, { codes: kept, codedActorsOnly: opts.codedActorsOnly, requireTarget: opts.requireTarget, complements: modality })) {
    if (coded.has(tokens[v.trigger].sentence) || skip.has(tokens[v.trigger].sentence)) continue;
    events.push(...buildEvents(doc, verbMatch(v), modality));
  }
  doc.events = mergeSameSentence(doc, events);
  attachAnaphoricNumbers(doc);
  doc.events.forEach((e, n) => (e.id = `v${n + 1}`));
}

/** A verb-dictionary match in the shape of a pattern match, its actors fixed (agents may narrow the sector). */
function verbMatch(v: VerbMatch): PatternMatch {
  return {
    pattern: { id: `verb:${v.verb}${v.back ? ':back' : ''}`, cameo: v.code, match: '', elements: [] }, start: v.start, end: v.end, words: [v.trigger],
    slots: [
      { slot: 'SOURCE', token: v.source.token, tokenEnd: v.source.tokenEnd, entity: v.source.entity, sector: v.source.sector },
      ...(v.target ? [{ slot: 'TARGET' as const, token: v.target.token, tokenEnd: v.target.tokenEnd, entity: v.target.entity, sector: v.target.sector }] : []),
    ],
  };
}

function buildEvents(doc: Document, m: PatternMatch, modality = false): Event[] {
  const { tokens } = doc;
  const trigger = m.words[0];
  const quote = tokens[trigger].quoted ? doc.quotes.find((q) => q.kind !== 'indirect' && tokens[trigger].start >= q.start && tokens[trigger].end <= q.end) : undefined;
  // the claim it is told in: the quotation, or the reported speech ("X said that Y attacked Z") holding the trigger
  const attributed = quote ?? doc.quotes.find((q) => tokens[trigger].start >= q.start && tokens[trigger].end <= q.end);
  const entitiesAt = (f: SlotFiller) => mentionsAt(doc, f.token).filter((x) => x.tokenEnd === f.tokenEnd || f.slot !== 'PAIR').map((x) => doc.entity(x.entity)!);
  let source: EntityRecord | undefined, target: EntityRecord | undefined;
  let sourceSector: string | undefined, targetSector: string | undefined;
  for (const f of m.slots) {
    if (f.slot === 'SOURCE') { source = f.entity ? doc.entity(f.entity) : entitiesAt(f)[0]; sourceSector = f.sector; }
    if (f.slot === 'TARGET') { target = f.entity ? doc.entity(f.entity) : entitiesAt(f)[0]; targetSector = f.sector; }
    if (f.slot === 'PAIR') {
      const first = mentionsAt(doc, f.token);
      if (first.length >= 2 && first[0].end === first[1].end) [source, target] = [doc.entity(first[0].entity), doc.entity(first[1].entity)];
      else {
        source = doc.entity(first[0]?.entity);
        target = doc.entity(mentionsAt(doc, first[0].tokenEnd + 2)[0]?.entity);
      }
    }
  }
  let sourceMention: MentionRecord | undefined;
  if (!source) {
    const subject = clauseSubject(doc, m.start, quote);
    if (subject && 'kind' in subject) { sourceMention = subject; source = doc.entity(subject.entity); } else source = subject;
  }
  // a verb-dictionary deed may have no target ("Iran threatened to launch an offensive"); a hand pattern always names one
  const targetless = (m.pattern.id.startsWith('verb:') || !!m.pattern.targetless) && !m.slots.some((f) => f.slot === 'TARGET');
  if (!source || (!target && !targetless) || source.id === target?.id) return [];
  const s = doc.sentences[tokens[trigger].sentence];
  let first = trigger, last = trigger;
  while (first > 0 && tokens[first - 1].sentence === tokens[trigger].sentence) first--;
  while (last + 1 < tokens.length && tokens[last + 1].sentence === tokens[trigger].sentence) last++;
  const sentenceTokens = tokens.slice(first, last + 1);
  const before = sentenceTokens.filter((t) => t.start < tokens[trigger].start && t.start >= tokens[trigger].start - 40);
  let negated = before.slice(-3).some((t) => NEGATORS.test(t.text));
  const near = before.slice(-4).map((t) => t.text.toLowerCase());
  // a plan: an auxiliary ("will meet") or a verb of intent the deed complements ("agreed to lift")
  const control = controlBefore(near);
  const intent = near.some(isAuxiliary) || control === 'intent';
  let cameo = m.pattern.cameo;
  let refusal = false;
  if (modality) {
    // said as a threat, a refusal or a plan, the deed is coded as such (CAMEO 13, 12, 03)
    const kind: Modality | undefined = control === 'threat' ? 'threat' : control === 'refusal' || ((intent || cameo.startsWith('03')) && negated) ? 'refusal' : intent || m.pattern.intent ? 'intent' : undefined;
    // the deed back from the target ("visit" → "host") is theirs: it stands only if the deed is told as done or planned
    if (m.pattern.id.endsWith(':back') && (kind === 'threat' || kind === 'refusal')) return [];
    const recoded = kind ? recode(cameo, kind) : cameo;
    // "will not accept": the refusal is what happened, not negated
    if (recoded !== cameo && kind === 'refusal') { negated = false; refusal = true; }
    cameo = recoded;
  }
  // a user dictionary may code finer than the codebook goes (0641): the nearest listed ancestor says the type
  // a code CAMEO does not list (a user dictionary's own) is kept, its type unknown
  let info: CodebookRow = cameoInfo(cameo) ?? cameoInfo(cameo.slice(0, 3)) ?? cameoInfo(cameo.slice(0, 2)) ?? { type: 'UNKNOWN' };
  if (info.type === '(dropped)' && modality) return [];
  if (info.type === '(dropped)') info = { type: 'UNKNOWN' };
  const condIdx = sentenceTokens.findIndex((t) => CONDITIONS.test(t.text));
  let condition: TextSpan | undefined;
  if (condIdx >= 0) {
    const c = sentenceTokens[condIdx];
    // the condition runs to the comma that closes it before the main clause (or the trigger)
    const stop = sentenceTokens.slice(condIdx).filter((t) => t.text === ',' && t.start < Math.max(tokens[trigger].start, c.start + 1)).pop()
      ?? sentenceTokens.slice(condIdx).find((t) => t.text === ',' || t.text === '.');
    condition = doc.textSpan(c.start, stop ? stop.start : s.end);
  }
  const pluperfect = before.slice(-3).some((t) => /^had$/i.test(t.text));
  const hypothetical = near.some((w) => POSSIBLE.has(w));
  const location = locationOf(doc, m, tokens[trigger].sentence, [source.id, target?.id]);
  const evidence: Event['evidence'] = [
    { ...doc.textSpan(tokens[m.start].start, tokens[m.end].end), role: 'trigger' },
    ...m.slots.map((f) => ({ ...doc.textSpan(tokens[f.token].start, tokens[f.tokenEnd].end), role: f.slot === 'SOURCE' ? 'source' as const : 'target' as const })),
    ...(sourceMention ? [{ ...doc.textSpan(sourceMention.start, sourceMention.end), role: 'source' as const }] : []),
    // the clause the deed is told in: the quotation holding it, else the sentence
    { ...(quote ? doc.textSpan(quote.start, quote.end) : doc.textSpan(s.start, s.end)), role: 'sentence' },
  ];
  const quantities = quantitiesIn(doc.text.slice(s.start, s.end));
  const base: Omit<Event, 'date' | 'dateBasis' | 'reportedPast'> = {
    id: '', type: info.type, ...(info.mode ? { mode: info.mode } : {}), ...(info.context ? { context: info.context } : {}),
    cameo, ...(info.goldstein !== undefined ? { goldstein: info.goldstein } : {}), ...(info.quad ? { quadClass: info.quad } : {}),
    source: actorOf(source, sourceSector), target: actorOf(target, targetSector),
    ...(quantities.length ? { quantities } : {}),
    ...(condition ? { conditional: true, condition } : {}),
    ...(negated ? { negated: true } : {}),
    ...((m.pattern.intent || intent) && !refusal ? { intent: true } : {}),
    ...(hypothetical ? { hypothetical: true } : {}),
    ...(location ? { location } : {}),
    ...(attributed ? { quote: attributed.id } : {}),
    evidence,
  };
  // "two phone calls ... on 12 February and 18 March": one event per day the sentence names
  const days = doc.times.filter((t) => t.start >= s.start && t.end <= s.end && t.value && /^\d{4}-\d{2}-\d{2}/.test(t.value) && !doc.quoteMarkAt(t.start));
  const plural = /s$/i.test(tokens[m.words[Math.min(1, m.words.length - 1)]].text) || /s$/i.test(tokens[trigger].text);
  if (!quote && plural && days.length > 1) {
    return days.map((t) => ({ ...base, date: t.value!.slice(0, 10), dateBasis: 'expression' as const, reportedPast: true, evidence: [...evidence, { ...doc.textSpan(t.start, t.end), role: 'argument' as const }] }));
  }
  const date = quote?.date ?? dateFor(doc, tokens[trigger].start, undefined, source.id);
  const published = doc.meta.published?.slice(0, 10);
  const old = !!(date.value && published && date.basis === 'expression' && Date.parse(published) - Date.parse(date.value.slice(0, 10)) > 7 * 86_400_000);
  return [{ ...base, date: date.value, dateBasis: date.basis, ...(old || pluperfect ? { reportedPast: true } : {}) }];
}

/** Two patterns coding the same deed in one sentence (the trigger and the quote that spells it out) are one event. */
function mergeSameSentence(doc: Document, events: Event[]): Event[] {
  const out: Event[] = [];
  for (const e of events) {
    const s = doc.sentenceAt(e.evidence[0].start);
    const same = out.find((o) => o.cameo === e.cameo && o.source.entity === e.source.entity && (o.target.entity === e.target.entity || o.target.country && o.target.country === e.target.country)
      && o.date === e.date && doc.sentenceAt(o.evidence[0].start) === s);
    if (!same) { out.push(e); continue; }
    for (const ev of e.evidence) if (!same.evidence.some((x) => x.start === ev.start && x.end === ev.end)) same.evidence.push(ev);
    if (e.conditional && !same.conditional) { same.conditional = true; same.condition = e.condition; }
    same.negated = same.negated && e.negated ? true : undefined;
    if (!same.negated) delete same.negated;
    if (e.quote) same.quote ??= e.quote;
  }
  return out;
}

/** "He further elaborated that these tariffs would range between 25% and 50%": numbers join the event they take up. */
function attachAnaphoricNumbers(doc: Document): void {
  const anaphorsOf = (e: Event) => eventPatterns().filter((p) => p.cameo === e.cameo && p.anaphors).flatMap((p) => p.anaphors!);
  for (const [si, s] of doc.sentences.entries()) {
    const body = doc.text.slice(s.start, s.end);
    const quantities = quantitiesIn(body);
    if (!quantities.length) continue;
    for (const e of doc.events) {
      const es = doc.sentenceAt(e.evidence[0].start);
      if (es >= si || si - es > 4) continue;
      const word = anaphorsOf(e).find((w) => new RegExp(`\\b(?:these|those|the|such)\\s+(?:\\w+\\s+)?${w}\\b`, 'i').test(body));
      if (!word) continue;
      const known = e.quantities ?? [];
      for (const q of quantities) if (!known.some((k) => k.value === q.value && k.unit === q.unit)) known.push(q);
      e.quantities = known;
      e.evidence.push({ ...doc.textSpan(s.start, s.end), role: 'argument' });
    }
  }
}
