import { stringify } from 'csv-stringify/sync';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import type { Table } from './tables.ts';

export type RowFormat = 'csv' | 'tsv' | 'jsonl';

/** Rows encoded per write: large enough that per-write costs vanish, small enough to stay a few hundred KB. */
const BATCH_ROWS = 500;

/**
 * Stream a table to `out` in batches, waiting whenever `out` asks to drain, so an export of any size runs
 * in constant memory. CSV follows RFC 4180 (csv-stringify); TSV is the IANA text/tab-separated-values form
 * GDELT uses: no quoting, so tabs and line breaks inside a field become spaces.
 */
export async function writeTable(table: Table, format: RowFormat, out: Writable, opts: { header?: boolean } = {}): Promise<void> {
  let header = opts.header ?? true;
  let batch: unknown[][] = [];
  const flush = async () => {
    const text = encode(table, format, batch, header);
    header = false;
    batch = [];
    if (text && !out.write(text)) await once(out, 'drain');
  };
  for await (const row of table.rows) {
    batch.push(row);
    if (batch.length >= BATCH_ROWS) await flush();
  }
  await flush();
}

function encode(table: Table, format: RowFormat, rows: unknown[][], header: boolean): string {
  if (format === 'csv') return stringify(rows, { header, columns: table.columns });
  if (format === 'tsv') {
    const lines = rows.map((row) => `${row.map(tsvField).join('\t')}\n`);
    return `${header ? `${table.columns.join('\t')}\n` : ''}${lines.join('')}`;
  }
  return rows.map((row) => `${JSON.stringify(jsonObject(table, row))}\n`).join('');
}

function tsvField(v: unknown): string {
  if (v === null || v === undefined) return '';
  return String(v).replace(/[\t\r\n]+/g, ' ');
}

function jsonObject(table: Table, row: unknown[]): Record<string, unknown> {
  const o: Record<string, unknown> = {};
  table.columns.forEach((c, i) => {
    const v = row[i];
    if (table.json.has(c) && typeof v === 'string') o[c] = JSON.parse(v);
    else if (table.flags.has(c) && typeof v === 'number') o[c] = v === 1;
    else o[c] = v;
  });
  return o;
}
