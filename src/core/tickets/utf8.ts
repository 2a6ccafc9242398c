import { utf8ToBytes } from '@noble/hashes/utils.js';

// UTF-8 both ways for the core, which has no TextEncoder/TextDecoder (no DOM,
// no Node). Decoding is strict where it matters to a signature: the caller
// re-encodes the text and compares the bytes, so an overlong or otherwise
// odd spelling never passes for the canonical one.

export const utf8Bytes = (text: string): Uint8Array<ArrayBuffer> => new Uint8Array(utf8ToBytes(text));

/** The text, or undefined when the bytes are not UTF-8 that encodes back to themselves. */
export function utf8Text(bytes: Uint8Array): string | undefined {
  let out = '';
  for (let i = 0; i < bytes.length; ) {
    const first = bytes[i] ?? 0;
    const size =
      first < 0x80 ? 1 : first >= 0xf0 && first < 0xf5 ? 4 : first >= 0xe0 ? 3 : first >= 0xc2 ? 2 : 0;
    if (size === 0 || i + size > bytes.length) return undefined;
    let point = size === 1 ? first : first & (0xff >> (size + 1));
    for (let k = 1; k < size; k++) {
      const next = bytes[i + k] ?? 0;
      if ((next & 0xc0) !== 0x80) return undefined;
      point = (point << 6) | (next & 0x3f);
    }
    if (point > 0x10ffff || (point >= 0xd800 && point <= 0xdfff)) return undefined;
    out += String.fromCodePoint(point);
    i += size;
  }
  const again = utf8Bytes(out);
  return again.length === bytes.length && again.every((b, i) => b === bytes[i]) ? out : undefined;
}
