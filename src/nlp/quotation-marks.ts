// Finds quotations by pairing quote marks inside each paragraph. Apostrophes ("Putin’s", "don't") are not
// quote marks; a quotation left open at the end of a paragraph closes there (news reopens it on the next).
import type { Document, QuoteMark } from '../document.ts';

const OPEN_CLOSE: Record<string, string> = { '“': '”', '„': '”', '”': '”', '«': '»', '‹': '›', '‘': '’', '‚': '’', '"': '"', "'": "'" };
const LETTER = /[\p{L}\p{N}]/u;
// Scraped text mixes curly and straight marks (“…," then "…”), and some sites open with a closing mark:
// a double mark closes whatever double mark opened, a single mark whatever single one did.
const DOUBLE = new Set(['“', '„', '"', '”', '«', '»']);
const closes = (open: string, ch: string) => ch === OPEN_CLOSE[open] || (DOUBLE.has(open) && (ch === '"' || ch === '”'));

function isOpener(text: string, i: number): boolean {
  const prev = i > 0 ? text[i - 1] : ' ';
  const next = text[i + 1] ?? ' ';
  return !LETTER.test(prev) && !/\s/u.test(next);
}

function isCloser(text: string, i: number): boolean {
  const prev = i > 0 ? text[i - 1] : ' ';
  const next = text[i + 1] ?? ' ';
  return !/\s/u.test(prev) && !LETTER.test(next);
}

/** "… the term 'outreach,' " he said: a space sets a double closing mark apart from the single one it follows. */
function spacedAfterSingle(text: string, i: number): boolean {
  return text[i - 1] === ' ' && /['’]/u.test(text[i - 2] ?? '') && !LETTER.test(text[i + 1] ?? ' ');
}

/** Marcia "Cia" Price: one capitalised word quoted between a first name and a surname is part of the name. */
function nickname(text: string, open: number, close: number): boolean {
  return /^\p{Lu}[\p{L}.'’-]*$/u.test(text.slice(open + 1, close))
    && /\p{Lu}[\p{L}.'’-]* $/u.test(text.slice(Math.max(0, open - 30), open)) && /^ \p{Lu}/u.test(text.slice(close + 1, close + 3));
}

/**
 * A straight mark opening a paragraph whose own quotations are curly and that no straight mark closes
 * ("Kevin was snoring. “Here he is,” she said.) reopens an excerpt quoted over several paragraphs.
 */
function continuesExcerpt(text: string, i: number, from: number, to: number): boolean {
  if (i !== from || text[i] !== '"') return false;
  const curly = text.indexOf('“', i), straight = text.indexOf('"', i + 1);
  return curly >= 0 && curly < to && (straight < 0 || straight >= to);
}

function paragraphQuotes(text: string, from: number, to: number): QuoteMark[] {
  const out: QuoteMark[] = [];
  let open: { ch: string; at: number } | null = null;
  for (let i = from; i < to; i++) {
    const ch = text[i];
    if (ch === "'" && text[i + 1] === "'") {
      // two apostrophes are one double mark (''…''), so a single quotation nested inside ('significant')
      // neither closes nor opens it
      if (open?.ch === "''" && !/\s/u.test(text[i - 1] ?? ' ') && !LETTER.test(text[i + 2] ?? ' ')) {
        out.push({ start: open.at, end: i + 2, contentStart: open.at + 2, contentEnd: i });
        open = null;
      } else if (!open && !LETTER.test(text[i - 1] ?? ' ') && !/\s/u.test(text[i + 2] ?? ' ')) open = { ch: "''", at: i };
      i++;
      continue;
    }
    if (!(ch in OPEN_CLOSE) && ch !== '”' && ch !== '’' && ch !== '»' && ch !== '›') continue;
    const single = ch === "'" || ch === '‘' || ch === '’' || ch === '‚';
    if (open) {
      if (closes(open.ch, ch) && (isCloser(text, i) || spacedAfterSingle(text, i))) {
        if (!nickname(text, open.at, i)) out.push({ start: open.at, end: i + 1, contentStart: open.at + 1, contentEnd: i });
        open = null;
      }
      continue;
    }
    if (ch === '’' || ch === '»' || ch === '›') continue;
    // single marks only open a quotation when they cannot be an apostrophe (start of word after a space)
    if (isOpener(text, i) && (!single || i === from || /[\s(\[—–-]/u.test(text[i - 1])) && !continuesExcerpt(text, i, from, to)) open = { ch, at: i };
  }
  if (open && !(open.ch === "'" || open.ch === '‘')) out.push({ start: open.at, end: to, contentStart: open.at + open.ch.length, contentEnd: to });
  return out;
}

export function findQuotationMarks(doc: Document): void {
  // a loop, not push(...spread): one paragraph of a 20 MB input can hold more marks than the call stack takes
  for (const p of doc.paragraphs) for (const q of paragraphQuotes(doc.text, p.start, p.end)) doc.quoteMarks.push(q);
}
