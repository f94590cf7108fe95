// Serialises a Document's layers as the wirewatch.article/1 Article, adding source offsets to every span.
import type { Document } from '../document.ts';
import { SCHEMA_ID, type Article } from './article.ts';

export function toArticle(doc: Document, id: string): Article {
  const meta = Object.fromEntries(Object.entries(doc.meta).filter(([k, v]) => v !== undefined && k !== 'notAfter')) as Article['meta'];
  return {
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
      mentions: doc.mentions.filter((m) => m.entity === e.id).map((m) => ({ ...doc.textSpan(m.start, m.end), kind: m.kind })),
    })),
    quotes: doc.quotes,
    times: doc.times.map((t) => ({ ...t, ...doc.span(t.start, t.end) })),
    events: doc.events,
    messages: doc.messages,
  };
}
