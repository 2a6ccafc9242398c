import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { moneyToDecimalString } from './format-money';
import { money } from './money';
import { parseMoney } from './parse-money';

describe('parseMoney', () => {
  it.each([
    ['12,34', 'EUR', 1234],
    ['12.34', 'EUR', 1234],
    ['1 234,50', 'EUR', 123450],
    ['1\u00A0234,50', 'EUR', 123450],
    ['1\u202F234\u202F567,8', 'EUR', 123456780],
    ['  7 ', 'EUR', 700],
    ['0,05', 'EUR', 5],
    ['-3,5', 'EUR', -350],
    ['\u22123,50', 'EUR', -350],
    ['+2', 'EUR', 200],
    ['-0', 'EUR', 0],
    ['1234', 'JPY', 1234],
    ['1,234', 'BHD', 1234],
    ['90071992547409,91', 'EUR', Number.MAX_SAFE_INTEGER],
  ])('reads %j in %s as %i minor units', (input, currency, minor) => {
    expect(parseMoney(input, currency)).toEqual({ ok: true, value: money(minor, currency) });
  });

  it.each([
    ['', 'money-malformed'],
    ['abc', 'money-malformed'],
    ['12,', 'money-malformed'],
    [',5', 'money-malformed'],
    ['1.234,50', 'money-malformed'],
    ['1,234.50', 'money-malformed'],
    ['12 34', 'money-malformed'],
    ['1e3', 'money-malformed'],
    ['12,34 €', 'money-malformed'],
    ['--1', 'money-malformed'],
    ['1,234', 'money-too-many-decimals'],
    ['90071992547409,92', 'money-out-of-range'],
  ])('refuses %j with %s', (input, code) => {
    expect(parseMoney(input, 'EUR')).toEqual({ ok: false, error: { code, input } });
  });

  it('refuses any decimals for a currency without minor unit', () => {
    expect(parseMoney('12,5', 'JPY')).toEqual({
      ok: false,
      error: { code: 'money-too-many-decimals', input: '12,5' },
    });
  });

  it('round-trips with moneyToDecimalString for any safe amount', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }),
        fc.constantFrom('EUR', 'JPY', 'BHD'),
        (minor, currency) => {
          const amount = money(minor, currency);
          expect(parseMoney(moneyToDecimalString(amount), currency)).toEqual({ ok: true, value: amount });
          expect(parseMoney(moneyToDecimalString(amount).replace('.', ','), currency)).toEqual({
            ok: true,
            value: amount,
          });
        },
      ),
    );
  });
});
