// Writes schema/wirewatch.article-1.schema.json from the zod definition, the one source of the contract.
// `npm run schema` after changing src/schema/article.ts; a test fails while the committed file is stale.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { Article, SCHEMA_ID } from '../src/schema/article.ts';

export const SCHEMA_FILE = fileURLToPath(new URL('../schema/wirewatch.article-1.schema.json', import.meta.url));

export function articleJsonSchema(): string {
  const generated = z.toJSONSchema(Article) as Record<string, unknown>;
  const { $schema, ...rest } = generated;
  const doc = {
    $schema,
    $id: 'urn:wirewatch:schema:article:1',
    title: SCHEMA_ID,
    description: 'One analysed news article: cleaned text, entities, quotes, time expressions and events, ' +
      'each pointing at its evidence by stand-off character offsets.',
    ...rest,
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(SCHEMA_FILE, articleJsonSchema());
  console.log(`wrote ${SCHEMA_FILE}`);
}
