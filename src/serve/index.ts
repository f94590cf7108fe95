import { openStore } from '../store/index.ts';
import { buildServer } from './server.ts';
import { isLoopback } from './write-access.ts';

export { buildServer, type ServerOptions } from './server.ts';

/** `wirewatch serve`: open the store, listen, and close both on SIGINT/SIGTERM. */
export async function serve(o: { db: string; port: number; host: string; token?: string }): Promise<void> {
  const store = openStore(o.db);
  const app = await buildServer({ store, host: o.host, token: o.token });
  const address = await app.listen({ port: o.port, host: o.host });
  const writes = o.token ? 'writes need the token' : isLoopback(o.host) ? 'writes open to this machine' : 'writes closed (no WIREWATCH_TOKEN)';
  process.stdout.write(`wirewatch: serving ${o.db} at ${address} (page /, API /api, OpenAPI /openapi.json; ${writes})\n`);
  const stop = () => {
    void app.close().then(() => store.close());
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
