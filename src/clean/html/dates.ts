import * as chrono from 'chrono-node';
// Page dates come in many spellings; the schema keeps YYYY-MM-DD or an ISO date-time with offset.
const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?(?:[.,]\d+)?\s*(Z|[+-]\d{2}:?\d{2}|[+-]\d{2}|GMT|UTC)?)?/i;

/** A page's date in the schema's form, or undefined when it is not a date we can trust. */
export function normaliseDate(s: string | null | undefined, notAfter?: string): string | undefined {
  if (!s) return undefined;
  const t = s.trim();
  const m = ISO.exec(t);
  let out: string | undefined;
  if (m) {
    const [, y, mo, d, h, mi, sec, zone] = m;
    if (+mo < 1 || +mo > 12 || +d < 1 || +d > 31) return undefined;
    if (h === undefined || zone === undefined) out = `${y}-${mo}-${d}`; // a clock time without offset is not an instant
    else {
      const z = /^(z|gmt|utc)$/i.test(zone) ? 'Z' : zone.length === 3 ? `${zone}:00` : zone.includes(':') ? zone : `${zone.slice(0, 3)}:${zone.slice(3)}`;
      out = `${y}-${mo}-${d}T${h}:${mi}:${sec ?? '00'}${z === '+00:00' ? 'Z' : z}`;
    }
  } else if (/^\d{8}$/.test(t)) {
    out = `${t.slice(0, 4)}-${t.slice(4, 6)}-${t.slice(6, 8)}`;
  } else {
    // RFC 822 dates (feeds, HTTP) and other spellings Date understands, only when they carry a zone
    if (!/(?:gmt|utc|[+-]\d{4}|\b[ecmp][sd]t\b|z)\s*$/i.test(t)) return undefined;
    const ms = Date.parse(t);
    if (Number.isNaN(ms)) return undefined;
    out = new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
  }
  if (out && Number.isNaN(Date.parse(out.length === 10 ? `${out}T00:00:00Z` : out))) return undefined;
  if (out && notAfter && Date.parse(out.length === 10 ? `${out}T00:00:00Z` : out) > Date.parse(notAfter) + 14 * 3600e3) return undefined;
  return out;
}

/**
 * The day a visible dateline states ("Published Monday, Nov. 18, 2019", "18 November 2019 · 14:02"),
 * only when it names day, month and year: a clock time without its zone stays out.
 */
export function datelineDay(line: string): string | undefined {
  if (line.length > 200) return undefined;
  const r = chrono.strict.parse(line)[0];
  if (!r) return undefined;
  const c = r.start;
  if (!c.isCertain('year') || !c.isCertain('month') || !c.isCertain('day')) return undefined;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${c.get('year')}-${pad(c.get('month')!)}-${pad(c.get('day')!)}`;
}
