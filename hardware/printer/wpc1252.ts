// Text to WPC1252 (Windows-1252) bytes with our own table rather than
// TextEncoder (UTF-8 only) or the library's iconv page switching, which
// changes code page mid-line. Input comes from toPrintableText(…, 'windows-1252'),
// so every character is in the table; anything else becomes "?" rather than
// reaching the printer as a stray byte.

/** Bytes 0x80-0x9F; the five unassigned ones are absent. */
const HIGH_CONTROLS_AREA: ReadonlyArray<readonly [string, number]> = [
  ['€', 0x80],
  ['‚', 0x82],
  ['ƒ', 0x83],
  ['„', 0x84],
  ['…', 0x85],
  ['†', 0x86],
  ['‡', 0x87],
  ['ˆ', 0x88],
  ['‰', 0x89],
  ['Š', 0x8a],
  ['‹', 0x8b],
  ['Œ', 0x8c],
  ['Ž', 0x8e],
  ['‘', 0x91],
  ['’', 0x92],
  ['“', 0x93],
  ['”', 0x94],
  ['•', 0x95],
  ['–', 0x96],
  ['—', 0x97],
  ['˜', 0x98],
  ['™', 0x99],
  ['š', 0x9a],
  ['›', 0x9b],
  ['œ', 0x9c],
  ['ž', 0x9e],
  ['Ÿ', 0x9f],
];

const TABLE: ReadonlyMap<string, number> = new Map(HIGH_CONTROLS_AREA);
const QUESTION_MARK = 0x3f;

function byteFor(ch: string): number {
  const code = ch.codePointAt(0) ?? QUESTION_MARK;
  // ASCII and Latin-1's upper half (0xA0-0xFF) are the same numbers in Windows-1252.
  if ((code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff)) return code;
  return TABLE.get(ch) ?? QUESTION_MARK;
}

export function encodeWpc1252(text: string): Uint8Array {
  return Uint8Array.from([...text.normalize('NFC')].map(byteFor));
}
