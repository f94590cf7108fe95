// The canonical actor dictionary: countries (with adjectives, capitals and metonyms), organisations and
// date-ranged office holders, read from data/actors/*.json plus any user files in the same JSON format or in
// the PETRARCH/TABARI `.actors.txt` format. Pure and synchronous; the default dictionary is built once per
// process and cached.
//
// JSON file format (every key optional; see data/actors/*.json for examples):
//   { "countries": [{ code, name, aliases, adjectives, capitals, metonyms, partOf }],
//     "organizations": [{ id, name, aliases, type, sector, country }],
//     "people": [{ id, name, aliases, country, offices: [{ role, sector, affiliation, country, from, to, approx }] }],
//     "roles": { "Foreign Minister": ["Foreign Secretary", "Secretary of State", ...] } }
// A record whose id (code for countries) is already known extends it: its aliases, adjectives, capitals,
// metonyms and offices are added, its scalar fields replace the old ones. Office ranges are half-open
// [from, to): `to` is the day the office passed to the successor; null/absent = open-ended.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { InputError } from '../errors.ts';

export type ActorType = 'PERSON' | 'ORG' | 'COUNTRY' | 'LOC';
export interface ActorEntry {
  id: string;
  name: string;
  type: ActorType;
  country?: string;
  sector?: string;
  role?: string;
  affiliation?: string;
  /** Countries only: the sovereign state of a dependent territory (GRL → DNK). */
  partOf?: string;
}
export interface ActorDictionary {
  /** All entries whose name/alias equals the surface form (exact, case-sensitive, after normalising curly
   * apostrophes and whitespace), resolved for the date: a person's role/sector/affiliation are those of the
   * office held on `date` (YYYY-MM-DD), or their most recent office when no date. A person out of office on
   * `date` who held one before gets sector ELI (CAMEO "elite": former officials) and no role. A person's country
   * is that of the office (its own `country`, else its affiliation's: none for a post in an international
   * organisation such as NATO Secretary General), else their nationality. Several offices held at once: the
   * first listed wins. When no name or alias matches, an entry id ("RUS", "NATO", "PUTIN_VLADIMIR") is
   * accepted too. */
  lookup(surface: string, date?: string): ActorEntry[];
  /** Country code for a country name, alias or adjective/demonym ("Russian" → "RUS", "US" → "USA"), or for a
   * country code itself; undefined if unknown. */
  countryOf(surface: string): string | undefined;
  /** Who held `role` for `country` on `date` (e.g. ('President','RUS','2025-03-31') → Putin), for title-only
   * references. `country` may also name the office's affiliation ('spokesman', 'Kremlin'; 'Secretary General',
   * 'NATO'). Roles match case-insensitively and through the role classes (Secretary of State = Foreign
   * Minister). Without a date: the current holder. Several matches: the one who took office last. */
  holder(role: string, country: string, date?: string): ActorEntry | undefined;
  /** Every surface form (names, aliases, adjectives, capitals, metonyms incl. "the Kremlin") with what it
   * denotes, for gazetteer matching: kind 'name' | 'adjective'. */
  surfaces(): Iterable<{ surface: string; kind: 'name' | 'adjective'; entry: ActorEntry }>;
  /** What loading noticed but did not refuse: a user file's id that replaced a bundled actor of another kind. */
  readonly warnings: readonly string[];
}

// ---------------------------------------------------------------------------------------------- file schema

const Text = z.string().trim().min(1);
const Code = z.string().regex(/^[A-Z]{3}$/, 'expected a 3-letter upper-case code (ISO 3166-1 alpha-3)');
const DAY = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const Day = z.string().regex(DAY, 'expected a date YYYY-MM-DD');
const Names = z.array(Text).default([]);

const MetonymSchema = z.strictObject({ name: Text, aliases: Names, type: z.enum(['ORG', 'LOC']), sector: Text.optional() });
const CapitalSchema = z.union([Text, z.strictObject({ name: Text, aliases: Names })]);
const CountrySchema = z.strictObject({
  code: Code,
  name: Text,
  aliases: Names,
  adjectives: Names,
  capitals: z.array(CapitalSchema).default([]),
  metonyms: z.array(MetonymSchema).default([]),
  partOf: Code.optional(),
});
const OrgSchema = z.strictObject({
  id: Text,
  name: Text,
  aliases: Names,
  type: z.enum(['ORG', 'LOC']).default('ORG'),
  sector: Text.optional(),
  country: Code.optional(),
});
const OfficeSchema = z
  .strictObject({
    role: Text,
    sector: Text.optional(),
    affiliation: Text.optional(),
    country: Code.optional(),
    from: Day.nullable().optional(),
    to: Day.nullable().optional(),
    approx: z.boolean().optional(),
  })
  .refine((o) => !o.from || !o.to || o.from <= o.to, { message: '"from" is after "to"' });
