import { existsSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import { InputError } from '../errors.ts';
import { parsePublished } from './published.ts';

export interface ArticleMeta {
  published?: string;
  url?: string;
}

// Strict so a misspelt key ("publised") is reported instead of silently ignored.
const Sidecar = z.strictObject({ published: z.string().optional(), url: z.string().optional() });

/**
 * Metadata kept beside an article: `story.txt` may have `story.txt.meta.json` or `story.meta.json`
 * holding `{ "published": "2025-03-31", "url": "..." }`. Plain text carries no publication date,
 * and without one relative dates ("on Monday") stay unresolved.
 */
export function readSidecar(articlePath: string): ArticleMeta {
  if (articlePath === '-') return {};
  const file = sidecarPath(articlePath);
  if (!file) return {};
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new InputError(file, `not valid JSON (${(e as Error).message})`);
  }
  const parsed = Sidecar.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue.path.length ? `"${issue.path.join('.')}": ` : '';
    throw new InputError(file, `bad metadata: ${where}${issue.message} (allowed keys: published, url)`);
  }
  const { published, url } = parsed.data;
  return {
    ...(published !== undefined && { published: parsePublished(published, `${file}: published`) }),
    ...(url !== undefined && { url }),
  };
}

export function sidecarPath(articlePath: string): string | undefined {
  const stem = articlePath.replace(/\.[^./\\]*$/, '');
  return [`${articlePath}.meta.json`, `${stem}.meta.json`].find((p) => p !== articlePath && existsSync(p));
}
