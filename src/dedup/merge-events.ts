import { insertRows, isSameAs } from '../store/dialect.ts';
import { fold } from '../store/fold.ts';
import type { Sql } from '../store/sql.ts';
import type { Article, Event } from '../schema/article.ts';
import { actorKey, compatibleQuantities, DATE_WINDOW_DAYS, eventDay, mergeKey, shiftDay, type Quantity } from './event-key.ts';
import { numericId, stableId } from './stable-id.ts';

interface Span { date: string | null; date_last: string | null; in_lead: number; added_at: string }

interface MergedRow {
  id: string;
  first_article_id: string;
  first_event_id: string;
  date: string | null;
  date_last: string | null;
  in_lead: number;
  added_at: string;
}

/**
 * Record each event of a stored article as a mention and merge it with every earlier mention of the same
 * happening, inside the caller's transaction `tx`.
 *
 * Two mentions are of one happening when they share the merge key, their days are at most DATE_WINDOW_DAYS
 * apart (or, without a day, their coarse dates are equal and their articles are copies of one story) and
 * their numbers are compatible; a merged event is a connected group of such mentions (single link), which
 * makes the grouping independent of arrival order (except when a later article joins two stories: undated
 * mentions already stored in each are not merged after the fact). Its id comes from its smallest
 * mention (article id, event id), and that mention's event supplies its type, actors and codes.
 */
