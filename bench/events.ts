// Event coding against the two public gold sets (CAMEO and PLOVER).
//   npm run bench:events [-- --data DIR] [--predictions-out FILE] [--errors]
// DIR (default ../shared/benchmarks/events) holds petrarch2-validation/ and plover-gsr-cameo/, read at run time and
// never copied here. PETRARCH records are coded with the set's own dictionaries (actors through the pipeline's
// user-dictionary option, verbs and agents through the events stage's): the text goes through the real pipeline,
// the Treebank parse is not used. Scoring follows PETRARCH's validation.py: a record is right when the set of
// (source, target, code) triples equals the expected set.
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { analyzeDocument } from '../src/pipeline.ts';
import { codeEvents } from '../src/events/code.ts';
import type { Event, EventActor } from '../src/schema/article.ts';
import { benchArgs } from './args.ts';

const args = benchArgs('events', {
  errors: { type: 'boolean', default: false },
});
const dataDir = resolve(args.data!);
const petrarchDir = join(dataDir, 'petrarch2-validation');
const ploverFile = join(dataDir, 'plover-gsr-cameo', 'PLOVER_GSR_CAMEO.dev.json');
for (const p of [join(petrarchDir, 'PETR.UnitTest.records.dev.jsonl'), ploverFile]) {
  if (!existsSync(p)) { console.error(`bench:events: ${p}: not found (--data should name the events benchmark folder)`); process.exit(2); }
}

const predictions: string[] = [];
const errors: string[] = [];
const pct = (n: number, d: number) => (d ? `${((100 * n) / d).toFixed(1)}%` : '—');

// CAMEO actor codes are country then sector ("GONGOV"), except international/non-state heads ("IGOEEU").
const HEADS = new Set(['IGO', 'NGO', 'IMG', 'MNC', 'NGM', 'UIS', 'ELI']);
function actorCode(a: EventActor): string {
  const sector = a.sector ?? '';
  if (HEADS.has(sector.slice(0, 3))) return sector + (a.country ?? '');
  return (a.country ?? '---') + sector;
}

