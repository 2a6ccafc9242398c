import { describe, expect, it } from 'vitest';
import { money } from '../money';
import {
  formatSiret,
  formatTableAmount,
  formatWallClock,
  formatWeight,
  maskCardNumber,
  singleLine,
} from './receipt-format';

const NBSP = '\u00A0';
const NNBSP = '\u202F';

describe('formatWallClock', () => {
  it.each([
    ['2025-10-09T10:14:30+02:00', 'fr-FR', '09/10/2025', '10:14'],
    ['2025-10-09T10:14:30+02:00', 'en-GB', '09/10/2025', '10:14'],
    // The till's own clock, whatever the offset: no conversion to the renderer's zone.
    ['2025-12-31T23:59:59.999-10:00', 'fr-FR', '31/12/2025', '23:59'],
    ['2026-03-29T00:05:00Z', 'fr-FR', '29/03/2026', '00:05'],
  ] as const)('%s in %s → %s %s', (timestamp, locale, date, time) => {
    expect(formatWallClock(timestamp, locale)).toEqual({ date, time });
  });

  it('refuses what is not a timestamp', () => {
    expect(() => formatWallClock('09/10/2025', 'fr-FR')).toThrow(RangeError);
  });
});

describe('amounts and quantities', () => {
  it.each([
    [123450, 'EUR', 'fr-FR', `1${NNBSP}234,50`],
    [-5, 'EUR', 'fr-FR', '-0,05'],
    [123450, 'EUR', 'en-GB', '1,234.50'],
    [1234, 'JPY', 'fr-FR', `1${NNBSP}234`],
  ] as const)('table amount %i %s in %s → %j', (minor, currency, locale, expected) => {
    expect(formatTableAmount(money(minor, currency), locale)).toBe(expected);
  });

  it.each([
    [456, 'fr-FR', `0,456${NBSP}kg`],
    [1500, 'en-GB', `1.500${NBSP}kg`],
  ] as const)('weight %i g in %s → %j', (grams, locale, expected) => {
    expect(formatWeight(grams, locale)).toBe(expected);
  });
});

describe('identity and card references', () => {
  it('groups a SIRET as SIREN in threes and the NIC', () => {
    expect(formatSiret('12345678900012')).toBe('123 456 789 00012');
  });

  it.each([
    ['************4242', '************4242'],
    ['4970 1012 3456 7890', '************7890'],
    ['4970101234567890', '************7890'],
    ['1234', '1234'],
  ])('masks %j as %j', (pan, expected) => {
    expect(maskCardNumber(pan)).toBe(expected);
  });
});

describe('singleLine', () => {
  it.each([
    ['Pack\nde 6', 'Pack de 6'],
    ['  Acheté\r\n\ten double  ', 'Acheté en double'],
    ['Esc\u001B@ape', 'Esc @ape'],
  ])('%j → %j', (input, expected) => {
    expect(singleLine(input)).toBe(expected);
  });

  it('bounds the length', () => {
    expect(singleLine('x'.repeat(300))).toHaveLength(200);
  });
});
