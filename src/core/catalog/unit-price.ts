import { type Money, money, multiplyRatio } from '../money';
import type { Product } from './product';

// The unit price a French shelf label must show (arrêté du 3 décembre 1987):
// price per kilogram or per litre. A product sold by weight is priced per kg
// already; a packed product gets it from the size in its name ("500 g",
// "1,5 L", "75 cl", "500 ml"). No size in the name: no unit price.

export type UnitPriceMeasure = 'kg' | 'l';

export interface UnitPrice {
  readonly per: UnitPriceMeasure;
  readonly price: Money;
}

/** Grams or millilitres per unit word. */
const SIZE_UNITS: ReadonlyMap<string, { readonly per: UnitPriceMeasure; readonly factor: number }> = new Map([
  ['g', { per: 'kg', factor: 1 }],
  ['kg', { per: 'kg', factor: 1000 }],
  ['ml', { per: 'l', factor: 1 }],
  ['cl', { per: 'l', factor: 10 }],
  ['l', { per: 'l', factor: 1000 }],
]);

// "1,5 L", "500g", "75 cl": a number (comma or point for decimals) and a unit word on its own.
const SIZE = /(?:^|[\s(–-])(\d{1,4})(?:[.,](\d{1,3}))?\s?(kg|g|ml|cl|l)(?=$|[\s),.;–-])/giu;

/** The pack size in grams or millilitres read from a product name, with what it measures. */
export function packSizeOf(
  name: string,
): { readonly per: UnitPriceMeasure; readonly amount: number } | undefined {
  let found: { per: UnitPriceMeasure; amount: number } | undefined;
  for (const match of name.matchAll(SIZE)) {
    const [, whole = '', fraction = '', word = ''] = match;
    const unit = SIZE_UNITS.get(word.toLowerCase());
    if (!unit) continue;
    // Thousandths of the unit, in integers: "1,5" = 1500 thousandths.
    const thousandths = Number(whole) * 1000 + Number(fraction.padEnd(3, '0'));
    const amount = (thousandths * unit.factor) / 1000;
    if (amount > 0 && Number.isInteger(amount)) found = { per: unit.per, amount };
  }
  return found;
}

/** Price per kg or per litre, or undefined when the product's size is not known. */
export function unitPriceOf(
  product: Pick<Product, 'name' | 'priceMinor' | 'currency' | 'unit'>,
): UnitPrice | undefined {
  const price = money(product.priceMinor, product.currency as Money['currency']);
  if (product.unit === 'kg') return { per: 'kg', price };
  const size = packSizeOf(product.name);
  if (!size) return undefined;
  // price × 1000 / grams (or millilitres), rounded half up to the cent.
  return { per: size.per, price: multiplyRatio(price, 1000, size.amount, 'half-up') };
}
