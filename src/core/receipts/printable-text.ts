import { z } from 'zod';

// Receipt printers print single-byte code pages. We support the two that hold
// every French letter and the euro sign: Windows-1252 ("WPC1252" in ESC/POS
// manuals) and ISO-8859-15 (Latin-9). Text from Intl and from the catalogue
// carries characters neither has (U+202F in "1 234,50 €", ’ in names, …), and
// control characters that a printer would obey as commands, so every string
// goes through `toPrintableText` before it reaches paper or a pole display.

export const PRINTER_CHARSETS = ['windows-1252', 'iso-8859-15'] as const;
export const printerCharsetSchema = z.enum(PRINTER_CHARSETS);
export type PrinterCharset = z.infer<typeof printerCharsetSchema>;

const fromCodes = (first: number, last: number): string[] =>
  Array.from({ length: last - first + 1 }, (_, i) => String.fromCodePoint(first + i));

const ASCII = fromCodes(0x20, 0x7e);
// Latin-1 upper half without the soft hyphen: printers disagree on whether it prints, so we never send it.
const LATIN1_UPPER = fromCodes(0xa0, 0xff).filter((ch) => ch !== '\u00AD');

/** Windows-1252 bytes 0x80–0x9F (0x81, 0x8D, 0x8F, 0x90, 0x9D are unassigned). */
const WINDOWS_1252_EXTRAS = [...'€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ'];

/** ISO-8859-15 replaced eight Latin-1 characters with these; the originals are gone. */
const ISO_8859_15_REPLACED = [...'¤¦¨´¸¼½¾'];
const ISO_8859_15_ADDED = [...'€ŠšŽžŒœŸ'];

const byCodePoint = (a: string, b: string): number => (a.codePointAt(0) ?? 0) - (b.codePointAt(0) ?? 0);

const PRINTABLE: Readonly<Record<PrinterCharset, ReadonlySet<string>>> = {
  'windows-1252': new Set([...ASCII, ...WINDOWS_1252_EXTRAS, ...LATIN1_UPPER]),
  'iso-8859-15': new Set([
    ...ASCII,
    ...LATIN1_UPPER.filter((ch) => !ISO_8859_15_REPLACED.includes(ch)),
    ...ISO_8859_15_ADDED,
  ]),
};

/** Every character `charset` prints, in code point order (controls and soft hyphen excluded). */
export function printableCharacters(charset: PrinterCharset): string {
  return [...PRINTABLE[charset]].sort(byCodePoint).join('');
}

/** True when `ch` (one code point) prints as itself in `charset`. */
export function isPrintable(ch: string, charset: PrinterCharset): boolean {
  return PRINTABLE[charset].has(ch);
}

const NO_BREAK_SPACE = '\u00A0';

// Stand-ins, tried in order until one prints in full. No-break spaces of any
// width become U+00A0, which both code pages have, so "1 234,50 €" stays in
// one piece when a line is laid out.
const STAND_INS: Readonly<Record<string, readonly string[]>> = {
  '\u202F': [NO_BREAK_SPACE],
  '\u2007': [NO_BREAK_SPACE],
  '\u2060': [''],
  '‘': ["'"],
  '’': ["'"],
  '‚': [','],
  '‛': ["'"],
  '′': ["'"],
  '“': ['"'],
  '”': ['"'],
  '„': ['"'],
  '‟': ['"'],
  '″': ['"'],
  '‹': ['<'],
  '›': ['>'],
  '…': ['...'],
  '‐': ['-'],
  '‑': ['-'],
  '‒': ['-'],
  '–': ['-'],
  '—': ['-'],
  '―': ['-'],
  '−': ['-'],
  '•': ['·', '*'],
  '†': ['+'],
  '‡': ['+'],
  ˆ: ['^'],
  '˜': ['~'],
  '‰': ['o/oo'],
  '™': ['TM'],
  ƒ: ['f'],
  '¤': ['€', '?'],
  '¦': ['|'],
  '¨': ['"'],
  '´': ["'"],
  '¸': [','],
  '¼': ['1/4'],
  '½': ['1/2'],
  '¾': ['3/4'],
  Ł: ['L'],
  ł: ['l'],
  Đ: ['D'],
  đ: ['d'],
  ı: ['i'],
  ẞ: ['SS'],
};

const UNPRINTABLE = '?';

function printsFully(text: string, charset: PrinterCharset): boolean {
  return [...text].every((ch) => isPrintable(ch, charset));
}

function standInFor(ch: string, charset: PrinterCharset): string {
  for (const candidate of STAND_INS[ch] ?? []) {
    if (printsFully(candidate, charset)) return candidate;
  }
  // Line breaks and tabs become spaces; any other control would be a printer command: drop it.
  if (/[\t\n\r\v\f\u0085\u2028\u2029]/u.test(ch)) return ' ';
  if (/[\p{Cc}\p{Cf}]/u.test(ch)) return '';
  if (/\p{Zs}/u.test(ch)) return ' ';
  // A letter the code page lacks (ă, ș, ő): its base letter is better than a question mark.
  const base = ch.normalize('NFD').replace(/\p{M}/gu, '');
  if (base !== '' && base !== ch && printsFully(base, charset)) return base;
  return UNPRINTABLE;
}

/**
 * `text` made safe for a receipt line before any code page is known (a card
 * terminal's slip line): the same rules as `toPrintableText` for controls,
 * tabs and line breaks become spaces, any other control or format character
 * is dropped; cut to `maxCells` code points.
 */
export function withoutControls(text: string, maxCells = 256): string {
  const cleaned = text
    .normalize('NFC')
    .replace(/[\t\n\r\v\f\u0085\u2028\u2029]/gu, ' ')
    .replace(/[\p{Cc}\p{Cf}]/gu, '');
  return [...cleaned].slice(0, maxCells).join('');
}

/**
 * `text` in characters `charset` prints: kept where the code page has them
 * (é è ç à ù ê ô œ Œ €), a safe equivalent otherwise (’ → ', … → ..., – → -,
 * U+202F → U+00A0), "?" as a last resort. Controls are removed, never sent.
 */
export function toPrintableText(text: string, charset: PrinterCharset): string {
  let out = '';
  for (const ch of text.normalize('NFC')) {
    out += isPrintable(ch, charset) ? ch : standInFor(ch, charset);
  }
  return out;
}
