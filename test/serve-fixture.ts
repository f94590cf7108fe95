// A real server for the API and page tests: a temporary SQLite file filled by the real pipeline from
// examples/, served by buildServer on 127.0.0.1 with an ephemeral port.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyze } from '../src/pipeline.ts';
import { buildServer } from '../src/serve/index.ts';
import { openStore, type Store } from '../src/store/index.ts';
import { REPO } from './fixtures.ts';

export interface TestServer {
  url: string;
  store: Store;
  /** Stops the server, and removes the store when the server made it. */
  close(): Promise<void>;
}

export interface TestServerOptions {
  /** The address the server believes it listens on (decides the write policy); it always binds 127.0.0.1. */
  host?: string;
  token?: string;
  /** Reuse an already filled store instead of a new one. */
  store?: Store;
  /** Where to make the new store (a SQLite file or a postgres:// URL); a temporary SQLite file by default. */
  target?: string;
}

/**
 * A store holding the analyses of every file in examples/ (as `wirewatch ingest examples` stores them),
 * in a new SQLite file or at `target`.
 * The caller closes it; `remove` deletes its folder. (No after() hooks here: these are called from
 * before() hooks, where node:test would run them at the end of the hook, not of the suite.)
 */
export async function exampleStore(target?: string): Promise<Store & { remove(): Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'wirewatch-serve-'));
  const store = await openStore(target ?? join(dir, 'serve.db'));
  const examples = join(REPO, 'examples');
  for (const name of readdirSync(examples).filter((n) => n.endsWith('.txt')).sort()) {
    const file = join(examples, name);
    const sidecar = file.replace(/\.txt$/, '.meta.json');
    const meta = existsSync(sidecar) ? JSON.parse(readFileSync(sidecar, 'utf8')) as { published?: string; url?: string } : {};
    await store.put(analyze(readFileSync(file, 'utf8'), { uri: `examples/${name}`, published: meta.published, url: meta.url }));
  }
  return Object.assign(store, {
    async remove() {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  });
}

export async function startServer(opts: TestServerOptions = {}): Promise<TestServer> {
  const own = opts.store ? null : await exampleStore(opts.target);
  const store = opts.store ?? own!;
  const app = await buildServer({ store, host: opts.host ?? '127.0.0.1', token: opts.token });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const { port } = app.server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`, store,
    async close() {
      await app.close();
      await own?.remove();
    },
  };
}

/** GET as JSON, failing the test with the problem's detail on a non-2xx answer. */
export async function getJson<T = unknown>(url: string): Promise<T> {
  const res = await fetch(url);
  const body = await res.json();
  if (!res.ok) throw new Error(`${url}: ${res.status} ${JSON.stringify(body)}`);
  return body as T;
}
