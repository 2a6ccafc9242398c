import type { Product } from '../catalog/product';
import { isUuidV7 } from '../ids';
import type { Money } from '../money';
import { err, ok, type Result } from '../result';
import { type Cart, findActiveLine, replaceLine, withApprovalFlags } from './cart';
import type { CartError } from './cart-errors';
import {
  type CartLine,
  cartLineSchema,
  grossOfMeasure,
  type LineMeasure,
  type LineVoid,
  lineVoidSchema,
  MAX_LINE_GRAMS,
  MAX_LINE_QUANTITY,
} from './cart-line';

// Ringing items up, changing a quantity, voiding a line. The UI resolves a
// scan to a product (barcode lookup, price or weight label) and hands the
// resolved input here, so the cart never parses a barcode itself.

/** Pieces, a weight in grams (product priced per kg), or the price printed on a label. */
export type ProductInput = number | { readonly weightGrams: number } | { readonly embeddedPrice: Money };

export interface NewLine {
  /** UUIDv7 minted by the caller. */
  readonly lineId: string;
  /** The code scanned, when it is not the catalog barcode (weight or price label). */
  readonly scannedCode?: string;
}

const isPieceCount = (n: number): boolean => Number.isInteger(n) && n >= 1 && n <= MAX_LINE_QUANTITY;

function measureFor(
  product: Product,
  input: ProductInput,
): Result<{ measure: LineMeasure; unitPrice: Money }, CartError> {
  const catalogPrice = { minor: product.priceMinor, currency: product.currency };
  if (typeof input === 'number') {
    if (product.unit !== 'piece')
      return err({ code: 'unit-mismatch', productId: product.id, soldBy: product.unit });
    if (!isPieceCount(input)) return err({ code: 'invalid-quantity', quantity: input });
    return ok({ measure: { kind: 'pieces', quantity: input }, unitPrice: catalogPrice });
  }
  if ('weightGrams' in input) {
    if (product.unit !== 'kg')
      return err({ code: 'unit-mismatch', productId: product.id, soldBy: product.unit });
    const grams = input.weightGrams;
    if (!Number.isInteger(grams) || grams < 1 || grams > MAX_LINE_GRAMS)
      return err({ code: 'invalid-weight', grams });
    return ok({ measure: { kind: 'weight', grams }, unitPrice: catalogPrice });
  }
  // A price label overrides the catalog price, whatever the unit: the label is what the shelf promised.
  const label = input.embeddedPrice;
  if (label.currency !== product.currency) {
    return err({ code: 'currency-mismatch', expected: product.currency, actual: label.currency });
  }
  if (!Number.isSafeInteger(label.minor) || label.minor < 0) {
    return err({ code: 'invalid-embedded-price', minor: label.minor });
  }
  return ok({ measure: { kind: 'embedded-price' }, unitPrice: label });
}

/**
 * Adds a new line for `product`. Every call makes its own line, even for a
 * product already in the cart: each scan stays traceable and can be voided
 * on its own; promotions count units across lines anyway.
 */
export function addProduct(
  cart: Cart,
  product: Product,
  input: ProductInput,
  line: NewLine,
): Result<Cart, CartError> {
  if (!product.active) return err({ code: 'product-inactive', productId: product.id });
  if (product.currency !== cart.currency) {
    return err({ code: 'currency-mismatch', expected: cart.currency, actual: product.currency });
  }
  if (!isUuidV7(line.lineId)) return err({ code: 'invalid-line-id', lineId: line.lineId });
  if (cart.lines.some((l) => l.lineId === line.lineId))
    return err({ code: 'duplicate-line-id', lineId: line.lineId });
  const scannedCode = line.scannedCode ?? null;
  if (scannedCode !== null && !cartLineSchema.shape.scannedCode.safeParse(scannedCode).success) {
    return err({ code: 'invalid-scanned-code', scannedCode });
  }
  const measured = measureFor(product, input);
  if (!measured.ok) return measured;
  const { measure, unitPrice } = measured.value;

  const added = cartLineSchema.safeParse({
    lineId: line.lineId,
    productId: product.id,
    name: product.name,
    barcode: product.barcode,
    scannedCode,
    category: product.category,
    vatRateBps: product.vatRateBps,
    unitPrice,
    measure,
    gross: grossOfMeasure(unitPrice, measure),
    discount: null,
    voided: null,
  } satisfies CartLine);
  // The line is checked before it enters the cart: a product whose text the
  // journal could not hash (a lone surrogate in its name) must be refused at
  // the scan, not discovered when the paid sale is recorded.
  if (!added.success)
    return err({ code: 'invalid-product', productId: product.id, message: added.error.message });
  return ok(withApprovalFlags({ ...cart, lines: [...cart.lines, added.data] }));
}

/** New piece count for a line sold by the piece. */
export function changeQuantity(cart: Cart, lineId: string, quantity: number): Result<Cart, CartError> {
  const found = findActiveLine(cart, lineId);
  if (!found.ok) return found;
  const line = found.value;
  if (line.measure.kind !== 'pieces') return err({ code: 'not-a-pieces-line', lineId });
  if (!isPieceCount(quantity)) return err({ code: 'invalid-quantity', quantity });
  const measure = { kind: 'pieces', quantity } as const;
  return ok(replaceLine(cart, { ...line, measure, gross: grossOfMeasure(line.unitPrice, measure) }));
}

/** Marks a line voided. It stays in the cart for the journal and stops counting in totals. */
export function voidLine(cart: Cart, lineId: string, voided: LineVoid): Result<Cart, CartError> {
  const found = findActiveLine(cart, lineId);
  if (!found.ok) return found;
  const checked = lineVoidSchema.safeParse(voided);
  if (!checked.success) return err({ code: 'invalid-void', lineId, message: checked.error.message });
  return ok(replaceLine(cart, { ...found.value, voided: checked.data }));
}
