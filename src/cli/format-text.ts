// Human-readable summaries, shared by `analyze --format text`, `demo` and the text output of the queries.
import type { Article, Event } from '../schema/article.ts';

export interface EventLine {
  sourceName?: string | null;
  sourceCountry?: string | null;
  type: string;
  mode?: string | null;
  cameo: string;
  targetName?: string | null;
  targetCountry?: string | null;
  date?: string | null;
  quantities?: { value: number; unit: string }[];
  conditional?: boolean;
  negated?: boolean;
}

export function formatArticle(a: Article): string {
  const out: string[] = [];
  out.push(a.meta.title ?? a.source.uri ?? `article ${a.id.slice(0, 12)}`);
  out.push([
    a.meta.published ? `published ${a.meta.published}` : 'publication date unknown (relative dates stay unresolved)',
    a.meta.credit && `credit: ${a.meta.credit}`,
    a.meta.title && a.source.uri,
    `id ${a.id.slice(0, 12)}`,
  ].filter(Boolean).join(' · '));

  out.push('', 'Who said what');
  const byId = new Map(a.entities.map((e) => [e.id, e]));
  for (const q of a.quotes) {
    const e = q.speaker?.entity ? byId.get(q.speaker.entity) : undefined;
    const who = [e?.affiliation, e?.role].filter(Boolean).join(' ');
    const speaker = q.speaker ? (who ? `${q.speaker.name} (${who})` : q.speaker.name) : '(unattributed)';
    const kind = q.kind === 'direct' ? '' : ` [${q.kind}]`;
    out.push(`  ${quoteLine(speaker, q.text, q.date?.value ?? null)}${kind}`);
  }
  if (a.quotes.length === 0) out.push('  (no quotes found)');

  out.push('', 'Events');
  for (const ev of a.events) out.push(`  ${eventLine(fromEvent(ev))}`);
  if (a.events.length === 0) out.push('  (no events found)');

  out.push('', 'Timeline');
  const times = [...a.times].sort((x, y) => (x.value === y.value ? x.start - y.start
    : x.value === null ? 1 : y.value === null ? -1 : x.value < y.value ? -1 : 1));
  const width = times.reduce((w, t) => Math.max(w, (t.value ?? 'unresolved').length), 10);
  for (const t of times) {
    const why = t.value === null && t.unresolved ? ` — ${t.unresolved}` : '';
    out.push(`  ${(t.value ?? 'unresolved').padEnd(width)}  “${t.text}”${why}`);
  }
  if (times.length === 0) out.push('  (no time expressions found)');
  return out.join('\n');
}

export function quoteLine(speaker: string, text: string, date: string | null): string {
  return `${speaker} — “${text}” — ${date ?? 'date unresolved'}`;
}

export function eventLine(e: EventLine): string {
  const actor = (name?: string | null, country?: string | null) =>
    name ? (country ? `${name} (${country})` : name) : country ?? '?';
  const parts = [
    `${actor(e.sourceName, e.sourceCountry)} → ${e.type}${e.mode ? `/${e.mode}` : ''} (${e.cameo}) → ${actor(e.targetName, e.targetCountry)}`,
    e.date ?? 'date unresolved',
  ];
  if (e.quantities?.length) parts.push(e.quantities.map((q) => `${q.value} ${q.unit}`).join(', '));
  if (e.conditional) parts.push('conditional');
  if (e.negated) parts.push('negated');
  return parts.join(' · ');
}

function fromEvent(ev: Event): EventLine {
  return {
    sourceName: ev.source.name, sourceCountry: ev.source.country, type: ev.type, mode: ev.mode, cameo: ev.cameo,
    targetName: ev.target.name, targetCountry: ev.target.country, date: ev.date, quantities: ev.quantities,
    conditional: ev.conditional, negated: ev.negated,
  };
}
