import { describe, expect, it } from 'vitest';
import { cd5220Lines, cd5220Reset } from './cd5220';
import { decodeDisplayBytes, encodeDisplayText } from './display-code-page';

const hex = (bytes: ArrayLike<number>) =>
  Array.from(bytes, (b) => b.toString(16).toUpperCase().padStart(2, '0')).join(' ');

describe('CD5220 bytes', () => {
  it('writes both lines padded to 20 characters', () => {
    expect(hex(cd5220Lines({ upper: 'Pain 1,20 E', lower: 'Total 3' }, 'pc858'))).toBe(
      [
        '1B 51 41',
        '50 61 69 6E 20 31 2C 32 30 20 45 20 20 20 20 20 20 20 20 20',
        '0D',
        '1B 51 42',
        '54 6F 74 61 6C 20 33 20 20 20 20 20 20 20 20 20 20 20 20 20',
        '0D',
      ].join(' '),
    );
  });

  it('clears first on (re)connection', () => {
    expect(Array.from(cd5220Reset({ upper: '', lower: '' }, 'ascii').slice(0, 4))).toEqual([
      0x0c, 0x1b, 0x51, 0x41,
    ]);
  });

  it('encodes French text and the euro sign in PC858', () => {
    expect(hex(encodeDisplayText('Reçu é è à ù ê É È À Ç 12,34 €', 'pc858'))).toBe(
      '52 65 87 75 20 82 20 8A 20 85 20 97 20 88 20 90 20 D4 20 B7 20 80 20 31 32 2C 33 34 20 D5',
    );
  });

  it('falls back to the letter without its accent where the page lacks it', () => {
    // PC437 has no È, À nor €; "œ" exists nowhere and is spelt out.
    expect(hex(encodeDisplayText('È À € œuf', 'pc437'))).toBe('45 20 41 20 45 20 6F 65 75 66');
    expect(hex(encodeDisplayText('Crème brûlée', 'ascii'))).toBe(hex(Buffer.from('Creme brulee')));
    expect(hex(encodeDisplayText('→', 'pc858'))).toBe('3F');
  });

  it('cuts a line that grew past 20 bytes by spelling out letters', () => {
    const bytes = cd5220Lines({ upper: 'œ'.repeat(20), lower: '' }, 'pc858');
    expect(decodeDisplayBytes(bytes.slice(3, 23), 'pc858')).toBe('oe'.repeat(10));
    expect(bytes[23]).toBe(0x0d);
  });

  it('decodes what it encodes for every French letter on PC858', () => {
    const french = 'àâäçéèêëîïôöùûüÿÀÂÄÇÉÈÊËÎÏÔÖÙÛÜ€';
    expect(decodeDisplayBytes(encodeDisplayText(french, 'pc858'), 'pc858')).toBe(french);
  });
});
