import type { FastifyInstance, FastifyRequest } from 'fastify';
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
  // Bodies arrive as bytes and go through the same checks as files (empty, binary, not UTF-8).
  app.removeContentTypeParser('text/plain');
  app.addContentTypeParser(['text/plain', 'text/html'], { parseAs: 'buffer' }, (req, body, done) => {
    try {
      done(null, decodeText(body as Buffer, 'body'));
    } catch (e) {
      done(e as Error, undefined);
    }
  });

  const schema = (summary: string) => ({
    summary, tags: ['write'], querystring: writeQuery, body: writeBody,
    consumes: ['text/plain', 'application/json'],
  });
  const opts = { bodyLimit: MAX_BODY_BYTES, preHandler: async (req: FastifyRequest) => guard(req) };

  app.post('/api/analyze', { ...opts, schema: schema('Analyse one article and return its wirewatch.article/1 analysis (nothing is stored)') },
    async (req) => analyzeBody(req));

  app.post('/api/ingest', { ...opts, schema: schema('Analyse one article and store it; 201 when new, 200 when the same text was already stored') },
    async (req, reply) => {
      const article = await analyzeBody(req);
      const result = store.put(article);
      return reply.code(result === 'inserted' ? 201 : 200).send({
        id: article.id, result,
        entities: article.entities.length, quotes: article.quotes.length, events: article.events.length,
      });
    });
}

async function analyzeBody(req: FastifyRequest): Promise<Article> {
  if ((req.headers['content-type'] ?? '').startsWith('text/html')) {
    throw new HttpProblem(415, 'Unsupported media type', 'body: text/html is not analysed by this build yet; send the article as text/plain or JSON { text }');
  }
  const q = req.query as { published?: string; url?: string };
  const body = req.body as string | { text: string; published?: string; url?: string };
  const given = typeof body === 'string' ? { text: body, ...q } : body;
  const text = typeof body === 'string' ? given.text : decodeText(Buffer.from(given.text, 'utf8'), 'body.text');
  const published = given.published === undefined ? undefined : parsePublished(given.published, 'published');
  const { analyze } = await pipeline();
  return analyze(text, { published, url: given.url, uri: given.url });
}
