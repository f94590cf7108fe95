// Synthetic-but-realistic analyses for load tests: the real pipeline analyses real news texts (the
// shared example and the PolNeAR dev articles, read from ../shared at run time, never copied here), then
// each analysis is copied with its dates moved by a whole number of days and a closing line that makes its
// text (and so its id) unique. Actors, quotes, events and evidence spans stay those the pipeline found.
//
//   tsx scripts/synth-analyses.ts [--count 10000] [--data DIR]... [--out FILE.ndjson]
import { createWriteStream, existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { analyze, contentId } from '../src/pipeline.ts';
import type { Article } from '../src/schema/article.ts';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const DEFAULT_SOURCES = [
  resolve(REPO, '../shared/examples'),
  resolve(REPO, '../shared/benchmarks/quotes/polnear/dev/text'),
];
const DAY = 86_400_000;
/** Copies spread over two years either side of their original date. */
const SPREAD_DAYS = 730;

/** Analyse every .txt under the source folders with the real pipeline. Bad files are reported and skipped. */
export function baseAnalyses(sources: string[]): Article[] {
  const out: Article[] = [];
  for (const dir of sources) {
    if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new Error(`${dir}: no such folder`);
    for (const f of readdirSync(dir).filter((n) => n.endsWith('.txt')).sort()) {
      const file = join(dir, f);
      try {
        const raw = readFileSync(file, 'utf8');
        const published = dateInName(f) ?? knownDate(f);
        out.push(analyze(raw, { uri: `synthetic/${f}`, published }));
      } catch (e) {
        process.stderr.write(`synth: ${file}: ${(e as Error).message}\n`);
      }
    }
  }
  if (out.length === 0) throw new Error(`no analysable .txt files in ${sources.join(', ')}`);
  return out;
}

/** The i-th copy of the bases: deterministic, so two runs make the same database. */
export function synthesize(bases: Article[], i: number): Article {
  const base = bases[i % bases.length];
  const shift = ((i * 7919) % (2 * SPREAD_DAYS + 1)) - SPREAD_DAYS;
  const note = `Synthetic copy ${i} of ${base.source.uri} for load tests, dates moved ${shift} days.`;
  const sep = '\n\n';
  const text = `${base.text}${sep}${note}`;
  const a = structuredClone(base);
  a.text = text;
  a.id = contentId(text);
  const start = base.text.length + sep.length;
  a.paragraphs.push({ start, end: text.length, sourceStart: start, sourceEnd: text.length, kind: 'paragraph' });
  a.source.uri = `synthetic/${i}/${basename(base.source.uri ?? 'article')}`;
  if (a.meta.published) a.meta.published = moved(a.meta.published, shift)!;
  for (const t of a.times) t.value = moved(t.value, shift);
  for (const q of a.quotes) if (q.date) q.date.value = moved(q.date.value, shift);
  for (const e of a.events) if (e.date) e.date = moved(e.date, shift);
  return a;
}

/** Move a TIMEX value by whole days: days and date-times exactly, months and years by the moved 15th. */
function moved(value: string | null, days: number): string | null {
  if (value === null) return null;
  let m = /^(\d{4}-\d{2}-\d{2})(.*)$/.exec(value);
  if (m) return `${new Date(Date.parse(m[1]) + days * DAY).toISOString().slice(0, 10)}${m[2]}`;
  m = /^(\d{4})-(\d{2})$/.exec(value);
  if (m) return new Date(Date.parse(`${m[1]}-${m[2]}-15`) + days * DAY).toISOString().slice(0, 7);
  m = /^(\d{4})$/.exec(value);
  if (m) return new Date(Date.parse(`${m[1]}-07-01`) + days * DAY).toISOString().slice(0, 4);
  return value; // weeks, quarters, seasons, references: left as they were
}

function dateInName(name: string): string | undefined {
  return /(\d{4}-\d{2}-\d{2})/.exec(name)?.[1];
}

// The shared example's sidecar lives in this repo's examples/, not beside the shared copy.
function knownDate(name: string): string | undefined {
  const sidecar = join(REPO, 'examples', name.replace(/\.txt$/, '.meta.json'));
  return existsSync(sidecar) ? (JSON.parse(readFileSync(sidecar, 'utf8')) as { published?: string }).published : undefined;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({
    options: { count: { type: 'string', default: '10000' }, data: { type: 'string', multiple: true }, out: { type: 'string' } },
  });
  const count = Number(values.count);
  if (!Number.isInteger(count) || count < 1) {
    process.stderr.write(`synth: --count: not a positive whole number: "${values.count}"\n`);
    process.exit(2);
  }
  const bases = baseAnalyses((values.data ?? DEFAULT_SOURCES).map((d) => resolve(d)));
  const out = values.out ? createWriteStream(values.out) : process.stdout;
  for (let i = 0; i < count; i++) out.write(`${JSON.stringify(synthesize(bases, i))}\n`);
  if (values.out) out.end();
  process.stderr.write(`synth: ${count} analyses from ${bases.length} real ones${values.out ? ` → ${values.out}` : ''}\n`);
}
