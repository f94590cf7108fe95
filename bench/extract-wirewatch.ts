// What the extraction benchmark times for Wirewatch: the clean stage on an HTML page (extraction,
// news cleaning, alignment to source offsets, metadata), not the later linguistic stages.
import { Document } from '../src/document.ts';
import { cleanHtml } from '../src/clean/html/index.ts';

export function analyzeDocumentStage(html: string, url?: string) {
  const doc = new Document(html, { url });
  doc.format = 'html';
  cleanHtml(doc);
  return {
    text: doc.text,
    meta: { title: !!doc.meta.title, byline: !!doc.meta.byline, date: doc.meta.published },
  };
}
