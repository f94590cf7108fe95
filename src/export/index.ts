import type { Sql } from '../store/sql.ts';
import type { Writable } from 'node:stream';
import { GDELT_EVENT_COLUMNS, GDELT_MENTION_COLUMNS, gdeltEvents, gdeltMentions } from './gdelt.ts';
import { writeGexf } from './gexf.ts';
import { readTable, type TableKind } from './tables.ts';
import { writeTable, type RowFormat } from './write-rows.ts';

export { TABLE_KINDS, readTable, type TableKind, type Table } from './tables.ts';
export { GDELT_EVENT_COLUMNS, GDELT_MENTION_COLUMNS, gdeltRow } from './gdelt.ts';
export { writeGexf } from './gexf.ts';
export { writeTable, type RowFormat } from './write-rows.ts';

export type ExportRequest =
  | { kind: TableKind; format: RowFormat; gdelt?: false }
  | { kind: 'events' | 'mentions'; format: 'tsv'; gdelt: true }
  | { kind: 'network'; format: 'gexf' };

/** Stream one export to `out` (which is left open). */
export async function exportTo(db: Sql, req: ExportRequest, out: Writable): Promise<void> {
  if (req.kind === 'network') return writeGexf(db, out);
  if ('gdelt' in req && req.gdelt) {
    // GDELT's files have no header row.
    const table = req.kind === 'events'
      ? { columns: GDELT_EVENT_COLUMNS, rows: gdeltEvents(db), json: new Set<string>(), flags: new Set<string>() }
      : { columns: GDELT_MENTION_COLUMNS, rows: gdeltMentions(db), json: new Set<string>(), flags: new Set<string>() };
    return writeTable(table, 'tsv', out, { header: false });
  }
  return writeTable(await readTable(db, req.kind), req.format, out);
}
