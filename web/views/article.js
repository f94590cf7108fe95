import { get, hashFor } from '../api.js';
import { clear, h } from '../dom.js';
import { actorName, articleTitle, evidenceBlock, pagedList } from './common.js';

/** Stored articles, newest last, each linking to its annotated text. */
export async function articlesView(main) {
  const section = h('section', {}, h('h2.view-title', {}, 'Articles'));
  main.append(section);
  await pagedList(section, (cursor) => get('/api/articles', { limit: 50, cursor }), (a) =>
    h('li', {}, h('a', { href: hashFor('article', a.id) }, articleTitle(a, a.id)),
      h('span.meta', {}, ` · ${a.published ?? 'undated'} · ${a.entities} entities, ${a.quotes} quotes, ${a.events} events`)),
  'No articles stored yet.');
}

/**
 * The cleaned text with every entity mention, quote, time and event span highlighted. Spans overlap
 * (a name inside a quote inside an event's sentence), so the text is cut at every span boundary and each
 * piece carries the classes of all spans covering it; clicking a piece lists those records.
 */
export async function articleView(main, id, params) {
  const a = await get(`/api/articles/${encodeURIComponent(id)}`);
  const records = collectRecords(a);
  const panel = h('aside.detail', { id: 'detail' }, h('p.hint', {}, 'Click highlighted text to see its records.'));
  const text = h('div.article-text', { lang: a.meta.language ?? 'en' });
  const pieces = cut(a.text, records);
  for (const p of pieces) {
    if (!p.covering.length) {
      text.append(p.text);
      continue;
    }
    const kinds = [...new Set(p.covering.map((r) => r.kind))];
    text.append(h('mark', {
      class: kinds.map((k) => `hl-${k}`).join(' '),
      dataset: { records: p.covering.map((r) => r.key).join(' ') },
      onclick: () => show(p.covering),
    }, p.text));
  }
  const show = (recs) => {
    clear(panel).append(...recs.map(recordCard));
    for (const m of text.querySelectorAll('mark.focus')) m.classList.remove('focus');
    const keys = new Set(recs.map((r) => r.key));
    for (const m of text.querySelectorAll('mark')) {
      if (m.dataset.records.split(' ').some((k) => keys.has(k))) m.classList.add('focus');
    }
  };
  main.append(
    h('h2.view-title', {}, articleTitle({ title: a.meta.title, uri: a.source.uri }, a.id)),
    h('p.meta', {}, `${a.meta.published ?? 'undated'}${a.meta.credit ? ` · ${a.meta.credit}` : ''}${a.meta.url ? ` · ${a.meta.url}` : ''} · `,
      h('span.hl-entity', {}, 'entity'), ' ', h('span.hl-quote', {}, 'quote'), ' ', h('span.hl-time', {}, 'time'), ' ', h('span.hl-event', {}, 'event')),
    h('div.columns', {}, text, panel),
    h('section.records', {}, h('h3', {}, 'Events in this article'),
      h('ol.items', {}, a.events.map((ev) => h('li', {}, h('a', { href: hashFor('article', a.id, { event: ev.id }) },
        `${actorName(ev.source)} → ${ev.type} → ${actorName(ev.target)} (${ev.date ?? 'undated'})`))))));
  const wanted = params.event ? `event:${params.event}` : params.quote ? `quote:${params.quote}` : null;
  const record = wanted && records.find((r) => r.key === wanted);
  if (record) {
    show([record]);
    text.querySelector('mark.focus')?.scrollIntoView({ block: 'center' });
  }

}

function collectRecords(a) {
  const out = [];
  for (const e of a.entities) {
    for (const m of e.mentions) out.push({ key: `entity:${e.id}`, kind: 'entity', start: m.start, end: m.end, record: e });
  }
  for (const q of a.quotes) out.push({ key: `quote:${q.id}`, kind: 'quote', start: q.start, end: q.end, record: q });
  for (const t of a.times) out.push({ key: `time:${t.start}`, kind: 'time', start: t.start, end: t.end, record: t });
  for (const ev of a.events) {
    // The trigger is what the page marks; the whole sentence would bury everything else under one colour.
    for (const s of ev.evidence.filter((s) => s.role === 'trigger')) {
      out.push({ key: `event:${ev.id}`, kind: 'event', start: s.start, end: s.end, record: { ...ev, article_id: a.id, article: { title: a.meta.title, uri: a.source.uri } } });
    }
  }
  return out.filter((r) => r.end > r.start);
}

function cut(text, records) {
  const bounds = new Set([0, text.length]);
  for (const r of records) {
    bounds.add(r.start);
    bounds.add(r.end);
  }
  const points = [...bounds].filter((b) => b >= 0 && b <= text.length).sort((x, y) => x - y);
  const pieces = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const [s, e] = [points[i], points[i + 1]];
    pieces.push({ text: text.slice(s, e), covering: records.filter((r) => r.start <= s && r.end >= e) });
  }
  return pieces;
}

function recordCard(r) {
  const x = r.record;
  if (r.kind === 'event') return h('div.card.event-card', {}, evidenceBlock(x));
  if (r.kind === 'quote') {
    return h('div.card.quote-card', {}, h('h3', {}, `Quote (${x.kind})`), h('blockquote', {}, x.text),
      h('p', {}, `Speaker: ${x.speaker?.name ?? 'unattributed'}${x.cue ? ` · cue “${x.cue.text}”` : ''} · date ${x.date?.value ?? 'none'}${x.date ? ` (${x.date.basis})` : ''}`),
      h('p.offsets', {}, `[${x.start}, ${x.end})`));
  }
  if (r.kind === 'time') {
    return h('div.card.time-card', {}, h('h3', {}, `Time: ${x.text}`), h('p', {}, `${x.type} ${x.value ?? `unresolved${x.unresolved ? ` (${x.unresolved})` : ''}`}`));
  }
  return h('div.card.entity-card', {}, h('h3', {}, `${x.name} (${x.type})`),
    h('p', {}, [x.role, x.affiliation, x.country, x.sector].filter(Boolean).join(' · ') || '—'),
    h('p', {}, `${x.mentions.length} mentions`),
    h('a', { href: hashFor('timeline', '', { actor: x.name }) }, 'Timeline of this actor'));
}
