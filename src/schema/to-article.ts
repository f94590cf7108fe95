// Serialises a Document's layers as the wirewatch.article/1 Article, adding source offsets to every span.
import type { Document } from '../document.ts';
import { SCHEMA_ID, type Article } from './article.ts';
import { capped } from './caps.ts';

export function toArticle(doc: Document, id: string): Article {
  // mentions grouped once: an article with thousands of names must not cost entities × mentions
  const byEntity = new Map<string, Document['mentions']>();
  for (const m of doc.mentions) {
    let list = byEntity.get(m.entity);
    if (!list) byEntity.set(m.entity, (list = []));
    list.push(m);
  }
  const meta = Object.fromEntries(Object.entries(doc.meta).filter(([k, v]) => v !== undefined && k !== 'notAfter')) as Article['meta'];
  return capped({
    schema: SCHEMA_ID,
    id,
    source: { ...(doc.uri ? { uri: doc.uri } : {}), format: doc.format },
    meta,
    text: doc.text,
    paragraphs: doc.paragraphs.map((p) => ({ ...doc.span(p.start, p.end), kind: p.kind })),
    related: doc.related,
    removed: doc.removed,
    entities: doc.entities.map(({ members: _members, ...e }) => ({
      ...e,
      mentions: (byEntity.get(e.id) ?? []).map((m) => ({ ...doc.textSpan(m.start, m.end), kind: m.kind })),
    })),
    quotes: doc.quotes,
    times: doc.times.map((t) => ({ ...t, ...doc.span(t.start, t.end) })),
    events: doc.events,
    messages: doc.messages,
  });
}
