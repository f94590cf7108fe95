import { folded, orderDir } from '../store/dialect.ts';
import type { Sql } from '../store/sql.ts';
import { fold } from '../store/fold.ts';
import { likeEscape } from './like.ts';

export interface QuoteQuery {
  /** Whole name or any run of its words ("Peskov", "Dmitry Peskov"), ignoring case and accents. */
  speaker?: string;
}

export interface QuoteRow {
  article_id: string;
  uri: string | null;
  published: string | null;
  quote_id: string;
  kind: string;
  speaker: string | null;
  text: string;
  date: string | null;
}

/** `db` must come from openStore (SQLite: it registers the fold() SQL function). */
export async function queryQuotes(db: Sql, q: QuoteQuery = {}): Promise<QuoteRow[]> {
  const speaker = q.speaker?.trim().replace(/\s+/g, ' ');
  // Padding both sides with spaces turns a substring test into a whole-word test: "Pesk" must not match.
  const where = speaker ? `WHERE ' ' || ${folded(db, 'q.speaker_name')} || ' ' LIKE '% ' || ? || ' %' ESCAPE '\\'` : '';
  return db.all<QuoteRow>(`
    SELECT q.article_id, a.uri, a.published, q.quote_id, q.kind, q.speaker_name AS speaker, q.text, q.date
    FROM quotes q JOIN articles a ON a.id = q.article_id
    ${where}
    ORDER BY a.published ${orderDir(db, 'asc')}, a.id, q.start`, speaker ? [likeEscape(fold(speaker))] : []);
}
