import type { Database } from 'better-sqlite3';
import type { Article, Event } from '../schema/article.ts';
import { actorKey, compatibleQuantities, DATE_WINDOW_DAYS, eventDay, mergeKey, shiftDay, type Quantity } from './event-key.ts';
import { numericId, stableId } from './stable-id.ts';

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
 * Prepare once per connection. The returned function records each event of a stored article as a mention
 * and merges it with every earlier mention of the same happening (inside the caller's transaction).
 *
 * Two mentions are of one happening when they share the merge key, their days are at most DATE_WINDOW_DAYS
 * apart (or, without a day, their coarse dates are equal and their articles are copies of one story) and
 * their numbers are compatible; a merged event is a connected group of such mentions (single link), which
 * makes the grouping independent of arrival order (except when a later article joins two stories: undated
 * mentions already stored in each are not merged after the fact). Its id comes from its smallest
 * mention (article id, event id), and that mention's event supplies its type, actors and codes.
 */
export function eventMerger(db: Database): (a: Article, addedAt: string) => void {
  const candidates = db.prepare(`
    SELECT DISTINCT merged_event_id AS id, quantities FROM event_mentions
    WHERE merge_key = ? AND day BETWEEN ? AND ?`);
  const sameStoryCandidates = db.prepare(`
    SELECT DISTINCT em.merged_event_id AS id, em.quantities FROM event_mentions em
    JOIN story_members s ON s.article_id = em.article_id
    WHERE em.merge_key = ? AND em.day IS NULL AND em.date IS ?
      AND s.story_id = (SELECT story_id FROM story_members WHERE article_id = ?)`);
  const merged = db.prepare('SELECT id, first_article_id, first_event_id, date, date_last, in_lead, added_at FROM merged_events WHERE id = ?');
  const putMention = db.prepare(`
    INSERT INTO event_mentions (article_id, event_id, merged_event_id, merge_key, day, date, quantities, outlet, in_lead,
      sentence_start, sentence_end, sentence, trigger_start, trigger_end, trigger, evidence)
    VALUES (@article_id, @event_id, @merged_event_id, @merge_key, @day, @date, @quantities, @outlet, @in_lead,
      @sentence_start, @sentence_end, @sentence, @trigger_start, @trigger_end, @trigger, @evidence)`);
  const putMerged = db.prepare(`
    INSERT INTO merged_events (id, global_id, first_article_id, first_event_id, type, mode, cameo, goldstein, quad_class,
      source_key, source_name, source_country, source_sector, target_key, target_name, target_country, target_sector,
      date, date_last, negated, conditional, intent, in_lead, added_at)
    VALUES (@id, @global_id, @first_article_id, @first_event_id, @type, @mode, @cameo, @goldstein, @quad_class,
      @source_key, @source_name, @source_country, @source_sector, @target_key, @target_name, @target_country, @target_sector,
      @date, @date_last, @negated, @conditional, @intent, @in_lead, @added_at)`);
  const updateSpan = db.prepare('UPDATE merged_events SET date = ?, date_last = ?, in_lead = ?, added_at = ? WHERE id = ?');
  const deleteMerged = db.prepare('DELETE FROM merged_events WHERE id = ?');
  const moveMentions = db.prepare('UPDATE event_mentions SET merged_event_id = ? WHERE merged_event_id = ?');

  return (a, addedAt) => {
    const lead = a.paragraphs.find((p) => p.kind === 'paragraph');
    const outlet = hostOf(a.meta.url);
    for (const ev of a.events) {
      const key = mergeKey(ev, a);
      const day = eventDay(ev);
      const quantities: Quantity[] = (ev.quantities ?? []).map(({ value, unit }) => ({ value, unit }));
      const sentence = ev.evidence.find((s) => s.role === 'sentence');
      const trigger = ev.evidence.find((s) => s.role === 'trigger') ?? ev.evidence[0];
      const anchor = sentence ?? trigger;
      const inLead = lead !== undefined && anchor !== undefined && anchor.start < lead.end ? 1 : 0;

      const linked = new Map<string, MergedRow>();
      // A mention without a day ("in 2012", or no date) cannot be placed in a date window; it is the same
      // happening only as a copy of itself: same key and same coarse date in another copy of its story.
      const found = (day
        ? candidates.all(key, shiftDay(day, -DATE_WINDOW_DAYS), shiftDay(day, DATE_WINDOW_DAYS))
        : sameStoryCandidates.all(key, ev.date ?? null, a.id)) as { id: string; quantities: string }[];
      for (const c of found) {
        if (linked.has(c.id) || !compatibleQuantities(quantities, JSON.parse(c.quantities) as Quantity[])) continue;
        linked.set(c.id, merged.get(c.id) as MergedRow);
      }
      const own = `${a.id}/${ev.id}`;
      let smallest = own;
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
        moveMentions.run(id, r.id);
        deleteMerged.run(r.id);
      }
      if (smallest === own) {
        putMerged.run({ ...representative(ev, a), id, global_id: numericId(id), ...span });
      } else {
        updateSpan.run(span.date, span.date_last, span.in_lead, span.added_at, id);
      }
      putMention.run({
        article_id: a.id, event_id: ev.id, merged_event_id: id, merge_key: key, day, date: day ? null : ev.date ?? null,
        quantities: JSON.stringify(quantities), outlet, in_lead: inLead,
        sentence_start: sentence?.start ?? null, sentence_end: sentence?.end ?? null, sentence: sentence?.text ?? null,
        trigger_start: trigger?.start ?? null, trigger_end: trigger?.end ?? null, trigger: trigger?.text ?? null,
        evidence: JSON.stringify(ev.evidence),
      });
    }
  };
}

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
