import type { FastifyInstance } from 'fastify';
import { actorDetail, actorsPage } from '../query/actor-pages.ts';
import { articleById, articlesPage } from '../query/article-pages.ts';
import type { SortOrder } from '../query/cursor.ts';
import { eventsPage, network, type EventFilter } from '../query/event-pages.ts';
import { happeningById, happeningsPage, type HappeningFilter } from '../query/happening-pages.ts';
import { refreshQuoteKeys } from '../query/quote-keys.ts';
import { quotesPage, type QuoteFilter } from '../query/quote-pages.ts';
import { searchPage, type SearchOrder } from '../query/search-pages.ts';
import { MAX_RELATIONS } from './limits.ts';
import { HttpProblem } from './problem.ts';
import { checkedRange, sendList, type ListQuery } from './respond.ts';
import * as s from './schemas.ts';
import type { Sql } from '../store/sql.ts';

type Q<T> = ListQuery & T;

export async function readRoutes(app: FastifyInstance, db: Sql): Promise<void> {
  await refreshQuoteKeys(db); // built once at start-up rather than inside the first user's request
  app.get('/api/articles', {
    schema: { summary: 'Articles by publication date, with counts of what was found', tags: ['articles'], querystring: s.articlesQuery },
  }, async (req, reply) => {
    const q = req.query as Q<{ from?: string; to?: string }>;
    const range = checkedRange(q.from, q.to);
    return sendList(req, reply, q, (p) => articlesPage(db, range, p));
  });

  app.get('/api/articles/:id', {
    schema: { summary: 'One article with its whole analysis (wirewatch.article/1)', tags: ['articles'], params: s.idParams },
  }, async (req, reply) => {
    const { id } = req.params as { id: string };
    const article = await articleById(db, id);
    if (!article) throw new HttpProblem(404, 'Not found', `article ${id}: not in this database`);
    return reply.send(article);
  });

  app.get('/api/events', {
    schema: { summary: 'Events (who did what to whom, when) with their evidence spans, in date order (oldest or newest first)', tags: ['events'], querystring: s.eventsQuery },
  }, async (req, reply) => {
    const q = req.query as Q<EventFilter & { order: SortOrder }>;
    const filter = { ...q, ...checkedRange(q.from, q.to) };
    return sendList(req, reply, q, (p) => eventsPage(db, filter, p, q.order));
  });

  app.get('/api/happenings', {
    schema: {
      summary: 'Happenings: each event merged across the articles reporting it, with counts of mentions, articles, sources and stories, in order of its first day',
      tags: ['events'], querystring: s.happeningsQuery,
    },
  }, async (req, reply) => {
    const q = req.query as Q<HappeningFilter & { order: SortOrder }>;
    const filter = { ...q, ...checkedRange(q.from, q.to) };
    return sendList(req, reply, q, (p) => happeningsPage(db, filter, p, q.order));
  });

  app.get('/api/happenings/:id', {
    schema: { summary: 'One happening with every mention of it: article, sentence and evidence spans (offsets into the article text)', tags: ['events'], params: s.idParams },
  }, async (req, reply) => {
    const { id } = req.params as { id: string };
    const happening = await happeningById(db, id);
    if (!happening) throw new HttpProblem(404, 'Not found', `happening ${id}: not in this database`);
    return reply.send(happening);
  });

  app.get('/api/quotes', {
    schema: { summary: 'Quotes by speaker, date and words, in date order (oldest or newest first); cue and speaker span are in the article', tags: ['quotes'], querystring: s.quotesQuery },
  }, async (req, reply) => {
    const q = req.query as Q<QuoteFilter & { order: SortOrder }>;
    const filter = { ...q, ...checkedRange(q.from, q.to) };
    return sendList(req, reply, q, (p) => quotesPage(db, filter, p, q.order));
  });

  app.get('/api/actors', {
    schema: { summary: 'Actors by the number of articles naming them', tags: ['actors'], querystring: s.actorsQuery },
  }, async (req, reply) => {
    const q = req.query as Q<{ name?: string; type?: string }>;
    return sendList(req, reply, q, (p) => actorsPage(db, q, p));
  });

  app.get('/api/actors/:id', {
    schema: { summary: 'One actor (dictionary id or name): counts, names, roles and relations', tags: ['actors'], params: s.idParams },
  }, async (req, reply) => {
    const { id } = req.params as { id: string };
    const actor = await actorDetail(db, id, MAX_RELATIONS);
    if (!actor) throw new HttpProblem(404, 'Not found', `actor ${id}: not in this database`);
    return reply.send(actor);
  });

  app.get('/api/network', {
    schema: { summary: 'Who acts on whom: edges weighted by event counts, split into cooperation and conflict', tags: ['actors'], querystring: s.networkQuery },
  }, async (req, reply) => {
    const q = req.query as { type?: string; country?: string; from?: string; to?: string; edges: number };
    return reply.send({ edges: await network(db, { ...q, ...checkedRange(q.from, q.to) }, q.edges) });
  });

  app.get('/api/search', {
    schema: { summary: 'Full-text search over article text, titles and quotes, most recent or best matches first', tags: ['search'], querystring: s.searchQuery },
  }, async (req, reply) => {
    const q = req.query as Q<{ q: string; sort: SearchOrder }>;
    return sendList(req, reply, q, (p) => searchPage(db, q.q, p, q.sort));
  });
}
