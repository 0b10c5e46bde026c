import { readFileSync } from 'node:fs';
import { InputError, messageOf } from '../core/errors.ts';

const decoder = new TextDecoder('utf-8', { fatal: true });

/**
 * The text of a data file, which must be UTF-8 (a byte order mark at the
 * start is dropped). Any other encoding is an InputError that says how to
 * convert it: read loosely, a Latin-1 `München` would come out as an
 * unknown team name and UTF-16 as text full of NUL characters.
 */
export function readUtf8File(file: string): string {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    throw new InputError(`cannot read the file: ${messageOf(error)}`, file);
  }
  const utf16 = looksLikeUtf16(bytes);
  let text: string | null = null;
  if (!utf16) {
    try {
      text = decoder.decode(bytes);
    } catch {
      text = null;
    }
  }
  if (text === null || text.includes('\0')) {
    const from = utf16 ? 'UTF-16' : 'LATIN1';
    throw new InputError(
      `is not UTF-8 text${utf16 ? ' (it looks like UTF-16)' : ''}; convert it with 'iconv -f ${from} -t UTF-8' (or save it as UTF-8) and import the converted file`,
      file);
  }
  return text;
}

/** A UTF-16 byte order mark, or NUL bytes between ASCII characters. */
function looksLikeUtf16(bytes: Buffer): boolean {
  if (bytes.length >= 2) {
    const [a, b] = [bytes[0], bytes[1]];
    if ((a === 0xff && b === 0xfe) || (a === 0xfe && b === 0xff)) return true;
  }
  return bytes.subarray(0, 64).includes(0);
}
