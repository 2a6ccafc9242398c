import { err, ok, type Result } from '../result';
import { hasValidGtinCheckDigit } from './gtin';

// UPC-E is a UPC-A with runs of zeros suppressed. Its check digit is the one
// of the expanded UPC-A, so it can only be verified after expansion.

export type UpcEError =
  | { readonly code: 'not-upce'; readonly message: string }
  | { readonly code: 'bad-number-system'; readonly message: string }
  | { readonly code: 'bad-check-digit'; readonly message: string };

/**
 * Expands an 8-digit UPC-E (number system 0 or 1, six data digits, check
 * digit) to its 12-digit UPC-A and verifies the check digit on the UPC-A.
 */
export function expandUpcE(upcE: string): Result<string, UpcEError> {
  if (!/^\d{8}$/.test(upcE)) {
    return err({
      code: 'not-upce',
      message: 'UPC-E has 8 digits: number system, 6 data digits, check digit',
    });
  }
  const numberSystem = upcE.charAt(0);
  if (numberSystem !== '0' && numberSystem !== '1') {
    return err({
      code: 'bad-number-system',
      message: `UPC-E number system must be 0 or 1, got ${numberSystem}`,
    });
  }
  const d = upcE.slice(1, 7);
  const check = upcE.charAt(7);
  const last = d.charAt(5);
  let body: string;
  if (last === '0' || last === '1' || last === '2') {
    // Manufacturer X1 X2 X6 00, item 00 X3 X4 X5.
    body = `${d.slice(0, 2)}${last}0000${d.slice(2, 5)}`;
  } else if (last === '3') {
    body = `${d.slice(0, 3)}00000${d.slice(3, 5)}`;
  } else if (last === '4') {
    body = `${d.slice(0, 4)}00000${d.charAt(4)}`;
  } else {
    body = `${d.slice(0, 5)}0000${last}`;
  }
  const upcA = `${numberSystem}${body}${check}`;
  if (!hasValidGtinCheckDigit(upcA)) {
    return err({
      code: 'bad-check-digit',
      message: `UPC-E ${upcE} expands to ${upcA}, whose check digit is wrong`,
    });
  }
  return ok(upcA);
}

/**
 * The UPC-E for a 12-digit UPC-A, or null when the UPC-A has too few zeros to
 * be suppressed. The rules are tried in the standard order, so the result is
 * the canonical UPC-E; used by label printing and to test `expandUpcE`.
 */
export function compressUpcA(upcA: string): string | null {
  if (!/^[01]\d{11}$/.test(upcA)) return null;
  const ns = upcA.charAt(0);
  const maker = upcA.slice(1, 6);
  const item = upcA.slice(6, 11);
  const check = upcA.charAt(11);
  let data: string | null = null;
  if (/^\d\d[012]00$/.test(maker) && item.startsWith('00')) {
    data = `${maker.slice(0, 2)}${item.slice(2)}${maker.charAt(2)}`;
  } else if (maker.endsWith('00') && item.startsWith('000')) {
    data = `${maker.slice(0, 3)}${item.slice(3)}3`;
  } else if (maker.endsWith('0') && item.startsWith('0000')) {
    data = `${maker.slice(0, 4)}${item.charAt(4)}4`;
  } else if (item.startsWith('0000') && item.charAt(4) >= '5') {
    data = `${maker}${item.charAt(4)}`;
  }
  return data === null ? null : `${ns}${data}${check}`;
}
