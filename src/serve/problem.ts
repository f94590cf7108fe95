import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { InputError } from '../errors.ts';

/** An HTTP error that leaves as an RFC 9457 problem+json body. */
export class HttpProblem extends Error {
  readonly status: number;
  readonly title: string;
  constructor(status: number, title: string, detail: string) {
    super(detail);
    this.status = status;
    this.title = title;
  }
}

const TITLES: Record<number, string> = {
  400: 'Bad request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not found', 405: 'Method not allowed',
  406: 'Not acceptable', 413: 'Body too large', 415: 'Unsupported media type', 422: 'Unprocessable content',
  500: 'Internal error', 503: 'Service unavailable',
};

export function sendProblem(reply: FastifyReply, req: FastifyRequest, status: number, detail: string, title?: string): FastifyReply {
  return reply.code(status).type('application/problem+json').send({
    type: 'about:blank',
    title: title ?? TITLES[status] ?? 'Error',
    status,
    detail,
    instance: req.url,
  });
}

/**
 * Every failure becomes one problem+json body whose detail names the input and the problem, like the CLI's
 * stderr line. Internal errors say only that they happened: their messages may carry paths or SQL.
 */
export function problemHandler(error: FastifyError | Error, req: FastifyRequest, reply: FastifyReply): FastifyReply {
  if (error instanceof HttpProblem) return sendProblem(reply, req, error.status, error.message, error.title);
  if (error instanceof InputError) return sendProblem(reply, req, 400, error.message);
  const fe = error as FastifyError;
  if (fe.validation) return sendProblem(reply, req, 400, fe.message);
  // Fastify's own texts for these name neither the input nor what would be accepted.
  if (fe.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
    return sendProblem(reply, req, 415, `content-type ${req.headers['content-type'] ?? '(none)'}: not accepted here; send text/plain, text/html or application/json`);
  }
  if (fe.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
    return sendProblem(reply, req, 413, `body: too large (more than ${req.routeOptions.bodyLimit ?? 'the limit of'} bytes)`);
  }
  // PostgreSQL cancelled a statement that ran past the server's time limit (QUERY_TIMEOUT_MS).
  if ((error as { code?: string }).code === '57014') {
    return sendProblem(reply, req, 503, 'the query took too long and was cancelled; narrow it (fewer words, a shorter date range) or try again');
  }
  const status = fe.statusCode ?? 500;
  if (status >= 400 && status < 500) return sendProblem(reply, req, status, fe.message);
  req.log.error(error);
  return sendProblem(reply, req, 500, 'the server failed to answer this request (see its log)');
}