const PersonSchema = z.strictObject({ id: Text, name: Text, aliases: Names, country: Code.optional(), offices: z.array(OfficeSchema).default([]) });
const FileSchema = z.strictObject({
  $schema: z.string().optional(),
  $comment: z.string().optional(),
  countries: z.array(CountrySchema).optional(),
  organizations: z.array(OrgSchema).optional(),
  people: z.array(PersonSchema).optional(),
  roles: z.record(z.string(), z.union([z.array(Text), z.string()])).optional(),
});

// ---------------------------------------------------------------------------------------------- records

interface Office { role?: string; sector?: string; affiliation?: string; country?: string; from?: string | null; to?: string | null; approx?: boolean }
interface PersonRec { id: string; name: string; aliases: string[]; country?: string; offices: Office[] }
interface NamedRec { name: string; aliases: string[] }
interface MetonymRec extends NamedRec { type: 'ORG' | 'LOC'; sector?: string }
interface CountryRec { code: string; name: string; aliases: string[]; adjectives: string[]; capitals: NamedRec[]; metonyms: MetonymRec[]; partOf?: string }
interface OrgRec { id: string; name: string; aliases: string[]; type: 'ORG' | 'LOC'; sector?: string; country?: string }
/** One parsed file: records in file order. */
interface Content { file: string; countries: CountryRec[]; organizations: OrgRec[]; people: PersonRec[]; roles: [string, string[]][] }

/** Curly apostrophes/quotes to ASCII, whitespace runs to one space, trimmed. */
function norm(s: string): string {
  return s.replace(/[\u2018\u2019\u02BC\u0060\u00B4]/g, "'").replace(/\s+/g, ' ').trim();
}
function roleKey(s: string): string {
  return norm(s).toLowerCase().replace(/[-\u2010-\u2015]/g, ' ').replace(/\s+/g, ' ').replace(/\.$/, '');
}
function snake(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').toUpperCase().replace(/[^A-Z0-9]+/g, '_').replace(/^_|_$/g, '');
}

// ---------------------------------------------------------------------------------------------- JSON files

function issuePath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : `${out ? '.' : ''}${String(p)}`;
  return out || '(top level)';
}

function parseJsonFile(file: string): Content {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new InputError(file, `cannot read actor dictionary: ${(err as Error).message}`);
  }
  const r = FileSchema.safeParse(raw);
  if (!r.success) {
    const shown = r.error.issues.slice(0, 3).map((i) => `${issuePath(i.path)}: ${i.message}`);
    const more = r.error.issues.length > 3 ? ` (+${r.error.issues.length - 3} more)` : '';
    throw new InputError(file, `invalid actor dictionary: ${shown.join('; ')}${more}`);
  }
  const d = r.data;
  return {
    file,
    countries: (d.countries ?? []).map((c) => ({
      code: c.code,
      name: c.name,
      aliases: c.aliases,
      adjectives: c.adjectives,
      capitals: c.capitals.map((x) => (typeof x === 'string' ? { name: x, aliases: [] } : x)),
      metonyms: c.metonyms,
      partOf: c.partOf,
    })),
    organizations: d.organizations ?? [],
    people: (d.people ?? []).map((p) => ({ ...p, offices: p.offices.map((o) => ({ ...o })) })),
    roles: Object.entries(d.roles ?? {}).flatMap(([k, v]) => (k.startsWith('$') || typeof v === 'string' ? [] : [[k, v] as [string, string[]]])),
  };
}

// ---------------------------------------------------------------------------------------------- PETRARCH files

// Codes that are not countries in the first three letters (CAMEO international / non-state actor codes).
const NON_STATE = new Set(['IGO', 'NGO', 'IMG', 'MNC', 'NGM', 'UIS', 'ELI', '---']);

