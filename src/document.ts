// The Document travels through every stage. Like spaCy's Doc it holds the text once and stand-off
// layers over it; each stage adds its layer and reads the layers before it instead of re-parsing.
import type { ActorEntry } from './actors/dictionary.ts';
import type { Paragraph, Removed, Span, TextSpan, Time, Quote, Event, Entity, Article } from './schema/article.ts';

/** A piece of the cleaned text copied from the source (or inserted, when `synthetic`). */
interface Segment { textStart: number; sourceStart: number; length: number; synthetic: boolean }

/** Maps offsets in the cleaned text back to offsets in the input as given. */
export class OffsetMap {
  private readonly segments: Segment[] = [];

  add(textStart: number, sourceStart: number, length: number, synthetic = false): void {
    this.segments.push({ textStart, sourceStart, length, synthetic });
  }

  /** Source offset of a text offset; `edge` says whether it opens or closes a span, which matters at seams. */
  toSource(offset: number, edge: 'start' | 'end'): number {
    const segs = this.segments;
    let lo = 0, hi = segs.length - 1, found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const s = segs[mid];
      if (edge === 'end' ? s.textStart < offset : s.textStart <= offset) { found = mid; lo = mid + 1; } else hi = mid - 1;
    }
    if (found < 0) return segs.length ? segs[0].sourceStart : 0;
    const s = segs[found];
    if (s.synthetic) return s.sourceStart;
    return s.sourceStart + Math.min(offset - s.textStart, s.length);
  }
}

export interface Sentence { start: number; end: number; paragraph: number }

export interface Token {
  start: number;
  end: number;
  text: string;
  /** index of the sentence holding it */
  sentence: number;
  /** inside a quotation (between quote marks), so not the narrator's words */
  quoted: boolean;
}

/** One mention of an entity, as the actors stage resolves it. */
export interface MentionRecord {
  start: number;
  end: number;
  entity: string;
  kind: 'name' | 'surname' | 'title' | 'pronoun' | 'alias';
  /** first token index of the mention */
  token: number;
  /** last token index (inclusive) */
  tokenEnd: number;
}

export interface EntityRecord extends Omit<Entity, 'mentions'> {
  /** filled for plural references such as "the two leaders" */
  members?: string[];
}

/** A name-like span found by the recogniser, before the actors stage decides who it denotes. */
export interface NameSpan {
  token: number;
  /** last token, inclusive */
  tokenEnd: number;
  type: 'PERSON' | 'ORG' | 'COUNTRY' | 'LOC' | 'MISC';
  /** dictionary entry it matched, if any */
  entry?: ActorEntry;
  /** a country adjective or demonym ("Russian", "US" before a title) */
  adjective?: boolean;
}

/** A title or role phrase ("spokesman", "Prime Minister"). */
export interface TitleSpan { token: number; tokenEnd: number; title: string; head: boolean }

export interface QuoteMark { start: number; end: number; contentStart: number; contentEnd: number }

export interface Related { title: string; url?: string; sourceStart: number; sourceEnd: number }

export interface Message { stage: string; level: 'info' | 'warning'; message: string; start?: number; end?: number }

export interface Meta {
  title?: string; published?: string; url?: string; credit?: string; language?: string;
  byline?: string; modified?: string; siteName?: string; canonical?: string; section?: string;
  /** the fetch time of a page: a publication date the page claims after it is rejected (not serialised) */
  notAfter?: string;
}

export type SourceFormat = 'text' | 'html' | 'feed-item' | 'warc-record';

export class Document {
  readonly raw: string;
  readonly uri?: string;
  /** what the raw input is: plain text, or HTML from a file, a feed item or a WARC record */
  format: SourceFormat = 'text';
  meta: Meta;

  // clean
  text = '';
  readonly map = new OffsetMap();
  paragraphs: Omit<Paragraph, 'sourceStart' | 'sourceEnd'>[] = [];
  related: Related[] = [];
  removed: Removed[] = [];

  // nlp
  sentences: Sentence[] = [];
  tokens: Token[] = [];
  quoteMarks: QuoteMark[] = [];
  names: NameSpan[] = [];
  titles: TitleSpan[] = [];

  // actors
  entities: EntityRecord[] = [];
  mentions: MentionRecord[] = [];

  // time, quotes, events
  times: Omit<Time, 'sourceStart' | 'sourceEnd'>[] = [];
  quotes: Quote[] = [];
  events: Event[] = [];

  messages: Message[] = [];

  constructor(raw: string, meta: Meta = {}, uri?: string) {
    this.raw = raw;
    this.meta = meta;
    this.uri = uri;
  }

  span(start: number, end: number): Span {
    return { start, end, sourceStart: this.map.toSource(start, 'start'), sourceEnd: this.map.toSource(end, 'end') };
  }

  textSpan(start: number, end: number): TextSpan {
    return { ...this.span(start, end), text: this.text.slice(start, end) };
  }

  note(stage: string, message: string, start?: number, end?: number, level: Message['level'] = 'info'): void {
    this.messages.push({ stage, level, message, start, end });
  }

  private entityIndex?: { list: EntityRecord[]; size: number; byId: Map<string, EntityRecord> };

  /** Entity by id; the index is rebuilt when the entity layer was replaced or grew (stages call this per token). */
  entity(id: string | undefined): EntityRecord | undefined {
    if (id === undefined) return undefined;
    const ix = this.entityIndex;
    if (!ix || ix.list !== this.entities || ix.size !== this.entities.length) {
      this.entityIndex = { list: this.entities, size: this.entities.length, byId: new Map(this.entities.map((e) => [e.id, e])) };
    }
    return this.entityIndex!.byId.get(id);
  }

  /** The sentence index holding a text offset. */
  sentenceAt(offset: number): number {
    let lo = 0, hi = this.sentences.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const s = this.sentences[mid];
      if (offset < s.start) hi = mid - 1;
      else if (offset >= s.end) lo = mid + 1;
      else return mid;
    }
    return Math.max(0, Math.min(lo, this.sentences.length - 1));
  }

  /** Index of the first token starting at or after `offset`. */
  tokenAt(offset: number): number {
    let lo = 0, hi = this.tokens.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.tokens[mid].start < offset) lo = mid + 1; else hi = mid;
    }
    return lo;
  }

  /** The innermost quotation covering an offset, if any. */
  quoteMarkAt(offset: number): QuoteMark | undefined {
    // quotations are sorted and never overlap, so the last one opening at or before the offset decides
    let lo = 0, hi = this.quoteMarks.length - 1, found: QuoteMark | undefined;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (this.quoteMarks[mid].contentStart <= offset) { found = this.quoteMarks[mid]; lo = mid + 1; } else hi = mid - 1;
    }
    return found && offset < found.contentEnd ? found : undefined;
  }
}

export type { Article };
