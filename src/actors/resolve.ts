// Turns recognised names into the article's entities: titles and roles kept outside the name, country
// and affiliation from the words before the title, canonical actors from the dictionary (as of the
// publication date), then in-document coreference: surnames, possessives, "the president",
// "the two leaders", and he/she as the subject of the narrator's clauses.
import { loadData } from '../data.ts';
import type { Document, EntityRecord, MentionRecord, NameSpan, TitleSpan } from '../document.ts';
import { gazetteerOf } from '../nlp/names.ts';
import type { ActorEntry } from './dictionary.ts';

const PRONOUNS: Record<string, 'm' | 'f'> = { he: 'm', him: 'm', his: 'm', He: 'm', His: 'm', she: 'f', her: 'f', She: 'f', Her: 'f' };

interface Builder {
  doc: Document;
  byKey: Map<string, EntityRecord>;
  date?: string;
}

function entityFor(b: Builder, key: string, init: Omit<EntityRecord, 'id'>): EntityRecord {
  let e = b.byKey.get(key);
  if (!e) {
    e = { id: `e${b.doc.entities.length + 1}`, ...init };
    b.doc.entities.push(e);
    b.byKey.set(key, e);
  }
  return e;
}

function addMention(doc: Document, entity: EntityRecord, token: number, tokenEnd: number, kind: MentionRecord['kind']): void {
  const start = doc.tokens[token].start, end = doc.tokens[tokenEnd].end;
  if (doc.mentions.some((m) => m.start === start && m.end === end && m.entity === entity.id)) return;
  doc.mentions.push({ start, end, entity: entity.id, kind, token, tokenEnd });
}

const tokenText = (doc: Document, from: number, to: number) => doc.text.slice(doc.tokens[from].start, doc.tokens[to].end);

/** The country entity of a code, created on first use with the dictionary's name. */
function countryEntity(b: Builder, code: string, dictName?: string): EntityRecord {
  return entityFor(b, `COUNTRY:${code}`, { name: dictName ?? code, type: 'COUNTRY', country: code, actor: code });
}

function entryEntity(b: Builder, entry: ActorEntry): EntityRecord {
  if (entry.type === 'COUNTRY') return countryEntity(b, entry.country ?? entry.id, entry.name);
  return entityFor(b, `ACTOR:${entry.id}`, {
    name: entry.name, type: entry.type, country: entry.country, sector: entry.sector, actor: entry.id,
    role: entry.type === 'PERSON' ? entry.role : undefined, affiliation: entry.affiliation,
  });
}

/** Titles, and the country or organisation before them, that stand directly before a person's name. */
function modifiersBefore(doc: Document, nameToken: number): { titles: TitleSpan[]; modifier?: NameSpan; first: number } {
  const titles: TitleSpan[] = [];
  let at = nameToken - 1;
  for (;;) {
    const t = doc.titles.find((x) => x.tokenEnd === at);
    if (!t || doc.tokens[t.token].sentence !== doc.tokens[nameToken].sentence) break;
    titles.unshift(t);
    at = t.token - 1;
  }
  if (!titles.length) return { titles, first: nameToken };
  const modifier = doc.names.find((n) => n.tokenEnd === at && n.type !== 'PERSON' && n.type !== 'MISC');
  return { titles, modifier, first: modifier ? modifier.token : titles[0].token };
}

