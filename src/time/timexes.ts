// Time expressions, recognised by rules over the word lists in data/time/lexicon.json and normalised to
// TimeML TIMEX3 values against the publication date, the tense of the clause and what the article said
// before ("that year", "the quarter"). Spans follow TimeML: the preposition is left out ("on [Monday]"),
// determiners and modifiers are kept ("[the past three years]", "[earlier this month]").
// Without a publication date, relative expressions stay unresolved and say so; the clock is never consulted.
import type { Document } from '../document.ts';
import type { Time } from '../schema/article.ts';
import { alt, lexicon, type Lexicon } from './lexicon.ts';
import {
  type Day, addDays, dayDiff, easter, isoWeek, pad, quarter, quarterOf, thanksgiving, validDay, weekday, ym, ymd,
} from './calendar.ts';

type Draft = Omit<Time, 'sourceStart' | 'sourceEnd'>;
type TimeType = Time['type'];
export type Tense = 'past' | 'future' | 'none';

export interface Context {
  ref?: Day;
  tense: Tense;
  /** the tense is certain ("by February", "ended Jan. 31"): no nearer date of the other tense is taken */
  strict?: boolean;
  /** the sentence holding the expression, and the expression's offset in it */
  sentence: string;
  /** what earlier expressions established */
  lastYear?: number;
  lastDay?: Day;
  lastMonth?: { y: number; m: number };
  lastQuarter?: string;
}

interface Value { value: string | null; why?: string; /** a clock time whose day may come from its sentence */ floating?: boolean; /** false: not a new focus for later anaphora */ focus?: boolean }
interface Candidate { start: number; end: number; type: TimeType; priority: number; resolve(ctx: Context): Value }
interface Rule { name: string; re: RegExp; priority?: number; gate?: Gate; make(m: RegExpExecArray, ctx: { text: string }): Omit<Candidate, 'start' | 'end' | 'priority'> & { start?: number; end?: number } | null }

const NO_REF = 'relative expression and no publication date';
const needRef = (ctx: Context, f: (ref: Day) => string | null): Value => (ctx.ref ? { value: f(ctx.ref) } : { value: null, why: NO_REF });

/** The day the article speaks from: its publication date, read as a calendar date in its own time zone. */
export function referenceDay(published: string | undefined): Day | undefined {
  const m = published && /^(\d{4})-(\d{2})-(\d{2})/.exec(published);
  return m ? { y: +m[1], m: +m[2], d: +m[3] } : undefined;
}

// ---- resolution helpers -------------------------------------------------------------------------------

/** A weekday relative to the reference day: past → the latest on or before it, future → the next after it. */
function resolveWeekday(ref: Day, wd: number, tense: Tense, shift?: 'last' | 'next' | 'this'): Day {
  const diff = (wd - weekday(ref) + 7) % 7;
  if (shift === 'next') return addDays(ref, diff === 0 ? 7 : diff);
  if (shift === 'last') return addDays(ref, diff === 0 ? -7 : diff - 7);
  // the publication day's own weekday is that day ("said Friday" in Friday's paper), unless "next"
  if (tense === 'future') return addDays(ref, diff);
  if (shift === 'this' && diff !== 0 && tense === 'none') return addDays(ref, diff);
  return addDays(ref, diff === 0 ? 0 : diff - 7);
}

/** The year of a month (and day) named without one: the nearest, unless one that fits the tense is close too. */
function yearFor(ref: Day, month: number, day: number | undefined, tense: Tense, strict = false): number {
  const candidates = [ref.y - 1, ref.y, ref.y + 1].map((y) => ({ y, diff: day === undefined ? (y * 12 + month) - (ref.y * 12 + ref.m) : dayDiff({ y, m: month, d: Math.min(day, 28) }, ref) }));
  const near = strict ? Infinity : day === undefined ? 9 : 250;
  const fits = candidates.filter((c) => (tense === 'past' ? c.diff <= 0 : tense === 'future' ? c.diff >= 0 : false) && Math.abs(c.diff) <= near);
  const pool = fits.length ? fits : candidates;
  return pool.reduce((a, b) => (Math.abs(b.diff) < Math.abs(a.diff) || (Math.abs(b.diff) === Math.abs(a.diff) && b.diff > 0) ? b : a)).y;
}

const seasonIndex: Record<string, number> = { SP: 0, SU: 1, FA: 2, WI: 3 };
const seasonNames = ['SP', 'SU', 'FA', 'WI'];
function currentSeason(ref: Day): number {
  // winter belongs to the year of its December
  if (ref.m <= 2) return (ref.y - 1) * 4 + 3;
  return ref.y * 4 + Math.floor((ref.m - 3) / 3);
}
function resolveSeason(ref: Day, code: string, shift: string | undefined, tense: Tense): string {
  const cur = currentSeason(ref), s = seasonIndex[code];
  let t = Math.floor(cur / 4) * 4 + s;
  if (shift === 'last' || shift === 'past') t = (ref.y - 1) * 4 + s;
  else if (shift === 'next' || shift === 'coming') { if (t <= cur) t += 4; }
  else if (shift !== 'this' && tense === 'future' && t < cur) t += 4;
  else if (shift !== 'this' && tense === 'past' && t > cur) t -= 4;
  return `${Math.floor(t / 4)}-${seasonNames[t % 4]}`;
}

function durationValue(n: number | undefined, code: string): string {
  const time = code === 'H' || code === 'MIN' || code === 'S';
  const unit = code === 'MIN' ? 'M' : code;
  if (n === undefined) return `PX${code === 'DE' ? 'DE' : code === 'CE' ? 'C' : code === '2W' ? 'W' : unit}`;
  if (code === 'DE') return `P${n * 10}Y`;
  if (code === 'CE') return `P${n * 100}Y`;
  if (code === 'Q') return `P${n}Q`;
  if (code === '2W') return `P${n * 2}W`;
  if (code === 'WE') return `P${n * 2}D`;
  if (!Number.isInteger(n)) {
    const whole = Math.floor(n), frac = n - whole;
    if (code === 'Y') return `P${whole ? whole + 'Y' : ''}${Math.round(frac * 12)}M`;
    if (code === 'H') return `PT${whole ? whole + 'H' : ''}${Math.round(frac * 60)}M`;
    if (code === 'D') return `P${whole ? whole + 'D' : ''}T${Math.round(frac * 24)}H`;
    if (code === 'MIN') return `PT${whole ? whole + 'M' : ''}${Math.round(frac * 60)}S`;
  }
  return time ? `PT${n}${unit}` : `P${n}${unit}`;
}

