import type { Database } from 'better-sqlite3';
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

/** `db` must come from openStore, which registers the fold() SQL function. */
export function queryQuotes(db: Database, q: QuoteQuery = {}): QuoteRow[] {
  const speaker = q.speaker?.trim().replace(/\s+/g, ' ');
  // Padding both sides with spaces turns a substring test into a whole-word test: "Pesk" must not match.
  const where = speaker ? `WHERE ' ' || fold(q.speaker_name) || ' ' LIKE '% ' || ? || ' %' ESCAPE '\\'` : '';
  return db.prepare(`
    SELECT q.article_id, a.uri, a.published, q.quote_id, q.kind, q.speaker_name AS speaker, q.text, q.date
    FROM quotes q JOIN articles a ON a.id = q.article_id
    ${where}
    ORDER BY a.published, a.id, q.start`).all(...(speaker ? [likeEscape(fold(speaker))] : [])) as QuoteRow[];
}
