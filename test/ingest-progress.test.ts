// ingestFiles' onStored hook: what a caller (a progress display, bench:throughput's warm rate) hears after
// each committed batch, in this thread and from the worker pool.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ingestFiles, type IngestCounts } from '../src/cli/ingest-files.ts';
import { openStore } from '../src/store/index.ts';
import { REPO, tmpDir } from './fixtures.ts';

const EXAMPLE = readFileSync(join(REPO, 'examples', 'kremlin-open-to-contact.txt'), 'utf8');

describe('ingestFiles onStored', () => {
  for (const workers of [0, 2]) {
    test(`is called after each batch with the counts so far (${workers ? `${workers} workers` : 'this thread'})`, async () => {
      const dir = tmpDir();
      const corpus = join(dir, 'corpus');
      mkdirSync(corpus);
      for (let i = 0; i < 5; i++) writeFileSync(join(corpus, `a${i}.txt`), `${EXAMPLE}\n\nThe Kremlin said it had received ${i + 2} letters.\n`);
      writeFileSync(join(corpus, 'broken.txt'), Buffer.from([0, 1, 2, 3, 0, 0, 255, 254, 0]));
      const store = await openStore(join(dir, 'w.db'));
      const heard: IngestCounts[] = [];
      try {
        const c = await ingestFiles(store, [corpus], {}, undefined, { workers, batch: 2, onStored: (n) => heard.push({ ...n }) });
        assert.deepEqual([c.inserted, c.failed], [5, 1]);
        // batches of two articles: in this thread three commits; pool workers may join batches while the other
        // holds the write lock, but each worker commits at least once
        assert.ok(heard.length >= (workers ? 2 : 3), `${heard.length} calls`);
        for (let i = 1; i < heard.length; i++) assert.ok(heard[i].inserted >= heard[i - 1].inserted, `call ${i} went back`);
        assert.equal(heard.at(-1)!.inserted, 5);
      } finally {
        await store.close();
      }
    });
  }
});
