// The time stage's word lists (data/time/lexicon.json) and the regular-expression pieces built from them.
import { loadData } from '../data.ts';

interface LexiconFile {
  months: Record<string, number>;
  weekdays: Record<string, number>;
  weekdayAbbreviationsNeedDot: string[];
  numbers: Record<string, number>;
  vagueNumbers: string[];
  ordinals: Record<string, number>;
  units: Record<string, string>;
  seasons: Record<string, string>;
  partsOfDay: Record<string, string>;
  references: Record<string, string>;
  referencesTagged: string[];
  sets: Record<string, string>;
  setsTagged: string[];
  holidays: Record<string, string>;
  pastMarkers: string[];
  futureMarkers: string[];
  decadeWords: Record<string, number>;
  quantityModifiers: string[];
  abbreviationsWithDot: string[];
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+');
/** An alternation of words, longest first, so the regex engine prefers "september" over "sep". */
export const alt = (words: Iterable<string>, dotOptional = false) =>
  [...new Set(words)].sort((a, b) => b.length - a.length).map((w) => escape(w) + (dotOptional && w.length <= 5 && !/\.$/.test(w) ? '\\.?' : '')).join('|');

export interface Lexicon {
  file: LexiconFile;
  /** regex source pieces (no capturing groups) */
  MONTH: string; MONTH_FULL: string; WEEKDAY: string; NUMWORD: string; NUM: string; VAGUE: string; ORD: string;
  UNIT: string; SEASON: string; PART: string; MODQ: string; HOLIDAY: string; DECADE_WORD: string;
  month(word: string): number | undefined;
  weekday(word: string): number | undefined;
  unit(word: string): string | undefined;
  number(text: string): number | undefined;
  past: RegExp;
  future: RegExp;
}

let cached: Lexicon | undefined;

export function lexicon(): Lexicon {
  if (cached) return cached;
  const f = loadData<LexiconFile>('time/lexicon.json');
  const lower = (s: string) => s.toLowerCase().replace(/\.$/, '');
  const fullMonths = Object.keys(f.months).filter((k) => k.length > 4 || ['may', 'june', 'july'].includes(k));
  const numberWords = Object.keys(f.numbers);
  const tens = ['twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
  const ones = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
  const NUMWORD = `(?:${alt(tens)})[- ](?:${alt(ones)})|${alt(numberWords)}`;
  const number = (text: string): number | undefined => {
    const t = text.toLowerCase().replace(/,/g, '').trim();
    const frac = /^(\d+)\s+(\d)\/(\d)$/.exec(t);
    if (frac) return +frac[1] + +frac[2] / +frac[3];
    if (/^\d+(?:\.\d+)?$/.test(t)) return +t;
    if (t in f.numbers) return f.numbers[t];
    let total = 0;
    for (const part of t.split(/[\s-]+/)) {
      const v = f.numbers[part];
      if (v === undefined) return undefined;
      total = v === 100 ? Math.max(total, 1) * 100 : total + v;
    }
    return total || undefined;
  };
  cached = {
    file: f,
    MONTH: alt(Object.keys(f.months), true),
    MONTH_FULL: alt(fullMonths),
    WEEKDAY: alt(Object.keys(f.weekdays), true),
    NUMWORD,
    NUM: `\\d+(?:\\.\\d+)?(?:\\s+\\d\\/\\d)?|${NUMWORD}`,
    VAGUE: alt(f.vagueNumbers),
    ORD: alt(Object.keys(f.ordinals)),
    UNIT: alt(Object.keys(f.units)),
    SEASON: alt(Object.keys(f.seasons)),
    PART: alt(Object.keys(f.partsOfDay)),
    MODQ: alt(f.quantityModifiers),
    HOLIDAY: alt(Object.keys(f.holidays)),
    DECADE_WORD: alt(Object.keys(f.decadeWords)),
    month: (w) => f.months[lower(w)],
    weekday: (w) => f.weekdays[lower(w)],
    unit: (w) => f.units[w.toLowerCase()],
    number,
    past: new RegExp(`(?<![\\w'])(?:${alt(f.pastMarkers)})(?![\\w'])|(?<![\\w'])(?:[a-z]{3,}ed)(?![\\w'])`, 'g'),
    future: new RegExp(`(?<![\\w'])(?:${alt(f.futureMarkers)})(?![\\w'])|'ll\\b`, 'gi'),
  };
  return cached;
}
