import { get, hashFor } from '../api.js';
import { h, svg } from '../dom.js';
import { layout } from './force-layout.js';

const W = 900;
const H = 600;

/** Who acts on whom: edge width by event count, colour by the larger share of cooperation or conflict. */
export async function networkView(main, _arg, params) {
  const { edges } = await get('/api/network', { type: params.type, from: params.from, to: params.to, country: params.country, edges: 120 });
  main.append(h('h2.view-title', {}, 'Actor network'),
    h('p.legend', {}, h('span.swatch.coop'), ' mostly cooperation  ', h('span.swatch.conflict'), ' mostly conflict  · line width: number of events · click an actor for its timeline'));
  if (!edges.length) {
    main.append(h('p.empty', {}, 'No events between two named actors yet.'));
    return;
  }
  const index = new Map();
  const nodes = [];
  const node = (name, country) => {
    if (!index.has(name)) {
      index.set(name, nodes.length);
      nodes.push({ name, country, weight: 0 });
    }
    return index.get(name);
  };
  const links = edges.map((e) => ({ ...e, a: node(e.source, e.sourceCountry), b: node(e.target, e.targetCountry) }));
  for (const l of links) {
    nodes[l.a].weight += l.events;
    nodes[l.b].weight += l.events;
  }
  const pos = layout(nodes, links, W, H);
  const max = Math.max(...links.map((l) => l.events));
  const drawing = svg('svg', { viewBox: `0 0 ${W} ${H}`, class: 'network', role: 'img', 'aria-label': 'actor network' },
    svg('defs', {},
      ...['coop', 'conflict'].map((t) => svg('marker', { id: `arrow-${t}`, viewBox: '0 0 10 10', refX: 22, refY: 5, markerWidth: 9, markerHeight: 9, markerUnits: 'userSpaceOnUse', orient: 'auto' },
        svg('path', { d: 'M 0 0 L 10 5 L 0 10 z', class: `arrowhead ${t}` })))));
  for (const l of links) {
    const t = l.conflict > l.cooperation ? 'conflict' : 'coop';
    // A slight bend keeps A→B and B→A apart: each curves to its own left.
    const [a, b] = [pos[l.a], pos[l.b]];
    const cx = (a.x + b.x) / 2 - (b.y - a.y) * 0.12;
    const cy = (a.y + b.y) / 2 + (b.x - a.x) * 0.12;
    drawing.append(svg('path', {
      d: `M ${a.x} ${a.y} Q ${cx} ${cy} ${b.x} ${b.y}`, fill: 'none',
      class: `edge ${t}`, 'stroke-width': 1 + 5 * Math.sqrt(l.events / max), 'marker-end': `url(#arrow-${t})`,
    }, svg('title', {}, `${l.source} → ${l.target}: ${l.events} events (${l.cooperation} cooperation, ${l.conflict} conflict)`)));
  }
  const maxW = Math.max(...nodes.map((n) => n.weight));
  nodes.forEach((n, i) => {
    const g = svg('g', { class: 'node', tabindex: 0, 'data-actor': n.name, onclick: () => { location.hash = hashFor('timeline', '', { actor: n.name }); } },
      svg('circle', { cx: pos[i].x, cy: pos[i].y, r: 4 + 8 * Math.sqrt(n.weight / maxW) }),
      svg('text', { x: pos[i].x + 10, y: pos[i].y + 4 }, n.name),
      svg('title', {}, `${n.name}${n.country ? ` (${n.country})` : ''}: ${n.weight} events`));
    drawing.append(g);
  });
  main.append(drawing);
}
