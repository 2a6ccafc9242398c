// AIM symbology identifiers (ISO/IEC 15424): "]" + symbology letter +
// modifier, sent by scanners configured to prefix them. They tell what was
// read, which the data alone cannot: an 8-digit EAN-8 and a UPC-E look alike,
// and only ]C1/]d2/]Q3/]e0 say "this is a GS1 element string".

/** How the data after an AIM identifier is to be read. */
export type SymbologyHint =
  | 'ean-upc' // ]E0: EAN-13, UPC-A (12 or 13 digits) or UPC-E (8 digits)
  | 'ean-upc-with-add-on' // ]E3: EAN-13/UPC-A followed by its 2- or 5-digit add-on
  | 'ean8' // ]E4
  | 'add-on-alone' // ]E1, ]E2: an add-on read without its main symbol
  | 'gs1' // ]C1 GS1-128, ]d2 GS1 DataMatrix, ]Q3 GS1 QR, ]e0 GS1 DataBar
  | 'text' // ]C0 Code 128, ]A* Code 39, ]Q0/]Q1 QR, ]d1 DataMatrix: our own codes
  | 'unsupported';

const HINTS: ReadonlyMap<string, SymbologyHint> = new Map([
  [']E0', 'ean-upc'],
  [']E3', 'ean-upc-with-add-on'],
  [']E4', 'ean8'],
  [']E1', 'add-on-alone'],
  [']E2', 'add-on-alone'],
  [']C1', 'gs1'],
  [']d2', 'gs1'],
  [']Q3', 'gs1'],
  [']e0', 'gs1'],
  [']C0', 'text'],
  [']Q0', 'text'],
  [']Q1', 'text'],
  [']d1', 'text'],
] satisfies [string, SymbologyHint][]);

export const AIM_LENGTH = 3;

/** True when the input starts with "]", the AIM marker (never the start of any code we read). */
export function hasAimPrefix(input: string): boolean {
  return input.startsWith(']');
}

export function symbologyHint(aim: string): SymbologyHint {
  const known = HINTS.get(aim);
  if (known) return known;
  // Code 39 modifiers only say how check characters and full ASCII were handled.
  return /^\]A[0-7]$/.test(aim) ? 'text' : 'unsupported';
}
