// The per-article limits of ingest/limits.ts applied to a finished analysis. What is kept: the entities
// mentioned most (a name once in a list of thousands matters least), and the first quotes, times and
// events in text order. References to what was dropped (a speaker's entity, an event's quote) are removed,
// so the article stays consistent.
import { MAX_ENTITIES, MAX_EVENTS, MAX_QUOTES, MAX_TIMES } from '../ingest/limits.ts';
import type { Article, EventActor } from './article.ts';

export const LIMITS = { entities: MAX_ENTITIES, quotes: MAX_QUOTES, times: MAX_TIMES, events: MAX_EVENTS };

export function capped(a: Article, limits = LIMITS): Article {
  const over = (['entities', 'quotes', 'times', 'events'] as const).filter((k) => a[k].length > limits[k]);
  if (over.length === 0) return a;
  const messages = [...a.messages];
  const note = (k: keyof typeof LIMITS, how: string) =>
    messages.push({ stage: 'limits', level: 'warning', message: `${a[k].length} ${k} found; the ${how} ${limits[k]} are kept (limit per article)` });

  let entities = a.entities;
  if (entities.length > limits.entities) {
    note('entities', 'most mentioned');
    const keep = new Set([...entities].sort((x, y) => y.mentions.length - x.mentions.length || (x.mentions[0]?.start ?? 0) - (y.mentions[0]?.start ?? 0))
      .slice(0, limits.entities).map((e) => e.id));
    entities = entities.filter((e) => keep.has(e.id));
  }
  const known = new Set(entities.map((e) => e.id));

  let quotes = a.quotes;
  if (quotes.length > limits.quotes) { note('quotes', 'first'); quotes = quotes.slice(0, limits.quotes); }
  quotes = quotes.map((q) => (q.speaker?.entity && !known.has(q.speaker.entity) ? { ...q, speaker: { ...q.speaker, entity: undefined } } : q));
  const quoteIds = new Set(quotes.map((q) => q.id));

  let times = a.times;
  if (times.length > limits.times) { note('times', 'first'); times = times.slice(0, limits.times); }

  let events = a.events;
  if (events.length > limits.events) { note('events', 'first'); events = events.slice(0, limits.events); }
  const actor = (x: EventActor): EventActor => (x.entity && !known.has(x.entity) ? { ...x, entity: undefined } : x);
  events = events.map((ev) => ({
    ...ev,
    source: actor(ev.source),
    target: actor(ev.target),
    ...(ev.location?.entity && !known.has(ev.location.entity) ? { location: { ...ev.location, entity: undefined } } : {}),
    ...(ev.quote && !quoteIds.has(ev.quote) ? { quote: undefined } : {}),
  }));
  return { ...a, entities, quotes, times, events, messages };
}
