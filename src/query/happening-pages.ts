import { orderDir } from '../store/dialect.ts';
import type { Sql } from '../store/sql.ts';
import type { Event } from '../schema/article.ts';
import { afterKey, decodeCursor, toPage, type Page, type PageRequest, type SortOrder } from './cursor.ts';
import { eventConditions, type ArticleRef, type EventFilter } from './event-pages.ts';

// A happening is a merged event (src/dedup/): one thing that happened, told by one or more event mentions
// in one or more articles. Its type, actors and codes are those of its first mention; its counts come
// from the merged_event_counts view, so they are never stale.

export type HappeningFilter = Omit<EventFilter, 'article'>;

interface Side { name: string | null; country: string | null; sector: string | null }

export interface HappeningItem {
  id: string;
  /** The id as a number, like GDELT's GLOBALEVENTID. */
  globalId: number;
  type: string;
  mode: string | null;
  cameo: string;
  goldstein: number | null;
  quadClass: number | null;
  source: Side;
  target: Side;
  /** First and last day of its mentions (YYYY-MM-DD); null when undated. */
  date: string | null;
  dateLast: string | null;
  negated: boolean;
  conditional: boolean;
  intent: boolean;
  /** Some mention is in its article's first paragraph. */
  inLead: boolean;
  /** Reports of it: mentions, distinct articles, outlets (URL hosts) and stories (wire copies count once). */
  counts: { mentions: number; articles: number; sources: number; stories: number };
}

export interface SpanText { start: number; end: number; text: string }

export interface Mention {
  article_id: string;
  event_id: string;
  article: ArticleRef & { url: string | null };
  outlet: string | null;
  /** The mention's own date: a day, or a coarser date ("2025-03") when it has no day. */
  date: string | null;
  inLead: boolean;
  sentence: SpanText | null;
  trigger: SpanText | null;
  /** Offsets into the article's text, as in its analysis. */
  evidence: Event['evidence'];
}

export type HappeningDetail = HappeningItem & { mentions: Mention[] };

const COLUMNS = `
  m.rowid AS rid, m.id, m.global_id, m.type, m.mode, m.cameo, m.goldstein, m.quad_class,
  m.source_name, m.source_country, m.source_sector, m.target_name, m.target_country, m.target_sector,
  m.date, m.date_last, m.negated, m.conditional, m.intent, m.in_lead`;

/**
 * Happenings in order of their first day (oldest or newest first), one page at a time, filtered like
 * events (the day bounds apply to the first day). Same keyset order as eventsPage: the date index, then rowid.
 */
export async function happeningsPage(db: Sql, f: HappeningFilter, p: PageRequest, order: SortOrder = 'asc'): Promise<Page<HappeningItem>> {
  const { where, params } = await eventConditions(db, f, 'm');
  if (p.cursor) {
    const [sql, values] = afterKey('m.date', 'm.rowid', decodeCursor(p.cursor, 2) as [string | null, number], order);
    where.push(sql);
    params.push(...values);
  }
  const dir = orderDir(db, order);
  const rows = await db.all<HappeningRow>(`
    SELECT ${COLUMNS}
    FROM merged_events m
    ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
    ORDER BY m.date ${dir}, m.rowid ${dir}
    LIMIT ?`, [...params, p.limit + 1]);
  const counts = await countsOf(db, rows.slice(0, p.limit).map((r) => r.id));
  return toPage(rows, p.limit, (r) => happeningItem(r, counts.get(r.id)!), (r) => [r.date, r.rid]);
}

/** One happening with every mention of it, by article id; undefined when there is none by that id. */
export async function happeningById(db: Sql, id: string): Promise<HappeningDetail | undefined> {
  const row = await db.get<HappeningRow>(`
    SELECT ${COLUMNS} FROM merged_events m WHERE m.id = ?`, [id]);
  if (!row) return undefined;
  const mentions = await db.all<MentionRow>(`
    SELECT em.article_id, em.event_id, em.outlet, coalesce(em.day, em.date) AS date, em.in_lead,
           em.sentence_start, em.sentence_end, em.sentence, em.trigger_start, em.trigger_end, em.trigger, em.evidence,
           a.title, a.published, a.uri, a.url
    FROM event_mentions em JOIN articles a ON a.id = em.article_id
    WHERE em.merged_event_id = ?
    ORDER BY em.article_id, em.event_id`, [id]);
  return { ...happeningItem(row, (await countsOf(db, [id])).get(id)!), mentions: mentions.map(mention) };
}

interface HappeningRow {
  rid: number;
  id: string;
  global_id: number;
  type: string;
  mode: string | null;
  cameo: string;
  goldstein: number | null;
  quad_class: number | null;
  source_name: string | null;
  source_country: string | null;
  source_sector: string | null;
  target_name: string | null;
  target_country: string | null;
  target_sector: string | null;
  date: string | null;
  date_last: string | null;
  negated: number;
  conditional: number;
  intent: number;
  in_lead: number;
}

type Counts = HappeningItem['counts'];

/**
 * The counts of the given happenings. Asked by id, SQLite pushes the condition into the grouped view and
 * counts only these happenings' mentions; joined to the page instead, it would count every mention first.
 */
async function countsOf(db: Sql, ids: string[]): Promise<Map<string, Counts>> {
  if (ids.length === 0) return new Map();
  const rows = await db.all<Counts & { id: string }>(`
    SELECT id, num_mentions AS mentions, num_articles AS articles, num_sources AS sources, num_stories AS stories
    FROM merged_event_counts WHERE id IN (${ids.map(() => '?').join(', ')})`, ids);
  return new Map(rows.map(({ id, ...c }) => [id, c]));
}

function happeningItem(r: HappeningRow, counts: Counts): HappeningItem {
  return {
    id: r.id, globalId: r.global_id, type: r.type, mode: r.mode, cameo: r.cameo, goldstein: r.goldstein, quadClass: r.quad_class,
    source: { name: r.source_name, country: r.source_country, sector: r.source_sector },
    target: { name: r.target_name, country: r.target_country, sector: r.target_sector },
    date: r.date, dateLast: r.date_last,
    negated: r.negated === 1, conditional: r.conditional === 1, intent: r.intent === 1, inLead: r.in_lead === 1,
    counts,
  };
}

interface MentionRow {
  article_id: string;
  event_id: string;
  outlet: string | null;
  date: string | null;
  in_lead: number;
  sentence_start: number | null;
  sentence_end: number | null;
  sentence: string | null;
  trigger_start: number | null;
  trigger_end: number | null;
  trigger: string | null;
  evidence: string;
  title: string | null;
  published: string | null;
  uri: string | null;
  url: string | null;
}

function spanText(start: number | null, end: number | null, text: string | null): SpanText | null {
  return start === null || end === null || text === null ? null : { start, end, text };
}

function mention(r: MentionRow): Mention {
  return {
    article_id: r.article_id, event_id: r.event_id,
    article: { title: r.title, published: r.published, uri: r.uri, url: r.url },
    outlet: r.outlet, date: r.date, inLead: r.in_lead === 1,
    sentence: spanText(r.sentence_start, r.sentence_end, r.sentence),
    trigger: spanText(r.trigger_start, r.trigger_end, r.trigger),
    evidence: JSON.parse(r.evidence) as Event['evidence'],
  };
}
