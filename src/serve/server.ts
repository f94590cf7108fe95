import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import Fastify, { type FastifyInstance } from 'fastify';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Store } from '../store/index.ts';
import { problemHandler, sendProblem } from './problem.ts';
import { readRoutes } from './read-routes.ts';
import { writeGuard } from './write-access.ts';
import { writeRoutes } from './write-routes.ts';

export const WEB_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'web');
const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };

export interface ServerOptions {
  store: Store;
  /** The address it will listen on; decides whether writes need a token. */
  host: string;
  /** WIREWATCH_TOKEN; required for writes beyond loopback. */
  token?: string;
  logger?: boolean;
}

// The page shows text from arbitrary web pages: the policy makes sure that nothing in it can run,
// even if an escaping bug let markup through. Scripts and styles come only from this server.
const CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
  "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/** The API, its OpenAPI document and the web page, on one fastify instance (not yet listening). */
export async function buildServer(opts: ServerOptions): Promise<FastifyInstance> {
  const app = Fastify({ logger: opts.logger ?? false, routerOptions: { ignoreTrailingSlash: true }, bodyLimit: 64 * 1024,
    // An unknown query parameter is a typo the user should hear about, not a filter silently dropped.
    ajv: { customOptions: { removeAdditional: false } },
  });
  app.setErrorHandler(problemHandler);
  app.setNotFoundHandler((req, reply) => sendProblem(reply, req, 404, `${req.method} ${req.url.split('?')[0]}: no such resource`));
  app.addHook('onSend', async (_req, reply) => {
    reply.header('x-content-type-options', 'nosniff');
    reply.header('content-security-policy', CSP);
    reply.header('referrer-policy', 'no-referrer');
  });

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Wirewatch',
        version,
        description: 'Who said what, who did what to whom, when — every record pointing at its evidence spans. ' +
          'Lists are cursor-paginated (`limit`, `cursor` → `next`), take `fields=` and stream NDJSON with ' +
          '`format=ndjson`. Errors are application/problem+json.',
      },
    },
  });
  // A server reads the same pages over and over: a larger page cache and memory-mapped reads save
  // system calls on a database of a gigabyte. Settings of this connection only; the file is unchanged.
  if (opts.store.sql.dialect === 'sqlite') await opts.store.sql.exec('PRAGMA cache_size = -65536; PRAGMA mmap_size = 268435456;');
  await readRoutes(app, opts.store.sql);
  writeRoutes(app, opts.store, writeGuard(opts.host, opts.token));
  app.get('/openapi.json', { schema: { hide: true } }, () => app.swagger());
  await app.register(fastifyStatic, { root: WEB_DIR, prefix: '/', index: 'index.html', wildcard: false });
  return app;
}