/** YYMMDD (years ≤ 30 → 20YY, else 19YY: the Phoenix files have no 1915-1930 dates) or YYYYMMDD → YYYY-MM-DD. */
function petrarchDay(s: string): string | undefined {
  let y: string, m: string, d: string;
  if (/^\d{6}$/.test(s)) [y, m, d] = [(Number(s.slice(0, 2)) <= 30 ? '20' : '19') + s.slice(0, 2), s.slice(2, 4), s.slice(4, 6)];
  else if (/^\d{8}$/.test(s)) [y, m, d] = [s.slice(0, 4), s.slice(4, 6), s.slice(6, 8)];
  else return undefined;
  const day = `${y}-${m}-${d}`;
  return DAY.test(day) ? day : undefined;
}
function nextDay(day: string): string {
  const t = new Date(`${day}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() + 1);
  return t.toISOString().slice(0, 10);
}

interface PCode { code: string; from?: string; to?: string; dated: boolean }

/** `CODE`, `CODE >date`, `CODE <date`, `CODE date-date`; undefined when the restriction is unreadable. */
function parsePetrarchCode(text: string): PCode | undefined {
  const m = /^([A-Za-z0-9-]+)\s*(?:([<>])\s*(\d+)|(\d+)\s*-\s*(\d+))?\s*$/.exec(text.trim());
  if (!m) return undefined;
  const code = m[1].toUpperCase();
  if (m[2]) {
    const day = petrarchDay(m[3]);
    if (!day) return undefined;
    // ">d": from d on; "<d": before d
    return m[2] === '>' ? { code, from: day, dated: true } : { code, to: day, dated: true };
  }
  if (m[4]) {
    const a = petrarchDay(m[4]);
    const b = petrarchDay(m[5]);
    if (!a || !b || a > b) return undefined;
    return { code, from: a, to: nextDay(b), dated: true }; // PETRARCH ranges are inclusive
  }
  return { code, dated: false };
}

const SMALL_WORDS = new Set(['of', 'the', 'and', 'for', 'in', 'on', 'at', 'to', 'de', 'du', 'des', 'la', 'le', 'von', 'van', 'der', 'del', 'da', 'bin']);

/** "VLADIMIR_PUTIN_" → "Vladimir Putin"; words with a dot (U.N., V.) and ≤ 3-letter words without vowels keep
 * their case; hyphenated parts are capitalised ("Ban Ki-Moon"). */
function petrarchName(phrase: string): { upper: string; title: string } {
  const upper = norm(phrase.replace(/_/g, ' '));
  const title = upper
    .split(' ')
    .map((w, i) => {
      if (w.includes('.') || /^[^AEIOUY]{1,3}$/.test(w) || /\d/.test(w)) return w;
      const lower = w.toLowerCase();
      if (i > 0 && SMALL_WORDS.has(lower)) return lower;
      return lower.replace(/(^|[-'(/])(\p{L})/gu, (_, p: string, c: string) => p + c.toUpperCase());
    })
    .join(' ');
  return { upper, title };
}

/** A TABARI/PETRARCH actors file: a phrase line starts an actor (optionally with its codes on the same line),
 * `+PHRASE` lines add synonyms, `[CODE date]` lines add codes; `#` starts a comment. A dated code makes the
 * actor a person (one office per dated code, CAMEO country = first 3 letters, sector = next 3); a bare 3-letter
 * country code adds the names to that country; anything else is an organisation. Actors without any readable
 * code are skipped (the coder could not use them either). */
function parsePetrarchFile(file: string, knownCountries: (code: string) => boolean): Content {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new InputError(file, `cannot read actor dictionary: ${(err as Error).message}`);
  }
  const out: Content = { file, countries: [], organizations: [], people: [], roles: [] };
  interface Block { phrases: string[]; codes: PCode[]; line: number }
  const blocks: Block[] = [];
  let cur: Block | undefined;
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i];
    const hash = line.indexOf('#');
    if (hash >= 0) line = line.slice(0, hash);
    if (!line.trim()) continue;
    const codes: PCode[] = [];
    let rest = '';
    let pos = 0;
    while (pos < line.length) {
      const open = line.indexOf('[', pos);
      if (open < 0) {
        rest += line.slice(pos);
        break;
      }
      const close = line.indexOf(']', open);
      if (close < 0) throw new InputError(file, `line ${i + 1}: "[" without "]"`);
      rest += line.slice(pos, open);
      const c = parsePetrarchCode(line.slice(open + 1, close));
      if (c) codes.push(c);
      pos = close + 1;
    }
    const phrase = rest.trim();
    if (phrase.startsWith('+')) {
      if (!cur) throw new InputError(file, `line ${i + 1}: synonym "${phrase}" before any actor name`);
      const p = phrase.slice(1).trim();
      if (p) cur.phrases.push(p);
      cur.codes.push(...codes);
    } else if (phrase) {
      cur = { phrases: [phrase], codes, line: i + 1 };
      blocks.push(cur);
    } else if (codes.length) {
      if (!cur) throw new InputError(file, `line ${i + 1}: code before any actor name`);
      cur.codes.push(...codes);
    }
  }
  const isCountry = (b: Block) => !b.codes.some((c) => c.dated) && b.codes.length === 1 && /^[A-Z]{3}$/.test(b.codes[0].code) && !NON_STATE.has(b.codes[0].code);
  const ownCountries = new Set(blocks.filter(isCountry).map((b) => b.codes[0].code));
  const seen = new Map<string, number>();
  for (const b of blocks) {
    if (!b.codes.length) continue;
    const names: string[] = [];
    for (const p of b.phrases) {
      const { upper, title } = petrarchName(p);
      for (const n of [title, upper]) if (n && !names.includes(n)) names.push(n);
      // "THE_AU": the article is a determiner to the name recogniser, so the name is also indexed without it
      const bare = /^the\s+(.+)$/i.exec(title)?.[1];
      if (bare) for (const n of [bare, bare.toUpperCase()]) if (!names.includes(n)) names.push(n);
    }
    if (!names.length) continue;
    const split = (code: string) => {
      const head = code.slice(0, 3);
      if (NON_STATE.has(head)) {
        const c = code.slice(3, 6);
        if (c.length === 3 && (ownCountries.has(c) || knownCountries(c))) return { sector: head === '---' ? undefined : head, country: c };
        // no country after the head: the rest is part of the code (IGOAFR: an African IGO, IMGMOSALQ), kept whole
        return { sector: head === '---' ? code.slice(3) || undefined : code };
      }
      return { country: head.length === 3 ? head : undefined, sector: code.slice(3, 6) || undefined };
    };
    // ids: PETRARCH_PERSON_<NAME> / PETRARCH_ORG_<NAME>, so the same person in two files is one person
    const newId = (kind: string) => {
      const base = `PETRARCH_${kind}_${snake(names[1] ?? names[0]) || 'ACTOR'}`;
      const n = (seen.get(base) ?? 0) + 1;
      seen.set(base, n);
      return n === 1 ? base : `${base}_${n}`;
    };
    const [name, ...aliases] = names;
    if (b.codes.some((c) => c.dated)) {
      const id = newId('PERSON');
      const dated = b.codes.filter((c) => c.dated);
      const offices: Office[] = [...dated, ...b.codes.filter((c) => !c.dated)].map((c) => {
        const s = split(c.code);
        return { sector: s.sector, country: s.country, from: c.from ?? null, to: c.to ?? null };
      });
      out.people.push({ id, name, aliases, country: offices.find((o) => o.country)?.country, offices });
    } else if (isCountry(b)) {
      out.countries.push({ code: b.codes[0].code, name, aliases, adjectives: [], capitals: [], metonyms: [] });
    } else {
      const id = newId('ORG');
      const s = split(b.codes[0].code);
      out.organizations.push({ id, name, aliases, type: 'ORG', sector: s.sector, country: s.country });
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------- merging

interface Data {
  countries: Map<string, CountryRec>;
  orgs: Map<string, OrgRec>;
  people: Map<string, PersonRec>;
  roles: Map<string, string>; // roleKey → canonical roleKey
  /** records a user file added: their names are matched before the bundled ones ("New Zealand" [NZE]) */
  user: Set<object>;
  warnings: string[];
}

const union = (a: string[], b: string[]) => [...new Set([...a, ...b])];

function merge(data: Data, c: Content, user = false): void {
  // an id a later file gives to another kind of actor (a user country "SAF" where the bundled data has the
  // Sudanese Armed Forces) replaces the earlier record: the file the user names is the one meant, said in a warning
  const clash = (id: string, kind: string) => {
    const other = data.countries.has(id) && kind !== 'country' ? 'country' : data.orgs.has(id) && kind !== 'organization' ? 'organization' : data.people.has(id) && kind !== 'person' ? 'person' : undefined;
    if (!other) return;
    const gone = other === 'country' ? data.countries : other === 'organization' ? data.orgs : data.people;
    const name = (gone.get(id) as NamedRec).name;
    gone.delete(id);
    data.warnings.push(`${c.file}: ${kind} id "${id}" was used by the ${other} "${name}", which is dropped (the later file wins)`);
  };
  const mark = (r: object) => { if (user) data.user.add(r); };
  for (const x of c.countries) {
    clash(x.code, 'country');
    const old = data.countries.get(x.code);
    if (!old) {
      data.countries.set(x.code, { ...x, capitals: x.capitals.map((k) => ({ ...k })), metonyms: x.metonyms.map((m) => ({ ...m })) });
      mark(data.countries.get(x.code)!);
      continue;
    }
    const aliases = union(old.aliases, [x.name, ...x.aliases]).filter((n) => n !== old.name);
    Object.assign(old, {
      aliases,
      adjectives: union(old.adjectives, x.adjectives),
      capitals: [...old.capitals, ...x.capitals.filter((k) => !old.capitals.some((o) => o.name === k.name))],
      metonyms: [...old.metonyms, ...x.metonyms.filter((m) => !old.metonyms.some((o) => o.name === m.name))],
      partOf: x.partOf ?? old.partOf,
    });
  }
  for (const x of c.organizations) {
    clash(x.id, 'organization');
    const old = data.orgs.get(x.id);
    if (!old) data.orgs.set(x.id, { ...x });
    else Object.assign(old, { ...x, name: x.name, aliases: union(old.aliases, x.aliases).filter((n) => n !== x.name) });
    if (!old) mark(data.orgs.get(x.id)!);
  }
  for (const x of c.people) {
    clash(x.id, 'person');
    const old = data.people.get(x.id);
    if (!old) mark(data.people.set(x.id, { ...x, offices: x.offices.map((o) => ({ ...o })) }).get(x.id)!);
    else
      Object.assign(old, {
        name: x.name,
        aliases: union(old.aliases, [old.name, ...x.aliases]).filter((n) => n !== x.name),
        country: x.country ?? old.country,
        offices: [...old.offices, ...x.offices],
      });
  }
  for (const [canon, titles] of c.roles) {
    const k = roleKey(canon);
    const target = data.roles.get(k) ?? k;
    data.roles.set(k, target);
    for (const t of titles) data.roles.set(roleKey(t), target);
  }
}

// ---------------------------------------------------------------------------------------------- index

type Target = { entry: ActorEntry } | { person: PersonRec };

function active(o: Office, date: string): boolean {
  return (!o.from || o.from <= date) && (!o.to || date < o.to);
}

/** The office for `date` (the first listed of those held then), else none; without a date the first current
 * office, else the one that ended last. */
function officeFor(p: PersonRec, date?: string): { office?: Office; former: boolean } {
  if (date) {
    const d = date.slice(0, 10);
    const office = p.offices.find((x) => (x.from || x.to) && active(x, d)) ?? p.offices.find((x) => !x.from && !x.to);
    return { office, former: !office && p.offices.some((x) => !!x.to && x.to <= d) };
  }
  const current = p.offices.find((x) => !x.to && (x.from || p.offices.every((y) => !y.from && !y.to)));
  if (current) return { office: current, former: false };
  let latest: Office | undefined;
  for (const o of p.offices) if (!latest || (o.to ?? '9999') > (latest.to ?? '9999')) latest = o;
  return { office: latest, former: false };
}

class Dictionary implements ActorDictionary {
  private readonly byName = new Map<string, Target[]>();
  private readonly byId = new Map<string, Target>();
  private readonly countryBySurface = new Map<string, string>();
  private readonly list: { surface: string; kind: 'name' | 'adjective'; target: Target }[] = [];
  private surfaceCache?: { surface: string; kind: 'name' | 'adjective'; entry: ActorEntry }[];
  /** The country an office belongs to: its own, its affiliation's (none for international organisations), else
   * the person's. */
  private readonly place = new Map<Office, string | undefined>();

  /** What loading noticed but did not refuse (an id a user file took over from another kind of actor). */
  readonly warnings: string[];

  constructor(private readonly data: Data) {
    this.warnings = data.warnings;
    // user records first, so that a name both define resolves to the user's actor (lookups and the gazetteer
    // take the first entry for a surface)
    for (const user of [true, false]) {
      const mine = (r: object) => data.user.has(r) === user;
      for (const c of data.countries.values()) if (mine(c)) this.indexCountry(c);
      for (const o of data.orgs.values()) {
        if (!mine(o)) continue;
        const e: ActorEntry = { id: o.id, name: o.name, type: o.type };
        if (o.country) e.country = o.country;
        if (o.sector) e.sector = o.sector;
        this.indexNamed(e, o);
      }
      for (const p of data.people.values()) {
        if (!mine(p)) continue;
        const t = { person: p };
        this.byId.set(p.id, t);
        for (const n of [p.name, ...p.aliases]) this.add(n, 'name', t);
      }
    }
    // offices' countries once every affiliation's name is indexed
    for (const p of data.people.values()) for (const o of p.offices) this.place.set(o, this.officeCountry(p, o));
  }

  private indexCountry(c: CountryRec): void {
    const entry: ActorEntry = { id: c.code, name: c.name, type: 'COUNTRY', country: c.code };
    if (c.partOf) entry.partOf = c.partOf;
    const t = { entry };
    this.byId.set(c.code, t);
    for (const n of [c.name, ...c.aliases]) {
      this.add(n, 'name', t);
      this.country(n, c.code);
    }
    for (const n of c.adjectives) {
      this.add(n, 'adjective', t);
      this.country(n, c.code);
    }
    for (const k of c.capitals) {
      const cap: ActorEntry = { id: `${c.code}_CAPITAL_${snake(k.name)}`, name: k.name, type: 'LOC', country: c.code };
      this.indexNamed(cap, k);
    }
    for (const m of c.metonyms) {
      const met: ActorEntry = { id: `${c.code}_${snake(m.name)}`, name: m.name, type: m.type, country: c.code };
      if (m.sector) met.sector = m.sector;
      this.indexNamed(met, m);
    }
  }

  private officeCountry(p: PersonRec, o: Office): string | undefined {
    if (o.country) return o.country;
    if (o.affiliation) {
      const aff = this.byName.get(norm(o.affiliation)) ?? [];
      const e = aff.find((t): t is { entry: ActorEntry } => 'entry' in t);
      if (e) return e.entry.country;
    }
    return p.country;
  }

  private personEntry(p: PersonRec, date?: string): ActorEntry {
    const { office, former } = officeFor(p, date);
    return this.entryFor(p, office, former ? 'ELI' : undefined);
  }

  private entryFor(p: PersonRec, o: Office | undefined, sector?: string): ActorEntry {
    const e: ActorEntry = { id: p.id, name: p.name, type: 'PERSON' };
    const country = o ? this.place.get(o) : p.country;
    if (country) e.country = country;
    const s = o ? o.sector : sector;
    if (s) e.sector = s;
    if (o?.role) e.role = o.role;
    if (o?.affiliation) e.affiliation = o.affiliation;
    return e;
  }

  private indexNamed(entry: ActorEntry, r: NamedRec): void {
    const t = { entry };
    this.byId.set(entry.id, t);
    for (const n of [r.name, ...r.aliases]) this.add(n, 'name', t);
  }

  private add(surface: string, kind: 'name' | 'adjective', t: Target): void {
    const s = norm(surface);
    if (!s) return;
    const ts = this.byName.get(s);
    if (!ts) this.byName.set(s, [t]);
    else if (ts.includes(t)) return;
    else ts.push(t);
    this.list.push({ surface: s, kind, target: t });
  }

  private country(surface: string, code: string): void {
    const s = norm(surface);
    if (!this.countryBySurface.has(s)) this.countryBySurface.set(s, code);
  }

  private resolve(t: Target, date?: string): ActorEntry {
    return 'entry' in t ? { ...t.entry } : this.personEntry(t.person, date);
  }

  lookup(surface: string, date?: string): ActorEntry[] {
    const s = norm(surface);
    const ts = this.byName.get(s) ?? (this.byId.has(s) ? [this.byId.get(s)!] : []);
    return ts.map((t) => this.resolve(t, date));
  }

  countryOf(surface: string): string | undefined {
    const s = norm(surface);
    return this.countryBySurface.get(s) ?? (this.data.countries.has(s) ? s : undefined);
  }

  holder(role: string, country: string, date?: string): ActorEntry | undefined {
    const want = this.canonicalRole(role);
    const where = this.countryOf(country) ?? norm(country); // "Russia", "Russian" → RUS
    const whereIds = new Set<string>([where.toLowerCase(), norm(country).toLowerCase()]);
    for (const e of this.lookup(where)) whereIds.add(e.id.toLowerCase());
    const d = date?.slice(0, 10);
    let best: { p: PersonRec; o: Office } | undefined;
    for (const p of this.data.people.values()) {
      for (const o of p.offices) {
        if (!o.role || this.canonicalRole(o.role) !== want) continue;
        if (d ? !active(o, d) : o.to) continue;
        let place = this.place.get(o) === where;
        if (!place && o.affiliation) {
          const aff = norm(o.affiliation);
          place = whereIds.has(aff.toLowerCase()) || (this.byName.get(aff) ?? []).some((t) => 'entry' in t && whereIds.has(t.entry.id.toLowerCase()));
        }
        if (!place) continue;
        if (!best || (o.from ?? '') > (best.o.from ?? '')) best = { p, o };
      }
    }
    return best && this.entryFor(best.p, best.o);
  }

  private canonicalRole(role: string): string {
    const k = roleKey(role);
    return this.data.roles.get(k) ?? k;
  }

  surfaces(): Iterable<{ surface: string; kind: 'name' | 'adjective'; entry: ActorEntry }> {
    this.surfaceCache ??= this.list.map((x) => ({ surface: x.surface, kind: x.kind, entry: this.resolve(x.target) }));
    return this.surfaceCache;
  }
}

// ---------------------------------------------------------------------------------------------- loading

const DATA_DIR = new URL('../../data/actors/', import.meta.url);

let defaultContents: Content[] | undefined;
let defaultDictionary: Dictionary | undefined;
const extraCache = new Map<string, Dictionary>();

function loadDefaultContents(): Content[] {
  if (defaultContents) return defaultContents;
  const dir = fileURLToPath(DATA_DIR);
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort();
  return (defaultContents = files.map((f) => parseJsonFile(fileURLToPath(new URL(f, DATA_DIR)))));
}

function build(contents: Content[], userFrom = contents.length): Dictionary {
  const data: Data = { countries: new Map(), orgs: new Map(), people: new Map(), roles: new Map(), user: new Set(), warnings: [] };
  contents.forEach((c, i) => merge(data, c, i >= userFrom));
  return new Dictionary(data);
}

/** The dictionary from data/actors/*.json plus `extraFiles` (JSON in the same format, or PETRARCH `.txt`
 * actor files), later files extending earlier ones. Cached: the default per process, extras per path list
 * and modification times. Throws InputError naming the file on a malformed or unreadable file. A user file's
 * id that a bundled actor of another kind already has (a PETRARCH country "SAF" vs the Sudanese Armed Forces)
 * is not an error: the user's record replaces the bundled one, with a warning (`warnings`, and on stderr).
 * Names a user file defines resolve to its actors before the bundled ones ("New Zealand" [NZE]). */
export function loadActorDictionary(extraFiles: string[] = []): ActorDictionary {
  if (!extraFiles.length) return (defaultDictionary ??= build(loadDefaultContents()));
  let key = '';
  for (const f of extraFiles) {
    let mtime = -1;
    try {
      mtime = statSync(f).mtimeMs;
    } catch {
      throw new InputError(f, 'actor dictionary file not found');
    }
    key += `${f}\0${mtime}\0`;
  }
  const hit = extraCache.get(key);
  if (hit) return hit;
  const base = loadDefaultContents();
  const contents = [...base];
  const codes = new Set(base.flatMap((c) => c.countries.map((x) => x.code)));
  for (const f of extraFiles) {
    const c = f.toLowerCase().endsWith('.txt') ? parsePetrarchFile(f, (code) => codes.has(code)) : parseJsonFile(f);
    for (const x of c.countries) codes.add(x.code);
    contents.push(c);
  }
  const dict = build(contents, base.length);
  // said once per load (the dictionary is cached), on stderr through Node's warning channel
  for (const w of dict.warnings) process.emitWarning(w, 'ActorDictionaryWarning');
  if (extraCache.size > 16) extraCache.clear();
  extraCache.set(key, dict);
  return dict;
}