export function resolveActors(doc: Document, actorFiles: string[] = []): void {
  const g = gazetteerOf(actorFiles);
  const date = doc.meta.published?.slice(0, 10);
  const b: Builder = { doc, byKey: new Map(), date };
  const persons: EntityRecord[] = [];

  for (const n of doc.names) {
    if (n.type === 'COUNTRY' || n.adjective) {
      const code = n.entry?.country ?? n.entry?.id;
      if (code) addMention(doc, countryEntity(b, code, g.dict.lookup(code)[0]?.name ?? (n.adjective ? undefined : n.entry?.name)), n.token, n.tokenEnd, n.adjective ? 'alias' : 'name');
      continue;
    }
    const text = tokenText(doc, n.token, n.tokenEnd);
    if (n.type !== 'PERSON') {
      const e = n.entry ? entryEntity(b, n.entry) : entityFor(b, `${n.type}:${text}`, { name: text, type: n.type });
      addMention(doc, e, n.token, n.tokenEnd, 'name');
      continue;
    }
    const mods = modifiersBefore(doc, n.token);
    // the gazetteer holds a person's latest office; the article's date decides which office applies
    const entry = g.dict.lookup(n.entry?.name ?? text, date).find((x) => x.type === 'PERSON') ?? n.entry;
    const single = n.token === n.tokenEnd;
    // "President Trump": a title and a surname refer back to the full name introduced earlier
    const earlier = single ? persons.find((p) => p.name.split(' ').pop() === text) : persons.find((p) => p.name === (entry?.name ?? text));
    const e = earlier ?? (entry ? entryEntity(b, { ...entry, type: 'PERSON' }) : entityFor(b, `PERSON:${text}`, { name: text, type: 'PERSON' }));
    if (!persons.includes(e)) persons.push(e);
    const title = mods.titles[mods.titles.length - 1];
    if (title && !/^(?:Mr|Mrs|Ms|Dr)\.?$/.test(title.title)) e.role ??= title.title;
    if (mods.titles.length && !e.role) e.role = mods.titles.map((t) => t.title).join(' ');
    if (mods.titles.length && title && e.role !== title.title && !earlier) e.role = title.title;
    if (mods.modifier) {
      const m = mods.modifier;
      const code = m.entry?.country ?? (m.type === 'COUNTRY' ? m.entry?.id : undefined);
      if (m.type === 'ORG' && m.entry) e.affiliation ??= m.entry.name;
      if (code) e.country ??= code;
      // the modifier is also a mention of its own entity (the "US" in "US President")
      if (m.type === 'ORG' && m.entry) addMention(doc, entryEntity(b, m.entry), m.token, m.tokenEnd, 'name');
    }
    if (!e.country && entry?.country) e.country = entry.country;
    if (!e.sector && entry?.sector) e.sector = entry.sector;
    addMention(doc, e, mods.first, n.tokenEnd, earlier && single ? (mods.titles.length ? 'title' : 'surname') : 'name');
    if (mods.first !== n.token) addMention(doc, e, n.token, n.tokenEnd, single ? 'surname' : 'name');
  }
  // an affiliation's country is the person's when nothing closer says otherwise (Kremlin → RUS)
  for (const e of persons) {
    if (!e.country && e.affiliation) e.country = g.dict.lookup(e.affiliation, date)[0]?.country;
    if (!e.role && e.actor) e.role = g.dict.lookup(e.name, date)[0]?.role;
  }
  linkSurnames(doc, persons);
  linkTitlesAndPronouns(doc, persons);
  doc.mentions.sort((a, b) => a.start - b.start || b.end - a.end);
  // single capitalised words that turned out to be surnames are not separate MISC entities
  const used = new Set(doc.mentions.map((m) => m.entity));
  doc.entities = doc.entities.filter((e) => used.has(e.id));
}

/** Bare surnames anywhere (sentence-initial too), including possessives, point to the full name. */
function linkSurnames(doc: Document, persons: EntityRecord[]): void {
  const bySurname = new Map<string, EntityRecord>();
  for (const p of persons) if (p.name.includes(' ')) bySurname.set(p.name.split(' ').pop()!, p);
  const covered = new Set<number>();
  for (const m of doc.mentions) {
    if (doc.entity(m.entity)?.type === 'MISC') continue;
    for (let t = m.token; t <= m.tokenEnd; t++) covered.add(t);
  }
  doc.tokens.forEach((t, i) => {
    const p = bySurname.get(t.text);
    if (!p || covered.has(i)) return;
    const firstMention = doc.mentions.find((m) => m.entity === p.id);
    if (firstMention && firstMention.start > t.start) return; // a surname before the full name is not yet known to be them
    doc.mentions.push({ start: t.start, end: t.end, entity: p.id, kind: 'surname', token: i, tokenEnd: i });
  });
  // drop MISC entities for tokens now claimed as surnames
  const claimed = new Set(doc.mentions.filter((m) => m.kind === 'surname').map((m) => `${m.start}:${m.end}`));
  doc.mentions = doc.mentions.filter((m) => {
    const e = doc.entity(m.entity);
    return !(e && e.type === 'MISC' && claimed.has(`${m.start}:${m.end}`));
  });
}

/** Persons mentioned (by name, outside quotations) before an offset, most recent first. */
function recentPersons(doc: Document, before: number): { entity: EntityRecord; start: number; sentence: number }[] {
  const out: { entity: EntityRecord; start: number; sentence: number }[] = [];
  for (const m of doc.mentions) {
    if (m.start >= before || m.kind === 'title' && m.start === m.end) continue;
    const e = doc.entity(m.entity);
    if (e?.type !== 'PERSON' || doc.tokens[m.token].quoted) continue;
    out.push({ entity: e, start: m.start, sentence: doc.tokens[m.token].sentence });
  }
  return out.sort((a, b) => b.start - a.start);
}

let speechVerbs: Set<string> | undefined;
/** "they" is linked only as the subject of a speech verb ("They said", "they also warned"). */
function speechVerbFollows(doc: Document, i: number): boolean {
  speechVerbs ??= new Set(loadData<{ speech: string[] }>('quotes/cues.json').speech.filter((w) => !w.includes(' ')));
  let j = i + 1;
  while (j < doc.tokens.length && /^(?:also|further|later|then|have|had|has|again)$/i.test(doc.tokens[j].text)) j++;
  return j < doc.tokens.length && speechVerbs.has(doc.tokens[j].text.toLowerCase());
}

/**
 * The narrator's subject of a sentence: the first person named (or already resolved) outside quotations.
 * Pronouns resolve to the nearest earlier person in their own sentence, else the previous subject;
 * "they" to the previous plural subject ("the two leaders") or organisation or country.
 */
