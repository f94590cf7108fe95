import { Command, Option } from 'commander';
import { existsSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { InputError } from '../errors.ts';
import type { Article } from '../schema/article.ts';
import { isCalendarDate, parsePublished } from '../ingest/published.ts';
import { queryEvents, queryQuotes, search } from '../query/index.ts';
import { allHappenings, happeningLine } from './happenings.ts';
import { openStore, type Store } from '../store/index.ts';
import { addExportCommand } from './export-command.ts';
import { eventLine, formatArticle, quoteLine } from './format-text.ts';
import { printRows, ROW_FORMATS, type RowFormat } from './print-rows.ts';

const DEFAULT_DB = './wirewatch.db';
const EXAMPLES_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'examples');

// The pipeline (and whatever tables it loads) is imported only by the commands that analyse,
// so queries start fast and keep working whatever state the analysis code is in.
const analysis = () => import('./analysis.ts');

const dbOption = () => new Option('--db <file|url>', 'SQLite database file, or a PostgreSQL server: postgres://user@host/db').default(DEFAULT_DB);
const rowFormat = () => new Option('--format <format>', 'output format').choices(ROW_FORMATS).default('text');
const allowPrivate = () => new Option('--allow-private', 'allow fetching from loopback, private and link-local addresses (refused by default)');
const collect = (value: string, list: string[]) => [...list, value];
const actorsOption = () => new Option('--actors <file>', 'extra actor dictionary (JSON, or PETRARCH .actors.txt); repeatable').argParser(collect).default([]);
const published = () => new Option('--published <date>', 'publication date: YYYY-MM-DD or ISO date-time with offset (resolves "on Monday")');

