import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatMoney, moneyToDecimalString } from './format-money';
import { money } from './money';
import { parseMoney } from './parse-money';

// fr-FR output from ICU: U+202F (narrow no-break space) between digit groups,
// U+00A0 (no-break space) before the € sign, U+002D hyphen-minus for negatives.
const NNBSP = '\u202F';
const NBSP = '\u00A0';

describe('moneyToDecimalString', () => {
  it.each([
    [1234, 'EUR', '12.34'],
    [-1234, 'EUR', '-12.34'],
    [5, 'EUR', '0.05'],
    [-5, 'EUR', '-0.05'],
    [0, 'EUR', '0.00'],
    [1234, 'JPY', '1234'],
    [-7, 'BHD', '-0.007'],
    [Number.MAX_SAFE_INTEGER, 'EUR', '90071992547409.91'],
  ])('%i %s -> %s', (minor, currency, text) => {
    expect(moneyToDecimalString(money(minor, currency))).toBe(text);
  });
});

describe('formatMoney', () => {
  it.each([
    [1234, 'EUR', 'fr-FR', `12,34${NBSP}€`],
    [-1234, 'EUR', 'fr-FR', `-12,34${NBSP}€`],
    [123450, 'EUR', 'fr-FR', `1${NNBSP}234,50${NBSP}€`],
    [-5, 'EUR', 'fr-FR', `-0,05${NBSP}€`],
    [0, 'EUR', 'fr-FR', `0,00${NBSP}€`],
    [Number.MAX_SAFE_INTEGER, 'EUR', 'fr-FR', `90${NNBSP}071${NNBSP}992${NNBSP}547${NNBSP}409,91${NBSP}€`],
    [1234, 'EUR', 'en-GB', '€12.34'],
    [-1234, 'EUR', 'en-GB', '-€12.34'],
    [123450, 'EUR', 'en-GB', '€1,234.50'],
    [1234, 'JPY', 'fr-FR', `1${NNBSP}234${NBSP}JPY`],
    [1234, 'GBP', 'en-GB', '£12.34'],
  ])('%i %s in %s -> %j', (minor, currency, locale, text) => {
    expect(formatMoney(money(minor, currency), locale)).toBe(text);
  });

  it('prints every cent of any safe amount (fr-FR output parses back)', () => {
    fc.assert(
      fc.property(fc.integer({ min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }), (minor) => {
        const printed = formatMoney(money(minor), 'fr-FR');
        const withoutSymbol = printed.replace(`${NBSP}€`, '');
        expect(parseMoney(withoutSymbol, 'EUR')).toEqual({ ok: true, value: money(minor) });
      }),
    );
  });
});