function linkTitlesAndPronouns(doc: Document, persons: EntityRecord[]): void {
  const { tokens } = doc;
  const subjects: (EntityRecord | undefined)[] = [];
  const groups: (EntityRecord[] | undefined)[] = [];
  const subjectOf = (sentence: number) => {
    for (let s = sentence; s >= 0 && s >= sentence - 4; s--) if (subjects[s]) return subjects[s];
    return undefined;
  };
  // which mention covers a token, indexed once (the first recorded wins, as names were recorded)
  const covering = new Map<number, MentionRecord>();
  for (const m of doc.mentions) for (let t = m.token; t <= m.tokenEnd; t++) if (!covering.has(t)) covering.set(t, m);
  let lastPerson: { entity: EntityRecord; sentence: number } | undefined;
  const add = (e: EntityRecord, i: number, end: number, kind: MentionRecord['kind']) =>
    doc.mentions.push({ start: tokens[i].start, end: tokens[end].end, entity: e.id, kind, token: i, tokenEnd: end });
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const s = t.sentence;
    if (t.quoted) continue;
    const named = covering.get(i);
    if (named) {
      const e = doc.entity(named.entity);
      if (e?.type === 'PERSON') {
        subjects[s] ??= e;
        lastPerson = { entity: e, sentence: s };
      } else if (e && (e.type === 'ORG' || e.type === 'COUNTRY') && !subjects[s]) groups[s] ??= [e];
      i = Math.max(i, named.tokenEnd);
      continue;
    }
    if (PRONOUNS[t.text]) {
      const e = lastPerson?.sentence === s ? lastPerson.entity : subjectOf(s - 1);
      if (e) {
        add(e, i, i, 'pronoun');
        subjects[s] ??= e;
        lastPerson = { entity: e, sentence: s };
      }
      continue;
    }
    if (/^they$/i.test(t.text) && speechVerbFollows(doc, i)) {
      const group = groups[s] ?? groups[s - 1];
      if (group) for (const e of group) add(e, i, i, 'pronoun');
      continue;
    }
    // "the president", "the Kremlin spokesman", "the two leaders"
    if (/^the$/i.test(t.text)) {
      const resolved = resolveDefinite(doc, persons, i);
      if (resolved) {
        for (const e of resolved.entities) add(e, i, resolved.end, 'title');
        if (resolved.entities.length === 1) {
          subjects[s] ??= resolved.entities[0];
          lastPerson = { entity: resolved.entities[0], sentence: s };
        } else groups[s] ??= resolved.entities;
        i = resolved.end;
      }
    }
  }
}

const NUMBER_WORDS: Record<string, number> = { two: 2, three: 3, both: 2 };

/** A definite description made of a title ("the Kremlin spokesman") or a counted plural of heads. */
export function resolveDefinite(doc: Document, persons: EntityRecord[], theToken: number, speaker?: EntityRecord): { entities: EntityRecord[]; end: number } | undefined {
  const { tokens } = doc;
  let i = theToken + 1;
  const count = NUMBER_WORDS[tokens[i]?.text?.toLowerCase() ?? ''];
  if (count) {
    const word = tokens[i + 1]?.text.toLowerCase();
    if (word === 'leaders' || word === 'presidents' || word === 'sides' || word === 'men') {
      const heads = headsSoFar(doc, persons, tokens[theToken].start).slice(0, count);
      return heads.length === count ? { entities: heads, end: i + 1 } : undefined;
    }
    return undefined;
  }
  const modifier = doc.names.find((n) => n.token === i && n.type !== 'PERSON');
  if (modifier) i = modifier.tokenEnd + 1;
  const title = doc.titles.find((t) => t.token === i);
  if (!title) return undefined;
  // "the president Vladimir Putin" is a name with a title, handled with the name
  if (doc.names.some((n) => n.token === title.tokenEnd + 1 && n.type === 'PERSON')) return undefined;
  const role = title.title.toLowerCase();
  let candidates = persons.filter((p) => p.role?.toLowerCase() === role);
  if (modifier?.entry) {
    const m = modifier.entry;
    candidates = candidates.filter((p) => p.affiliation === m.name || p.country === (m.country ?? m.id));
  } else if (speaker?.country) {
    // inside a quotation "the president" is the speaker's own president
    candidates = candidates.filter((p) => p.country === speaker.country);
  }
  if (!candidates.length) return undefined;
  const recent = recentPersons(doc, tokens[theToken].start).find((p) => candidates.includes(p.entity));
  return { entities: [recent?.entity ?? candidates[0]], end: title.tokenEnd };
}

/** Heads of state or government mentioned before an offset, by first mention. */
function headsSoFar(doc: Document, persons: EntityRecord[], before: number): EntityRecord[] {
  const heads = persons.filter((p) => p.role && /^(president|prime minister|chancellor|king|queen|leader|supreme leader|emir)$/i.test(p.role));
  const first = (e: EntityRecord) => doc.mentions.find((m) => m.entity === e.id && m.start < before)?.start ?? Infinity;
  return heads.filter((h) => first(h) < Infinity).sort((a, b) => first(a) - first(b));
}