// ------------------------------------------------------------------------------------------------ PETRARCH
interface PRecord { id: string; date: string; text: string; expected: { source: string; target: string; event: string }[]; noevents: boolean; error: string | null }
const precords: PRecord[] = readFileSync(join(petrarchDir, 'PETR.UnitTest.records.dev.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
const dicts = join(petrarchDir, 'dictionaries');
const eventOpts = { verbs: [join(dicts, 'PETR.Validate.verbs.txt')], agents: [join(dicts, 'PETR.Validate.agents.txt')], discards: [join(dicts, 'PETR.Validate.discards.txt')], codedActorsOnly: true, requireTarget: true };
// the set's own actors; an id that clashes with a bundled actor (AARDVARK [SAF] vs the Sudanese Armed Forces)
// makes the loader warn and take the set's entry
const actors = [join(dicts, 'PETR.Validate.actors.txt')];

let pRoot = 0, pFull = 0, pSpurious = 0, pNoEvent = 0, pNoEventOk = 0, pWithEvents = 0;
for (const r of precords) {
  const published = `${r.date.slice(0, 4)}-${r.date.slice(4, 6)}-${r.date.slice(6, 8)}`;
  let events: Event[] = [];
  try {
    const doc = analyzeDocument(r.text, { published, actors });
    codeEvents(doc, eventOpts);
    events = doc.events;
  } catch (e) {
    errors.push(`petrarch ${r.id}: ${(e as Error).message}`);
  }
  const got = events.map((e) => ({ source: actorCode(e.source), target: actorCode(e.target), cameo: e.cameo }));
  predictions.push(JSON.stringify({ set: 'petrarch', id: r.id, events: got.map((g, i) => ({ ...g, type: events[i].type, mode: events[i].mode })) }));
  const key = (s: string, t: string, c: string) => `${s}>${t}:${c}`;
  const want = r.expected;
  const setOf = (xs: string[]) => [...new Set(xs)].sort().join(' ');
  const wantRoot = setOf(want.map((w) => key(w.source, w.target, w.event.slice(0, 2))));
  const gotRoot = setOf(got.map((g) => key(g.source, g.target, g.cameo.slice(0, 2))));
  const wantFull = setOf(want.map((w) => key(w.source, w.target, w.event)));
  const gotFull = setOf(got.map((g) => key(g.source, g.target, g.cameo)));
  if (wantRoot === gotRoot) pRoot++;
  if (wantFull === gotFull) pFull++;
  const wantSet = new Set(wantRoot.split(' '));
  if (got.some((g) => !wantSet.has(key(g.source, g.target, g.cameo.slice(0, 2))))) pSpurious++;
  if (!want.length) { pNoEvent++; if (!got.length) pNoEventOk++; } else pWithEvents++;
  if (args.errors && wantRoot !== gotRoot) errors.push(`petrarch ${r.id}: want [${wantFull}] got [${gotFull}] | ${r.text}`);
}

// ------------------------------------------------------------------------------------------------ PLOVER
interface GActor { actorText: string; code: string; sector?: string }
interface GRecord { id: string; event?: string; mode?: string; source?: GActor[] | ''; target?: GActor[] | ''; text: string; eventText?: string }
const OLD: Record<string, string> = { DEMAND: 'REQUEST', DISAPPROVE: 'ACCUSE', INVESTIGATE: 'ACCUSE', FIGHT: 'ASSAULT' };
const grecords = (JSON.parse(readFileSync(ploverFile, 'utf8')) as GRecord[]).filter((r) => r.event && r.event !== 'DOCUMENT');
let typeOk = 0, srcOk = 0, srcN = 0, tgtOk = 0, tgtN = 0;
const classes = new Map<string, { tp: number; fp: number; fn: number }>();
const cls = (c: string) => classes.get(c) ?? (classes.set(c, { tp: 0, fp: 0, fn: 0 }), classes.get(c)!);
for (const r of grecords) {
  const gold = OLD[r.event!] ?? r.event!;
  let events: Event[] = [];
  try { events = analyzeDocument(r.text, { published: '2000-01-01' }).events; } catch (e) { errors.push(`plover ${r.id}: ${(e as Error).message}`); }
  // the event the record is about: the one whose trigger is among the record's event words, else the first
  const evWords = new Set((r.eventText ?? '').toLowerCase().split(/\W+/).filter(Boolean));
  const main = events.find((e) => e.evidence.some((x) => x.role === 'trigger' && x.text.toLowerCase().split(/\W+/).some((w) => evWords.has(w)))) ?? events[0];
  const type = main?.type ?? 'NONE';
  predictions.push(JSON.stringify({ set: 'plover', id: r.id, events: events.map((e) => ({ source: actorCode(e.source), target: actorCode(e.target), cameo: e.cameo, type: e.type, mode: e.mode })) }));
  if (type === gold) { typeOk++; cls(gold).tp++; } else { cls(gold).fn++; if (main) cls(type).fp++; }
  const codes = (a: GRecord['source']) => (Array.isArray(a) ? a.map((x) => x.code.slice(0, 3)) : []);
  const gs = codes(r.source), gt = codes(r.target);
  if (gs.length) { srcN++; if (main?.source.country && gs.includes(main.source.country)) srcOk++; }
  if (gt.length) { tgtN++; if (main?.target.country && gt.includes(main.target.country)) tgtOk++; }
  if (args.errors && type !== gold) errors.push(`plover ${r.id}: want ${gold} got ${type} ${main?.cameo ?? ''} | ${r.text}`);
}
const goldClasses = [...new Set(grecords.map((r) => OLD[r.event!] ?? r.event!))];
const f1s = goldClasses.map((c) => {
  const { tp, fp, fn } = cls(c);
  return tp ? (2 * tp) / (2 * tp + fp + fn) : 0;
});
const macroF1 = f1s.reduce((a, b) => a + b, 0) / f1s.length;

if (args['predictions-out']) writeFileSync(args['predictions-out'], predictions.join('\n') + '\n');
for (const e of errors) console.error(e);

const rows: [string, string, string][] = [
  ['PETRARCH dev: records correct, CAMEO root', pct(pRoot, precords.length), '68.3% (UD-PETRARCH); bar 80%'],
  ['PETRARCH dev: records correct, full code', pct(pFull, precords.length), '—'],
  ['PETRARCH dev: records with spurious events', pct(pSpurious, precords.length), '23% (UD-PETRARCH); bar ≤ 10%'],
  ['PETRARCH dev: no-event records left empty', `${pNoEventOk}/${pNoEvent}`, '—'],
  ['PLOVER dev: event-type accuracy', pct(typeOk, grecords.length), 'bar 80%'],
  ['PLOVER dev: event-type macro-F1', `${(100 * macroF1).toFixed(1)}`, '—'],
  ['PLOVER dev: source actor (country) accuracy', pct(srcOk, srcN), '—'],
  ['PLOVER dev: target actor (country) accuracy', pct(tgtOk, tgtN), '—'],
];
const w0 = Math.max(...rows.map((r) => r[0].length)), w1 = 8;
console.log(`${'measure'.padEnd(w0)}  ${'wirewatch'.padStart(w1)}  anchor`);
for (const [a, b, c] of rows) console.log(`${a.padEnd(w0)}  ${b.padStart(w1)}  ${c}`);
console.log(`events: PETRARCH ${precords.length} records (${pWithEvents} with events) ${pct(pRoot, precords.length)} correct at root, ${pct(pSpurious, precords.length)} spurious; PLOVER ${grecords.length} records type accuracy ${pct(typeOk, grecords.length)}, macro-F1 ${(100 * macroF1).toFixed(1)}`);
