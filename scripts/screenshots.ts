// PNG screenshots of each view of the page, for the README: the bundled examples analysed into a
// temporary database, served on loopback, photographed in Debian's Chromium.
//   tsx scripts/screenshots.ts [--out docs]
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { analyze } from '../src/pipeline.ts';
import { buildServer } from '../src/serve/index.ts';
import { openStore } from '../src/store/index.ts';
import { launchChromium } from '../test/web-browser.ts';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({ options: { out: { type: 'string', default: join(REPO, 'docs') } } });
const out = resolve(values.out!);
mkdirSync(out, { recursive: true });

const dir = mkdtempSync(join(tmpdir(), 'wirewatch-shots-'));
const store = await openStore(join(dir, 'shots.db'));
const examples = join(REPO, 'examples');
for (const name of readdirSync(examples).filter((n) => n.endsWith('.txt'))) {
  const sidecar = join(examples, name.replace(/\.txt$/, '.meta.json'));
  const meta = existsSync(sidecar) ? JSON.parse(readFileSync(sidecar, 'utf8')) as { published?: string } : {};
  await store.put(analyze(readFileSync(join(examples, name), 'utf8'), { uri: `examples/${name}`, published: meta.published }));
}
const app = await buildServer({ store, host: '127.0.0.1' });
await app.listen({ host: '127.0.0.1', port: 0 });
const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;

const browser = await launchChromium();
const page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
const rendered = () => page.waitForFunction(() => document.querySelector('main')?.dataset.rendered === location.hash);
async function shot(hash: string, file: string, before?: () => Promise<void>) {
  await page.goto('about:blank');
  await page.goto(`${base}/${hash}`);
  await rendered();
  if (before) await before();
  await page.screenshot({ path: join(out, file) });
  console.log(join(out, file));
}
await shot('#/timeline', 'view-timeline.png', async () => {
  await page.locator('li.event time').nth(3).click();
});
await shot('#/network', 'view-network.png');
await shot('#/quotes?speaker=Peskov', 'view-quotes.png');
const id = (await store.sql.value<string>('SELECT id FROM articles LIMIT 1'))!;
await shot(`#/article/${id}?event=v1`, 'view-article.png');
await browser.close();
await app.close();
await store.close();
rmSync(dir, { recursive: true, force: true });
