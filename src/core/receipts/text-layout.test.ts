import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { alignText, fitColumns, textWidth, truncateAtWord, wrapText } from './text-layout';

const NBSP = '\u00A0';

describe('textWidth', () => {
  it('counts characters as printed, composing accents first', () => {
    expect(textWidth('Comté')).toBe(5);
    expect(textWidth('Comte\u0301')).toBe(5);
    expect(textWidth(`12,34${NBSP}€`)).toBe(7);
  });
});

describe('alignText', () => {
  it.each([
    ['abc', 7, 'left', 'abc    '],
    ['abc', 7, 'right', '    abc'],
    ['abc', 7, 'center', '  abc  '],
    ['abcd', 7, 'center', ' abcd  '],
    ['abcdefgh', 7, 'center', 'abcdefgh'],
  ] as const)('%j in %i, %s → %j', (text, width, align, expected) => {
    expect(alignText(text, width, align)).toBe(expected);
  });
});

describe('truncateAtWord', () => {
  it.each([
    ['Yaourt nature', 20, 'Yaourt nature'],
    ['Yaourt nature bio au lait entier', 20, 'Yaourt nature bio au'],
    ['Yaourt nature bio au lait entier', 19, 'Yaourt nature bio'],
    ['Yaourt nature', 8, 'Yaourt'],
    ['Chocolat noir', 5, 'Choc.'],
    ['Chocolat', 1, 'C'],
    [`2e à -50${NBSP}%`, 9, '2e à'],
    ['  trop   d’espaces  ', 40, 'trop d’espaces'],
  ])('%j at %i → %j', (text, width, expected) => {
    expect(truncateAtWord(text, width)).toBe(expected);
  });
});

describe('wrapText', () => {
  it.each([
    ['Échange ou remboursement sous 30 jours', 32, ['Échange ou remboursement sous 30', 'jours']],
    ['abc def', 3, ['abc', 'def']],
    ['abcdefgh ij', 3, ['abc', 'def', 'gh', 'ij']],
    [`prix 12,34${NBSP}€`, 8, ['prix', `12,34${NBSP}€`]],
    ['', 10, ['']],
  ])('%j at %i → %j', (text, width, expected) => {
    expect(wrapText(text, width)).toEqual(expected);
  });

  it('keeps every word, in order, within the width', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: fc.constantFrom('a', 'é', 'x'), minLength: 1, maxLength: 15 }), {
          maxLength: 12,
        }),
        fc.integer({ min: 1, max: 48 }),
        (words, width) => {
          const lines = wrapText(words.join(' '), width);
          expect(lines.every((line) => textWidth(line) <= width)).toBe(true);
          expect(lines.join('').replaceAll(' ', '')).toBe(words.join(''));
        },
      ),
    );
  });
});

describe('fitColumns', () => {
  it('right-aligns the amount and pads the label', () => {
    expect(fitColumns('Comté 18 mois', `11,35${NBSP}€`, 32)).toEqual([
      `Comté 18 mois            11,35${NBSP}€`,
    ]);
  });

  it('indents detail lines and leaves them alone when there is no amount', () => {
    expect(fitColumns('2 x 12,90 €', '', 32, 2)).toEqual(['  2 x 12,90 €']);
    expect(fitColumns('Promo', '-1,00 €', 20, 2)).toEqual(['  Promo      -1,00 €']);
  });

  it('wraps a detail line that has no amount, keeping its indent', () => {
    expect(fitColumns('Qté 1 - Acheté en double par erreur', '', 20, 2)).toEqual([
      '  Qté 1 - Acheté en',
      '  double par erreur',
    ]);
  });

  it('shortens a long label at a word boundary, never the amount', () => {
    expect(fitColumns('Chemise en lin lavé coupe droite manches longues', '129,00 €', 32)).toEqual([
      'Chemise en lin lavé     129,00 €',
    ]);
  });

  it('moves the amount to its own line when it leaves the label no room', () => {
    expect(fitColumns('Remise sur le ticket', '-1 234 567,89 €', 20)).toEqual([
      'Remise sur le ticket',
      '     -1 234 567,89 €',
    ]);
  });

  it('always fits the width and always shows the whole amount', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 60 }),
        fc.string({ unit: fc.constantFrom('1', ',', '€', NBSP, '-'), minLength: 1, maxLength: 16 }),
        fc.integer({ min: 16, max: 48 }),
        fc.integer({ min: 0, max: 4 }),
        (left, right, width, indent) => {
          const lines = fitColumns(left, right, width, indent);
          expect(lines.every((line) => textWidth(line) <= width)).toBe(true);
          expect(lines.at(-1)?.endsWith(right)).toBe(true);
        },
      ),
    );
  });
});
