// Ingest on all cores: worker threads that each analyse and store chunks of inputs through their own
// database connection. A hand-written pool rather than piscina because each worker keeps state for its
// whole life (an open store, a journal, a half-filled batch) and must be told to commit and close;
// piscina's stateless-task model has no per-worker open/close.
import { Worker } from 'node:worker_threads';
import type { TakeEvent, TakeOptions } from './take-inputs.ts';
import type { ToWorker } from './pool-worker.ts';

export interface PoolOptions extends TakeOptions {
  /** database the workers open (a SQLite file today) */
  db: string;
  workers: number;
  /** an input taking longer than this (ms) is given up: its worker is stopped and replaced */
  timeoutMs: number;
  /** what the driver hears: the workers' events, plus inputs given up by the pool itself */
  onEvent(e: TakeEvent | { type: 'given-up'; input: string; error: string }): void;
  /** resolved when the user asks to stop: no new chunks are sent, the current ones are finished */
  stop?: Promise<void>;
}

/** Times an input may be in flight in a worker that died before the pool gives up on it. */
const MAX_TRIES = 2;

// The pipeline allocates many short-lived objects per article; a young generation larger than V8's default
// (a 32 MB semi-space) spends less of each worker's time in scavenges.
const YOUNG_GENERATION_MB = 96;

interface Slot { worker: Worker; unstored: string[]; current?: string; timer?: NodeJS.Timeout; closing: boolean; timedOut: boolean; crash?: string }

export function runPool(inputs: string[], opts: PoolOptions): Promise<void> {
  const queue = [...inputs];
  // times each input was in a worker that died
  const tries = new Map<string, number>();
  const n = Math.max(1, Math.min(opts.workers, inputs.length));
  // chunks small enough to keep every worker busy to the end, large enough to batch the writes
  const chunk = Math.max(1, Math.min(opts.batch, Math.ceil(inputs.length / (n * 4))));
  let stopping = false;
  const bootUrl = new URL('./worker-boot.mjs', import.meta.url);
  const entry = new URL('./pool-worker.ts', import.meta.url).href;
  const { onEvent, stop: _stop, db, workers: _w, timeoutMs, ...take } = opts;

  return new Promise((resolve, reject) => {
    let live = 0;
    opts.stop?.then(() => { stopping = true; });

    const spawn = () => {
      live++;
      const slot: Slot = { worker: new Worker(bootUrl, { workerData: { entry, db, take }, resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } }), unstored: [], closing: false, timedOut: false };
      const send = (m: ToWorker) => slot.worker.postMessage(m);
      slot.worker.on('message', (e: TakeEvent | { type: 'idle' }) => {
        switch (e.type) {
          case 'idle': {
            const next = stopping ? [] : queue.splice(0, chunk);
            if (next.length === 0) { slot.closing = true; send({ type: 'close' }); return; }
            slot.unstored.push(...next); // with what the worker still holds unstored from earlier chunks
            send({ type: 'inputs', inputs: next });
            return;
          }
          case 'start':
            slot.current = e.input;
            clearTimeout(slot.timer);
            slot.timer = setTimeout(() => { slot.timedOut = true; void slot.worker.terminate(); }, timeoutMs);
            break;
          case 'analysed':
            slot.current = undefined;
            clearTimeout(slot.timer);
            break;
          case 'stored':
            slot.unstored = slot.unstored.filter((i) => !e.inputs.includes(i));
            break;
        }
        onEvent(e);
      });
      slot.worker.on('error', (err) => { slot.crash = err.message; });
      slot.worker.on('exit', (code) => {
        clearTimeout(slot.timer);
        live--;
        if (!(slot.closing && code === 0)) {
          // The input being analysed is the likely culprit; the rest of the chunk goes back to the queue.
          const why = slot.timedOut ? `analysis took longer than ${timeoutMs / 1000} s; given up` : `analysis crashed${slot.crash ? ` (${slot.crash})` : ''}`;
          const retry: string[] = [];
          for (const input of slot.unstored) {
            const t = (tries.get(input) ?? 0) + 1;
            tries.set(input, t);
            if (input === slot.current || t >= MAX_TRIES) onEvent({ type: 'given-up', input, error: `${input}: ${why}` });
            else retry.push(input);
          }
          queue.unshift(...retry);
          if (queue.length > 0 && !stopping) spawn();
        }
        if (live === 0) resolve();
      });
    };
    try {
      for (let i = 0; i < n; i++) spawn();
    } catch (e) {
      reject(e);
    }
  });
}
