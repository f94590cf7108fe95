// The one output contract of Wirewatch: `wirewatch.article/1`.
// Everything that leaves the pipeline (CLI JSON, database rows, API bodies) is an `Article` validated here;
// scripts/export-schema.ts writes the JSON Schema file from this definition.
import { z } from 'zod';

export const SCHEMA_ID = 'wirewatch.article/1';

/** A stand-off span: `[start, end)` into `text`, plus `[sourceStart, sourceEnd)` into the input as given. */
export const Span = z.object({
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  sourceStart: z.number().int().nonnegative(),
  sourceEnd: z.number().int().nonnegative(),
});

export const TextSpan = Span.extend({ text: z.string() });

export const EntityType = z.enum(['PERSON', 'ORG', 'COUNTRY', 'LOC', 'MISC']);

export const Entity = z.object({
  id: z.string().describe('Stable within the article: e1, e2, ...'),
  name: z.string().describe('Canonical name (the fullest form the article uses, or the dictionary name)'),
  type: EntityType,
  role: z.string().optional().describe('Title or office, kept outside the name: "President", "spokesman"'),
  affiliation: z.string().optional().describe('Organisation the person speaks or acts for: "Kremlin"'),
  country: z.string().length(3).optional().describe('ISO 3166-1 alpha-3'),
  sector: z.string().optional().describe('CAMEO/PLOVER sector code: GOV, MIL, MED, ...'),
  actor: z.string().optional().describe('Canonical actor id from the actor dictionary'),
  mentions: z.array(TextSpan.extend({
    kind: z.enum(['name', 'surname', 'title', 'pronoun', 'alias']).optional(),
  })),
});

export const QuoteKind = z.enum(['direct', 'partial', 'mixed', 'indirect']);

export const DateRef = z.object({
  value: z.string().nullable().describe('TIMEX3 value, or null when it cannot be resolved'),
  text: z.string().optional().describe('The time expression that dates it'),
  basis: z.enum(['expression', 'context', 'publication', 'unresolved']).describe(
    'expression: a time expression governs the clause; context: inherited from the reporting context; ' +
      'publication: no expression, dated by publication; unresolved: relative and no publication date'),
});

export const Quote = Span.extend({
  id: z.string(),
  kind: QuoteKind,
  text: z.string().describe('The quoted or reported content, without the quote marks'),
  speaker: z.object({
    name: z.string(),
    entity: z.string().optional().describe('id of the entity the speaker resolves to'),
    mention: TextSpan.optional().describe('the span naming the speaker in this attribution'),
  }).nullable(),
  cue: TextSpan.optional(),
  date: DateRef.optional(),
});

export const Time = TextSpan.extend({
  type: z.enum(['DATE', 'TIME', 'DURATION', 'SET']),
  value: z.string().nullable().describe('TIMEX3 value; null when relative and unanchored'),
  unresolved: z.string().optional().describe('Why the value is missing'),
});

export const EventActor = z.object({
  name: z.string().optional(),
  entity: z.string().optional(),
  actor: z.string().optional().describe('Canonical actor id from the actor dictionary'),
  country: z.string().length(3).optional(),
  sector: z.string().optional().describe('CAMEO sector; an agent word may narrow it for this event ("Gondor\'s government": GOV)'),
});

export const Event = z.object({
  id: z.string(),
  type: z.string().describe('PLOVER event type; UNKNOWN for a code a user dictionary gives that CAMEO does not list'),
  mode: z.string().optional(),
  context: z.string().optional(),
  cameo: z.string(),
  goldstein: z.number().optional(),
  quadClass: z.number().int().min(1).max(4).optional(),
  source: EventActor,
  target: EventActor,
  date: z.string().nullable().optional(),
  dateBasis: DateRef.shape.basis.optional(),
  quantities: z.array(z.object({ value: z.number(), unit: z.string(), text: z.string().optional() })).optional(),
  conditional: z.boolean().optional(),
  condition: TextSpan.optional(),
  negated: z.boolean().optional(),
  intent: z.boolean().optional().describe('Stated intent or willingness (will, would, open to, willing to)'),
  hypothetical: z.boolean().optional().describe('Stated as a possibility, not a deed (could, might, may)'),
  location: TextSpan.extend({
    name: z.string(), entity: z.string().optional(), country: z.string().length(3).optional(),
  }).optional().describe('Where the text says the event happened ("in Abidjan"): the place mention'),
  reportedPast: z.boolean().optional(),
  quote: z.string().optional().describe('id of the quote the event is claimed in'),
  evidence: z.array(TextSpan.extend({ role: z.enum(['trigger', 'source', 'target', 'argument', 'sentence']).optional() })),
});

export const Paragraph = Span.extend({ kind: z.enum(['paragraph', 'heading']) });

export const Removed = z.object({
  kind: z.enum(['ad', 'related', 'credit', 'share', 'title', 'caption', 'byline', 'timestamp', 'promo', 'comments', 'nav', 'heading'])
    .describe('plain text uses ad, related, credit, share, title; HTML pages also caption, byline, timestamp, promo, comments, nav, heading (a trailing heading with no text under it)'),
  sourceStart: z.number().int().nonnegative(),
  sourceEnd: z.number().int().nonnegative(),
  text: z.string(),
});

export const Article = z.object({
  schema: z.literal(SCHEMA_ID),
  id: z.string().describe('sha256 of the normalised cleaned text, hex'),
  source: z.object({
    uri: z.string().optional(),
    format: z.enum(['text', 'html', 'feed-item', 'warc-record']).describe('text: plain text; html: an HTML page (sourceStart/sourceEnd index the HTML string); feed-item, warc-record: an HTML page taken from a feed or a WARC file'),
  }),
  meta: z.object({
    title: z.string().optional(),
    published: z.string().optional().describe('YYYY-MM-DD or ISO date-time with offset, as supplied'),
    url: z.string().optional(),
    credit: z.string().optional().describe('Agency credit line: "agencies", "Reuters"'),
    language: z.string().optional().describe('ISO 639-1, declared by the page or detected'),
    byline: z.string().optional().describe('Author name(s) as the page states them, comma-separated'),
    modified: z.string().optional().describe('Last modification, YYYY-MM-DD or ISO date-time with offset'),
    siteName: z.string().optional(),
    canonical: z.string().optional().describe('The canonical URL the page declares'),
    section: z.string().optional(),
  }),
  text: z.string(),
  paragraphs: z.array(Paragraph),
  related: z.array(z.object({ title: z.string(), url: z.string().optional(), sourceStart: z.number().int(), sourceEnd: z.number().int() })),
  removed: z.array(Removed),
  entities: z.array(Entity),
  quotes: z.array(Quote),
  times: z.array(Time),
  events: z.array(Event),
  messages: z.array(z.object({
    stage: z.string(), level: z.enum(['info', 'warning']), message: z.string(),
    start: z.number().int().optional(), end: z.number().int().optional(),
  })).describe('Positional notes from the stages, in the manner of vfile messages'),
});

export type Span = z.infer<typeof Span>;
export type TextSpan = z.infer<typeof TextSpan>;
export type Entity = z.infer<typeof Entity>;
export type EntityType = z.infer<typeof EntityType>;
export type Quote = z.infer<typeof Quote>;
export type QuoteKind = z.infer<typeof QuoteKind>;
export type DateRef = z.infer<typeof DateRef>;
export type Time = z.infer<typeof Time>;
export type Event = z.infer<typeof Event>;
export type EventActor = z.infer<typeof EventActor>;
export type Paragraph = z.infer<typeof Paragraph>;
export type Removed = z.infer<typeof Removed>;
export type Article = z.infer<typeof Article>;
