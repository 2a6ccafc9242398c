import { describe, expect, it } from 'vitest';
import { money } from '../../core/money';
import { amountFromText, editAmount, formatNote } from './amount-entry';
import type { NumpadKey } from './numpad-keys';

const typeKeys = (keys: NumpadKey[], maxDigits?: number) =>
  keys.reduce((minor, key) => editAmount(minor, key, maxDigits), 0);

describe('amount typed in cents', () => {
  it('"1", "2", "5" is 1,25 €', () => {
    expect(typeKeys(['1', '2', '5'])).toBe(125);
  });

  it('00 multiplies by 100, backspace drops the last digit, clear goes back to zero', () => {
    expect(typeKeys(['2', '00'])).toBe(200);
    expect(typeKeys(['2', '0', '00'])).toBe(2000);
    expect(typeKeys(['1', '2', '5', 'backspace'])).toBe(12);
    expect(typeKeys(['1', '2', 'clear'])).toBe(0);
    expect(typeKeys(['backspace'])).toBe(0);
  });

  it('leading zeros change nothing', () => {
    expect(typeKeys(['0', '00', '5'])).toBe(5);
  });

  it('stops at the digit limit: the key past it changes nothing', () => {
    expect(typeKeys(['9', '9', '9', '9'], 3)).toBe(999);
    expect(typeKeys(['9', '9', '00'], 3)).toBe(99);
    const max = typeKeys(Array.from({ length: 12 }, () => '9' as const));
    expect(max).toBe(999_999_999);
    expect(Number.isSafeInteger(max)).toBe(true);
  });

  it('reads pasted or filled text as keys: "20,00" and "2000" are 20,00 €', () => {
    expect(amountFromText('20,00')).toBe(2000);
    expect(amountFromText('2000')).toBe(2000);
    expect(amountFromText('1 234,50 €')).toBe(123450);
    expect(amountFromText('€abc')).toBe(0);
    expect(amountFromText('12345', 3)).toBe(123);
  });
});

describe('quick note words', () => {
  it('whole notes without cents, in the language’s order; coins with them', () => {
    expect(formatNote(money(5000, 'EUR'), 'fr-FR')).toBe(`50${'\u00a0'}€`);
    expect(formatNote(money(5000, 'EUR'), 'en-GB')).toBe('€50');
    expect(formatNote(money(50, 'EUR'), 'fr-FR')).toBe(`0,50${'\u00a0'}€`);
    expect(formatNote(money(1000, 'JPY'), 'fr-FR')).toMatch(/^1\s?000\s?JPY$|^1\u202f000\u00a0JPY$/);
  });
});
