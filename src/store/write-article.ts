import { deduplicate } from '../dedup/index.ts';
import type { Article } from '../schema/article.ts';
import { insertRows } from './dialect.ts';
import { fold } from './fold.ts';
import { speakerWords } from '../query/quote-keys.ts';
import { DEDUP_LOCK, eventMonth, WRITE_LOCK } from './partitions.ts';
import type { Sql } from './sql.ts';

export type PutResult = 'inserted' | 'unchanged';


/** Write one validated article and its rows inside the caller's transaction `tx`. */
export async function writeArticle(tx: Sql, a: Article): Promise<PutResult> {
  const pg = tx.dialect === 'postgres';
  // PostgreSQL: writers write their rows side by side (the shared lock only keeps partition creation out,
  // see partitions.ts) and take turns for deduplication. SQLite has one writer at a time anyway.
  if (pg) await tx.run('SELECT pg_advisory_xact_lock_shared(?)', [WRITE_LOCK]);
  const ingestedAt = new Date().toISOString();
  const inserted = await tx.run(`
    INSERT INTO articles (id, uri, title, published, url, credit, text, json, ingested_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
    ON CONFLICT (id) DO NOTHING`,
  [a.id, a.source.uri ?? null, a.meta.title ?? null, a.meta.published ?? null, a.meta.url ?? null, a.meta.credit ?? null,
    a.text, JSON.stringify(a), ingestedAt]);
  if (inserted.changes === 0) return 'unchanged';
  const id = a.id;
  // PostgreSQL rows carry folded copies of the names (see dialect.ts) and the events their month partition.
  const f = (s: string | null | undefined) => (s == null ? null : fold(s));

  await insertRows(tx, 'entities',
    ['article_id', 'entity_id', 'name', 'type', 'role', 'affiliation', 'country', 'sector', 'actor', ...(pg ? ['name_folded'] : [])],
    a.entities.map((e) => [id, e.id, e.name, e.type, e.role ?? null, e.affiliation ?? null, e.country ?? null, e.sector ?? null,
      e.actor ?? null, ...(pg ? [fold(e.name)] : [])]));
  await insertRows(tx, 'mentions', ['article_id', 'entity_id', 'kind', 'text', 'start', '"end"', 'source_start', 'source_end'],
    a.entities.flatMap((e) => e.mentions.map((m) => [id, e.id, m.kind ?? null, m.text, m.start, m.end, m.sourceStart, m.sourceEnd])));
  await insertRows(tx, 'quotes',
    ['article_id', 'quote_id', 'kind', 'text', 'speaker_name', 'speaker_entity', 'date', 'date_basis', 'start', '"end"',
      'source_start', 'source_end', ...(pg ? ['speaker_name_folded'] : [])],
    a.quotes.map((q) => [id, q.id, q.kind, q.text, q.speaker?.name ?? null, q.speaker?.entity ?? null, q.date?.value ?? null,
      q.date?.basis ?? null, q.start, q.end, q.sourceStart, q.sourceEnd, ...(pg ? [f(q.speaker?.name)] : [])]));
  if (pg) {
    // The speaker words quotesPage walks (SQLite builds the same rows in a TEMP table, quote-keys.ts).
    await insertRows(tx, 'quote_words', ['word', 'date', 'article_id', 'quote_id'],
      a.quotes.flatMap((q) => [...new Set(['', ...(q.speaker?.name ? speakerWords(q.speaker.name) : [])])]
        .map((w) => [w, q.date?.value ?? null, id, q.id])));
  }
  await insertRows(tx, 'times', ['article_id', 'text', 'type', 'value', 'unresolved', 'start', '"end"', 'source_start', 'source_end'],
    a.times.map((t) => [id, t.text, t.type, t.value, t.unresolved ?? null, t.start, t.end, t.sourceStart, t.sourceEnd]));
  await insertRows(tx, 'events',
    ['article_id', 'event_id', 'type', 'mode', 'cameo', 'source_name', 'source_country', 'target_name', 'target_country', 'date',
      'conditional', 'negated', 'json', ...(pg ? ['source_name_folded', 'target_name_folded', 'month'] : [])],
    a.events.map((ev) => [id, ev.id, ev.type, ev.mode ?? null, ev.cameo, ev.source.name ?? null, ev.source.country ?? null,
      ev.target.name ?? null, ev.target.country ?? null, ev.date ?? null, ev.conditional ? 1 : 0, ev.negated ? 1 : 0,
      JSON.stringify(ev), ...(pg ? [f(ev.source.name), f(ev.target.name), eventMonth(ev.date)] : [])]));
  // One search row per quote and one for the article (title + text), so a hit can point at the quote itself.
  const searchRows: [string, string | null, string | null, string][] = [
    ...a.quotes.map((q) => ['quote', q.id, null, q.text] as [string, string | null, string | null, string]),
    ['article', null, a.meta.title ?? null, a.text],
  ];
  if (pg) {
    await insertRows(tx, 'search_index', ['article_id', 'kind', 'quote_id', 'title', 'text', 'tsv'],
      searchRows.map(([kind, qid, title, text]) => [id, kind, qid, title, text, searchText(title, text)]),
      { holders: ['?', '?', '?', '?', '?', "to_tsvector('simple', ?)"] });
  } else {
    await insertRows(tx, 'search_index', ['article_id', 'kind', 'quote_id', 'title', 'text'],
      searchRows.map(([kind, qid, title, text]) => [id, kind, qid, title, text]));
  }
  if (pg) await tx.run('SELECT pg_advisory_xact_lock(?)', [DEDUP_LOCK]);
  await deduplicate(tx, a, ingestedAt);
  return 'inserted';
}

/**
 * What PostgreSQL indexes for full-text search: title and text folded (accents and case ignored, like
 * FTS5's unicode61 remove_diacritics), as the text of a `to_tsvector('simple', …)` placeholder.
 */
function searchText(title: string | null, text: string): string {
  return fold(title ? `${title}\n${text}` : text);
}