/** A point n units before (n < 0) or after the reference, at the granularity of the unit. */
function shifted(ref: Day, n: number, code: string): string | null {
  switch (code) {
    case 'D': return ymd(addDays(ref, n));
    case 'W': case 'WE': return isoWeek(addDays(ref, 7 * n));
    case '2W': return isoWeek(addDays(ref, 14 * n));
    case 'M': return ym(ref.y, ref.m + n);
    case 'Q': return quarter(ref.y, quarterOf(ref), n);
    case 'Y': return String(ref.y + n);
    case 'DE': return String(ref.y + 10 * n);
    case 'CE': return String(ref.y + 100 * n);
    case 'H': case 'MIN': case 'S': return ymd(ref);
    default: return null;
  }
}

const relShift = (w: string | undefined) => {
  const x = (w ?? '').toLowerCase().replace(/^the\s+/, '');
  return /^(last|past|previous|preceding)$/.test(x) ? -1 : /^(next|coming|following)$/.test(x) ? 1 : 0;
};

// ---- rules --------------------------------------------------------------------------------------------

let compiled: Rule[] | undefined;

const cap = (s: string) => /^[A-Z]/.test(s);

function rules(L: Lexicon): Rule[] {
  if (compiled) return compiled;
  const f = L.file;
  const B = '(?<![\\w-])', E = '(?![\\w])';
  const YEAR = "(?:1[6-9]\\d\\d|20\\d\\d)(?!\\d)";
  const MOD = '(?:(?:earlier|later|early|late|mid-?|the\\s+(?:end|beginning|start|middle|close|turn|rest|remainder|first\\s+half|second\\s+half)\\s+of)\\s*)';
  const re = (src: string) => new RegExp(B + '(?:' + src + ')' + E, 'gi');
  const reDot = (src: string) => new RegExp(B + '(?:' + src + ')', 'gi'); // may end with a dot (abbreviations)
  const DAYNUM = '(?:[12]\\d|3[01]|0?[1-9])(?:st|nd|rd|th)?';
  const anchorYear = (ctx: Context) => ctx.lastYear ?? ctx.ref?.y;

  const monthDay = (month: number, day: number, year: number | undefined, time = '') => (ctx: Context): Value => {
    if (year !== undefined) return validDay(year, month, day) ? { value: `${year}-${pad(month)}-${pad(day)}${time}` } : { value: null, why: 'no such day' };
    return needRef(ctx, (ref) => {
      const y = yearFor(ref, month, day, ctx.tense, ctx.strict);
      return `${y}-${pad(month)}-${pad(day)}${time}`;
    });
  };
  const twoDigitYear = (s: string) => (s.length === 2 ? (+s < 30 ? 2000 + +s : 1900 + +s) : +s);

  compiled = [
    // Monday, Oct. 26, 1998 · Oct. 26 · October 26th, 1998
    {
      name: 'month-day', priority: 1,
      re: reDot(`(?:(?<wd>${L.WEEKDAY}),?\\s+)?(?<mon>${L.MONTH})\\s+(?<day>${DAYNUM})(?!\\d|:\\d)(?:(?:,\\s*|\\s+)(?<year>${YEAR}|'\\d\\d))?(?![\\w%])`),
      make(m) {
        const g = m.groups!;
        const month = L.month(g.mon)!, day = parseInt(g.day, 10);
        if (!cap(g.mon) && !g.wd) return null;
        if (!validDay(2000, month, day)) return null;
        const year = g.year ? twoDigitYear(g.year.replace("'", '')) : undefined;
        return { type: 'DATE', resolve: monthDay(month, day, year) };
      },
    },
    // 26 October 1998 · the 26th of October
    {
      name: 'day-month', priority: 1,
      re: reDot(`(?:(?<wd>${L.WEEKDAY}),?\\s+)?(?:the\\s+)?(?<day>${DAYNUM})\\s+(?:of\\s+)?(?<mon>${L.MONTH})(?:,?\\s+(?<year>${YEAR}))?(?![\\w%])`),
      make(m) {
        const g = m.groups!;
        const month = L.month(g.mon)!, day = parseInt(g.day, 10);
        if (!cap(g.mon)) return null;
        const year = g.year ? +g.year : undefined;
        return { type: 'DATE', resolve: monthDay(month, day, year) };
      },
    },
    // 2025-03-31 · 3/31/1998
    {
      name: 'numeric-date', priority: 1,
      re: re(`(?<y>\\d{4})-(?<m>\\d\\d)-(?<d>\\d\\d)|(?<m2>1[0-2]|0?[1-9])\\/(?<d2>[12]\\d|3[01]|0?[1-9])\\/(?<y2>\\d{4}|\\d\\d)`),
      make(m) {
        const g = m.groups!;
        const y = g.y ? +g.y : twoDigitYear(g.y2), mo = +(g.m ?? g.m2), d = +(g.d ?? g.d2);
        if (!validDay(y, mo, d)) return null;
        return { type: 'DATE', resolve: () => ({ value: `${y}-${pad(mo)}-${pad(d)}` }) };
      },
    },
    // October 1998 · early December · last April · mid-November
    {
      name: 'month', priority: 2,
      re: reDot(`(?:(?<mod>${MOD})|(?<shift>this|last|next|the\\s+same|that|past|coming)\\s+)?(?<mon>${L.MONTH})(?:(?:,\\s*|\\s+of\\s+|\\s+)(?<year>${YEAR})|\\s+(?<rel>last|this|next)\\s+year)?(?![\\w%])`),
      make(m, { text }) {
        const g = m.groups!;
        const month = L.month(g.mon)!;
        if (!cap(g.mon)) return null;
        const full = new RegExp(`^(?:${L.MONTH_FULL})$`, 'i').test(g.mon.replace(/\.$/, ''));
        if (!g.year && !full) return null;
        if (!g.year && !g.mod && !g.shift && /^(may|march)$/i.test(g.mon)) {
          const before = text.slice(Math.max(0, m.index - 12), m.index);
          if (!/\b(?:in|of|since|by|until|till|during|from|through|to|and|or|last|next|this|early|late|mid|before|after)\s+$/i.test(before)) return null;
        }
        const year = g.year ? +g.year : undefined;
        const shift = g.shift?.toLowerCase();
        if (g.rel) {
          const n = relShift(g.rel);
          return { type: 'DATE', resolve: (ctx) => needRef(ctx, (ref) => `${ref.y + n}-${pad(month)}`) };
        }
        return {
          type: 'DATE',
          resolve: (ctx) => {
            if (year !== undefined) return { value: `${year}-${pad(month)}` };
            if (shift === 'that' || shift === 'the same') { const y = anchorYear(ctx); return y ? { value: `${y}-${pad(month)}` } : { value: null, why: NO_REF }; }
            return needRef(ctx, (ref) => {
              let y = yearFor(ref, month, undefined, shift === 'last' || shift === 'past' ? 'past' : shift === 'next' || shift === 'coming' ? 'future' : ctx.tense, ctx.strict);
              if (shift === 'last' || shift === 'past') y = month < ref.m ? ref.y : ref.y - 1;
              if ((shift === 'next' || shift === 'coming') && month === ref.m && y === ref.y) y += 1;
              if (shift === 'this') y = ref.y;
              return `${y}-${pad(month)}`;
            });
          },
        };
      },
    },
    // Friday · last Friday · Friday morning · late Thursday
    {
      name: 'weekday', priority: 3,
      re: reDot(`(?:(?<mod>early|late)\\s+)?(?:(?<shift>last|next|this|coming|past)\\s+)?(?<wd>${L.WEEKDAY})(?:'s)?(?:\\s+(?<part>morning|afternoon|evening|night))?(?![\\w])`),
      make(m) {
        const g = m.groups!;
        if (!cap(g.wd)) return null;
        const word = g.wd.toLowerCase();
        if (f.weekdayAbbreviationsNeedDot.includes(word)) return null;
        if (f.weekdayAbbreviationsNeedDot.includes(word.replace(/\.$/, '')) && !/\.$/.test(word)) return null;
        const wd = L.weekday(g.wd)!;
        const shift = g.shift?.toLowerCase();
        const part = g.part ? f.partsOfDay[g.part.toLowerCase()] : undefined;
        // TimeBank dates "Friday morning" to the day, and keeps the evening and the night
        const keep = part === 'EV' || part === 'NI' ? part : undefined;
        return {
          type: 'DATE',
          resolve: (ctx) => needRef(ctx, (ref) => {
            const s = shift === 'last' || shift === 'past' ? 'last' : shift === 'next' || shift === 'coming' ? 'next' : shift === 'this' ? 'this' : undefined;
            return ymd(resolveWeekday(ref, wd, ctx.tense, s)) + (keep ? `T${keep}` : '');
          }),
        };
      },
    },
    // today · yesterday morning · late yesterday · tonight · last night · this morning
    {
      name: 'deictic-day', priority: 2,
      re: re(`(?:(?<mod>early|late)\\s+)?(?:the\\s+day\\s+(?<ba>before|after)\\s+)?(?<word>today|yesterday|tomorrow|tonight)(?:'s)?(?:\\s+(?<part>morning|afternoon|evening|night))?|(?<this>this|last|yesterday|tomorrow)\\s+(?<part2>morning|afternoon|evening|night)`),
      make(m) {
        const g = m.groups!;
        const word = (g.word ?? g.this).toLowerCase();
        if (/'s$/.test(m[0]) && /^today|^tomorrow/i.test(m[0]) && !/\b(?:after|before)\b/i.test(m[0])) return null;
        const partWord = g.part ?? g.part2;
        const part = partWord ? f.partsOfDay[partWord.toLowerCase()] : undefined;
        let n = word === 'yesterday' ? -1 : word === 'tomorrow' ? 1 : 0;
        if (word === 'last') n = -1;
        if (g.ba) n += g.ba.toLowerCase() === 'before' ? -1 : 1;
        const type: TimeType = part ? 'TIME' : 'DATE';
        return { type, resolve: (ctx) => needRef(ctx, (ref) => ymd(addDays(ref, n)) + (part ? `T${part}` : '')) };
      },
    },
    // 10:35 a.m. · 6 a.m. EDT Thursday · noon
    {
      name: 'clock', priority: 1,
      re: reDot(`(?<h>[01]?\\d|2[0-3])(?:[:.](?<min>[0-5]\\d))?\\s*(?<ap>a\\.m\\.?|p\\.m\\.?|am(?![\\w])|pm(?![\\w]))(?:\\s+(?<zone>[ECMP][SD]T|GMT|UTC|local\\s+time))?(?:,?\\s+(?:on\\s+)?(?:(?<wd>${L.WEEKDAY}|today|yesterday|tomorrow)|(?<mon>${L.MONTH})\\s+(?<md>[12]\\d|3[01]|0?[1-9]))(?![\\w]))?|(?<h2>[01]?\\d|2[0-3]):(?<min2>[0-5]\\d)(?![\\d:])(?:\\s+(?<zone2>[ECMP][SD]T|GMT|UTC|local\\s+time))?|(?<word>noon|midnight|midday)(?:\\s+(?:on\\s+)?(?<wd2>${L.WEEKDAY}|today|yesterday|tomorrow)(?![\\w]))?`),
      make(m) {
        const g = m.groups!;
        let h: number, min: number;
        if (g.word) { h = /midnight/i.test(g.word) ? 24 : 12; min = 0; }
        else {
          h = +(g.h ?? g.h2); min = +(g.min ?? g.min2 ?? 0);
          if (g.ap) { const pm = /^p/i.test(g.ap); if (h > 12 || h === 0) return null; if (pm && h < 12) h += 12; if (!pm && h === 12) h = 0; }
        }
        const wd = g.wd ?? g.wd2;
        return {
          type: 'TIME',
          resolve: (ctx) => ({ ...needRef(ctx, (ref) => {
            let day = ref;
            if (g.mon && cap(g.mon)) {
              const month = L.month(g.mon)!, d = +g.md;
              day = { y: yearFor(ref, month, d, ctx.tense), m: month, d };
            } else if (wd) {
              const w = wd.toLowerCase();
              day = w === 'today' ? ref : w === 'yesterday' ? addDays(ref, -1) : w === 'tomorrow' ? addDays(ref, 1) : resolveWeekday(ref, L.weekday(wd)!, ctx.tense);
            }
            return `${ymd(day)}T${pad(h)}:${pad(min)}`;
          }), floating: !g.mon && !wd }),
        };
      },
    },
    // the third quarter · third-quarter · the fiscal first quarter · the third quarter of 1998 · 1998's third quarter
    {
      name: 'quarter', priority: 1,
      re: re(`(?:(?<own>${YEAR}|this\\s+year|last\\s+year|next\\s+year)'s\\s+|the\\s+)?(?:(?:fiscal|calendar|latest|current|same|year-earlier|year-ago)\\s+)*(?<ord>${L.ORD})[- ](?:fiscal[- ])?(?<unit>quarter|half|period)(?:\\s+of\\s+(?:fiscal\\s+)?(?<year>${YEAR}|this\\s+year|last\\s+year|next\\s+year)|,?\\s+(?<year2>${YEAR}))?`),
      make(m) {
        const g = m.groups!;
        const half = g.unit.toLowerCase() === 'half';
        const ord = half && /^(?:last|final)$/i.test(g.ord) ? 2 : f.ordinals[g.ord.toLowerCase()];
        if (g.unit.toLowerCase() === 'period') return null;
        if (half && ord > 2) return null;
        const yearText = (g.own ?? g.year ?? g.year2)?.toLowerCase();
        const yearAgo = /year-(?:earlier|ago)/i.test(m[0]);
        return {
          type: 'DATE',
          resolve: (ctx) => {
            let y: number | undefined;
            if (yearText && /^\d/.test(yearText)) y = +yearText;
            else if (yearText) { if (!ctx.ref) return { value: null, why: NO_REF }; y = ctx.ref.y + relShift(yearText.split(/\s+/)[0]); }
            else {
              if (!ctx.ref) return { value: null, why: NO_REF };
              const cur = half ? (ctx.ref.m <= 6 ? 1 : 2) : quarterOf(ctx.ref);
              // a quarter not yet begun is this year's in a future clause, else last year's
              y = ord <= cur || ctx.tense === 'future' ? ctx.ref.y : ctx.ref.y - 1;
              if (yearAgo) y -= 1;
            }
            return { value: half ? `${y}-H${ord}` : `${y}-Q${ord}`, focus: !yearAgo };
          },
        };
      },
    },
    // the 1988 quarter · the 1988 second quarter · the 1989 period
    {
      name: 'year-quarter', priority: 1,
      re: re(`the\\s+(?<year>${YEAR})\\s+(?:(?<ord>${L.ORD})[- ])?(?:fiscal\\s+)?(?<unit>quarter|period|half)`),
      make(m) {
        const g = m.groups!;
        const ord = g.ord ? f.ordinals[g.ord.toLowerCase()] : undefined;
        if (g.unit.toLowerCase() === 'half') return ord && ord <= 2 ? { type: 'DATE', resolve: () => ({ value: `${g.year}-H${ord}` }) } : null;
        return {
          type: 'DATE',
          resolve: (ctx) => ({ value: ord ? `${g.year}-Q${ord}` : ctx.lastQuarter ? `${g.year}-Q${ctx.lastQuarter.slice(-1)}` : g.year, focus: false }),
        };
      },
    },
    // the quarter · the latest quarter · the year-ago quarter · the year-earlier period
    {
      name: 'the-quarter', priority: 2,
      re: re(`the\\s+(?:(?<mod>latest|same|previous|prior|recent|just-ended|year-earlier|year-ago|comparable|corresponding|last|most\\s+recent|year-before)\\s+)?(?:fiscal\\s+)?(?<unit>quarter|period)`),
      make(m) {
        const g = m.groups!;
        const mod = g.mod?.toLowerCase();
        if (g.unit.toLowerCase() === 'period' && !/latest|year|comparable|same/.test(mod ?? '')) return null;
        const back = mod && /year/.test(mod) ? -4 : mod === 'previous' || mod === 'prior' ? -1 : 0;
        return {
          type: 'DATE',
          resolve: (ctx) => {
            if (ctx.lastQuarter && !/latest|recent|just-ended/.test(mod ?? '')) { const [y, q] = ctx.lastQuarter.split('-Q'); return { value: quarter(+y, +q, back), focus: false }; }
            return needRef(ctx, (ref) => quarter(ref.y, quarterOf(ref), -1 + back));
          },
        };
      },
    },
    // a year ago · two weeks ago · a year earlier · three days later · more than four decades ago
    {
      name: 'ago', priority: 1,
      re: re(`(?:(?:${L.MODQ})\\s+)?(?<n>${L.NUM}|${L.VAGUE})[- ](?<unit>${L.UNIT})\\s+(?<dir>ago|earlier|from\\s+now|hence|back)(?!\\s+than)`),
      make(m) {
        const g = m.groups!;
        const code = L.unit(g.unit.replace(/\s+/g, ' '));
        if (!code) return null;
        const n = L.number(g.n);
        const dir = /^(ago|earlier|back)$/i.test(g.dir) ? -1 : 1;
        return {
          type: 'DATE',
          resolve: (ctx) => {
            if (n === undefined) return { value: dir < 0 ? 'PAST_REF' : 'FUTURE_REF' };
            if (code === 'Y' && n === 1 && ctx.lastQuarter) {
              const [y, q] = ctx.lastQuarter.split('-Q');
              return { value: quarter(+y, +q, -4 * (dir < 0 ? 1 : -1)), focus: false };
            }
            return needRef(ctx, (ref) => shifted(ref, dir * n, code));
          },
        };
      },
    },
    // year-earlier · year-ago (as adjectives)
    {
      name: 'year-ago-adj', priority: 3,
      re: re(`year-(?:earlier|ago)`),
      make() {
        return {
          type: 'DATE',
          resolve: (ctx) => {
            if (ctx.lastQuarter) { const [y, q] = ctx.lastQuarter.split('-Q'); return { value: quarter(+y, +q, -4), focus: false }; }
            return needRef(ctx, (ref) => String(ref.y - 1));
          },
        };
      },
    },
    // this week · last year · earlier this month · the past year · next quarter · later that year
    {
      name: 'relative-unit', priority: 2,
      re: re(`(?<mod>${MOD})?(?<shift>this|last|next|past|this\\s+past|the\\s+past|the\\s+last|previous|the\\s+previous|coming|the\\s+coming|current|the\\s+current|the\\s+same|that|that\\s+same|the\\s+following|the\\s+next|following|the\\s+latest|latest|the\\s+prior|prior|the\\s+recent)\\s+(?<unit>week|weekend|month|year|quarter|decade|century|fiscal\\s+year)`),
      make(m) {
        const g = m.groups!;
        const shiftWord = g.shift.toLowerCase().replace(/\s+/g, ' ');
        const unit = g.unit.toLowerCase().replace(/\s+/g, ' ');
        const anaphoric = /^(that|that same|the same|the following|following)$/.test(shiftWord);
        if (/^the (next|coming)$/.test(shiftWord) || shiftWord === 'the last' && unit !== 'week') {
          return null; // "the next year" is usually a duration
        }
        const n = relShift(shiftWord.replace(/^that same$/, 'that').replace(/^the latest|latest|current|the current|the recent$/, 'this').replace(/^the prior|prior$/, 'last').replace(/^this past$/, 'last'));
        if (unit === 'century') return shiftWord === 'this' ? { type: 'DURATION', resolve: () => ({ value: 'P100Y' }) } : null;
        if (unit === 'decade' && n < 0 && !g.mod) return { type: 'DURATION', resolve: () => ({ value: 'P10Y' }) };
        return {
          type: 'DATE',
          resolve: (ctx) => {
            if (anaphoric) {
              const follows = /following|next/.test(shiftWord) ? 1 : 0;
              if (unit === 'year' || unit === 'fiscal year') { const y = anchorYear(ctx); return y ? { value: String(y + follows) } : { value: null, why: NO_REF }; }
              const d = ctx.lastDay ?? ctx.ref;
              if (!d) return { value: null, why: NO_REF };
              const mo = ctx.lastMonth ?? d;
              return { value: unit === 'month' ? ym(mo.y, mo.m + follows) : unit === 'week' || unit === 'weekend' ? isoWeek(addDays(d, 7 * follows)) + (unit === 'weekend' ? '-WE' : '') : unit === 'quarter' ? (ctx.lastQuarter ? quarter(+ctx.lastQuarter.slice(0, 4), +ctx.lastQuarter.slice(-1), follows) : quarter(d.y, quarterOf(d), follows)) : String(d.y) };
            }
            return needRef(ctx, (ref) => {
              switch (unit) {
                case 'week': return isoWeek(addDays(ref, 7 * n));
                case 'weekend': {
                  // the weekend just past in a past clause
                  const sat = resolveWeekday(ref, 6, n > 0 ? 'future' : n < 0 ? 'past' : ctx.tense === 'future' ? 'future' : 'past');
                  return isoWeek(sat) + '-WE';
                }
                case 'month': return ym(ref.y, ref.m + n);
                case 'year': case 'fiscal year': return String(ref.y + n);
                case 'quarter': return quarter(ref.y, quarterOf(ref), n);
                case 'decade': return String(Math.floor((ref.y + 10 * n) / 10));
                default: return null;
              }
            });
          },
        };
      },
    },
    // the year ended June 30 (a duration) · for the year (this year) · the full year · year-end
    {
      name: 'the-year', priority: 4,
      re: re(`(?<mod>${MOD})?the\\s+(?<kind>full|fiscal|calendar|current|whole|entire)?\\s*(?:fiscal\\s+)?year(?<after>\\s+(?:ended|ending|to|through))?|(?:around\\s+)?year(?:[- ]end|'s\\s+end)`),
      make(m, { text }) {
        const g = m.groups!;
        const before = text.slice(Math.max(0, m.index - 14), m.index);
        if (g.after) return { type: 'DURATION', end: m.index + m[0].length - g.after.length, resolve: () => ({ value: 'P1Y' }) };
        if (!g.mod && !g.kind && !/\b(?:for|of|in|through|throughout|during)\s+$/i.test(before) && /^the/i.test(m[0])) return null;
        if (/^the\s+year$/i.test(m[0]) && /^\s*(?:ago|earlier|before|later)/.test(text.slice(m.index + m[0].length, m.index + m[0].length + 8))) return null;
        return { type: 'DATE', resolve: (ctx) => needRef(ctx, (ref) => String(ref.y)) };
      },
    },
    {
      name: 'end-of-month', priority: 3,
      re: re(`(?<mod>${MOD})the\\s+(?<unit>month|week)`),
      make(m) {
        const unit = m.groups!.unit.toLowerCase();
        return { type: 'DATE', resolve: (ctx) => needRef(ctx, (ref) => (unit === 'month' ? ym(ref.y, ref.m) : isoWeek(ref))) };
      },
    },
    // the weekend · the past weekend
    {
      name: 'the-weekend', priority: 3,
      re: re(`the\\s+weekend`),
      make: () => ({ type: 'DATE', resolve: (ctx) => needRef(ctx, (ref) => isoWeek(resolveWeekday(ref, 6, ctx.tense === 'future' ? 'future' : 'past')) + '-WE') }),
    },
    // that day · the same day · the next day · the following morning
    {
      name: 'anaphoric-day', priority: 3,
      re: re(`(?:earlier\\s+|later\\s+)?(?<shift>that|that\\s+same|the\\s+same|the\\s+next|the\\s+following|the\\s+previous|the\\s+preceding)\\s+(?<unit>day|morning|afternoon|evening|night)`),
      make(m) {
        const g = m.groups!;
        const s = g.shift.toLowerCase();
        const n = /next|following/.test(s) ? 1 : /previous|preceding/.test(s) ? -1 : 0;
        return { type: 'DATE', resolve: (ctx) => { const d = ctx.lastDay ?? ctx.ref; return d ? { value: ymd(addDays(d, n)) } : { value: null, why: NO_REF }; } };
      },
    },
    // this summer · last fall · the winter of 1998 · summer 1997
    {
      name: 'season', priority: 2,
      re: re(`(?<mod>${MOD})?(?:(?<shift>this\\s+past|this|last|next|past|coming|the|that)\\s+)?(?<season>${L.SEASON})(?:\\s+(?:of\\s+)?(?<year>${YEAR}))?`),
      make(m, { text }) {
        const g = m.groups!;
        const code = f.seasons[g.season.toLowerCase()];
        const thisPast = /^this\s+past$/i.test(g.shift ?? '');
        const shift = thisPast ? undefined : g.shift?.toLowerCase();
        if (!g.year && !g.mod && !thisPast && (!shift || shift === 'the')) {
          const before = text.slice(Math.max(0, m.index - 10), m.index);
          if (!/\b(?:in|during|by|until|till|since|over|through|into|for|throughout|of|this|last|next)\s+$/i.test(before) && !/^(?:this|last|next|that)$/.test(shift ?? '')) return null;
        }
        if (/^fall$/i.test(g.season) && !g.year && !shift && !g.mod) return null;
        return {
          type: 'DATE',
          resolve: (ctx) => {
            if (g.year) return { value: `${g.year}-${code}` };
            if (shift === 'that') { const y = anchorYear(ctx); return y ? { value: `${y}-${code}` } : { value: null, why: NO_REF }; }
            return needRef(ctx, (ref) => resolveSeason(ref, code, shift, thisPast ? 'past' : ctx.tense));
          },
        };
      },
    },
    // the 1990s · the early 1960s · the '80s · the mid-1990s · the twenties
    {
      name: 'decade', priority: 1,
      re: re(`(?:the\\s+)?(?<mod>(?:early|late|mid)[- ]?)?(?:(?<c>1[6-9]|20)(?<d>\\d)0'?s|'(?<d2>\\d)0s|(?<word>${L.DECADE_WORD}))`),
      make(m) {
        const g = m.groups!;
        if (g.word && !/^the/i.test(m[0])) return null;
        const d = g.d ?? g.d2 ?? String(f.decadeWords[g.word?.toLowerCase() ?? ''] ?? '');
        const c = g.c ?? '19';
        return { type: 'DATE', resolve: () => ({ value: /^the/i.test(m[0]) || (g.mod && /mid/i.test(g.mod)) ? `${c}${d}` : `${c}${d}X` }) };
      },
    },
    // the 20th century · the nineteenth century
    {
      name: 'century', priority: 2,
      re: re(`(?:the\\s+)?(?<n>1[0-9]|2[0-2])(?:st|nd|rd|th)\\s+century`),
      make(m) { const n = +m.groups!.n; return { type: 'DATE', resolve: () => ({ value: pad(n - 1) }) }; },
    },
    // fiscal 1998 · FY1998 · the year 2000 · 1998 · nineteen ninety-six · the end of 1990 · post-1959
    {
      name: 'year', priority: 4,
      re: new RegExp(`(?<![\\w$£€#.,/-]|\\d[,.])(?:(?<mod>${MOD}|post-|pre-)?(?:(?<fiscal>fiscal(?:\\s+year)?|calendar(?:\\s+year)?|FY|the\\s+year|the\\s+(?:fiscal\\s+)?year\\s+ending(?:\\s+in)?)\\s*)?(?<year>${YEAR}|'[0-9]{2}(?=\\s)|nineteen\\s+(?:${L.NUMWORD})|two\\s+thousand(?:\\s+and\\s+(?:${L.NUMWORD}))?))(?![\\w%]|[.,]\\d|-\\d|\\s*(?:%|percent|per\\s+cent))`, 'gi'),
      make(m, { text }) {
        const g = m.groups!;
        let year: number | undefined;
        const y = g.year.toLowerCase();
        if (/^\d{4}$/.test(y)) year = +y;
        else if (/^'\d\d$/.test(y)) { if (!g.fiscal) return null; year = twoDigitYear(y.slice(1)); }
        else if (y.startsWith('nineteen')) { const rest = L.number(y.replace(/^nineteen\s+/, '')); if (rest === undefined || rest >= 100) return null; year = 1900 + rest; }
        else { const rest = y.replace(/^two\s+thousand(?:\s+and\s+)?/, ''); const r = rest ? L.number(rest) : 0; if (r === undefined) return null; year = 2000 + r; }
        // a count, not a year: "1,990 troops", "2000 people" — a plural noun right after, or a number before
        const after = text.slice(m.index + m[0].length, m.index + m[0].length + 20);
        const before = text.slice(Math.max(0, m.index - 12), m.index);
        if (!g.fiscal && !g.mod && /^\s+(?!years|days|months|weeks)[a-z]+s\b/.test(after) && !/\b(?:in|since|of|by|until|from|through|to|and|before|after|during|the|its|his|her|their|our|this|that)\s+$/i.test(before)) return null;
        if (!g.fiscal && !g.mod && /^\s+(?:people|men|women|children|police|personnel|staff|cattle|more|others|of\s+(?:the|them|whom))\b/i.test(after)) return null;
        if (!g.fiscal && !g.mod && /\b(?:about|some|nearly|around|approximately|roughly|almost|least|only|just|the\s+first|the\s+last)\s+$/i.test(before) && !/^\s*(?:,|\.|$|-)/.test(after)) return null;
        if (/(?:\$|\d[\d,.]*\s*(?:to|and|-|or)\s*)$/i.test(before) && !/\b(?:in|since|from)\b/i.test(before) && !/(?:^|[^\d,.])(?:1[6-9]|20)\d\d\s*(?:to|and|-|or)\s*$/.test(before)) return null;
        if (/^\s*(?:-|to|through|and)\s*\d/.test(after) && /\d\s*$/.test(before)) return null;
        return { type: 'DATE', resolve: () => ({ value: String(year) }) };
      },
    },
    // Christmas · Thanksgiving · Easter
    {
      name: 'holiday', priority: 2,
      re: re(`(?:(?<shift>last|next|this)\\s+)?(?<h>${L.HOLIDAY})(?:\\s+(?<year>${YEAR}))?`),
      make(m) {
        const g = m.groups!;
        if (!cap(g.h)) return null;
        const key = f.holidays[g.h.toLowerCase().replace(/\s+/g, ' ')];
        const dayIn = (y: number): Day => (key === 'easter' ? easter(y) : key === 'thanksgiving' ? thanksgiving(y) : { y, m: +key.slice(0, 2), d: +key.slice(3) });
        return {
          type: 'DATE',
          resolve: (ctx) => {
            if (g.year) return { value: ymd(dayIn(+g.year)) };
            return needRef(ctx, (ref) => {
              const shift = g.shift?.toLowerCase();
              const tense: Tense = shift === 'last' ? 'past' : shift === 'next' ? 'future' : ctx.tense;
              const cands = [ref.y - 1, ref.y, ref.y + 1].map(dayIn).map((d) => ({ d, diff: dayDiff(d, ref) }));
              const fits = cands.filter((c) => (tense === 'past' ? c.diff <= 0 : tense === 'future' ? c.diff >= 0 : true));
              return ymd((fits.length ? fits : cands).reduce((a, b) => (Math.abs(b.diff) < Math.abs(a.diff) ? b : a)).d);
            });
          },
        };
      },
    },
    // the past three years · two weeks · the first nine months · a five-year plan · 5 1/2 hours · several days
    {
      name: 'duration', priority: 5,
      re: re(`(?:(?<det>the|a|an|this|that|those|these)\\s+)?(?:(?<pos>past|last|next|first|coming|previous|following|final|latest|initial|remaining|ensuing|preceding|same|full|entire|whole|better\\s+part\\s+of\\s+the|other)\\s+)?(?:(?:${L.MODQ})\\s+)?(?<n>${L.NUM}|${L.VAGUE})[- ](?:(?:more|additional|straight|consecutive|full|long|short)\\s+)?(?<unit>${L.UNIT})(?<adj>[- ](?:long|old))?`),
      make(m, { text }) {
        const g = m.groups!;
        const code = L.unit(g.unit);
        if (!code || code === 'WE') return null;
        if (/^\\d{4}$/.test(g.n)) return null;
        if (code === 'Q' && /^\s*of\b/.test(text.slice(m.index + m[0].length, m.index + m[0].length + 4))) return null;
        if (code === 'S' && /^an?$/i.test(g.n)) return null;
        if (g.adj && /old/i.test(g.adj) || /^\s*old\b/.test(text.slice(m.index + m[0].length, m.index + m[0].length + 5))) return null;
        const n = L.number(g.n);
        if (n === undefined && !new RegExp(`^(?:${L.VAGUE})$`, 'i').test(g.n)) return null;
        if (n !== undefined && n > 10000) return null;
        const after = text.slice(m.index + m[0].length, m.index + m[0].length + 12);
        // "a year" after an amount is a rate ("$5 a year"): the set rule takes it
        if (/^(?:a|an)$/i.test(g.n) && !g.det && !g.pos) {
          const before = text.slice(Math.max(0, m.index - 12), m.index);
          if (/(?:\d|%|dollars?|cents?|times|once|twice|percent|million|billion|thousand|hours|days|shares|units|flights|seats)\s*$/i.test(before)) return null;
        }
        // "a [five-year] plan": the article belongs to the noun
        const body = m[0].slice(g.det?.length ?? 0).trim();
        const adjective = /^an?$/i.test(g.det ?? '') && !g.pos && (/^\S+-\S+$/.test(body) || ((n ?? 2) > 1 && !/s$/i.test(g.unit))) && /^\s+[a-z]/.test(after);
        return { type: 'DURATION', start: adjective ? m.index + m[0].indexOf(g.n, g.det!.length) : undefined, resolve: () => ({ value: durationValue(n, code) }) };
      },
    },
    // years · weeks · decades (bare plural units as vague durations, after a preposition)
    {
      name: 'vague-duration', priority: 6,
      re: new RegExp(`(?<=\\b(?:for|over|within|in|after)\\s+)(?:(?<recent>recent|coming|the\\s+coming|the\\s+past)\\s+)?(?<unit>years|months|weeks|days|decades|centuries|hours|minutes)(?![\\w-])(?!\\s+(?:of|ago|earlier|later|old))`, 'gi'),
      make(m) {
        const g = m.groups!;
        const code = L.unit(g.unit)!;
        if (g.recent && /recent/i.test(g.recent) && code === 'Y') return { type: 'DATE', resolve: () => ({ value: 'PAST_REF' }) };
        return { type: 'DURATION', resolve: () => ({ value: durationValue(undefined, code) }) };
      },
    },
    // in the past · at the time · the near future · the short term · Previously (opening a sentence)
    {
      name: 'reference-phrase', priority: 3,
      re: re(`(?<=\\b(?:in|at|for)\\s+)the\\s+(?:past|time|near\\s+future|near\\s+term|short\\s+term|long\\s+term|future)(?!\\s+(?:of|being))`),
      make(m) {
        const w = m[0].toLowerCase();
        const value = /past|previously/.test(w) ? 'PAST_REF' : w.endsWith('time') ? 'PAST_REF' : 'FUTURE_REF';
        return { type: 'DATE', resolve: () => ({ value }) };
      },
    },
    // now · currently · recently · the future
    {
      name: 'reference', priority: 3,
      re: re(alt(f.referencesTagged)),
      make(m, { text }) {
        const w = m[0].toLowerCase().replace(/\s+/g, ' ');
        const after = text.slice(m.index + m[0].length, m.index + m[0].length + 3);
        if (w === 'now' && /^-/.test(after)) return null;
        return { type: 'DATE', resolve: () => ({ value: f.references[w] ?? 'PRESENT_REF' }) };
      },
    },
    // daily · weekly · every day · each year · per month · twice a year · $5 a year
    {
      name: 'set', priority: 1,
      re: re(`(?<word>${alt(f.setsTagged)})|(?:every|each)\\s+(?:(?<mon>${L.MONTH_FULL})|(?<wd>${L.WEEKDAY}))|(?:every|each|per)\\s+(?:(?<other>other)\\s+|(?<n>${L.NUM})\\s+)?(?<unit>${L.UNIT})|(?<=(?:times|once|twice)\\s*)(?:a|an)\\s+(?<unit2>year|month|week|day|hour|quarter)`),
      make(m) {
        const g = m.groups!;
        if (g.word) {
          const w = g.word.toLowerCase();
          return { type: 'SET', resolve: () => ({ value: f.sets[w] }) };
        }
        if (g.mon) { const mo = L.month(g.mon)!; return { type: 'SET', resolve: () => ({ value: `XXXX-${pad(mo)}` }) }; }
        if (g.wd) { const wd = L.weekday(g.wd)!; return { type: 'SET', resolve: () => ({ value: `XXXX-WXX-${wd || 7}` }) }; }
        const code = L.unit(g.unit ?? g.unit2);
        if (!code || code === 'WE') return null;
        const n = g.other ? 2 : g.n ? L.number(g.n) ?? 1 : 1;
        return { type: 'SET', resolve: () => ({ value: durationValue(n, code) }) };
      },
    },
  ];
  const g = gates(L);
  for (const rule of compiled) rule.gate = g[rule.name];
  return compiled;
}

// ---- gates --------------------------------------------------------------------------------------------

/**
 * What a paragraph must contain for a rule to match at all: a digit, or one of some words (lower case; any
 * one word of a multi-word phrase). Most paragraphs have none of a rule's words, and a substring test is far
 * cheaper than running the rule's expression, whose optional lead-ins defeat the regex engine's own
 * first-character scan. A gate only skips rules that could not match, so what is found stays the same.
 */
interface Gate { digit?: boolean; words: string[] }

function gates(L: Lexicon): Record<string, Gate> {
  const f = L.file;
  // the longest word of each phrase: the rarest, so the gate lets the fewest paragraphs through
  const longest = (p: string) => p.split(' ').reduce((a, b) => (b.length > a.length ? b : a)).replace(/\.$/, '');
  const words = (phrases: Iterable<string>) => [...new Set([...phrases].map(longest))];
  const months = words(Object.keys(f.months)), weekdays = words(Object.keys(f.weekdays));
  const units = words(Object.keys(f.units)), seasons = words(Object.keys(f.seasons));
  const parts = ['morning', 'afternoon', 'evening', 'night'];
  const digit = (...more: string[]): Gate => ({ digit: true, words: more });
  return {
    'month-day': digit(), 'day-month': digit(), 'numeric-date': digit(), 'year-quarter': digit(), century: digit(),
    month: { words: months },
    weekday: { words: weekdays },
    'deictic-day': { words: ['today', 'yesterday', 'tomorrow', 'tonight', ...parts] },
    clock: digit('noon', 'midnight', 'midday'),
    quarter: { words: ['quarter', 'half', 'period'] },
    'the-quarter': { words: ['quarter', 'period'] },
    ago: { words: ['ago', 'earlier', 'now', 'hence', 'back'] },
    'year-ago-adj': { words: ['year-'] },
    'relative-unit': { words: ['week', 'month', 'year', 'quarter', 'decade', 'century'] },
    'the-year': { words: ['year'] },
    'end-of-month': { words: ['month', 'week'] },
    'the-weekend': { words: ['weekend'] },
    'anaphoric-day': { words: ['day', ...parts] },
    season: { words: seasons },
    decade: digit(...words(Object.keys(f.decadeWords))),
    year: digit('nineteen', 'thousand'),
    holiday: { words: words(Object.keys(f.holidays)) },
    duration: { words: units },
    'vague-duration': { words: ['years', 'months', 'weeks', 'days', 'decades', 'centuries', 'hours', 'minutes'] },
    'reference-phrase': { words: ['past', 'time', 'future', 'term'] },
    reference: { words: words(f.referencesTagged) },
    set: { words: [...words(f.setsTagged), 'every', 'each', 'per', 'times', 'once', 'twice'] },
  };
}

function passes(gate: Gate | undefined, lower: string, hasDigit: boolean): boolean {
  if (!gate || (gate.digit && hasDigit)) return true;
  for (const w of gate.words) if (lower.includes(w)) return true;
  return false;
}

// ---- tense --------------------------------------------------------------------------------------------

/** The tense governing an expression: the nearest past or future marker in its sentence (outside the expression). */
export function tenseAt(sentence: string, start: number, end: number): Tense {
  const L = lexicon();
  let best: Tense = 'none', dist = Infinity;
  for (const [re, tense] of [[L.future, 'future'], [L.past, 'past']] as const) {
    re.lastIndex = 0;
    for (const m of sentence.matchAll(re)) {
      const s = m.index!, e = s + m[0].length;
      if (s < end && e > start) continue;
      // an -ed word is weaker evidence than a listed marker: it may be an adjective ("an unspecified date")
      const weak = tense === 'past' && !L.file.pastMarkers.includes(m[0].toLowerCase()) ? 20 : 0;
      // on a tie the verb before the expression governs it ("said on Monday it would …")
      const d = (e <= start ? start - e : s - end + 0.5) + weak;
      if (d < dist) { dist = d; best = tense; }
    }
  }
  return best;
}

/** A preposition or verb right before the expression that fixes its direction ("by [February]", "ended [Jan. 31]"). */
function leadTense(lead: string): Tense | undefined {
  if (/\b(?:by|through|until|till)\s+$/i.test(lead)) return 'future';
  if (/\b(?:ended|since)\s+$/i.test(lead)) return 'past';
  return undefined;
}

// ---- the stage ----------------------------------------------------------------------------------------

/** Candidate spans in a piece of text, non-overlapping, longest first. */
export function recognise(text: string): Candidate[] {
  const L = lexicon();
  const all: Candidate[] = [];
  const lower = text.toLowerCase(), hasDigit = /\d/.test(text);
  for (const rule of rules(L)) {
    if (!passes(rule.gate, lower, hasDigit)) continue;
    rule.re.lastIndex = 0;
    for (const m of text.matchAll(rule.re)) {
      if (!m[0]) continue;
      const c = rule.make(m as RegExpExecArray, { text });
      if (!c) continue;
      let start = c.start ?? m.index!, end = c.end ?? m.index! + m[0].length;
      while (end > start && /[\s,]/.test(text[end - 1])) end--;
      // a final dot belongs to the sentence unless it closes an abbreviation ("Sept.", "a.m.")
      if (text[end - 1] === '.') {
        const word = /([a-z.]+)\.$/i.exec(text.slice(start, end))?.[1].toLowerCase() ?? '';
        if (!L.file.abbreviationsWithDot.includes(word)) end--;
      }
      // a possessive is not part of the expression ("Friday['s] ruling")
      if (/'s$/.test(text.slice(start, end)) && end - start > 2) end -= 2;
      while (start < end && /\s/.test(text[start])) start++;
      all.push({ ...c, start, end, priority: rule.priority ?? 5 });
    }
  }
  all.sort((a, b) => (b.end - b.start) - (a.end - a.start) || a.priority - b.priority || a.start - b.start);
  const kept: Candidate[] = [];
  for (const c of all) if (!kept.some((k) => c.start < k.end && k.start < c.end)) kept.push(c);
  return kept.sort((a, b) => a.start - b.start);
}

function updateContext(ctx: Omit<Context, 'tense' | 'sentence'>, value: string | null): void {
  if (!value) return;
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(value);
  if (m) {
    ctx.lastYear = +m[1];
    if (m[3]) ctx.lastDay = { y: +m[1], m: +m[2], d: +m[3] };
    if (m[2]) ctx.lastMonth = { y: +m[1], m: +m[2] };
  }
  const q = /^(\d{4}-Q\d)$/.exec(value);
  if (q) ctx.lastQuarter ??= q[1];
}

export function findTimes(doc: Document): void {
  const ref = referenceDay(doc.meta.published);
  const drafts: Draft[] = [];
  const floating: { draft: Draft; sentence: number }[] = [];
  const state: Omit<Context, 'tense' | 'sentence'> = { ref };
  for (const p of doc.paragraphs) {
    const body = doc.text.slice(p.start, p.end);
    for (const c of recognise(body)) {
      const start = p.start + c.start, end = p.start + c.end;
      const s = doc.sentences.length ? doc.sentences[doc.sentenceAt(start)] : { start: p.start, end: p.end };
      const sentence = doc.text.slice(s.start, s.end);
      const tense = tenseAt(sentence, start - s.start, end - s.start);
      const lead = sentence.slice(Math.max(0, start - s.start - 12), start - s.start);
      const led = leadTense(lead);
      const v = c.resolve({ ...state, tense: led ?? tense, strict: /\b(?:ended|by)\s+$/i.test(lead), sentence });
      if (v.focus !== false) updateContext(state, v.value);
      const draft: Draft = { start, end, text: doc.text.slice(start, end), type: c.type, value: v.value, ...(v.why ? { unresolved: v.why } : {}) };
      drafts.push(draft);
      if (v.floating && v.value) floating.push({ draft, sentence: doc.sentenceAt(start) });
    }
  }
  // "at 10:35 a.m. (0735 GMT) Friday": the day named in the same sentence
  for (const { draft, sentence } of floating) {
    const day = drafts.find((d) => d !== draft && d.value && /^\d{4}-\d{2}-\d{2}$/.test(d.value) && doc.sentenceAt(d.start) === sentence);
    if (day) draft.value = day.value + draft.value!.slice(10);
  }
  doc.times = drafts;
}

