// JSON Schemas of the request parameters. Fastify validates requests with them and @fastify/swagger
// turns them into /openapi.json, so the document cannot drift from what the server checks.
import { DEFAULT_PAGE, MAX_EDGES, MAX_PAGE } from './limits.ts';

const day = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD, inclusive' } as const;

export const listParams = {
  limit: { type: 'integer', minimum: 1, maximum: MAX_PAGE, default: DEFAULT_PAGE, description: `rows per page (at most ${MAX_PAGE})` },
  cursor: { type: 'string', maxLength: 400, description: 'the `next` value of the previous page' },
  fields: { type: 'string', maxLength: 1000, pattern: '^[A-Za-z0-9_.,]*$', description: 'comma-separated fields to keep; dotted paths reach inside (`source.name`)' },
  format: { type: 'string', enum: ['json', 'ndjson'], description: 'ndjson streams every matching row (also chosen by `Accept: application/x-ndjson`)' },
} as const;

const order = { type: 'string', enum: ['asc', 'desc'], default: 'asc', description: 'asc: oldest first, undated first; desc: newest first, undated last' } as const;

const text = (description: string) => ({ type: 'string', maxLength: 200, description }) as const;

function querystring(props: Record<string, unknown>) {
  return { type: 'object', additionalProperties: false, properties: props } as const;
}

const listResponse = {
  description: 'one page: `{ items, next }`; `next` is the cursor of the following page, null on the last',
  type: 'object',
  properties: { items: { type: 'array', items: { type: 'object', additionalProperties: true } }, next: { type: ['string', 'null'] } },
  additionalProperties: false,
} as const;

export const eventsQuery = querystring({
  ...listParams,
  actor: text('source or target: part of the name (ignoring case and accents) or ISO alpha-3 code'),
  country: text('ISO alpha-3 country of the source or the target'),
  type: text('PLOVER event type'),
  from: day, to: day,
  article: text('article id'),
  order,
});

export const happeningsQuery = querystring({
  ...listParams,
  actor: text('source or target: part of the name (ignoring case and accents) or ISO alpha-3 code'),
  country: text('ISO alpha-3 country of the source or the target'),
  type: text('PLOVER event type'),
  from: { ...day, description: 'YYYY-MM-DD, inclusive, compared with the first day of its mentions' },
  to: { ...day, description: 'YYYY-MM-DD, inclusive, compared with the first day of its mentions' },
  order,
});

export const quotesQuery = querystring({
  ...listParams,
  speaker: text('speaker name or any run of its words ("Peskov")'),
  from: day, to: day,
  words: text('words that must all occur in the quote'),
  article: text('article id'),
  order,
});

export const articlesQuery = querystring({ ...listParams, from: day, to: day });
export const actorsQuery = querystring({ ...listParams, name: text('part of the name'), type: text('PERSON, ORG, COUNTRY, LOC or MISC') });
export const searchQuery = {
  ...querystring({
    ...listParams,
    q: text('words, all of which must occur'),
    sort: { type: 'string', enum: ['recent', 'relevance'], default: 'recent', description: 'recent: most recently stored first (cheap at any size); relevance: best match first (ranks every match)' },
  }),
  required: ['q'],
} as const;
export const networkQuery = querystring({
  type: text('PLOVER event type'), country: text('ISO alpha-3 country of either side'), from: day, to: day,
  edges: { type: 'integer', minimum: 1, maximum: MAX_EDGES, default: 200, description: 'strongest edges to return' },
});

export const idParams = { type: 'object', properties: { id: { type: 'string', maxLength: 200 } }, required: ['id'] } as const;

export const writeQuery = querystring({
  published: { type: 'string', maxLength: 40, description: 'YYYY-MM-DD or ISO date-time with offset (for text/plain bodies)' },
  url: { type: 'string', maxLength: 2000, description: 'where the article was published (for text/plain bodies)' },
});

const jsonBody = {
  type: 'object',
  additionalProperties: false,
  minProperties: 1,
  properties: {
    text: { type: 'string', description: 'the article as plain text' },
    html: { type: 'string', description: 'the article as an HTML page' },
    published: { type: 'string', maxLength: 40 }, url: { type: 'string', maxLength: 2000 },
  },
} as const;

/** One schema per media type, so the OpenAPI document says what each body is. */
export const writeBody = {
  content: {
    'text/plain': { schema: { type: 'string', description: 'the article text (UTF-8); published and url in the query string' } },
    'text/html': { schema: { type: 'string', description: 'the article page, in the charset it declares; published and url in the query string' } },
    'application/json': { schema: jsonBody },
  },
} as const;

export const listResponses = { 200: listResponse };
