import { Readable } from 'node:stream';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { isCalendarDate } from '../ingest/published.ts';
import type { Page, PageRequest } from '../query/cursor.ts';
import { MAX_PAGE, MAX_RANGE_DAYS } from './limits.ts';
import { HttpProblem } from './problem.ts';
import { fieldSelector } from './select-fields.ts';

export interface ListQuery {
  limit: number;
  cursor?: string;
  fields?: string;
  format?: 'json' | 'ndjson';
}

export const NDJSON = 'application/x-ndjson';

/**
 * One page as `{ items, next }`, or — with `format=ndjson` or `Accept: application/x-ndjson` — every
 * matching row as NDJSON, read page by page from the database while the client consumes the stream,
 * so an export of any size never sits in memory.
 */
export async function sendList<T>(req: FastifyRequest, reply: FastifyReply, q: ListQuery, fetch: (p: PageRequest) => Promise<Page<T>>): Promise<FastifyReply> {
  const select = fieldSelector(q.fields);
  const shape = (item: T) => (select ? select(item) : item);
  const wantsNdjson = q.format === 'ndjson' || (q.format === undefined && (req.headers.accept ?? '').includes(NDJSON));
  if (!wantsNdjson) {
    const page = await fetch({ limit: q.limit, cursor: q.cursor });
    return reply.send({ items: page.items.map(shape), next: page.next });
  }
  // The first page is read before the status line goes out, so a bad cursor is still a 400.
  const first = await fetch({ limit: MAX_PAGE, cursor: q.cursor });
  async function* lines(): AsyncGenerator<string> {
    let page = first;
    for (;;) {
      if (page.items.length) yield `${page.items.map((i) => JSON.stringify(shape(i))).join('\n')}\n`;
      if (page.next === null) return;
      page = await fetch({ limit: MAX_PAGE, cursor: page.next });
    }
  }
  return reply.type(NDJSON).send(Readable.from(lines()));
}

/** Checks what a JSON Schema pattern cannot: a real day, and a range within the cost limit. */
export function checkedRange(from: string | undefined, to: string | undefined): { from?: string; to?: string } {
  for (const [name, v] of [['from', from], ['to', to]] as const) {
    if (v !== undefined && !isCalendarDate(v)) throw new HttpProblem(400, 'Bad request', `${name}: not a date: "${v}" (expected YYYY-MM-DD)`);
  }
  if (from && to) {
    const days = (Date.parse(to) - Date.parse(from)) / 86_400_000;
    if (days < 0) throw new HttpProblem(400, 'Bad request', `from ${from} is after to ${to}`);
    if (days > MAX_RANGE_DAYS) {
      throw new HttpProblem(400, 'Bad request', `from–to spans ${days} days; at most ${MAX_RANGE_DAYS} per query (split the range)`);
    }
  }
  return { from, to };
}