export function addCommands(program: Command): void {
  program.command('analyze')
    .description('analyse one input (text or HTML file, - for stdin, a URL, a feed or a WARC file) and print the result')
    .argument('<file>', 'article file, URL, feed or WARC file, or - to read stdin')
    .addOption(published())
    .option('--url <url>', 'where the article was published')
    .addOption(new Option('--format <format>', 'output format').choices(['json', 'text']).default('json'))
    .addOption(allowPrivate())
    .addOption(actorsOption())
    .addHelpText('after', '\nA feed or WARC file gives several articles: JSON output is then an array.')
    .action(async (file: string, o: { published?: string; url?: string; format: 'json' | 'text'; allowPrivate?: boolean; actors: string[] }) => {
      const { analyzeAll, checkActorFiles } = await analysis();
      checkActorFiles(o.actors);
      const results = await analyzeAll(file, { published: checkedPublished(o.published), url: o.url }, { allowPrivate: o.allowPrivate, actors: o.actors });
      const articles = results.filter((r): r is Article => !(r instanceof InputError));
      const errors = results.filter((r): r is InputError => r instanceof InputError);
      // a single input that failed is the command's error; errors beside articles are reported and the rest printed
      if (articles.length === 0 && errors.length === 1) throw errors[0];
      for (const e of errors) process.stderr.write(`wirewatch: ${e.message}\n`);
      if (o.format === 'text') { if (articles.length) process.stdout.write(`${articles.map(formatArticle).join('\n\n────────\n\n')}\n`); }
      else process.stdout.write(`${JSON.stringify(articles.length === 1 && errors.length === 0 ? articles[0] : articles, null, 2)}\n`);
      if (errors.length) process.exitCode = 2;
    });

  program.command('ingest')
    .description('analyse articles and store them: files, folders (recursively: .txt, .md, .html, .htm, .xml, .rss, .atom, .warc, .gz, no extension), URLs, feeds, WARC files')
    .argument('<paths...>', 'files, folders, URLs, or - for stdin')
    .addOption(dbOption())
    .addOption(published())
    .option('--url <url>', 'where the article was published (for a single article)')
    .addOption(allowPrivate())
    .addOption(actorsOption())
    .option('--workers <n>', 'worker threads analysing and storing in parallel (0: in this thread; default: one per core when there are 32 inputs or more)', intArg('--workers', 0))
    .option('--resume', 'leave out the inputs an earlier (interrupted) run into this database already took')
    .option('--batch <n>', 'articles per database transaction', intArg('--batch', 1), 32)
    .option('--timeout <seconds>', 'give up an input whose analysis takes longer than this (worker threads only)', intArg('--timeout', 1), 60)
    .addHelpText('after', '\nA file story.txt may have a sidecar story.meta.json (or story.txt.meta.json) with\n' +
      '{ "published": "2025-03-31", "url": "..." }; --published and --url override it.\n' +
      'Ctrl-C stops after the inputs in hand are stored; run again with --resume to continue.\n' +
      'Exit status: 0 when every input was stored, 2 when any failed (each named on stderr), 130 when interrupted.')
    .action(async (paths: string[], o: { db: string; published?: string; url?: string; allowPrivate?: boolean; actors: string[]; workers?: number; resume?: boolean; batch: number; timeout: number }) => {
      const meta = { published: checkedPublished(o.published), url: o.url };
      const { ingestFiles, countsLine, checkActorFiles } = await analysis();
      checkActorFiles(o.actors);
      const stop = interrupted();
      const { counts, shown } = await withStoreAsync(o.db, async (store) => ({
        shown: store.target, // never the password of a PostgreSQL URL
        counts: await ingestFiles(store, paths, meta, undefined, {
          allowPrivate: o.allowPrivate, actors: o.actors, workers: o.workers, resume: o.resume, batch: o.batch,
          timeoutMs: o.timeout * 1000, stop: stop.promise, db: o.db,
        }),
      }));
      stop.dispose();
      process.stdout.write(`${countsLine(shown, counts)}\n`);
      if (counts.interrupted) process.exitCode = 130;
      else if (counts.failed > 0) process.exitCode = 2;
    });

  program.command('quotes')
    .description('list stored quotes: who said what, when')
    .option('--speaker <name>', 'speaker name or surname, case-insensitive ("Peskov")')
    .addOption(dbOption())
    .addOption(rowFormat())
    .action(async (o: { speaker?: string; db: string; format: RowFormat }) => {
      const rows = await withStore(o.db, true, (s) => queryQuotes(s.sql, { speaker: o.speaker }));
      printRows(rows, o.format, (r) => `${quoteLine(r.speaker ?? '(unattributed)', r.text, r.date)}  [${r.uri ?? r.article_id}]`, 'quotes');
    });

  program.command('events')
    .description('list stored events: who did what to whom, when')
    .option('--actor <name|code>', 'source or target: part of the name, or ISO alpha-3 country code ("RUS")')
    .option('--type <type>', 'PLOVER event type ("THREATEN")')
    .option('--from <date>', 'events on or after this day (YYYY-MM-DD)')
    .option('--to <date>', 'events on or before this day (YYYY-MM-DD)')
    .option('--merged', 'one row per happening, merged across the articles reporting it, with counts of mentions, articles, sources and stories')
    .addOption(dbOption())
    .addOption(rowFormat())
    .action(async (o: { actor?: string; type?: string; from?: string; to?: string; merged?: boolean; db: string; format: RowFormat }) => {
      const query = { actor: o.actor, type: o.type, from: checkedDay(o.from, '--from'), to: checkedDay(o.to, '--to') };
      if (o.merged) {
        const happenings = await withStore(o.db, true, (s) => allHappenings(s.sql, query));
        printRows(happenings, o.format, happeningLine, 'happenings');
        return;
      }
      const rows = await withStore(o.db, true, (s) => queryEvents(s.sql, query));
      printRows(rows, o.format, (r) => `${eventLine({
        sourceName: r.source_name, sourceCountry: r.source_country, type: r.type, mode: r.mode, cameo: r.cameo,
        targetName: r.target_name, targetCountry: r.target_country, date: r.date, quantities: r.quantities,
        conditional: r.conditional, negated: r.negated,
      })}  [${r.uri ?? r.article_id}]`, 'events');
    });

  program.command('search')
    .description('full-text search of stored article text, titles and quotes (all words must occur)')
    .argument('<words>', 'words to find; punctuation and operators are searched for literally')
    .addOption(dbOption())
    .addOption(rowFormat())
    .action(async (words: string, o: { db: string; format: RowFormat }) => {
      const rows = await withStore(o.db, true, (s) => search(s.sql, words));
      printRows(rows, o.format, (r) => `${r.uri ?? r.article_id}${r.kind === 'quote' ? ` (quote ${r.quote_id})` : ''}: ${r.snippet}`, 'matches');
    });

  program.command('serve')
    .description('serve the HTTP API (OpenAPI at /openapi.json) and the web page')
    .addOption(dbOption())
    .addOption(new Option('--port <n>', 'TCP port (0 picks a free one)').default('8080'))
    .addOption(new Option('--host <address>', 'address to listen on; beyond loopback, writes need WIREWATCH_TOKEN').default('127.0.0.1'))
    .addHelpText('after', '\nPOST /api/ingest and /api/analyze need "Authorization: Bearer $WIREWATCH_TOKEN" when the token is set,\n' +
      'and are closed without it when --host is not a loopback address.')
    .action(async (o: { db: string; port: string; host: string }) => {
      const port = Number(o.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new InputError('--port', `not a port number: "${o.port}"`);
      const { serve } = await import('../serve/index.ts');
      await serve({ db: o.db, port, host: o.host, token: process.env.WIREWATCH_TOKEN || undefined });
    });

  addExportCommand(program, dbOption);

  program.command('demo')
    .description('ingest the bundled example articles and print what was found in them')
    .addOption(dbOption())
    .action(async (o: { db: string }) => {
      const { ingestFiles, countsLine } = await analysis();
      const summaries: string[] = [];
      const counts = await withStoreAsync(o.db, (store) =>
        ingestFiles(store, [shortPath(EXAMPLES_DIR)], {}, (a) => summaries.push(formatArticle(a))));
      process.stdout.write(`${summaries.join('\n\n────────\n\n')}\n\n${countsLine(o.db, counts)}\n`);
      const db = o.db === DEFAULT_DB ? '' : ` --db ${o.db}`;
      process.stdout.write('Query further:\n' +
        `  npx wirewatch quotes --speaker Peskov${db}\n` +
        `  npx wirewatch events --actor RUS${db}\n` +
        `  npx wirewatch search "phone call"${db}\n` +
        '  npx wirewatch --help\n');
      if (counts.failed > 0) process.exitCode = 2;
    });
}

async function withStore<T>(target: string, mustExist: boolean, fn: (store: Store) => Promise<T>): Promise<T> {
  const store = await openStore(target, { mustExist });
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

function withStoreAsync<T>(target: string, fn: (store: Store) => Promise<T>): Promise<T> {
  return withStore(target, false, fn);
}

/** Whole-number option parser with a floor, reporting the flag by name. */
function intArg(flag: string, min: number): (v: string) => number {
  return (v) => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < min) throw new InputError(flag, `not a whole number of at least ${min}: "${v}"`);
    return n;
  };
}

/** The first Ctrl-C (or SIGTERM) asks for a clean stop; a second one leaves at once. */
function interrupted(): { promise: Promise<void>; dispose(): void } {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => { resolve = r; });
  let asked = false;
  const onSignal = () => {
    if (asked) process.exit(130);
    asked = true;
    process.stderr.write('wirewatch: stopping after the inputs in hand are stored (Ctrl-C again to quit now)\n');
    resolve();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return { promise, dispose: () => { process.off('SIGINT', onSignal); process.off('SIGTERM', onSignal); } };
}

function checkedPublished(s: string | undefined): string | undefined {
  return s === undefined ? undefined : parsePublished(s);
}

function checkedDay(s: string | undefined, flag: string): string | undefined {
  if (s === undefined || isCalendarDate(s)) return s;
  throw new InputError(flag, `not a date: "${s}" (expected YYYY-MM-DD)`);
}

/** Paths under the working directory are shown (and recorded as source.uri) relative to it. */
function shortPath(p: string): string {
  const rel = relative(process.cwd(), p);
  return rel && !rel.startsWith('..') && existsSync(rel) ? rel : p;
}