export async function mergeEvents(tx: Sql, a: Article, addedAt: string): Promise<void> {
  const pg = tx.dialect === 'postgres';
  const lead = a.paragraphs.find((p) => p.kind === 'paragraph');
  const outlet = hostOf(a.meta.url);
  const facts = a.events.map((ev) => ({ ev, key: mergeKey(ev, a), day: eventDay(ev), quantities: (ev.quantities ?? []).map(({ value, unit }): Quantity => ({ value, unit })) }));
  // Candidates stored by earlier articles, looked up for all the article's events at once (one round trip
  // on PostgreSQL, where each statement is one). What this article itself writes as it goes is kept here:
  // its own mentions, the merged events it wrote (their current dates), and merged events it folded into others.
  const earlier = await storedCandidates(tx, a, facts);
  const own: { key: string; day: string | null; date: string | null; quantities: Quantity[]; merged: string }[] = [];
  const written = new Map<string, MergedRow>();
  const foldedInto = new Map<string, string>();
  // what is written at the end: new merged events, new dates of stored ones, stored ones folded away, mentions
  const created = new Map<string, ReturnType<typeof representative> & { id: string; global_id: number } & Span>();
  const updated = new Map<string, Span>();
  const removed: string[] = [];
  const mentions: unknown[][] = [];
  const current = (id: string): string => {
    while (foldedInto.has(id)) id = foldedInto.get(id)!;
    return id;
  };
  for (const [k, { ev, key, day, quantities }] of facts.entries()) {
    const sentence = ev.evidence.find((s) => s.role === 'sentence');
    const trigger = ev.evidence.find((s) => s.role === 'trigger') ?? ev.evidence[0];
    const anchor = sentence ?? trigger;
    const inLead = lead !== undefined && anchor !== undefined && anchor.start < lead.end ? 1 : 0;

    const linked = new Map<string, MergedRow>();
    const consider = (row: MergedRow, theirs: Quantity[]) => {
      const id = current(row.id);
      const c = written.get(id) ?? row;
      if (!linked.has(id) && compatibleQuantities(quantities, theirs)) linked.set(id, c);
    };
    for (const { quantities: q, ...c } of earlier[k]) consider(c, JSON.parse(q) as Quantity[]);
    // A mention without a day ("in 2012", or no date) cannot be placed in a date window; it is the same
    // happening only as a copy of itself: same key and same coarse date in another copy of its story (this
    // article's own mentions are in its story).
    for (const m of own) {
      if (m.key !== key) continue;
      const near = day ? m.day !== null && m.day >= shiftDay(day, -DATE_WINDOW_DAYS) && m.day <= shiftDay(day, DATE_WINDOW_DAYS) : m.day === null && m.date === (ev.date ?? null);
      if (near) consider(written.get(current(m.merged))!, m.quantities);
    }
    const mine = `${a.id}/${ev.id}`;
    let smallest = mine;
    for (const m of linked.values()) {
      const first = `${m.first_article_id}/${m.first_event_id}`;
      if (first < smallest) smallest = first;
    }
    const id = stableId('event', smallest);
    const rows = [...linked.values()];
    const days = [day, ...rows.flatMap((r) => [r.date, r.date_last])].filter((d): d is string => d !== null).sort();
    const span = {
      date: days[0] ?? null, date_last: days.at(-1) ?? null,
      in_lead: Math.max(inLead, ...rows.map((r) => r.in_lead)),
      added_at: [addedAt, ...rows.map((r) => r.added_at)].sort()[0],
    };
    for (const r of rows) {
      if (r.id === id) continue;
      foldedInto.set(r.id, id);
      written.delete(r.id);
      // one this article created is simply not written; a stored one is deleted at the end
      if (!created.delete(r.id)) {
        updated.delete(r.id);
        removed.push(r.id);
      }
    }
    if (smallest === mine) {
      created.set(id, { ...representative(ev, a), id, global_id: numericId(id), ...span });
      written.set(id, { id, first_article_id: a.id, first_event_id: ev.id, ...span });
    } else {
      const c = created.get(id);
      if (c) Object.assign(c, span);
      else updated.set(id, span);
      written.set(id, { ...linked.get(id)!, ...span });
    }
    own.push({ key, day, date: day ? null : ev.date ?? null, quantities, merged: id });
    mentions.push([a.id, ev.id, id, key, day, day ? null : ev.date ?? null, JSON.stringify(quantities), outlet, inLead,
      sentence?.start ?? null, sentence?.end ?? null, sentence?.text ?? null,
      trigger?.start ?? null, trigger?.end ?? null, trigger?.text ?? null, JSON.stringify(ev.evidence)]);
  }

  // The decisions are made; the rows are written now, a few statements for the whole article, so that an
  // event does not cost round trips of its own on PostgreSQL. Merged events stored before and folded into
  // another hand their mentions to the one that stands at the end.
  for (const r of removed) {
    await tx.run('UPDATE event_mentions SET merged_event_id = ? WHERE merged_event_id = ?', [current(r), r]);
    await tx.run('DELETE FROM merged_events WHERE id = ?', [r]);
  }
  const cols = MERGED_COLUMNS.concat(pg ? ['source_name_folded', 'target_name_folded'] : []);
  await insertRows(tx, 'merged_events', cols, [...created.values()].map((m) => [
    ...MERGED_COLUMNS.map((c) => m[c as keyof typeof m]),
    ...(pg ? [m.source_name === null ? null : fold(m.source_name), m.target_name === null ? null : fold(m.target_name)] : []),
  ]));
  if (pg && updated.size) {
    const u = [...updated];
    await tx.run(`UPDATE merged_events m SET date = u.date, date_last = u.date_last, in_lead = u.in_lead, added_at = u.added_at
      FROM unnest(?::text[], ?::text[], ?::text[], ?::integer[], ?::text[]) AS u(id, date, date_last, in_lead, added_at)
      WHERE m.id = u.id`, [u.map(([id]) => id), u.map(([, x]) => x.date), u.map(([, x]) => x.date_last), u.map(([, x]) => x.in_lead), u.map(([, x]) => x.added_at)]);
  } else {
    await tx.runEach('UPDATE merged_events SET date = ?, date_last = ?, in_lead = ?, added_at = ? WHERE id = ?',
      [...updated].map(([id, x]) => [x.date, x.date_last, x.in_lead, x.added_at, id]));
  }
  for (const m of mentions) m[2] = current(m[2] as string);
  await insertRows(tx, 'event_mentions', MENTION_COLUMNS, mentions);
}

type Candidate = MergedRow & { quantities: string };
const MERGED = 'm.id, m.first_article_id, m.first_event_id, m.date, m.date_last, m.in_lead, m.added_at';

/**
 * Per event of `a`, the mentions stored before it with the same key, in its date window (or, undated, with
 * the same coarse date in its story), each with its merged event.
 */
