// Time expressions, chrono-node style: parsers find candidates (chrono-node's own, plus bare years that it
// ignores), then refiners normalise them to TIMEX3 values against the publication date, taking the tense
// of the clause into account ("on Friday" in a past clause is the last Friday). Without a publication
// date, relative expressions stay unresolved and say so; the clock is never consulted.
import * as chrono from 'chrono-node';
import type { Document } from '../document.ts';
import type { Time } from '../schema/article.ts';

type Draft = Omit<Time, 'sourceStart' | 'sourceEnd'>;

const LEAD = /^(?:on|in|at|of|since|by|until|from|during|the)\s+/i;
const TRAIL = /[\s,.;:]+$/;
const FUTURE = /\b(?:will|shall|going to|plans? to|planned|expected to|scheduled|next|upcoming|would)\b|'ll\b/i;
const WEEK_REL = /^(this|last|next|past|previous|coming) week$/i;
const MONTH_REL = /^(this|last|next|past|previous|coming) month$/i;
const YEAR_REL = /^(this|last|next|past|previous|coming) year$/i;
const BARE_YEAR = /\b(?:in|since|by|until|before|after|beyond|from|of|during|through|to|and)\s+((?:1[89]|20)\d{2})\b(?![-/]\d)/gi;

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const ymd = (d: Date) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
const addDays = (d: Date, n: number) => new Date(d.getTime() + n * 86_400_000);

function isoWeek(d: Date): string {
  const t = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
  const day = t.getUTCDay() || 7;
  t.setUTCDate(t.getUTCDate() + 4 - day);
  const yearStart = Date.UTC(t.getUTCFullYear(), 0, 1);
  return `${t.getUTCFullYear()}-W${pad(Math.ceil(((t.getTime() - yearStart) / 86_400_000 + 1) / 7))}`;
}

const shift = (word: string) => (/^(last|past|previous)$/i.test(word) ? -1 : /^(next|coming)$/i.test(word) ? 1 : 0);

/** The day the article speaks from: its publication date, read as a calendar date. */
export function referenceDay(published: string | undefined): Date | undefined {
  const m = published && /^(\d{4})-(\d{2})-(\d{2})/.exec(published);
  return m ? new Date(Date.UTC(+m[1], +m[2] - 1, +m[3], 12)) : undefined;
}

function tenseOf(doc: Document, start: number): 'past' | 'future' {
  const s = doc.sentences[doc.sentenceAt(start)];
  return s && FUTURE.test(doc.text.slice(s.start, s.end)) ? 'future' : 'past';
}

function normalise(r: chrono.ParsedResult, text: string, ref: Date | undefined, tense: 'past' | 'future'): { value: string | null; type: Draft['type']; why?: string } {
  const c = r.start;
  const get = (k: chrono.Component) => (c.isCertain(k) ? c.get(k) ?? undefined : undefined);
  const known = { year: get('year'), month: get('month'), day: get('day'), weekday: get('weekday'), hour: get('hour'), minute: get('minute') };
  const unresolved = (why = 'relative expression and no publication date') => ({ value: null, type: 'DATE' as const, why });
  let m: RegExpExecArray | null;
  if ((m = WEEK_REL.exec(text))) return ref ? { value: isoWeek(addDays(ref, 7 * shift(m[1]))), type: 'DATE' } : unresolved();
  if ((m = MONTH_REL.exec(text))) {
    if (!ref) return unresolved();
    const d = new Date(Date.UTC(ref.getUTCFullYear(), ref.getUTCMonth() + shift(m[1]), 1));
    return { value: `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}`, type: 'DATE' };
  }
  if ((m = YEAR_REL.exec(text))) return ref ? { value: String(ref.getUTCFullYear() + shift(m[1])), type: 'DATE' } : unresolved();
  const time = known.hour !== undefined ? `T${pad(known.hour)}:${pad(known.minute ?? 0)}` : '';
  const type = time ? 'TIME' as const : 'DATE' as const;
  if (known.year !== undefined && known.month !== undefined && known.day !== undefined) return { value: `${known.year}-${pad(known.month)}-${pad(known.day)}${time}`, type };
  if (known.year !== undefined && known.month !== undefined) return { value: `${known.year}-${pad(known.month)}`, type };
  if (known.year !== undefined && known.day === undefined) return { value: String(known.year), type };
  if (!ref) return unresolved();
  if (known.weekday !== undefined && known.day === undefined) {
    const diff = (known.weekday - ref.getUTCDay() + 7) % 7;
    // a weekday in a past clause is the latest one on or before the reference day; in a future clause the next one
    const d = tense === 'future' ? addDays(ref, diff === 0 ? 7 : diff) : addDays(ref, diff === 0 ? 0 : diff - 7);
    return { value: ymd(d) + time, type };
  }
  if (known.month !== undefined && known.day !== undefined) {
    let year = ref.getUTCFullYear();
    const candidate = Date.UTC(year, known.month - 1, known.day, 12);
    if (tense === 'past' && candidate > ref.getTime() + 86_400_000) year -= 1;
    if (tense === 'future' && candidate < ref.getTime() - 86_400_000) year += 1;
    return { value: `${year}-${pad(known.month)}-${pad(known.day)}${time}`, type };
  }
  // chrono computed it from the reference (yesterday, two weeks ago): its date is the value
  return { value: ymd(r.start.date()) + time, type };
}

export function findTimes(doc: Document): void {
  const ref = referenceDay(doc.meta.published);
  const drafts: Draft[] = [];
  for (const p of doc.paragraphs) {
    const body = doc.text.slice(p.start, p.end);
    const results = chrono.en.casual.parse(body, ref ? { instant: ref, timezone: 0 } : new Date(Date.UTC(2000, 0, 1, 12)));
    for (const r of results) {
      let text = r.text.replace(TRAIL, '');
      let start = p.start + r.index;
      const lead = LEAD.exec(text);
      if (lead) { start += lead[0].length; text = text.slice(lead[0].length); }
      if (!text) continue;
      const n = normalise(r, text, ref, tenseOf(doc, start));
      drafts.push({ start, end: start + text.length, text, type: n.type, value: n.value, ...(n.why ? { unresolved: n.why } : {}) });
    }
    for (const m of body.matchAll(BARE_YEAR)) {
      const start = p.start + m.index! + m[0].length - m[1].length;
      if (drafts.some((d) => start < d.end && d.start < start + 4)) continue;
      drafts.push({ start, end: start + 4, text: m[1], type: 'DATE', value: m[1] });
    }
  }
  doc.times = drafts.sort((a, b) => a.start - b.start);
}
