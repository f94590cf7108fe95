// Numbers an event carries: percentages, money, and counts of people killed, injured, arrested or deployed.
export interface Quantity { value: number; unit: string; text: string }

const WORDS: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, dozens: 24, hundreds: 200, thousands: 2000 };
const SCALE: Record<string, number> = { thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12, bn: 1e9, m: 1e6 };
const num = (s: string) => Number(s.replace(/,/g, ''));

const PATTERNS: { re: RegExp; unit: (m: RegExpExecArray) => string; value: (m: RegExpExecArray) => number }[] = [
  { re: /(\d+(?:[.,]\d+)?)\s?(?:%|percent\b|per cent\b)/gi, unit: () => 'percent', value: (m) => num(m[1]) },
  { re: /(\$|US\$|€|£|¥)\s?(\d[\d,]*(?:\.\d+)?)\s*(thousand|million|billion|trillion|bn|m)?\b/gi,
    unit: (m) => ({ '$': 'USD', 'US$': 'USD', '€': 'EUR', '£': 'GBP', '¥': 'JPY' } as Record<string, string>)[m[1]] ?? 'money',
    value: (m) => num(m[2]) * (SCALE[(m[3] ?? '').toLowerCase()] ?? 1) },
  { re: /\b(\d[\d,]*|one|two|three|four|five|six|seven|eight|nine|ten|dozens|hundreds|thousands)\s+(?:\w+\s+){0,2}?(?:were\s+|have been\s+|had been\s+)?(killed|dead|died|injured|wounded|arrested|detained|troops|soldiers)\b/gi,
    unit: (m) => ({ died: 'killed', dead: 'killed', wounded: 'injured', detained: 'arrested', soldiers: 'troops' } as Record<string, string>)[m[2].toLowerCase()] ?? m[2].toLowerCase(),
    value: (m) => WORDS[m[1].toLowerCase()] ?? num(m[1]) },
];

export function quantitiesIn(text: string): Quantity[] {
  const out: Quantity[] = [];
  for (const p of PATTERNS) {
    p.re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = p.re.exec(text))) out.push({ value: p.value(m), unit: p.unit(m), text: m[0] });
  }
  return out;
}
