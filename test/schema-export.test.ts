import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { z } from 'zod';
import { analyze } from '../src/pipeline.ts';
import { Article } from '../src/schema/article.ts';
import { articleJsonSchema, SCHEMA_FILE } from '../scripts/export-schema.ts';
import { REPO } from './fixtures.ts';

describe('JSON Schema export', () => {
  it('the committed schema file equals a fresh export (run `npm run schema` after changing the zod schema)', () => {
    assert.equal(readFileSync(SCHEMA_FILE, 'utf8'), articleJsonSchema());
  });

  it('names the contract and describes the whole document', () => {
    const schema = JSON.parse(readFileSync(SCHEMA_FILE, 'utf8'));
    assert.equal(schema.title, 'wirewatch.article/1');
    assert.ok(schema.$id);
    assert.equal(schema.properties.schema.const, 'wirewatch.article/1');
    assert.deepEqual(Object.keys(schema.properties), Object.keys(Article.shape));
  });

  it('the analysis of the bundled example validates against the contract', () => {
    const raw = readFileSync(join(REPO, 'examples', 'kremlin-open-to-contact.txt'), 'utf8');
    const result = Article.safeParse(analyze(raw, { published: '2025-03-31', uri: 'examples/kremlin-open-to-contact.txt' }));
    assert.ok(result.success, result.success ? '' : z.prettifyError(result.error));
    assert.equal(result.data.meta.published, '2025-03-31');
  });
});
