// The pipeline's linguistic data is English; this says whether a text is English enough to trust it,
// by the share of common English function words, and leaves `language` unset otherwise.
import type { Document } from '../document.ts';

const ENGLISH = new Set(['the', 'of', 'and', 'to', 'a', 'in', 'is', 'that', 'for', 'on', 'with', 'was', 'as', 'by', 'it', 'he', 'said', 'are', 'at', 'from', 'has', 'have', 'be', 'his', 'not', 'this', 'an', 'but', 'will', 'would']);

export function detectLanguage(doc: Document): void {
  if (doc.meta.language) return;
  const words = doc.text.toLowerCase().match(/\p{L}+/gu) ?? [];
  if (words.length < 5) return;
  const share = words.filter((w) => ENGLISH.has(w)).length / words.length;
  if (share >= 0.15) doc.meta.language = 'en';
  else doc.note('nlp', `text does not look like English (${Math.round(share * 100)}% common English words); results will be poor`, undefined, undefined, 'warning');
}
