import { stringify } from 'csv-stringify';
import type { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import type { Table } from './tables.ts';

export type RowFormat = 'csv' | 'tsv' | 'jsonl';

/**
 * Stream a table to `out` with backpressure, so an export of any size runs in constant memory.
 * CSV follows RFC 4180 (csv-stringify); TSV is the IANA text/tab-separated-values form GDELT uses: no
 * quoting, so tabs and line breaks inside a field become spaces.
 */
export async function writeTable(table: Table, format: RowFormat, out: Writable, opts: { header?: boolean } = {}): Promise<void> {
  const header = opts.header ?? true;
  const source = Readable.from(table.rows);
  if (format === 'csv') {
    const csv = stringify({ header, columns: table.columns, cast: { boolean: (b) => (b ? '1' : '0') } });
    await pipeline(source, csv, out, { end: false });
  } else if (format === 'tsv') {
    await pipeline(source, async function* (rows: AsyncIterable<unknown[]>) {
      if (header) yield `${table.columns.join('\t')}\n`;
      for await (const row of rows) yield `${row.map(tsvField).join('\t')}\n`;
    }, out, { end: false });
  } else {
    await pipeline(source, async function* (rows: AsyncIterable<unknown[]>) {
      for await (const row of rows) yield `${JSON.stringify(jsonObject(table, row))}\n`;
    }, out, { end: false });
  }
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
