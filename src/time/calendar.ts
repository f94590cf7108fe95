// Calendar arithmetic on plain dates (UTC noon, so no daylight-saving edge), and TIMEX3 value formatting.
export const pad = (n: number, w = 2) => String(n).padStart(w, '0');

export interface Day { y: number; m: number; d: number }

export const toDate = (x: Day) => new Date(Date.UTC(x.y, x.m - 1, x.d, 12));
export const fromDate = (d: Date): Day => ({ y: d.getUTCFullYear(), m: d.getUTCMonth() + 1, d: d.getUTCDate() });
export const addDays = (x: Day, n: number): Day => fromDate(new Date(toDate(x).getTime() + n * 86_400_000));
export const weekday = (x: Day) => toDate(x).getUTCDay();
export const ymd = (x: Day) => `${pad(x.y, 4)}-${pad(x.m)}-${pad(x.d)}`;
export const ym = (y: number, m: number) => {
  const t = y * 12 + (m - 1);
  return `${pad(Math.floor(t / 12), 4)}-${pad((t % 12 + 12) % 12 + 1)}`;
};
export const dayDiff = (a: Day, b: Day) => Math.round((toDate(a).getTime() - toDate(b).getTime()) / 86_400_000);
export const validDay = (y: number, m: number, d: number) => m >= 1 && m <= 12 && d >= 1 && d <= new Date(Date.UTC(y, m, 0)).getUTCDate();

/** ISO 8601 week of a day: `2025-W14`. */
export function isoWeek(x: Day): string {
  const t = toDate(x);
  const day = t.getUTCDay() || 7;
  t.setUTCDate(t.getUTCDate() + 4 - day);
  const yearStart = Date.UTC(t.getUTCFullYear(), 0, 1, 12);
  return `${t.getUTCFullYear()}-W${pad(Math.floor((t.getTime() - yearStart) / 86_400_000 / 7) + 1)}`;
}

export const quarterOf = (x: Day) => Math.floor((x.m - 1) / 3) + 1;

/** `2025-Q1` shifted by n quarters. */
export function quarter(y: number, q: number, n = 0): string {
  const t = y * 4 + (q - 1) + n;
  return `${Math.floor(t / 4)}-Q${(t % 4) + 1}`;
}

/** Easter Sunday (Gregorian, anonymous algorithm). */
export function easter(y: number): Day {
  const a = y % 19, b = Math.floor(y / 100), c = y % 100, d = Math.floor(b / 4), e = b % 4;
  const f = Math.floor((b + 8) / 25), g = Math.floor((b - f + 1) / 3), h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4), k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7, m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31), day = ((h + l - 7 * m + 114) % 31) + 1;
  return { y, m: month, d: day };
}

/** US Thanksgiving: the fourth Thursday of November. */
export function thanksgiving(y: number): Day {
  const first = weekday({ y, m: 11, d: 1 });
  return { y, m: 11, d: 1 + ((4 - first + 7) % 7) + 21 };
}
