import type { FastifyInstance, FastifyRequest } from 'fastify';
import { charsetOf, decodeHtml } from '../ingest/decode-html.ts';
import { decodeText } from '../ingest/decode-text.ts';
import { parsePublished } from '../ingest/published.ts';
import type { Article } from '../schema/article.ts';
import type { Store } from '../store/index.ts';
import { MAX_BODY_BYTES } from './limits.ts';
import { HttpProblem } from './problem.ts';
import { writeQuery, writeBody } from './schemas.ts';

// The pipeline (and the tables and model it loads) is imported on the first analysis, so a server
// used only for reading starts fast.
const pipeline = () => import('../pipeline.ts');

export function writeRoutes(app: FastifyInstance, store: Store, guard: (req: FastifyRequest) => void): void {
  // Bodies arrive as bytes and go through the same checks as files: empty, binary, not UTF-8 for text;
  // the declared or sniffed charset for HTML.
  app.removeContentTypeParser('text/plain');
  app.addContentTypeParser('text/plain', { parseAs: 'buffer' }, (_req, body, done) => {
    try {
      done(null, decodeText(body as Buffer, 'body'));
    } catch (e) {
      done(e as Error, undefined);
    }
  });
  app.addContentTypeParser('text/html', { parseAs: 'buffer' }, (req, body, done) => {
    try {
      done(null, decodeHtml(body as Buffer, 'body', charsetOf(req.headers['content-type'])).html);
    } catch (e) {
      done(e as Error, undefined);
    }
  });

  const schema = (summary: string) => ({
    summary, tags: ['write'], querystring: writeQuery, body: writeBody,
  });
  const opts = { bodyLimit: MAX_BODY_BYTES, preHandler: async (req: FastifyRequest) => guard(req) };

  app.post('/api/analyze', { ...opts, schema: schema('Analyse one article and return its wirewatch.article/1 analysis (nothing is stored)') },
    async (req) => analyzeBody(req));

  app.post('/api/ingest', { ...opts, schema: schema('Analyse one article and store it; 201 when new, 200 when the same text was already stored') },
    async (req, reply) => {
      const article = await analyzeBody(req);
      const result = await store.put(article);
      return reply.code(result === 'inserted' ? 201 : 200).send({
        id: article.id, result,
        entities: article.entities.length, quotes: article.quotes.length, events: article.events.length,
      });
    });
}

type Body = { text?: string; html?: string; published?: string; url?: string };

async function analyzeBody(req: FastifyRequest): Promise<Article> {
  // JSON bodies carry their own metadata; text and HTML bodies take it from the query string.
  const type = req.headers['content-type'] ?? '';
  const json = type.startsWith('application/json');
  const given: Body = json ? req.body as Body
    : { ...(req.query as Body), ...(type.startsWith('text/html') ? { html: req.body as string } : { text: req.body as string }) };
  if (given.text === undefined && given.html === undefined) throw new HttpProblem(400, 'Bad request', 'body: no text or html to analyse');
  if (given.text !== undefined && given.html !== undefined) throw new HttpProblem(400, 'Bad request', 'body: give text or html, not both');
  if (json && given.text !== undefined) decodeText(Buffer.from(given.text, 'utf8'), 'body.text');
  if (json && given.html !== undefined && given.html.trim() === '') throw new HttpProblem(400, 'Bad request', 'body.html: empty input');
  const published = given.published === undefined ? undefined : parsePublished(given.published, 'published');
  const { analyze } = await pipeline();
  const html = given.html !== undefined;
  return analyze((html ? given.html : given.text) as string, { published, url: given.url, uri: given.url, format: html ? 'html' : 'text' });
}
