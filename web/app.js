import { parseHash } from './api.js';
import { clear, h } from './dom.js';
import { articleView, articlesView } from './views/article.js';
import { networkView } from './views/network.js';
import { quotesView } from './views/quotes.js';
import { timelineView } from './views/timeline.js';

const VIEWS = { timeline: timelineView, network: networkView, quotes: quotesView, article: articleView, articles: articlesView };

async function route() {
  const hash = location.hash;
  const { view, arg, params } = parseHash(hash);
  const main = clear(document.getElementById('view'));
  for (const a of document.querySelectorAll('nav a')) a.classList.toggle('active', a.dataset.view === view);
  const render = VIEWS[view];
  if (!render) {
    main.append(h('p.error', {}, `No view "${view}".`));
    return;
  }
  main.dataset.view = view;
  main.dataset.ready = 'false';
  try {
    await render(main, arg, params);
  } catch (e) {
    main.append(h('p.error', { role: 'alert' }, e.message));
  }
  main.dataset.ready = 'true';
  // Which route this rendering is for, so a test (or a user script) can wait for exactly that one.
  main.dataset.rendered = hash;
}

window.addEventListener('hashchange', route);
route();
