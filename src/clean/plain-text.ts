// Cleaning of scraped plain text: drops ad markers, related-link lines, agency credits and share prompts
// (recording each removal), keeps related links as links, marks headings, and joins hard-wrapped lines.
// The cleaned text is assembled from slices of the source so every offset maps back exactly.
import { compilePatterns, loadData } from '../data.ts';
import type { Document } from '../document.ts';
import type { Removed } from '../schema/article.ts';

interface BoilerplateFile { ad: string[]; related: string[]; credit: string[]; share: string[]; dateline: string[] }

type Kind = 'ad' | 'related' | 'credit' | 'share';
let rules: { kind: Kind; re: RegExp }[] | undefined;

function boilerplateRules() {
  if (!rules) {
    const data = loadData<BoilerplateFile>('clean/boilerplate.json');
    rules = (['ad', 'related', 'credit', 'share'] as Kind[])
      .flatMap((kind) => compilePatterns(data[kind]).map((re) => ({ kind, re })));
  }
  return rules;
}

interface Line { start: number; end: number; text: string }

/** Lines of the source with surrounding whitespace trimmed, blank lines as null (block separators). */
function lines(raw: string): (Line | null)[] {
  const out: (Line | null)[] = [];
  const re = /[^\r\n]*(?:\r\n|\r|\n|$)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(raw)) && m[0].length > 0) {
    const body = m[0].replace(/[\r\n]+$/, '');
    const lead = body.length - body.trimStart().length;
    const text = body.trim();
    out.push(text ? { start: m.index + lead, end: m.index + lead + text.length, text } : null);
  }
  return out;
}

let datelines: RegExp[] | undefined;
const isDateline = (t: string) => (datelines ??= compilePatterns(loadData<BoilerplateFile>('clean/boilerplate.json').dateline, 'u')).some((re) => re.test(t));

// a closing straight single mark after the full stop ends a sentence too ("… an 'intentional act.'"); alone it may be an apostrophe
const SENTENCE_END = /(?:[.!?…:;"”’)\]]|[.!?]')$/u;

function looksLikeHeading(block: Line[]): boolean {
  if (block.length !== 1) return false;
  const t = block[0].text;
  const words = t.split(/\s+/).length;
  return words <= 15 && !SENTENCE_END.test(t) && /^[\p{Lu}\p{N}"“‘']/u.test(t) && !isDateline(t);
}

export function cleanPlainText(doc: Document): void {
  const { raw } = doc;
  const blocks: Line[][] = [];
  let current: Line[] = [];
  for (const line of lines(raw)) {
    if (line === null) { if (current.length) blocks.push(current), (current = []); continue; }
    const rule = boilerplateRules().find((r) => r.re.test(line.text));
    if (!rule) { current.push(line); continue; }
    const m = line.text.match(rule.re)!;
    const removed: Removed = { kind: rule.kind, sourceStart: line.start, sourceEnd: line.end, text: line.text };
    doc.removed.push(removed);
    if (rule.kind === 'related' && m.groups?.title) {
      doc.related.push({ title: m.groups.title.trim(), url: m.groups.url, sourceStart: line.start, sourceEnd: line.end });
    }
    if (rule.kind === 'credit' && m.groups?.credit) doc.meta.credit ??= m.groups.credit.trim();
    // a removed line ends the paragraph it interrupted
    if (current.length) blocks.push(current), (current = []);
  }
  if (current.length) blocks.push(current);

  let text = '';
  blocks.forEach((block, i) => {
    const heading = looksLikeHeading(block) && i < blocks.length - 1;
    if (heading && i === 0 && !doc.meta.title) {
      doc.meta.title = block[0].text;
      doc.removed.push({ kind: 'title', sourceStart: block[0].start, sourceEnd: block[0].end, text: block[0].text });
      return;
    }
    if (text) {
      doc.map.add(text.length, block[0].start, 2, true);
      text += '\n\n';
    }
    const start = text.length;
    block.forEach((line, j) => {
      if (j > 0) {
        // hard-wrapped lines join with one space, mapped onto the line break it replaces
        doc.map.add(text.length, block[j - 1].end, 1, true);
        text += ' ';
      }
      doc.map.add(text.length, line.start, line.text.length);
      text += line.text;
    });
    doc.paragraphs.push({ start, end: text.length, kind: heading ? 'heading' : 'paragraph' });
  });
  doc.text = text;
  if (!text) doc.note('clean', 'no article text left after cleaning', undefined, undefined, 'warning');
}
