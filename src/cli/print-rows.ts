export type RowFormat = 'text' | 'json' | 'jsonl';
export const ROW_FORMATS: RowFormat[] = ['text', 'json', 'jsonl'];

/** Print query results: text for people, json/jsonl for programs (jsonl streams into jq and friends). */
export function printRows<T>(rows: T[], format: RowFormat, toText: (row: T) => string, noun: string): void {
  if (format === 'json') {
    process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
  } else if (format === 'jsonl') {
    for (const r of rows) process.stdout.write(`${JSON.stringify(r)}\n`);
  } else if (rows.length === 0) {
    process.stdout.write(`no ${noun} found\n`);
  } else {
    for (const r of rows) process.stdout.write(`${toText(r)}\n`);
  }
}
