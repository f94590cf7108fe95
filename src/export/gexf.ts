/**
 * The actor network as GEXF 1.3 for Gephi: actors are nodes, "who acts on whom" are directed edges weighted
 * by the number of happenings (merged events), coloured by whether conflict (quad classes 3-4) or
 * cooperation (1-2) dominates. Written element by element (xmlbuilder2's callback builder), waiting for the
 * output to drain, so a large network is never held in memory as text.
 */
import type { Database } from 'better-sqlite3';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { createCB } from 'xmlbuilder2';

const NODES_SQL = `
  SELECT key, max(name) AS label, max(country) AS country, count(*) AS events FROM (
    SELECT source_key AS key, source_name AS name, source_country AS country FROM merged_events
    UNION ALL
    SELECT target_key, target_name, target_country FROM merged_events
  ) WHERE key <> '' GROUP BY key ORDER BY key`;

const EDGES_SQL = `
  SELECT m.source_key AS source, m.target_key AS target, count(*) AS events, sum(c.num_mentions) AS mentions,
         avg(m.goldstein) AS goldstein,
         sum(m.quad_class IN (3, 4)) AS conflict, sum(m.quad_class IN (1, 2)) AS cooperation
  FROM merged_events m JOIN merged_event_counts c ON c.id = m.id
  WHERE m.source_key <> '' AND m.target_key <> '' AND m.source_key <> m.target_key
  GROUP BY m.source_key, m.target_key ORDER BY m.source_key, m.target_key`;

const COLOURS = {
  conflict: { r: '214', g: '39', b: '40' },
  cooperation: { r: '44', g: '160', b: '44' },
  mixed: { r: '127', g: '127', b: '127' },
};

interface NodeRow { key: string; label: string | null; country: string | null; events: number }
interface EdgeRow { source: string; target: string; events: number; mentions: number; goldstein: number | null; conflict: number; cooperation: number }

export async function writeGexf(db: Database, out: Writable): Promise<void> {
  let failure: Error | undefined;
  const xml = createCB({ prettyPrint: true, indent: '  ' })
    .on('data', (chunk: string) => out.write(chunk))
    .on('error', (e: Error) => { failure = e; });
  const drained = async () => {
    if (failure) throw failure;
    if (out.writableNeedDrain) await once(out, 'drain');
  };

  xml.dec({ version: '1.0', encoding: 'UTF-8' })
    .ele('gexf', { xmlns: 'http://gexf.net/1.3', 'xmlns:viz': 'http://gexf.net/1.3/viz', version: '1.3' })
    .ele('meta').ele('creator').txt('wirewatch').up().ele('description').txt('who acts on whom: actors and merged events').up().up()
    .ele('graph', { defaultedgetype: 'directed', mode: 'static' })
    .ele('attributes', { class: 'node' })
    .ele('attribute', { id: 'country', title: 'country', type: 'string' }).up()
    .ele('attribute', { id: 'events', title: 'events', type: 'integer' }).up()
    .up()
    .ele('attributes', { class: 'edge' })
    .ele('attribute', { id: 'mentions', title: 'mentions', type: 'integer' }).up()
    .ele('attribute', { id: 'goldstein', title: 'mean Goldstein score', type: 'double' }).up()
    .ele('attribute', { id: 'conflict', title: 'conflict events', type: 'integer' }).up()
    .ele('attribute', { id: 'cooperation', title: 'cooperation events', type: 'integer' }).up()
    .up()
    .ele('nodes');
  for (const n of db.prepare(NODES_SQL).iterate() as IterableIterator<NodeRow>) {
    xml.ele('node', { id: n.key, label: n.label ?? n.key }).ele('attvalues')
      .ele('attvalue', { for: 'country', value: n.country ?? '' }).up()
      .ele('attvalue', { for: 'events', value: String(n.events) }).up()
      .up()
      .ele('viz:size', { value: String(n.events) }).up()
      .up();
    await drained();
  }
  xml.up().ele('edges');
  let i = 0;
  for (const e of db.prepare(EDGES_SQL).iterate() as IterableIterator<EdgeRow>) {
    const tone = e.conflict > e.cooperation ? 'conflict' : e.cooperation > e.conflict ? 'cooperation' : 'mixed';
    xml.ele('edge', { id: `e${i++}`, source: e.source, target: e.target, weight: String(e.events), label: tone })
      .ele('attvalues')
      .ele('attvalue', { for: 'mentions', value: String(e.mentions) }).up()
      .ele('attvalue', { for: 'goldstein', value: e.goldstein === null ? '0' : e.goldstein.toFixed(2) }).up()
      .ele('attvalue', { for: 'conflict', value: String(e.conflict) }).up()
      .ele('attvalue', { for: 'cooperation', value: String(e.cooperation) }).up()
      .up()
      .ele('viz:color', COLOURS[tone]).up()
      .up();
    await drained();
  }
  xml.up().up().up().end();
  await drained();
}
