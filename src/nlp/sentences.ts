// Sentence boundaries inside paragraphs. A boundary needs end punctuation (optionally followed by closing
// quotes or brackets), whitespace, then something that can open a sentence; known abbreviations and
// positions inside a quotation never end a sentence.
import { loadData } from '../data.ts';
import type { Document } from '../document.ts';

let abbreviations: Set<string> | undefined;
const abbrevs = () => (abbreviations ??= new Set(loadData<{ abbreviations: string[] }>('nlp/abbreviations.json').abbreviations));

// '' is a quote mark too: newspapers that typeset with doubled apostrophes (the NYT) close and open with it
const BOUNDARY = /[.!?…]+(?:''|["”’»)\]])*(?=\s+(?:''|["“‘«(\[])?[\p{Lu}\p{N}])/gu;

export function splitSentences(doc: Document): void {
  const { text } = doc;
  doc.paragraphs.forEach((p, paragraph) => {
    let start = p.start;
    BOUNDARY.lastIndex = p.start;
    const body = text.slice(0, p.end);
    let m: RegExpExecArray | null;
    while ((m = BOUNDARY.exec(body))) {
      const end = m.index + m[0].length;
      if (m[0][0] === '.' && m[0].length === 1 || m[0].startsWith('.') && !/[.]{2,}/.test(m[0])) {
        const word = /([\p{L}.]+)$/u.exec(text.slice(start, m.index))?.[1] ?? '';
        // "G.K. Butterfield": initials, like a single capital, run on into the name
        if (abbrevs().has(word) || /^(?:\p{Lu}\.){0,2}\p{Lu}$/u.test(word)) continue;
      }
      const inQuote = doc.quoteMarks.some((q) => m!.index >= q.contentStart && end < q.contentEnd);
      if (inQuote) continue;
      doc.sentences.push({ start, end, paragraph });
      start = end;
      while (start < p.end && /\s/u.test(text[start])) start++;
      BOUNDARY.lastIndex = start;
    }
    if (start < p.end) doc.sentences.push({ start, end: p.end, paragraph });
  });
}
