import { orderDir } from '../store/dialect.ts';
import type { Sql } from '../store/sql.ts';
import type { Article } from '../schema/article.ts';
import { decodeCursor, toPage, type Page, type PageRequest } from './cursor.ts';

export interface ArticleSummary {
  id: string;
  title: string | null;
  published: string | null;
  url: string | null;
  uri: string | null;
  credit: string | null;
  entities: number;
  quotes: number;
  events: number;
}

/** Articles by publication date (undated first), with how much was found in each. */
export async function articlesPage(db: Sql, f: { from?: string; to?: string }, p: PageRequest): Promise<Page<ArticleSummary>> {
  const where: string[] = [];
  const params: unknown[] = [];
  if (f.from) {
    where.push('a.published >= ?');
    params.push(f.from);
  }
  if (f.to) {
    where.push('a.published <= ?');
    params.push(`${f.to}\uffff`);
  }
  if (p.cursor) {
    const [published, id] = decodeCursor(p.cursor, 2) as [string | null, string];
    if (published === null) {
      where.push('((a.published IS NULL AND a.id > ?) OR a.published IS NOT NULL)');
      params.push(id);
    } else {
      where.push('(a.published > ? OR (a.published = ? AND a.id > ?))');
      params.push(published, published, id);
    }
  }
  const rows = await db.all<ArticleSummary>(`
    SELECT a.id, a.title, a.published, a.url, a.uri, a.credit,
           (SELECT count(*) FROM entities x WHERE x.article_id = a.id) AS entities,
           (SELECT count(*) FROM quotes x WHERE x.article_id = a.id) AS quotes,
           (SELECT count(*) FROM events x WHERE x.article_id = a.id) AS events
    FROM articles a
    ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
    ORDER BY a.published ${orderDir(db, 'asc')}, a.id
    LIMIT ?`, [...params, p.limit + 1]);
  return toPage(rows, p.limit, (r) => r, (r) => [r.published, r.id]);
}

/** The stored analysis, exactly as it was validated on the way in. */
export async function articleById(db: Sql, id: string): Promise<Article | null> {
  const json = await db.value<string>('SELECT json FROM articles WHERE id = ?', [id]);
  return json === undefined ? null : (JSON.parse(json) as Article);
}
