// VAT codes: one letter per rate, printed beside each line's amount and in
// front of the rate in the VAT table, so a reader sees which rate each item
// was taxed at. Letters go to the rates from the highest down (A = 20 % when
// the receipt has it), over the rates of the table and of the lines together:
// a line fully discounted away still gets the letter of its rate.

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

export type VatCodes = ReadonlyMap<number, string>;

export function vatCodesOf(rateBps: Iterable<number>): VatCodes {
  const rates = [...new Set(rateBps)].sort((a, b) => b - a);
  // More than 26 rates on one receipt cannot happen under any EU regime; past Z the code is the rate's index.
  return new Map(rates.map((rate, i) => [rate, LETTERS[i] ?? String(i + 1)]));
}

/** The code of a rate; every caller builds the codes from the same rates it asks about. */
export function vatCodeOf(codes: VatCodes, rateBps: number): string {
  return codes.get(rateBps) ?? '?';
}
