import { get, hashFor } from '../api.js';
import { clear, h } from '../dom.js';
import { actorLink, articleTitle, evidenceBlock, tone } from './common.js';

const TYPES = ['', 'ACCUSE', 'AGREE', 'AID', 'ASSAULT', 'COERCE', 'CONCEDE', 'CONSULT', 'COOPERATE', 'MOBILIZE', 'PROTEST',
  'REJECT', 'REQUEST', 'RETREAT', 'SANCTION', 'SUPPORT', 'THREATEN'];

/** Events and quotes in date order, filtered by actor, type and dates; clicking an event shows its evidence. */
export async function timelineView(main, _arg, params) {
  const form = h('form.filters', {
    onsubmit: (e) => {
      e.preventDefault();
      const f = new FormData(form);
      location.hash = hashFor('timeline', '', Object.fromEntries([...f.entries()].map(([k, v]) => [k, String(v).trim()])));
    },
  },
  h('label', {}, 'Actor ', h('input', { name: 'actor', value: params.actor ?? '', placeholder: 'name or RUS' })),
  h('label', {}, 'Type ', h('select', { name: 'type' }, TYPES.map((t) => h('option', { value: t, selected: t === (params.type ?? '') }, t || 'any')))),
  h('label', {}, 'From ', h('input', { name: 'from', type: 'date', value: params.from ?? '' })),
  h('label', {}, 'To ', h('input', { name: 'to', type: 'date', value: params.to ?? '' })),
  h('button', { type: 'submit' }, 'Filter'));
  const detail = h('aside.detail', { id: 'detail' }, h('p.hint', {}, 'Click an event to see its evidence.'));
  const columns = h('div.columns');
  const events = h('section.events', {}, h('h2', {}, 'Events'));
  const quotes = h('section.quotes', {}, h('h2', {}, 'Quotes'));
  columns.append(h('div.stack', {}, events, quotes), detail);
  main.append(h('h2.view-title', {}, 'Timeline'), form, columns);

  // Newest first: what an analyst opens the desk for.
  const filter = { actor: params.actor, type: params.type, from: params.from, to: params.to, order: 'desc' };
  const [ev, qu] = await Promise.all([
    get('/api/events', { ...filter, limit: 100 }),
    // Quotes by the actor as speaker; type filters events only.
    params.type ? Promise.resolve(null) : get('/api/quotes', { speaker: params.actor, from: params.from, to: params.to, order: 'desc', limit: 50 }),
  ]);
  renderEvents(events, ev, filter, detail);
  if (qu) renderQuotes(quotes, qu);
  else quotes.append(h('p.hint', {}, 'Quotes are not typed; clear the type filter to see them.'));
}

function renderEvents(section, first, filter, detail) {
  const list = h('ol.items.timeline');
  const more = h('button.more', { type: 'button', hidden: first.next === null }, 'Load more');
  let next = first.next;
  const add = (items) => {
    for (const ev of items) {
      const item = h('li.event', {
        class: `event ${tone(ev.cameo)}`, tabindex: 0, dataset: { event: ev.id, article: ev.article_id },
        onclick: () => select(item, ev),
        onkeydown: (e) => { if (e.key === 'Enter') select(item, ev); },
      },
      h('time', {}, ev.date ?? 'undated'), ' ',
      h('span.type', {}, ev.type), ' ',
      actorLink(ev.source), ' → ', actorLink(ev.target),
      h('span.src', {}, ` · ${articleTitle(ev.article, ev.article_id)}`));
      list.append(item);
    }
    if (!list.children.length) list.append(h('li.empty', {}, 'No events match.'));
  };
  const select = (item, ev) => {
    for (const li of list.querySelectorAll('.selected')) li.classList.remove('selected');
    item.classList.add('selected');
    clear(detail).append(evidenceBlock(ev));
  };
  more.addEventListener('click', async () => {
    more.disabled = true;
    const page = await get('/api/events', { ...filter, limit: 100, cursor: next });
    add(page.items);
    next = page.next;
    more.hidden = next === null;
    more.disabled = false;
  });
  add(first.items);
  section.append(h('p.count', {}, `${first.items.length}${first.next ? '+' : ''} events`), list, more);
}

function renderQuotes(section, page) {
  const list = h('ol.items.timeline');
  for (const q of page.items) {
    list.append(h('li.quote', {},
      h('time', {}, q.date?.value ?? 'undated'), ' ',
      h('span.speaker', {}, q.speaker?.name ?? 'unattributed'), ': ',
      h('a', { href: hashFor('article', q.article_id, { quote: q.id }) }, h('q', {}, q.text))));
  }
  if (!page.items.length) list.append(h('li.empty', {}, 'No quotes match.'));
  section.append(list);
}


