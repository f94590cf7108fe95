import { get, hashFor } from '../api.js';
import { h } from '../dom.js';
import { articleTitle, pagedList } from './common.js';

/** Speakers on the left (people by number of articles), their quotes on the right. */
export async function quotesView(main, _arg, params) {
  const speaker = params.speaker ?? '';
  const form = h('form.filters', {
    onsubmit: (e) => {
      e.preventDefault();
      const f = new FormData(form);
      location.hash = hashFor('quotes', '', { speaker: String(f.get('speaker')).trim(), words: String(f.get('words')).trim() });
    },
  },
  h('label', {}, 'Speaker ', h('input', { name: 'speaker', value: speaker, placeholder: 'Peskov' })),
  h('label', {}, 'Words ', h('input', { name: 'words', value: params.words ?? '' })),
  h('button', { type: 'submit' }, 'Show'));
  const people = await get('/api/actors', { type: 'PERSON', limit: 40 });
  const side = h('aside.speakers', {}, h('h3', {}, 'People'),
    h('ul', {}, people.items.map((p) => h('li', {}, h('a', { href: hashFor('quotes', '', { speaker: p.name }) }, p.name), h('span.n', {}, ` ${p.articles}`)))));
  const list = h('section.quote-list', {}, h('h2', {}, speaker ? `Quotes of ${speaker}` : 'All quotes'));
  main.append(h('h2.view-title', {}, 'Quotes'), form, h('div.columns', {}, list, side));
  await pagedList(list, (cursor) => get('/api/quotes', { speaker, words: params.words, order: 'desc', limit: 50, cursor }), (q) =>
    h('li.quote', {},
      h('blockquote', {}, q.text),
      h('p.meta', {},
        h('span.speaker', {}, q.speaker?.name ?? 'unattributed'),
        q.cue ? ` ${q.cue.text}` : '', ' · ', h('time', {}, q.date?.value ?? 'undated'), ` · ${q.kind} · `,
        h('a', { href: hashFor('article', q.article_id, { quote: q.id }) }, articleTitle(q.article, q.article_id)))),
  'No quotes match.');
}
