import { InputError } from '../errors.ts';
import { openStore } from '../store/index.ts';
import { buildServer } from './server.ts';
import { isLoopback } from './write-access.ts';
import { QUERY_TIMEOUT_MS } from './limits.ts';

export { buildServer, type ServerOptions } from './server.ts';

/** `wirewatch serve`: open the store, listen, and close both on SIGINT/SIGTERM. */
export async function serve(o: { db: string; port: number; host: string; token?: string }): Promise<void> {
  const store = await openStore(o.db, { statementTimeoutMs: QUERY_TIMEOUT_MS });
  const app = await buildServer({ store, host: o.host, token: o.token });
  let address: string;
  try {
    address = await app.listen({ port: o.port, host: o.host });
  } catch (e) {
    await app.close();
    await store.close();
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') throw new InputError(`--port ${o.port}`, 'already in use (pick another, or 0 for any free port)');
    if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND' || code === 'EAI_AGAIN') throw new InputError(`--host ${o.host}`, 'not an address of this machine');
    if (code === 'EACCES') throw new InputError(`--port ${o.port}`, 'not allowed for this user (ports below 1024 need privileges)');
    throw e;
  }
  const writes = o.token ? 'writes need the token' : isLoopback(o.host) ? 'writes open to this machine' : 'writes closed (no WIREWATCH_TOKEN)';
  process.stdout.write(`wirewatch: serving ${store.target} at ${address} (page /, API /api, OpenAPI /openapi.json; ${writes})\n`);
  const stop = () => {
    void app.close().then(() => store.close());
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
