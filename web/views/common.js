import { hashFor } from '../api.js';
import { h } from '../dom.js';

// CAMEO root codes 01–08 are cooperation, 09–20 conflict (the quad classes of the codebook).
export function tone(cameo) {
  return Number(String(cameo).slice(0, 2)) <= 8 ? 'coop' : 'conflict';
}

export function actorName(a) {
  return a?.name ?? a?.country ?? '—';
}

export function actorLink(a) {
  const name = actorName(a);
  return name === '—' ? h('span.actor', {}, name) : h('a.actor', { href: hashFor('timeline', '', { actor: a.name ?? a.country }) }, name);
}

export function articleTitle(article, id) {
  return article?.title ?? article?.uri ?? `${id.slice(0, 12)}…`;
}

/** A list that fetches its next page on demand; `fetchPage(cursor)` returns { items, next }. */
export async function pagedList(container, fetchPage, renderItem, emptyText) {
  const list = h('ol.items');
  const more = h('button.more', { type: 'button', hidden: true }, 'Load more');
  container.append(list, more);
  let cursor = null;
  async function load() {
    more.disabled = true;
    const page = await fetchPage(cursor);
    for (const item of page.items) list.append(renderItem(item));
    cursor = page.next;
    more.hidden = cursor === null;
    more.disabled = false;
    if (!list.children.length) list.append(h('li.empty', {}, emptyText));
  }
  more.addEventListener('click', () => void load());
  await load();
}

/** The evidence of an event: each span's role and text, and a link to see it in its article. */
export function evidenceBlock(ev) {
  return h('div.evidence', {},
    h('h3', {}, `${actorName(ev.source)} → ${ev.type}${ev.mode ? ` (${ev.mode})` : ''} → ${actorName(ev.target)}`),
    h('dl', {},
      h('dt', {}, 'CAMEO'), h('dd', {}, `${ev.cameo}${ev.goldstein !== undefined ? ` · Goldstein ${ev.goldstein}` : ''}`),
      h('dt', {}, 'Date'), h('dd', {}, `${ev.date ?? 'undated'}${ev.dateBasis ? ` (${ev.dateBasis})` : ''}`),
      ev.quantities?.length ? [h('dt', {}, 'Numbers'), h('dd', {}, ev.quantities.map((q) => `${q.value} ${q.unit}`).join(', '))] : null,
      ev.condition ? [h('dt', {}, 'Condition'), h('dd', {}, ev.condition.text)] : null,
      ev.negated ? [h('dt', {}, 'Negated'), h('dd', {}, 'yes')] : null),
    h('ul.spans', {}, (ev.evidence ?? []).map((s) =>
      h('li', {}, h('span.role', {}, s.role ?? 'span'), ' ', h('q', {}, s.text), h('span.offsets', {}, ` [${s.start}, ${s.end})`)))),
    h('a.open', { href: hashFor('article', ev.article_id, { event: ev.id }) }, `Open in article: ${articleTitle(ev.article, ev.article_id)}`));
}
