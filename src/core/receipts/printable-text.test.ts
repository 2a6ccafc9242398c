import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  isPrintable,
  PRINTER_CHARSETS,
  type PrinterCharset,
  printableCharacters,
  toPrintableText,
} from './printable-text';

// The code pages written out from their published tables (byte → code point),
// independently of the implementation's character lists.

/** Windows-1252 bytes 0x80–0x9F; the five missing bytes are unassigned. */
const WINDOWS_1252_HIGH_CONTROL_RANGE: Readonly<Record<number, number>> = {
  128: 0x20ac,
  130: 0x201a,
  131: 0x0192,
  132: 0x201e,
  133: 0x2026,
  134: 0x2020,
  135: 0x2021,
  136: 0x02c6,
  137: 0x2030,
  138: 0x0160,
  139: 0x2039,
  140: 0x0152,
  142: 0x017d,
  145: 0x2018,
  146: 0x2019,
  147: 0x201c,
  148: 0x201d,
  149: 0x2022,
  150: 0x2013,
  151: 0x2014,
  152: 0x02dc,
  153: 0x2122,
  154: 0x0161,
  155: 0x203a,
  156: 0x0153,
  158: 0x017e,
  159: 0x0178,
};

/** The eight bytes where ISO-8859-15 differs from ISO-8859-1. */
const ISO_8859_15_CHANGES: Readonly<Record<number, number>> = {
  164: 0x20ac,
  166: 0x0160,
  168: 0x0161,
  180: 0x017d,
  184: 0x017e,
  188: 0x0152,
  189: 0x0153,
  190: 0x0178,
};

const SOFT_HYPHEN = 0xad;

function expectedCharacters(charset: PrinterCharset): string {
  const codePoints: number[] = [];
  for (let byte = 0x20; byte <= 0xff; byte++) {
    if (byte === 0x7f || byte === SOFT_HYPHEN) continue;
    if (byte >= 0x80 && byte <= 0x9f) {
      const mapped = charset === 'windows-1252' ? WINDOWS_1252_HIGH_CONTROL_RANGE[byte] : undefined;
      if (mapped !== undefined) codePoints.push(mapped);
      continue;
    }
    codePoints.push(charset === 'iso-8859-15' ? (ISO_8859_15_CHANGES[byte] ?? byte) : byte);
  }
  return String.fromCodePoint(...codePoints.sort((a, b) => a - b));
}

describe('printable characters', () => {
  it.each(PRINTER_CHARSETS)('%s: exactly the characters of its published table', (charset) => {
    expect(printableCharacters(charset)).toBe(expectedCharacters(charset));
  });

  it('has 217 characters in Windows-1252 and 190 in ISO-8859-15', () => {
    expect([...printableCharacters('windows-1252')]).toHaveLength(95 + 27 + 95);
    expect([...printableCharacters('iso-8859-15')]).toHaveLength(95 + 95);
  });

  // [character, Windows-1252, ISO-8859-15]
  it.each([
    ['é', true, true],
    ['è', true, true],
    ['ç', true, true],
    ['à', true, true],
    ['ù', true, true],
    ['ê', true, true],
    ['ô', true, true],
    ['œ', true, true],
    ['Œ', true, true],
    ['€', true, true],
    ['Ÿ', true, true],
    ['«', true, true],
    ['\u00A0', true, true],
    ['’', true, false],
    ['…', true, false],
    ['–', true, false],
    ['¤', true, false],
    ['½', true, false],
    ['\u202F', false, false],
    ['\u00AD', false, false],
    ['ă', false, false],
    ['\n', false, false],
    ['\u001B', false, false],
    ['\u0085', false, false],
  ])('%j: Windows-1252 %s, ISO-8859-15 %s', (ch, windows1252, iso885915) => {
    expect(isPrintable(ch, 'windows-1252')).toBe(windows1252);
    expect(isPrintable(ch, 'iso-8859-15')).toBe(iso885915);
  });
});

describe('toPrintableText', () => {
  // [input, Windows-1252, ISO-8859-15]
  it.each([
    ['1\u202F234,50\u00A0€', '1\u00A0234,50\u00A0€', '1\u00A0234,50\u00A0€'],
    ['Œufs bio à 3,20 €', 'Œufs bio à 3,20 €', 'Œufs bio à 3,20 €'],
    ['L’été…', 'L’été…', "L'été..."],
    ['Prix – promo — fin', 'Prix – promo — fin', 'Prix - promo - fin'],
    ['“Bio”', '“Bio”', '"Bio"'],
    ['½ baguette', '½ baguette', '1/2 baguette'],
    ['• Offre™', '• Offre™', '· OffreTM'],
    ['Cre\u0300me bru\u0302le\u0301e', 'Crème brûlée', 'Crème brûlée'],
    ['Brașov', 'Brasov', 'Brasov'],
    ['Łódź', 'Lódz', 'Lódz'],
    ['ca\u00ADfé', 'café', 'café'],
    ['a\u001B@b', 'a@b', 'a@b'],
    ['ligne 1\nligne 2\tfin', 'ligne 1 ligne 2 fin', 'ligne 1 ligne 2 fin'],
    ['🍕 pizza', '? pizza', '? pizza'],
  ])('%j → %j (Windows-1252), %j (ISO-8859-15)', (input, windows1252, iso885915) => {
    expect(toPrintableText(input, 'windows-1252')).toBe(windows1252);
    expect(toPrintableText(input, 'iso-8859-15')).toBe(iso885915);
  });

  it('only ever returns characters the code page prints, and is stable once applied', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 40 }),
        fc.constantFrom(...PRINTER_CHARSETS),
        (input, charset) => {
          const out = toPrintableText(input, charset);
          expect([...out].filter((ch) => !isPrintable(ch, charset))).toEqual([]);
          expect(toPrintableText(out, charset)).toBe(out);
        },
      ),
    );
  });

  it('leaves text made of printable characters alone', () => {
    fc.assert(
      fc.property(fc.constantFrom(...PRINTER_CHARSETS), fc.nat(), (charset, seed) => {
        const chars = [...printableCharacters(charset)];
        const text = Array.from({ length: 30 }, (_, i) => chars[(seed + i * 7919) % chars.length]).join('');
        expect(toPrintableText(text, charset)).toBe(text);
      }),
    );
  });
});