async function storedCandidates(tx: Sql, a: Article, facts: { ev: Event; key: string; day: string | null }[]): Promise<Candidate[][]> {
  const out: Candidate[][] = facts.map(() => []);
  const dated = facts.map((f, i) => ({ ...f, i })).filter((f) => f.day !== null);
  const undated = facts.map((f, i) => ({ ...f, i })).filter((f) => f.day === null);
  if (tx.dialect === 'postgres') {
    if (dated.length) {
      const rows = await tx.all<Candidate & { i: number }>(`
        SELECT DISTINCT q.i, em.quantities, ${MERGED}
        FROM unnest(?::text[], ?::text[], ?::text[], ?::integer[]) AS q(key, lo, hi, i)
        JOIN event_mentions em ON em.merge_key = q.key AND em.day BETWEEN q.lo AND q.hi
        JOIN merged_events m ON m.id = em.merged_event_id`,
      [dated.map((f) => f.key), dated.map((f) => shiftDay(f.day!, -DATE_WINDOW_DAYS)), dated.map((f) => shiftDay(f.day!, DATE_WINDOW_DAYS)), dated.map((f) => f.i)]);
      for (const { i, ...c } of rows) out[i].push(c);
    }
    if (undated.length) {
      const rows = await tx.all<Candidate & { i: number }>(`
        SELECT DISTINCT q.i, em.quantities, ${MERGED}
        FROM unnest(?::text[], ?::text[], ?::integer[]) AS q(key, date, i)
        JOIN event_mentions em ON em.merge_key = q.key AND em.day IS NULL AND em.date IS NOT DISTINCT FROM q.date
        JOIN merged_events m ON m.id = em.merged_event_id
        JOIN story_members s ON s.article_id = em.article_id
        WHERE s.story_id = (SELECT story_id FROM story_members WHERE article_id = ?)`,
      [undated.map((f) => f.key), undated.map((f) => f.ev.date ?? null), undated.map((f) => f.i), a.id]);
      for (const { i, ...c } of rows) out[i].push(c);
    }
    return out;
  }
  // SQLite runs in process: one cheap statement per event
  for (const f of dated) {
    out[f.i] = await tx.all<Candidate>(`
      SELECT DISTINCT em.quantities, ${MERGED} FROM event_mentions em JOIN merged_events m ON m.id = em.merged_event_id
      WHERE em.merge_key = ? AND em.day BETWEEN ? AND ?`, [f.key, shiftDay(f.day!, -DATE_WINDOW_DAYS), shiftDay(f.day!, DATE_WINDOW_DAYS)]);
  }
  for (const f of undated) {
    out[f.i] = await tx.all<Candidate>(`
      SELECT DISTINCT em.quantities, ${MERGED} FROM event_mentions em JOIN merged_events m ON m.id = em.merged_event_id
      JOIN story_members s ON s.article_id = em.article_id
      WHERE em.merge_key = ? AND em.day IS NULL AND ${isSameAs(tx, 'em.date')}
        AND s.story_id = (SELECT story_id FROM story_members WHERE article_id = ?)`, [f.key, f.ev.date ?? null, a.id]);
  }
  return out;
}

const MENTION_COLUMNS = ['article_id', 'event_id', 'merged_event_id', 'merge_key', 'day', 'date', 'quantities', 'outlet', 'in_lead',
  'sentence_start', 'sentence_end', 'sentence', 'trigger_start', 'trigger_end', 'trigger', 'evidence'];

const MERGED_COLUMNS = ['id', 'global_id', 'first_article_id', 'first_event_id', 'type', 'mode', 'cameo', 'goldstein', 'quad_class',
  'source_key', 'source_name', 'source_country', 'source_sector', 'target_key', 'target_name', 'target_country', 'target_sector',
  'date', 'date_last', 'negated', 'conditional', 'intent', 'in_lead', 'added_at'];

function representative(ev: Event, a: Article) {
  const nameOf = (x: Event['source']) => x.name ?? a.entities.find((e) => e.id === x.entity)?.name ?? null;
  return {
    first_article_id: a.id, first_event_id: ev.id, type: ev.type, mode: ev.mode ?? null, cameo: ev.cameo,
    goldstein: ev.goldstein ?? null, quad_class: ev.quadClass ?? null,
    source_key: actorKey(ev.source, a), source_name: nameOf(ev.source), source_country: ev.source.country ?? null, source_sector: ev.source.sector ?? null,
    target_key: actorKey(ev.target, a), target_name: nameOf(ev.target), target_country: ev.target.country ?? null, target_sector: ev.target.sector ?? null,
    negated: ev.negated ? 1 : 0, conditional: ev.conditional ? 1 : 0, intent: ev.intent ? 1 : 0,
  };
}

/** The outlet an article came from: its URL's host without "www.". */
function hostOf(url: string | undefined): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname.replace(/^www\./, '') || null;
  } catch {
    return null;
  }
}
