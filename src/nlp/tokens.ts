// Word tokens inside sentences. Possessive 's is split off ("Putin’s" → "Putin" "’s") so names match;
// dotted acronyms ("U.S.") and numbers with separators or a percent sign stay whole.
import type { Document } from '../document.ts';

const TOKEN = /(?:\p{Lu}\.){2,}|\p{L}[\p{L}\p{M}]*(?:[-'’]\p{L}[\p{L}\p{M}]*)*|\$?\d+(?:[.,:]\d+)*%?|\.{3}|\S/gu;
const POSSESSIVE = /^(.+?)(['’]s)$/u;

export function tokenize(doc: Document): void {
  const { text } = doc;
  doc.sentences.forEach((s, sentence) => {
    const body = text.slice(s.start, s.end);
    for (const m of body.matchAll(TOKEN)) {
      const start = s.start + m.index!;
      const pos = POSSESSIVE.exec(m[0]);
      const parts = pos && /^\p{Lu}/u.test(m[0]) ? [pos[1], pos[2]] : [m[0]];
      let at = start;
      for (const part of parts) {
        const quoted = doc.quoteMarkAt(at) !== undefined;
        doc.tokens.push({ start: at, end: at + part.length, text: part, sentence, quoted });
        at += part.length;
      }
    }
  });
}
