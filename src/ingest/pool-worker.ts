// A pool worker: its own database connection for its whole life, chunks of inputs in, events out.
import { parentPort, workerData } from 'node:worker_threads';
import { openStore } from '../store/index.ts';
import { taker, type TakeOptions } from './take-inputs.ts';

export type ToWorker = { type: 'inputs'; inputs: string[] } | { type: 'close' };

const port = parentPort!;
const setup = workerData as { db: string; take: TakeOptions };
const store = await openStore(setup.db);
const t = await taker(store, setup.take);

// Messages are handled one after another. A chunk's last articles may wait for the database into the next
// chunk (see take-inputs.ts); everything is stored before the worker closes.
let chain = Promise.resolve();
port.on('message', (m: ToWorker) => {
  chain = chain.then(async () => {
    if (m.type === 'close') {
      await t.finish((e) => port.postMessage(e));
      await store.close();
      port.close();
      return;
    }
    await t.take(m.inputs, (e) => port.postMessage(e));
    port.postMessage({ type: 'idle' });
  });
});
port.postMessage({ type: 'idle' });
