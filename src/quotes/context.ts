// What attribution keeps per document: the speaker found for a quote and the lookups built once per article.
import type { Document, EntityRecord, MentionRecord } from '../document.ts';
import type { TextSpan } from '../schema/article.ts';
import { MentionIndex, type Phrase } from './source-phrase.ts';

export interface Speaker { phrase?: Phrase; mention?: MentionRecord; entity?: EntityRecord; name: string }

export interface Found { speaker: Speaker | null; cue?: TextSpan; cueToken?: number }

/** Per-document lookups, built once so that attribution stays linear in the article's length. */
export interface Ctx { doc: Document; titleCase?: boolean[]; reporter?: { sentence: number; cue: number; speaker: Speaker }; quoter?: Map<number, { cue: number; speaker: Speaker }>; mentions: MentionIndex; bySentence: MentionRecord[][]; entity: (id: string | undefined) => EntityRecord | undefined }

export function context(doc: Document): Ctx {
  const bySentence: MentionRecord[][] = doc.sentences.map(() => []);
  for (const m of doc.mentions) bySentence[doc.tokens[m.token].sentence]?.push(m);
  // doc.entity() searches the list; an article-sized list needs a map
  const byId = new Map(doc.entities.map((e) => [e.id, e]));
  const entity = (id: string | undefined) => (id === undefined ? undefined : byId.get(id));
  return { doc, mentions: new MentionIndex(doc, entity), bySentence, entity };
}
