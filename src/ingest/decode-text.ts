import { InputError } from '../errors.ts';

// Above this share of control bytes the input is not prose even if it happens to be valid UTF-8.
const MAX_CONTROL_RATIO = 0.05;

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** Turn the bytes of one input into text, or say in one line why they are not a usable article. */
export function decodeText(bytes: Uint8Array, input: string): string {
  if (bytes.length === 0) throw new InputError(input, 'empty input (0 bytes)');
  if (hasUtf16Bom(bytes)) throw new InputError(input, 'UTF-16 text is not supported (convert it to UTF-8)');
  if (bytes.includes(0)) throw new InputError(input, 'binary content (NUL bytes), not text');
  const control = countControlBytes(bytes);
  if (control / bytes.length > MAX_CONTROL_RATIO) {
    throw new InputError(input, `binary content (${control} control bytes in ${bytes.length}), not text`);
  }
  let text: string;
  try {
    // ignoreBOM: false makes the decoder drop a leading UTF-8 BOM for us.
    text = utf8.decode(bytes);
  } catch {
    throw new InputError(input, `not UTF-8 text (invalid byte sequence at byte ${firstInvalidUtf8(bytes)})`);
  }
  if (text.trim() === '') throw new InputError(input, 'empty input (only whitespace)');
  return text;
}

function hasUtf16Bom(b: Uint8Array): boolean {
  return b.length >= 2 && ((b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff));
}

function countControlBytes(bytes: Uint8Array): number {
  let n = 0;
  for (const b of bytes) {
    // Tab, LF, FF and CR occur in ordinary text; ESC and friends do not.
    if ((b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d) || b === 0x7f) n++;
  }
  return n;
}

/** Offset of the first byte that breaks UTF-8, so the user can find it with a hex viewer. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    const len = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (len === 0 || i + len > bytes.length) return i;
    try {
      utf8.decode(bytes.subarray(i, i + len));
    } catch {
      return i;
    }
    i += len;
  }
  return i;
}
