import type { Sql } from '../store/sql.ts';
import { happeningsPage, type HappeningFilter, type HappeningItem } from '../query/happening-pages.ts';
import { eventLine } from './format-text.ts';

/** Every matching happening, oldest first, read page by page as the API serves them. */
export async function allHappenings(db: Sql, f: HappeningFilter): Promise<HappeningItem[]> {
  const out: HappeningItem[] = [];
  let cursor: string | undefined;
  do {
    const page = await happeningsPage(db, f, { limit: 500, cursor });
    out.push(...page.items);
    cursor = page.next ?? undefined;
  } while (cursor);
  return out;
}

const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** One happening as `wirewatch events` prints an event, then how widely it was reported. */
export function happeningLine(h: HappeningItem): string {
  const line = eventLine({
    sourceName: h.source.name, sourceCountry: h.source.country, type: h.type, mode: h.mode, cameo: h.cameo,
    targetName: h.target.name, targetCountry: h.target.country,
    date: h.date && h.dateLast && h.dateLast !== h.date ? `${h.date}…${h.dateLast}` : h.date,
    conditional: h.conditional, negated: h.negated,
  });
  const c = h.counts;
  return `${line} · ${count(c.mentions, 'mention')}, ${count(c.articles, 'article')}, ${count(c.sources, 'source')}, ${count(c.stories, 'story', 'stories')}  [${h.id}]`;
}
