// Language of a page that does not declare one. tinyld is pure JavaScript with its profiles bundled,
// so nothing is downloaded at run time.
import { detect } from 'tinyld';

export function detectLanguageOf(text: string): string | undefined {
  const sample = text.slice(0, 2000);
  if (sample.replace(/\s+/g, '').length < 40) return undefined;
  const lang = detect(sample);
  return lang || undefined;
}
