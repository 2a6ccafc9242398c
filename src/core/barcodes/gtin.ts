// GS1 mod-10 check digit, shared by EAN-8, EAN-13, UPC-A, GTIN-14 and SSCC:
// weights 3,1,3,1... from the rightmost data digit.

const DIGITS = /^\d+$/;

/** Check digit for the data digits of a GTIN (without its check digit). */
export function gtinCheckDigit(dataDigits: string): number {
  if (!DIGITS.test(dataDigits)) throw new RangeError(`not digits: ${JSON.stringify(dataDigits)}`);
  let sum = 0;
  for (let i = 0; i < dataDigits.length; i++) {
    const digit = dataDigits.charCodeAt(dataDigits.length - 1 - i) - 48;
    sum += i % 2 === 0 ? digit * 3 : digit;
  }
  return (10 - (sum % 10)) % 10;
}

/** The data digits followed by their check digit. */
export function withGtinCheckDigit(dataDigits: string): string {
  return dataDigits + String(gtinCheckDigit(dataDigits));
}

/** True when `code` is all digits and its last digit is the right check digit. */
export function hasValidGtinCheckDigit(code: string): boolean {
  if (code.length < 2 || !DIGITS.test(code)) return false;
  return gtinCheckDigit(code.slice(0, -1)) === Number(code.slice(-1));
}

/**
 * The canonical form the till uses as a product lookup key: GTIN-13 for
 * EAN-13, UPC-A (zero-prefixed) and GTIN-14 with indicator 0; GTIN-8 for
 * EAN-8 (also when it arrives zero-padded to 14 digits); GTIN-14 only when
 * its indicator digit is non-zero (trade units/cases). Returns null for
 * anything else. Check digits are not verified here.
 */
export function normaliseGtin(code: string): string | null {
  if (!DIGITS.test(code)) return null;
  switch (code.length) {
    case 8:
    case 13:
      return code;
    case 12:
      return `0${code}`;
    case 14:
      // GS1 right-justifies GTIN-8 in 14 digits behind six zeros, and the
      // GTIN-13 prefixes 0000001-0000099 are never issued, so this is exact.
      if (code.startsWith('000000')) return code.slice(6);
      return code.startsWith('0') ? code.slice(1) : code;
    default:
      return null;
  }
}
