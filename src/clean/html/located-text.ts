// The visible text of an HTML page with, for every character, its offset in the raw HTML string.
// Extractors (readability) work on a DOM that has forgotten where its text came from; their output is
// aligned back onto this stream so every span of the cleaned text points into the page as given.
import { Parser } from 'htmlparser2';
import { decodeHTML } from 'entities';

// Elements whose content is never article text.
const SKIPPED = new Set(['script', 'style', 'noscript', 'template', 'textarea', 'svg', 'math', 'head', 'title']);

export interface LocatedText {
  /** the page's text with all whitespace removed, so alignment ignores layout */
  dense: string;
  /** raw-HTML offset of each character of `dense` */
  offsets: Int32Array;
  /** raw-HTML offset just after each character (differs from offset + 1 for entities) */
  ends: Int32Array;
}

const ENTITY = /&(?:#[0-9]+;?|#[xX][0-9a-fA-F]+;?|[A-Za-z][A-Za-z0-9]*;?)/g;

export function locateText(html: string): LocatedText {
  // one slot per UTF-16 unit of the page at most; filled without a call or a string per character (this
  // loop sees every character of every page, and the engine runs without inlining, see src/jit.mjs)
  const offsets = new Int32Array(html.length);
  const ends = new Int32Array(html.length);
  const units = new Uint16Array(html.length);
  let n = 0;
  let skipDepth = 0;
  const parser = new Parser({
    onopentag(name) { if (SKIPPED.has(name)) skipDepth++; },
    onclosetag(name) { if (SKIPPED.has(name) && skipDepth > 0) skipDepth--; },
    ontext(data) {
      if (skipDepth > 0) return;
      const base = parser.startIndex;
      const amp = data.indexOf('&');
      let i = 0;
      ENTITY.lastIndex = amp < 0 ? data.length : amp;
      for (;;) {
        const m = amp < 0 ? null : ENTITY.exec(data);
        const to = m ? m.index : data.length;
        for (; i < to; i++) {
          const c = data.charCodeAt(i);
          if ((c <= 32 || c >= 0x80) && isSpace(c)) continue;
          offsets[n] = base + i; ends[n] = base + i + 1; units[n] = c; n++;
        }
        if (!m) break;
        const decoded = decodeHTML(m[0]);
        for (const ch of decoded) {
          if (isSpace(ch.charCodeAt(0))) continue;
          // astral characters are two UTF-16 units; both map to the entity's range
          for (let k = 0; k < ch.length; k++) { offsets[n] = base + m.index; ends[n] = base + m.index + m[0].length; units[n] = ch.charCodeAt(k); n++; }
        }
        i = m.index + m[0].length;
      }
    },
  }, { decodeEntities: false, lowerCaseTags: true });
  parser.end(html);
  return { dense: unitsToString(units, n), offsets: offsets.subarray(0, n), ends: ends.subarray(0, n) };
}

/** The first n units as a string, unit for unit (a decoder would replace lone surrogates). */
function unitsToString(units: Uint16Array, n: number): string {
  const parts: string[] = [];
  for (let i = 0; i < n; i += 8192) parts.push(String.fromCharCode.apply(null, units.subarray(i, Math.min(n, i + 8192)) as unknown as number[]));
  return parts.join('');
}

/** The characters JavaScript's \\s matches, as a char-code test (this runs once per character of a page). */
export function isSpace(c: number): boolean {
  return c <= 32 || c === 0xa0 || c === 0x85 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}
