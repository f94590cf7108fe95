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
  const offsets = new Int32Array(html.length);
  const ends = new Int32Array(html.length);
  const parts: string[] = [];
  let n = 0;
  let skipDepth = 0;
  const push = (ch: string, start: number, end: number) => {
    // astral characters are two UTF-16 units; both map to the same source range
    for (let k = 0; k < ch.length; k++) { offsets[n] = start; ends[n] = end; n++; }
    parts.push(ch);
  };
  const parser = new Parser({
    onopentag(name) { if (SKIPPED.has(name)) skipDepth++; },
    onclosetag(name) { if (SKIPPED.has(name) && skipDepth > 0) skipDepth--; },
    ontext(data) {
      if (skipDepth > 0) return;
      const base = parser.startIndex;
      let i = 0;
      ENTITY.lastIndex = 0;
      const emit = (to: number) => {
        for (; i < to; i++) {
          const c = data.charCodeAt(i);
          if (isSpace(c)) continue;
          push(data[i], base + i, base + i + 1);
        }
      };
      let m: RegExpExecArray | null;
      while ((m = ENTITY.exec(data))) {
        emit(m.index);
        const decoded = decodeHTML(m[0]);
        for (const ch of decoded) if (!isSpace(ch.charCodeAt(0))) push(ch, base + m.index, base + m.index + m[0].length);
        i = m.index + m[0].length;
      }
      emit(data.length);
    },
  }, { decodeEntities: false, lowerCaseTags: true });
  parser.end(html);
  return { dense: parts.join(''), offsets: offsets.subarray(0, n), ends: ends.subarray(0, n) };
}

/** The characters JavaScript's \\s matches, as a char-code test (this runs once per character of a page). */
export function isSpace(c: number): boolean {
  return c <= 32 || c === 0xa0 || c === 0x85 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}
