import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { HttpProblem } from './problem.ts';

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

export function isLoopback(host: string): boolean {
  return LOOPBACK.has(host) || host.startsWith('127.');
}

/**
 * Who may write. On loopback anyone on this machine may, unless a token is set; beyond loopback a token
 * is required, and without one writes are closed. A browser page from another origin may not write at
 * all (a plain-text POST needs no CORS preflight, so the Origin check is what stops cross-site writes).
 */
export function writeGuard(host: string, token: string | undefined): (req: FastifyRequest) => void {
  const expected = token ? digest(token) : null;
  return (req) => {
    const origin = req.headers.origin;
    if (origin !== undefined && originHost(origin) !== req.headers.host) {
      throw new HttpProblem(403, 'Forbidden', `origin ${origin} may not write to this server`);
    }
    if (expected === null) {
      if (isLoopback(host)) return;
      throw new HttpProblem(403, 'Forbidden', 'writes are closed: this server listens beyond loopback and WIREWATCH_TOKEN was not set');
    }
    const m = /^Bearer (.+)$/.exec(req.headers.authorization ?? '');
    if (!m || !timingSafeEqual(digest(m[1]), expected)) {
      throw new HttpProblem(401, 'Unauthorized', 'writes need the header "Authorization: Bearer <WIREWATCH_TOKEN>"');
    }
  };
}

// Comparing fixed-length digests keeps the comparison constant-time whatever the token's length.
function digest(s: string): Buffer {
  return createHash('sha256').update(s).digest();
}

function originHost(origin: string): string | null {
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
}
