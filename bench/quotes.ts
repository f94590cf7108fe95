// PolNeAR attribution relations: Source, Cue and Content found by the quote stage, scored per role with
// exact and token-overlap matchers, split by direct / mixed / indirect.
//   npm run bench:quotes [-- --data DIR] [--predictions-out DIR] [--errors]
// Default data: ../shared/benchmarks/quotes/polnear/dev (text/*.txt, attributions/*.ann), read at run time
// and never copied into the repo. One .ann per article (the alphabetically first annotator).
//
// Wirewatch's quotes leave the quote marks and the complementiser out of the content ("Peskov said that
// <content>"); PolNeAR keeps them in. The bench converts ours to PolNeAR's convention before scoring: the
// marks around a direct quote and a "that" right before the content join the content, and the parts
// of a quote or report interrupted by its attribution ("A," he said, "B"; A, he said, B) become one discontinuous content. PolNeAR gives
// each token one role, so a relation nested in another's content (a partial quote, an embedded "X says")
// is dropped in favour of the outer one.
import { mkdirSync, readdirSync, readFileSync, existsSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { analyzeDocument } from '../src/pipeline.ts';
import { loadData } from '../src/data.ts';
import { benchArgs } from './args.ts';

const args = benchArgs('quotes/polnear/dev', {
  errors: { type: 'boolean', default: false },
});
const dataDir = resolve(args.data!);

type Frag = [number, number];
type Role = 'Source' | 'Cue' | 'Content';
const ROLES: Role[] = ['Source', 'Cue', 'Content'];
type Kind = 'direct' | 'mixed' | 'indirect';
const KINDS: Kind[] = ['direct', 'mixed', 'indirect'];
/** One attribution relation: each role a list of fragments (empty when absent). */
interface AR { Source: Frag[]; Cue: Frag[]; Content: Frag[]; kind: Kind; resolved?: { name: string; person: boolean; named: boolean; nameBefore: boolean } }
interface Doc { name: string; text: string; published?: string; gold: AR[] }

function fail(message: string): never {
  console.error(`bench:quotes: ${message}`);
  process.exit(2);
}

if (!existsSync(join(dataDir, 'text')) || !existsSync(join(dataDir, 'attributions'))) fail(`${dataDir}: needs text/*.txt and attributions/*.ann`);

/** Trim whitespace off each fragment so "he said " and "he said" are the same span. */
function trimFrags(text: string, frags: Frag[]): Frag[] {
  return frags.map(([s, e]): Frag => {
    while (s < e && /\s/u.test(text[s])) s++;
    while (e > s && /\s/u.test(text[e - 1])) e--;
    return [s, e];
  }).filter(([s, e]) => e > s).sort((a, b) => a[0] - b[0]);
}

// two apostrophes stand for a double quotation mark in some papers ('' … '')
const OPEN = /^(?:[“"‘«„‹]|'')/u, CLOSE = /(?:[”"’»‹›]|'')[.,!?;:…]*$/u;
/** Direct: the content is one quotation; mixed: it holds quoted words; indirect: no quote marks. */
function kindOf(text: string, content: Frag[]): Kind {
  if (!content.length) return 'indirect';
  const whole = content.map(([s, e]) => text.slice(s, e)).join(' ');
  if (content.every(([s, e]) => OPEN.test(text.slice(s, e)) && CLOSE.test(text.slice(s, e)))) return 'direct';
  return /[“”"«»„]|(?:^|[^\p{L}])‘/u.test(whole) ? 'mixed' : 'indirect';
}

function readAnn(text: string, ann: string): AR[] {
  const spans = new Map<string, { label: string; frags: Frag[] }>();
  const out: AR[] = [];
  const lines = ann.split('\n');
  for (const line of lines) {
    const m = /^(T\d+)\t(\S+) ([\d ;]+)\t/.exec(line);
    if (!m) continue;
    const frags = m[3].split(';').map((p) => p.trim().split(' ').map(Number) as Frag);
    spans.set(m[1], { label: m[2], frags });
  }
  for (const line of lines) {
    if (!line.startsWith('E')) continue;
    const [, body = ''] = line.split('\t');
    const ar: AR = { Source: [], Cue: [], Content: [], kind: 'indirect' };
    for (const arg of body.split(' ').slice(1)) {
      const m = /^([A-Za-z]+?)\d*:(T\d+)$/.exec(arg);
      const span = m && spans.get(m[2]);
      if (!m || !span || !(ROLES as string[]).includes(m[1])) continue;
      ar[m[1] as Role].push(...span.frags);
    }
    for (const r of ROLES) ar[r] = trimFrags(text, ar[r]);
    ar.kind = kindOf(text, ar.Content);
    if (ar.Content.length || ar.Cue.length || ar.Source.length) out.push(ar);
  }
  return out;
}

function readDocs(): Doc[] {
  const published = new Map<string, string>();
  const meta = join(dataDir, 'metadata.tsv');
  if (existsSync(meta)) {
    const [head, ...rows] = readFileSync(meta, 'utf8').trim().split('\n').map((l) => l.split('\t'));
    const fi = head.indexOf('filename'), di = head.indexOf('publication_date');
    for (const r of rows) if (/^\d{4}-\d{2}-\d{2}$/.test(r[di] ?? '')) published.set(r[fi], r[di]);
  }
  const anns = readdirSync(join(dataDir, 'attributions')).filter((f) => f.endsWith('.ann')).sort();
  const docs: Doc[] = [];
  for (const t of readdirSync(join(dataDir, 'text')).filter((f) => f.endsWith('.txt')).sort()) {
    const name = t.slice(0, -4);
    const ann = anns.find((a) => a.startsWith(name + '_') && /^_[^_]+\.ann$/.test(a.slice(name.length)));
    if (!ann) { console.error(`bench:quotes: ${t}: no .ann, skipped`); continue; }
    const text = readFileSync(join(dataDir, 'text', t), 'utf8');
    docs.push({ name, text, published: published.get(name), gold: readAnn(text, readFileSync(join(dataDir, 'attributions', ann), 'utf8')) });
  }
  if (!docs.length) fail(`${dataDir}: no article with both a .txt and a .ann`);
  return docs;
}

/** The quote stage's output, in PolNeAR's span conventions and source offsets. */
function predict(d: Doc): AR[] {
  const doc = analyzeDocument(d.text, { published: d.published });
  const src = (s: number, e: number): Frag => [doc.map.toSource(s, 'start'), doc.map.toSource(e, 'end')];
  const named = new Set(doc.mentions.filter((m) => m.kind === 'name').map((m) => m.entity));
  const byCue = new Map<string, AR>();
  const kindByCue = new Map<string, string>();
  const out: AR[] = [];
  let last: { kind: string; speaker: string; ar: AR } | undefined;
  for (const q of doc.quotes) {
    let [s, e] = [q.sourceStart, q.sourceEnd];
    // the marks are part of PolNeAR's content; so is the complementiser
    if (d.text.slice(s - 2, s) === "''" && d.text.slice(e, e + 2) === "''") { s -= 2; e += 2; }
    // some sites open a quotation with a closing mark (”…”), which the quote stage reads as an opener too
    if (s > 0 && (/[“"‘«„‹]/u.test(d.text[s - 1]) || q.kind !== 'indirect' && d.text[s - 1] === '”')) s--;
    if (s !== q.sourceStart && /[”"’»›]/u.test(d.text[e] ?? '')) e++;
    // "says that “…”", "tweeted that, “…”": the complementiser joins a quotation's content too
    const that = /\bthat,?\s*$/i.exec(d.text.slice(Math.max(0, s - 8), s));
    if (that) s -= that[0].length;
    const content: Frag = [s, e];
    const cue = q.cue ? [src(q.cue.start, q.cue.end)] : [];
    const key = q.cue ? `${q.cue.start}` : '';
    // "A," he said, "B": one relation; so is a quotation that goes on after its attribution
    const joined = key ? (q.kind !== 'partial' && kindByCue.get(key) === q.kind ? byCue.get(key) : undefined) : q.kind === 'direct' && last?.kind === 'direct' && last.speaker === (q.speaker?.name ?? '') ? last.ar : undefined;
    if (joined) { joined.Content.push(content); continue; }
    const entity = q.speaker?.entity ? doc.entity(q.speaker.entity) : undefined;
    const firstName = entity && doc.mentions.find((m) => m.entity === entity.id && m.kind === 'name');
    const ar: AR = {
      Source: q.speaker?.mention ? [src(q.speaker.mention.start, q.speaker.mention.end)] : [],
      Cue: cue,
      Content: [content],
      kind: q.kind === 'direct' ? 'direct' : 'indirect',
      resolved: q.speaker ? { name: q.speaker.name, person: entity?.type === 'PERSON', named: !!entity && named.has(entity.id), nameBefore: !!firstName && !!q.speaker.mention && firstName.start <= q.speaker.mention.start } : undefined,
    };
    if (key) { byCue.set(key, ar); kindByCue.set(key, q.kind); }
    out.push(ar);
    if (q.kind === 'direct') last = { kind: q.kind, speaker: q.speaker?.name ?? '', ar };
  }
  // PolNeAR gives each token one role: a quoted fragment inside reported content is part of that content,
  // and so is an attribution nested in it ("Clinton says [Trump argues …]")
  const inside = (f: Frag[], b: AR) => f.length > 0 && f.every(([s, e]) => b.Content.some(([bs, be]) => bs <= s && e <= be));
  const within = (a: AR, b: AR) => a !== b && (inside(a.Content, b) || inside(a.Cue, b));
  const kept = out.filter((a) => !out.some((b) => within(a, b)));
  out.length = 0;
  out.push(...kept);
  for (const ar of out) {
    for (const r of ROLES) ar[r] = trimFrags(d.text, ar[r]);
    ar.kind = kindOf(d.text, ar.Content);
  }
  return out;
}

const keyOf = (f: Frag[]) => f.map(([s, e]) => `${s}-${e}`).join(';');
const WORD = /[\p{L}\p{N}]+|[^\s\p{L}\p{N}]/gu;
function tokenSet(text: string, frags: Frag[]): Set<number> {
  const out = new Set<number>();
  for (const [s, e] of frags) for (const m of text.slice(s, e).matchAll(WORD)) out.add(s + m.index!);
  return out;
}
function jaccard(a: Set<number>, b: Set<number>): number {
  let inter = 0;
  for (const x of a) if (b.has(x)) inter++;
  return inter ? inter / (a.size + b.size - inter) : 0;
}

/** Counts for one role and one kind: exact hits, any-overlap hits and summed Jaccard, one-to-one. */
interface Tally { gold: number; pred: number; exact: number; overlap: number; jaccardP: number; jaccardR: number }
const blank = (): Tally => ({ gold: 0, pred: 0, exact: 0, overlap: 0, jaccardP: 0, jaccardR: 0 });
const tallies = new Map<string, Tally>();
const tally = (role: Role, kind: Kind | 'all') => {
  const k = `${role}/${kind}`;
  let t = tallies.get(k);
  if (!t) tallies.set(k, (t = blank()));
  return t;
};

const errors: string[] = [];
function context(text: string, f: Frag[]): string {
  if (!f.length) return '∅';
  const s = f[0][0], e = f[f.length - 1][1];
  return (text.slice(Math.max(0, s - 40), s) + '[' + f.map(([a, b]) => text.slice(a, b)).join(' | ') + ']' + text.slice(e, e + 30)).replace(/\s+/g, ' ');
}

function score(d: Doc, pred: AR[]): void {
  for (const role of ROLES) {
    const g = d.gold.filter((a) => a[role].length), p = pred.filter((a) => a[role].length);
    const gTok = g.map((a) => tokenSet(d.text, a[role])), pTok = p.map((a) => tokenSet(d.text, a[role]));
    // exact first, then the best remaining overlaps
    const gMatch = new Array<number>(g.length).fill(-1), pMatch = new Array<number>(p.length).fill(-1);
    const exact = new Map(g.map((a, i) => [keyOf(a[role]), i]));
    p.forEach((a, j) => {
      const i = exact.get(keyOf(a[role]));
      if (i !== undefined && gMatch[i] < 0) { gMatch[i] = j; pMatch[j] = i; }
    });
    const pairs: [number, number, number][] = [];
    g.forEach((_, i) => { if (gMatch[i] < 0) p.forEach((_, j) => { if (pMatch[j] < 0) { const x = jaccard(gTok[i], pTok[j]); if (x > 0) pairs.push([x, i, j]); } }); });
    pairs.sort((a, b) => b[0] - a[0]);
    for (const [, i, j] of pairs) if (gMatch[i] < 0 && pMatch[j] < 0) { gMatch[i] = j; pMatch[j] = i; }
    g.forEach((a, i) => {
      for (const t of [tally(role, a.kind), tally(role, 'all')]) {
        t.gold++;
        const j = gMatch[i];
        if (j < 0) continue;
        const x = keyOf(a[role]) === keyOf(p[j][role]) ? 1 : jaccard(gTok[i], pTok[j]);
        if (x === 1) t.exact++;
        t.overlap++;
        t.jaccardR += x;
      }
      if (gMatch[i] < 0) errors.push(`FN\t${role}\t${a.kind}\t${d.name}\t${context(d.text, a[role])}`);
      else if (keyOf(a[role]) !== keyOf(p[gMatch[i]][role])) errors.push(`SPAN\t${role}\t${a.kind}\t${d.name}\tgold ${context(d.text, a[role])}\tours ${context(d.text, p[gMatch[i]][role])}`);
    });
    p.forEach((a, j) => {
      const i = pMatch[j];
      const kind = i >= 0 ? g[i].kind : a.kind;
      for (const t of [tally(role, kind), tally(role, 'all')]) {
        t.pred++;
        if (i >= 0) t.jaccardP += keyOf(a[role]) === keyOf(g[i][role]) ? 1 : jaccard(gTok[i], pTok[j]);
      }
      if (i < 0) errors.push(`FP\t${role}\t${a.kind}\t${d.name}\t${context(d.text, a[role])}`);
    });
  }
}

// share of pronoun and title sources whose attribution we found and resolved to a named person
const PRONOUN = /^(?:he|she|him|his|her|i|me|my)$/i;
const titles = loadData<{ titles: { title: string }[] }>('nlp/titles.json').titles.map((t) => t.title.toLowerCase());
const isTitle = (s: string) => /^the\s/i.test(s) && titles.some((t) => s.toLowerCase().endsWith(' ' + t));
const resolution = { pronoun: { gold: 0, found: 0, named: 0, before: 0 }, title: { gold: 0, found: 0, named: 0, before: 0 } };
function scoreResolution(d: Doc, pred: AR[]): void {
  for (const a of d.gold) {
    if (a.Source.length !== 1) continue;
    const s = d.text.slice(a.Source[0][0], a.Source[0][1]);
    const r = PRONOUN.test(s) ? resolution.pronoun : isTitle(s) ? resolution.title : undefined;
    if (!r) continue;
    r.gold++;
    const p = pred.find((x) => x.Source.length && x.Source[0][0] < a.Source[0][1] && a.Source[0][0] < x.Source[0][1]);
    if (!p) continue;
    r.found++;
    if (p.resolved?.person && p.resolved.named) r.named++;
    if (p.resolved?.person && p.resolved.named && p.resolved.nameBefore) r.before++;
  }
}

const docs = readDocs();
predict(docs[0]); // warm-up: JIT, lazy-loaded tables
const started = performance.now();
const predictions = docs.map((d) => {
  try { return predict(d); } catch (e) { console.error(`bench:quotes: ${d.name}: ${(e as Error).message}`); return []; }
});
const msPerDoc = (performance.now() - started) / docs.length;
docs.forEach((d, i) => { score(d, predictions[i]); scoreResolution(d, predictions[i]); });

const f1 = (p: number, r: number) => (p + r ? (2 * p * r) / (p + r) : 0);
const pct = (x: number) => (100 * x).toFixed(1);
const prf = (hit: number, pred: number, gold: number) => { const p = hit / (pred || 1), r = hit / (gold || 1); return [p, r, f1(p, r)]; };
const fmt = ([p, r, f]: number[]) => `${pct(p)} / ${pct(r)} / ${pct(f)}`;

const ANCHOR: Record<Role, string> = {
  Source: 'BERT+CofeNet 83.2, BERT 81.1, CoreNLP 13.9, rules 10.7; bar ≥ 75',
  Cue: 'BERT+CofeNet 75.3, BERT 74.0, rules 22.8; bar ≥ 75',
  Content: 'BERT+CofeNet 72.9, BERT 68.9, CoreNLP 17.5, rules 5.6; bar ≥ 65',
};
const rows: string[][] = [];
const summary: Record<string, number> = {};
for (const role of ROLES) for (const kind of ['all', ...KINDS] as const) {
  const t = tally(role, kind);
  const exact = prf(t.exact, t.pred, t.gold), overlap = prf(t.overlap, t.pred, t.gold);
  const jac = [t.jaccardP / (t.pred || 1), t.jaccardR / (t.gold || 1)];
  const jf = f1(jac[0], jac[1]);
  summary[`${role}/${kind}/exact`] = exact[2];
  summary[`${role}/${kind}/jaccard`] = jf;
  summary[`${role}/${kind}/overlap`] = overlap[2];
  let anchor = kind === 'all' ? ANCHOR[role] : '';
  if (role === 'Content' && kind === 'direct') anchor = 'bar: exact F1 ≥ 90';
  if (role === 'Content' && kind === 'all') anchor += '; token-overlap F1 ≥ 80';
  rows.push([`${role} ${kind}`, `${t.gold}/${t.pred}`, fmt(exact), fmt([...jac, jf]), fmt(overlap), anchor]);
}
const head = ['role kind', 'gold/ours', 'exact P / R / F1', 'Jaccard P / R / F1', 'any-overlap P / R / F1', 'anchors (PolNeAR test, exact F1)'];
const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
const line = (r: string[]) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]))).join('  ');
console.log(`PolNeAR attribution relations on ${relative(process.cwd(), dataDir) || '.'} (${docs.length} articles)\n`);
console.log(line(head));
for (const r of rows) console.log(line(r));
console.log('\nJaccard: each matched pair scores its token Jaccard (1 when exact), one-to-one; any-overlap: a shared token is a hit.');
console.log('Anchors are CofeNet (COLING 2022) test-split figures for models trained on PolNeAR train; ours is rules on dev.\n');
for (const [label, r] of [['pronoun sources (he, she, I, his, her…)', resolution.pronoun], ['title sources ("the spokesman")', resolution.title]] as const) {
  console.log(`${label}: ${r.gold} in gold, ${r.found} found, ${r.named} resolved to a named person in the article (${pct(r.named / (r.gold || 1))}%), ${r.before} of them named before the source`);
}
console.log(`ms/article: ${msPerDoc.toFixed(1)}`);

if (args.errors) console.error(errors.join('\n'));

if (args['predictions-out']) {
  const out = resolve(args['predictions-out']);
  mkdirSync(out, { recursive: true });
  docs.forEach((d, i) => {
    const lines: string[] = [];
    let t = 0, e = 0;
    const span = (label: string, f: Frag[]) => {
      const id = `T${++t}`;
      lines.push(`${id}\t${label} ${f.map(([s, x]) => `${s} ${x}`).join(';')}\t${f.map(([s, x]) => d.text.slice(s, x)).join(' ').replace(/\s+/g, ' ')}`);
      return id;
    };
    for (const ar of predictions[i]) {
      const args: string[] = [];
      for (const role of ROLES) if (ar[role].length) args.push(`${role}:${span(role, ar[role])}`);
      const anchor = ar.Cue.length ? ar.Cue : ar.Content;
      const trigger = span('Attribution', anchor);
      lines.push(`E${++e}\t${ar.Source.length ? 'Attribution' : 'Attribution-no-source'}:${trigger} ${args.join(' ')}`);
    }
    writeFileSync(join(out, `${d.name}.ann`), lines.join('\n') + (lines.length ? '\n' : ''));
  });
}

const s = (k: string) => pct(summary[k]);
console.log(`\nquotes: exact F1 Source ${s('Source/all/exact')}, Cue ${s('Cue/all/exact')}, Content ${s('Content/all/exact')} (Jaccard ${s('Content/all/jaccard')}, overlap ${s('Content/all/overlap')}), direct Content ${s('Content/direct/exact')}; pronoun sources resolved ${pct(resolution.pronoun.named / (resolution.pronoun.gold || 1))}% (${docs.length} articles, ${msPerDoc.toFixed(1)} ms/article)`);
