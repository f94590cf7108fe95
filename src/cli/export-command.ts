import { Command, Option } from 'commander';
import { createWriteStream, renameSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { InputError } from '../errors.ts';
import { exportTo, TABLE_KINDS, type ExportRequest, type TableKind } from '../export/index.ts';
import { openStore } from '../store/index.ts';

const KINDS = [...TABLE_KINDS, 'network'] as const;
const FORMATS = ['csv', 'tsv', 'jsonl', 'gexf'] as const;

interface ExportOptions { format?: (typeof FORMATS)[number]; gdelt?: boolean; out?: string; db: string }

export function addExportCommand(program: Command, dbOption: () => Option): void {
  program.command('export')
    .description('stream stored data as CSV, TSV or JSON lines (any size), events as GDELT 2.0, the actor network as GEXF')
    .addArgument(program.createArgument('<what>', 'what to export').choices(KINDS))
    .addOption(new Option('--format <format>', 'csv (default), tsv or jsonl; gexf for network').choices(FORMATS))
    .option('--gdelt', 'events: the GDELT 2.0 Event table (61 columns); mentions: its Mentions table (16); tab-separated, no header')
    .option('--out <file>', 'write to this file instead of stdout')
    .addOption(dbOption())
    .addHelpText('after', '\nevents: one row per happening (reports of it merged), with mention, article, source and story counts\n' +
      'mentions: one row per report of a happening, with its article, sentence and evidence spans\n' +
      'quotes: every stored quote, with its story (copies of one story repeat it)\n' +
      'actors: one row per actor across articles, with article, mention and event counts\n' +
      'network: actors and who acts on whom, for Gephi (--format gexf)')
    .action(async (what: (typeof KINDS)[number], o: ExportOptions) => {
      const req = request(what, o);
      const store = await openStore(o.db, { mustExist: true });
      try {
        await (o.out ? toFile(o.out, (out) => exportTo(store.sql, req, out)) : exportTo(store.sql, req, process.stdout));
      } finally {
        await store.close();
      }
    });
}

function request(what: (typeof KINDS)[number], o: ExportOptions): ExportRequest {
  if (what === 'network') {
    if (o.gdelt) throw new InputError('--gdelt', 'applies to `export events` and `export mentions` only');
    if (o.format && o.format !== 'gexf') throw new InputError('--format', `the network is exported as gexf, not ${o.format}`);
    return { kind: 'network', format: 'gexf' };
  }
  if (o.format === 'gexf') throw new InputError('--format', `gexf is for \`export network\`, not ${what}`);
  if (o.gdelt) {
    if (what !== 'events' && what !== 'mentions') throw new InputError('--gdelt', `applies to \`export events\` and \`export mentions\` only, not ${what}`);
    if (o.format && o.format !== 'tsv') throw new InputError('--format', `GDELT files are tab-separated: use tsv or leave --format out, not ${o.format}`);
    return { kind: what, format: 'tsv', gdelt: true };
  }
  return { kind: what as TableKind, format: o.format ?? 'csv' };
}

// Written under a temporary name and renamed at the end, so a failed export never leaves a file that
// looks complete.
async function toFile(file: string, write: (out: Writable) => Promise<void>): Promise<void> {
  const partial = `${file}.partial`;
  const out = createWriteStream(partial);
  try {
    await once(out, 'open');
  } catch (e) {
    throw new InputError(file, `cannot write (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  try {
    await write(out);
    out.end();
    await once(out, 'finish');
    renameSync(partial, file);
  } catch (e) {
    out.destroy();
    rmSync(partial, { force: true });
    throw e;
  }
}
