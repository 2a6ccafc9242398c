import type { Cart } from '../cart/cart';
import type { CartError } from '../cart/cart-errors';
import { addProduct } from '../cart/cart-lines';
import type { Product } from '../catalog/product';
import { money } from '../money';
import { err, type Result } from '../result';
import type { IssuedVoucher } from '../sale/sale-links';

// Selling a gift voucher: an open-price line (the amount typed on the
// keypad) for a product the catalog does not need to hold, without VAT (a
// multi-purpose voucher is taxed when it is spent, not when it is sold), plus
// the code it is sold under, which the sale record carries
// (SaleLinks.vouchersIssued). The voucher is worth what the line's net is.

export const GIFT_VOUCHER_PRODUCT_ID = 'gift-voucher';
/** An in-store EAN-13 (prefix 20): never a manufacturer's product. */
export const GIFT_VOUCHER_BARCODE = '2000000000008';
export const GIFT_VOUCHER_CATEGORY = 'gift-voucher';
export const MIN_VOUCHER_MINOR = 100;
export const MAX_VOUCHER_MINOR = 100_000;

export type VoucherSaleError =
  | { readonly code: 'voucher-amount-out-of-range'; readonly min: number; readonly max: number }
  | { readonly code: 'voucher-code-in-basket' }
  | CartError;

export interface VoucherLineInput {
  readonly lineId: string;
  readonly amountMinor: number;
  readonly code: string;
  /** The line's name as the receipt prints it, in the till's language ("Bon d'achat"). */
  readonly name: string;
}

/** The cart with the voucher's line, and the issued-voucher link to add to the sale. */
export function addVoucherLine(
  cart: Cart,
  issued: readonly IssuedVoucher[],
  input: VoucherLineInput,
): Result<{ cart: Cart; issued: IssuedVoucher[] }, VoucherSaleError> {
  const { amountMinor } = input;
  if (!Number.isInteger(amountMinor) || amountMinor < MIN_VOUCHER_MINOR || amountMinor > MAX_VOUCHER_MINOR)
    return err({ code: 'voucher-amount-out-of-range', min: MIN_VOUCHER_MINOR, max: MAX_VOUCHER_MINOR });
  if (issued.some((v) => v.code === input.code)) return err({ code: 'voucher-code-in-basket' });
  const product: Product = {
    id: GIFT_VOUCHER_PRODUCT_ID,
    barcode: GIFT_VOUCHER_BARCODE,
    name: input.name,
    searchName: GIFT_VOUCHER_PRODUCT_ID,
    category: GIFT_VOUCHER_CATEGORY,
    priceMinor: 0,
    currency: cart.currency,
    vatRateBps: 0,
    unit: 'piece',
    active: true,
  };
  const added = addProduct(
    cart,
    product,
    { embeddedPrice: money(amountMinor, cart.currency) },
    { lineId: input.lineId, scannedCode: input.code },
  );
  if (!added.ok) return added;
  return {
    ok: true,
    value: { cart: added.value, issued: [...issued, { lineId: input.lineId, code: input.code }] },
  };
}
