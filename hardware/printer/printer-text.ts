import type { PrinterCharset } from '../../src/core/receipts';

// Text to the printer's single-byte code page, with our own tables rather
// than the library's per-character iconv lookup: for a character missing from
// the active page (œ in PC858) it silently switches code page mid-line. Input
// comes from toPrintableText(…, charset), so every character is in the table;
// anything else becomes "?" rather than reaching the printer as a stray byte.

/** Windows-1252 bytes 0x80-0x9F; the five unassigned ones are absent. */
const WPC1252_80_9F = '€\0‚ƒ„…†‡ˆ‰Š‹Œ\0Ž\0\0‘’“”•–—˜™š›œ\0žŸ';

/** The eight places where ISO-8859-15 differs from Latin-1. */
const ISO_8859_15_CHANGES: ReadonlyArray<readonly [string, number]> = [
  ['€', 0xa4],
  ['Š', 0xa6],
  ['š', 0xa8],
  ['Ž', 0xb4],
  ['ž', 0xb8],
  ['Œ', 0xbc],
  ['œ', 0xbd],
  ['Ÿ', 0xbe],
];

const QUESTION_MARK = 0x3f;

function tableFor(charset: PrinterCharset): ReadonlyMap<string, number> {
  const table = new Map<string, number>();
  // ASCII and Latin-1's upper half are the same numbers in both charsets, but for the changes below.
  for (let code = 0x20; code <= 0x7e; code += 1) table.set(String.fromCharCode(code), code);
  for (let code = 0xa0; code <= 0xff; code += 1) table.set(String.fromCharCode(code), code);
  if (charset === 'windows-1252') {
    [...WPC1252_80_9F].forEach((ch, i) => {
      if (ch !== '\0') table.set(ch, 0x80 + i);
    });
  } else {
    for (const [, byte] of ISO_8859_15_CHANGES) table.delete(String.fromCharCode(byte));
    for (const [ch, byte] of ISO_8859_15_CHANGES) table.set(ch, byte);
  }
  return table;
}

const TABLES: Readonly<Record<PrinterCharset, ReadonlyMap<string, number>>> = {
  'windows-1252': tableFor('windows-1252'),
  'iso-8859-15': tableFor('iso-8859-15'),
};

export function encodePrinterText(text: string, charset: PrinterCharset): Buffer {
  const table = TABLES[charset];
  return Buffer.from([...text.normalize('NFC')].map((ch) => table.get(ch) ?? QUESTION_MARK));
}
