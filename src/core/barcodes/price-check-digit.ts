// Price (or weight) check digit of variable-measure labels, GS1 General
// Specifications 7.9.2-7.9.4. It is an extra guard on the digits that carry
// money: the EAN-13 check digit misses a swap of adjacent digits that differ
// by 5 ("05" read as "50"), which on a price is a tenfold error.

type WeightTable = readonly number[];

// 7.9.2 weighting-factor tables: the weighted product of each digit 0-9.
// "2-": 2*d, a two-digit product's tens digit subtracted from its units digit.
const WEIGHT_2_MINUS: WeightTable = [0, 2, 4, 6, 8, 9, 1, 3, 5, 7];
// "3": units digit of 3*d.
const WEIGHT_3: WeightTable = [0, 3, 6, 9, 2, 5, 8, 1, 4, 7];
// "5+": 5*d, the tens digit added to the units digit.
const WEIGHT_5_PLUS: WeightTable = [0, 5, 1, 6, 2, 7, 3, 8, 4, 9];
// "5-": 5*d, the tens digit subtracted from the units digit.
const WEIGHT_5_MINUS: WeightTable = [0, 5, 9, 4, 8, 3, 7, 2, 6, 1];

function weightedSum(digits: string, tables: readonly WeightTable[]): number | null {
  if (digits.length !== tables.length || !/^\d+$/.test(digits)) return null;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    const product = tables[i]?.[digits.charCodeAt(i) - 48];
    if (product === undefined) return null;
    sum += product;
  }
  return sum;
}

/** 7.9.3: factors 2-, 2-, 3, 5-; the check digit is the units digit of 3 x sum. Null unless 4 digits. */
export function fourDigitPriceCheckDigit(value: string): number | null {
  const sum = weightedSum(value, [WEIGHT_2_MINUS, WEIGHT_2_MINUS, WEIGHT_3, WEIGHT_5_MINUS]);
  return sum === null ? null : (sum * 3) % 10;
}

/**
 * 7.9.4: factors 5+, 2-, 5-, 5+, 2-; the sum is subtracted from the next
 * multiple of ten, and the check digit is the digit whose "5-" product equals
 * that difference. Null unless 5 digits.
 */
export function fiveDigitPriceCheckDigit(value: string): number | null {
  const sum = weightedSum(value, [
    WEIGHT_5_PLUS,
    WEIGHT_2_MINUS,
    WEIGHT_5_MINUS,
    WEIGHT_5_PLUS,
    WEIGHT_2_MINUS,
  ]);
  if (sum === null) return null;
  const difference = (10 - (sum % 10)) % 10;
  const digit = WEIGHT_5_MINUS.indexOf(difference);
  return digit < 0 ? null : digit;
}

/** The 4- or 5-digit algorithm chosen by the value's length; null for other lengths or non-digits. */
export function priceCheckDigit(value: string): number | null {
  if (value.length === 4) return fourDigitPriceCheckDigit(value);
  if (value.length === 5) return fiveDigitPriceCheckDigit(value);
  return null;
}
