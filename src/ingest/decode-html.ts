// Bytes of an HTML page to a string, with the charset the page declares: a BOM first, then the HTTP
// header, then <meta charset> in the first 1024 bytes (the HTML standard's prescan), else UTF-8 and, if
// that is not valid, windows-1252 (what browsers fall back to). TextDecoder knows the WHATWG labels.
import { InputError } from '../errors.ts';

export function decodeHtml(bytes: Uint8Array, input: string, headerCharset?: string): { html: string; charset: string } {
  if (bytes.length === 0) throw new InputError(input, 'empty input (0 bytes)');
  let charset = bomCharset(bytes) ?? usable(headerCharset) ?? usable(metaCharset(bytes)) ?? 'utf-8';
  if (charset === 'utf-16le' || charset === 'utf-16be') charset = bomCharset(bytes) ?? 'utf-8'; // a meta tag cannot declare UTF-16 in an ASCII prescan
  let html: string;
  try {
    html = new TextDecoder(charset, { fatal: true }).decode(bytes);
  } catch {
    charset = charset === 'utf-8' ? 'windows-1252' : charset;
    html = new TextDecoder(charset).decode(bytes);
  }
  if (html.includes('\0')) throw new InputError(input, 'binary content (NUL bytes), not HTML');
  if (html.trim() === '') throw new InputError(input, 'empty input (only whitespace)');
  return { html, charset };
}

function bomCharset(b: Uint8Array): string | undefined {
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return 'utf-8';
  if (b[0] === 0xff && b[1] === 0xfe) return 'utf-16le';
  if (b[0] === 0xfe && b[1] === 0xff) return 'utf-16be';
  return undefined;
}

function metaCharset(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  return /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head)?.[1] ?? /^\s*<\?xml[^>]+encoding\s*=\s*["']([\w.:-]+)/i.exec(head)?.[1];
}

/** The label if TextDecoder knows it, so a misspelt charset falls through to the next source. */
function usable(label: string | undefined): string | undefined {
  if (!label) return undefined;
  try {
    return new TextDecoder(label.trim().toLowerCase()).encoding;
  } catch {
    return undefined;
  }
}

export function charsetOf(contentType: string | undefined): string | undefined {
  return contentType ? /charset\s*=\s*["']?([\w.:-]+)/i.exec(contentType)?.[1] : undefined;
}
