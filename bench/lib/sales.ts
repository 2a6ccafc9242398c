import { addProduct, type Cart, createCart, priceCart } from '../../src/core/cart';
import type { Product } from '../../src/core/catalog/product';
import { createUuidV7Generator } from '../../src/core/ids';
import type { JournalDraft } from '../../src/core/journal/append-entry';
import type { Money } from '../../src/core/money';
import { addTender, completeSale, type Payment, startPayment } from '../../src/core/sale';
import type { CompletedSale } from '../../src/core/sale/completed-sale';
import type { TenderInput } from '../../src/core/sale/tender';

// Real sales for the push benchmarks, built with the core's cart, payment and
// completion steps exactly as the cashier screen does (src/state/sale-store.ts),
// then journaled as 'sale.completed'. Runs in the browser and in Node.

const DISCOUNT_POLICY = {
  maxBpsWithoutApproval: 1_000,
  maxAmountWithoutApproval: { minor: 2_000, currency: 'EUR' },
  reasonsAlwaysNeedingApproval: ['staff'],
};

export interface SaleTill {
  readonly storeCode: string;
  readonly tillCode: string;
}

/** UUIDv7s from the clock and a fast seeded generator (benchmarks need no secrecy). */
export function benchIdGenerator(seed: number): () => string {
  let state = seed >>> 0 || 1;
  return createUuidV7Generator({
    now: () => Date.now(),
    randomBytes: (n) => {
      const bytes = new Uint8Array(n);
      for (let i = 0; i < n; i++) {
        state ^= state << 13;
        state ^= state >>> 17;
        state ^= state << 5;
        bytes[i] = state & 0xff;
      }
      return bytes;
    },
  });
}

/** A core step's value; a failed step is a broken benchmark. */
export function unwrap<T, E>(result: { ok: true; value: T } | { ok: false; error: E }): T {
  if (!result.ok) throw new Error(`sale step failed: ${JSON.stringify(result.error)}`);
  return result.value;
}

/**
 * The basket of sale `n`: `lines` catalog products picked from `n` (shifted by
 * `offset`), one to three of each, weighed ones by weight.
 */
export function benchCart(
  n: number,
  products: readonly Product[],
  newId: () => string,
  { lines, offset = 0 }: { readonly lines: number; readonly offset?: number },
): Cart {
  let cart: Cart = createCart({ currency: 'EUR', discountPolicy: DISCOUNT_POLICY, promotions: [] });
  for (let i = 0; i < lines; i++) {
    const product = products[(n * 7 + i * 13 + offset) % products.length] as Product;
    const input = product.unit === 'kg' ? { weightGrams: 250 + ((n + i) % 7) * 111 } : 1 + ((n + i) % 3);
    cart = unwrap(addProduct(cart, product, input, { lineId: newId(), scannedCode: product.barcode }));
  }
  return cart;
}

/** Cash for `due`: the next whole ten euros above it, so there is always change. */
export function cashTender(due: Money, newId: () => string): TenderInput {
  return {
    type: 'cash',
    tenderId: newId(),
    given: { minor: (Math.floor(due.minor / 1000) + 1) * 1000, currency: 'EUR' },
  };
}

/** The sale of `cart`, paid by `payment`, completed at `at` (now by default) by the demo cashier. */
export function completeBenchSale(
  cart: Cart,
  payment: Payment,
  till: SaleTill,
  newId: () => string,
  at: string = new Date().toISOString(),
): CompletedSale {
  return unwrap(
    completeSale(cart, payment, {
      saleId: newId(),
      storeCode: till.storeCode,
      tillCode: till.tillCode,
      staffId: 'staff-camille',
      startedAt: at,
      completedAt: at,
    }),
  );
}

/**
 * Sale number `n` of a till: 3 to 5 lines of catalog products (weighed ones by
 * weight), paid by card, or by cash with change every third sale.
 */
export function buildSale(
  n: number,
  products: readonly Product[],
  till: SaleTill,
  newId: () => string,
): CompletedSale {
  const cart = benchCart(n, products, newId, { lines: 3 + (n % 3) });
  const total = priceCart(cart).totals.total;
  const tender: TenderInput =
    n % 3 === 2
      ? cashTender(total, newId)
      : { type: 'card', tenderId: newId(), amount: total, terminal: null };
  return completeBenchSale(cart, unwrap(addTender(startPayment(total), tender)), till, newId);
}

export function saleDraft(sale: CompletedSale, newId: () => string): JournalDraft {
  return { kind: 'sale.completed', payload: sale, id: newId(), recordedAt: new Date().toISOString() };
}
