import type { Database } from 'better-sqlite3';
import { deduplicator } from '../dedup/index.ts';
import type { Article } from '../schema/article.ts';
import type { PutResult } from './open-store.ts';

/** Prepare the statements once per connection; the returned function writes one article atomically. */
export function writeArticle(db: Database): (a: Article) => PutResult {
  const article = db.prepare(`
    INSERT INTO articles (id, uri, title, published, url, credit, text, json, ingested_at)
    VALUES (@id, @uri, @title, @published, @url, @credit, @text, @json, @ingested_at)
    ON CONFLICT (id) DO NOTHING`);
  const entity = db.prepare(`
    INSERT INTO entities (article_id, entity_id, name, type, role, affiliation, country, sector, actor)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const mention = db.prepare(`
    INSERT INTO mentions (article_id, entity_id, kind, text, start, end, source_start, source_end)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?)`);
  const quote = db.prepare(`
    INSERT INTO quotes (article_id, quote_id, kind, text, speaker_name, speaker_entity, date, date_basis,
                        start, end, source_start, source_end)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const time = db.prepare(`
    INSERT INTO times (article_id, text, type, value, unresolved, start, end, source_start, source_end)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const event = db.prepare(`
    INSERT INTO events (article_id, event_id, type, mode, cameo, source_name, source_country,
                        target_name, target_country, date, conditional, negated, json)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const searchRow = db.prepare(`
    INSERT INTO search_index (article_id, kind, quote_id, title, text) VALUES (?, ?, ?, ?, ?)`);

  const dedup = deduplicator(db);

  return db.transaction((a: Article): PutResult => {
    const ingestedAt = new Date().toISOString();
    const inserted = article.run({
      id: a.id, uri: a.source.uri ?? null, title: a.meta.title ?? null, published: a.meta.published ?? null,
      url: a.meta.url ?? null, credit: a.meta.credit ?? null, text: a.text, json: JSON.stringify(a),
      ingested_at: ingestedAt,
    });
    if (inserted.changes === 0) return 'unchanged';
    const id = a.id;
    for (const e of a.entities) {
      entity.run(id, e.id, e.name, e.type, e.role ?? null, e.affiliation ?? null, e.country ?? null, e.sector ?? null, e.actor ?? null);
      for (const m of e.mentions) mention.run(id, e.id, m.kind ?? null, m.text, m.start, m.end, m.sourceStart, m.sourceEnd);
    }
    for (const q of a.quotes) {
      quote.run(id, q.id, q.kind, q.text, q.speaker?.name ?? null, q.speaker?.entity ?? null, q.date?.value ?? null,
        q.date?.basis ?? null, q.start, q.end, q.sourceStart, q.sourceEnd);
      searchRow.run(id, 'quote', q.id, null, q.text);
    }
    for (const t of a.times) {
      time.run(id, t.text, t.type, t.value, t.unresolved ?? null, t.start, t.end, t.sourceStart, t.sourceEnd);
    }
    for (const ev of a.events) {
      event.run(id, ev.id, ev.type, ev.mode ?? null, ev.cameo, ev.source.name ?? null, ev.source.country ?? null,
        ev.target.name ?? null, ev.target.country ?? null, ev.date ?? null, ev.conditional ? 1 : 0, ev.negated ? 1 : 0,
        JSON.stringify(ev));
    }
    searchRow.run(id, 'article', null, a.meta.title ?? null, a.text);
    dedup(a, ingestedAt);
    return 'inserted';
  });
}
