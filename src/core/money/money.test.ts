import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addMoney,
  CurrencyMismatchError,
  compareMoney,
  isNegativeMoney,
  isZeroMoney,
  money,
  moneyEquals,
  moneySchema,
  multiplyMoney,
  negateMoney,
  subtractMoney,
  sumMoney,
  zeroMoney,
} from './money';

const safeMinor = fc.integer({ min: -(2 ** 40), max: 2 ** 40 });

describe('money constructor', () => {
  it('defaults to EUR and keeps integer minor units', () => {
    expect(money(1234)).toEqual({ minor: 1234, currency: 'EUR' });
    expect(money(5, 'JPY')).toEqual({ minor: 5, currency: 'JPY' });
  });

  it('refuses non-integers, unsafe integers and bad currency codes as programmer bugs', () => {
    expect(() => money(12.34)).toThrow(RangeError);
    expect(() => money(Number.NaN)).toThrow(RangeError);
    expect(() => money(2 ** 53)).toThrow(RangeError);
    expect(() => money(1, 'eur')).toThrow(RangeError);
  });

  it('never produces negative zero', () => {
    expect(Object.is(negateMoney(money(0)).minor, 0)).toBe(true);
    expect(Object.is(multiplyMoney(money(0), -3).minor, 0)).toBe(true);
  });
});

describe('moneySchema', () => {
  it('accepts integer minor units with an ISO code', () => {
    expect(moneySchema.parse({ minor: -250, currency: 'EUR' })).toEqual({ minor: -250, currency: 'EUR' });
  });

  it.each([
    [{ minor: 12.5, currency: 'EUR' }],
    [{ minor: 2 ** 53, currency: 'EUR' }],
    [{ minor: 1, currency: 'euro' }],
    [{ minor: '1', currency: 'EUR' }],
    [{ minor: 1 }],
  ])('refuses %j', (input) => {
    expect(moneySchema.safeParse(input).success).toBe(false);
  });
});

describe('arithmetic', () => {
  it('adds, subtracts, negates and multiplies exactly', () => {
    expect(addMoney(money(199), money(1))).toEqual(money(200));
    expect(subtractMoney(money(100), money(250))).toEqual(money(-150));
    expect(negateMoney(money(-150))).toEqual(money(150));
    expect(multiplyMoney(money(199), 3)).toEqual(money(597));
    expect(multiplyMoney(money(199), -2)).toEqual(money(-398));
  });

  it('refuses a fractional quantity and overflow', () => {
    expect(() => multiplyMoney(money(199), 1.5)).toThrow(RangeError);
    expect(() => multiplyMoney(money(2 ** 30), 2 ** 30)).toThrow(RangeError);
    expect(() => addMoney(money(Number.MAX_SAFE_INTEGER), money(1))).toThrow(RangeError);
  });

  it('treats mixing currencies as a programmer bug', () => {
    expect(() => addMoney(money(1, 'EUR'), money(1, 'USD'))).toThrow(CurrencyMismatchError);
    expect(() => compareMoney(money(1, 'EUR'), money(1, 'JPY'))).toThrow(CurrencyMismatchError);
    expect(() => sumMoney([money(1, 'USD')])).toThrow(CurrencyMismatchError);
  });

  it('sums, also an empty list in the asked currency', () => {
    expect(sumMoney([money(100), money(-30), money(5)])).toEqual(money(75));
    expect(sumMoney([], 'JPY')).toEqual(zeroMoney('JPY'));
  });

  it('compares and tests for zero and sign', () => {
    expect(compareMoney(money(1), money(2))).toBe(-1);
    expect(compareMoney(money(2), money(2))).toBe(0);
    expect(compareMoney(money(3), money(2))).toBe(1);
    expect(isZeroMoney(money(0))).toBe(true);
    expect(isZeroMoney(money(-1))).toBe(false);
    expect(isNegativeMoney(money(-1))).toBe(true);
    expect(moneyEquals(money(1, 'EUR'), money(1, 'USD'))).toBe(false);
  });

  it('obeys the group laws on safe amounts', () => {
    fc.assert(
      fc.property(safeMinor, safeMinor, safeMinor, (a, b, c) => {
        const [ma, mb, mc] = [money(a), money(b), money(c)];
        expect(addMoney(addMoney(ma, mb), mc)).toEqual(addMoney(ma, addMoney(mb, mc)));
        expect(addMoney(ma, mb)).toEqual(addMoney(mb, ma));
        expect(subtractMoney(ma, mb)).toEqual(addMoney(ma, negateMoney(mb)));
        expect(addMoney(ma, negateMoney(ma))).toEqual(zeroMoney());
        expect(compareMoney(ma, mb) + compareMoney(mb, ma)).toBe(0);
        expect(sumMoney([ma, mb, mc])).toEqual(money(a + b + c));
      }),
    );
  });
});
