import type { Product } from '../catalog/product';
import { createUuidV7Generator } from '../ids';
import { type Money, money } from '../money';
import type { Result } from '../result';
import { type Cart, createCart } from './cart';
import { setBasketDiscount, setLineDiscount } from './cart-discounts';
import { addProduct, type ProductInput } from './cart-lines';
import type { DiscountPolicy, DiscountValue } from './discount';
import type { Promotion } from './promotion';

// Test fixtures for the cart, sale and returns tests. Pure (no test runner
// imports) so it type-checks with the core; it throws on a failed step
// because a fixture that cannot be built is a broken test, not a case to handle.

export const eur = (minor: number): Money => money(minor, 'EUR');

/** Deterministic UUIDv7s: a fixed clock and zero random bytes, so the counter alone orders them. */
export function idSequence(startMs = 1_760_000_000_000): () => string {
  return createUuidV7Generator({ now: () => startMs, randomBytes: (n) => new Uint8Array(n) });
}

/** Unwraps a Result in a fixture, failing loudly with the typed error. */
export function unwrap<T, E>(result: Result<T, E>): T {
  if (!result.ok) throw new Error(`fixture step failed: ${JSON.stringify(result.error)}`);
  return result.value;
}

export function aProduct(overrides: Partial<Product> = {}): Product {
  const id = overrides.id ?? 'yaourt-nature';
  return {
    id,
    barcode: '3017620422003',
    name: 'Yaourt nature',
    searchName: 'yaourt nature',
    category: 'dairy',
    priceMinor: 120,
    currency: 'EUR',
    vatRateBps: 550,
    unit: 'piece',
    active: true,
    ...overrides,
  };
}

export const aKgProduct = (overrides: Partial<Product> = {}): Product =>
  aProduct({
    id: 'comte',
    name: 'Comté 18 mois',
    category: 'cheese',
    priceMinor: 2490,
    unit: 'kg',
    ...overrides,
  });

/** Cashiers may give up to 10 % or 10,00 € alone; 'staff' discounts always need a manager. */
export const STORE_POLICY: DiscountPolicy = {
  maxBpsWithoutApproval: 1000,
  maxAmountWithoutApproval: eur(1000),
  reasonsAlwaysNeedingApproval: ['staff'],
};

/** A policy under which no discount needs a manager, for tests about amounts rather than approvals. */
export const LENIENT_POLICY: DiscountPolicy = {
  maxBpsWithoutApproval: 10_000,
  maxAmountWithoutApproval: eur(100_000_000),
  reasonsAlwaysNeedingApproval: [],
};

export class CartBuilder {
  private readonly steps: ((cart: Cart) => Cart)[] = [];
  private promotions: readonly Promotion[] = [];
  private policy: DiscountPolicy = STORE_POLICY;

  constructor(private readonly nextId: () => string = idSequence()) {}

  withPromotions(...promotions: Promotion[]): this {
    this.promotions = promotions;
    return this;
  }

  withPolicy(policy: DiscountPolicy): this {
    this.policy = policy;
    return this;
  }

  with(product: Product, input: ProductInput = 1): this {
    this.steps.push((cart) => unwrap(addProduct(cart, product, input, { lineId: this.nextId() })));
    return this;
  }

  /** `count` different piece products at 1,00 €, 2,00 €… alternating 20 % and 5,5 % VAT. */
  withLines(count: number): this {
    for (let i = 1; i <= count; i++) {
      this.with(
        aProduct({ id: `p${i}`, name: `Article ${i}`, priceMinor: 100 * i, vatRateBps: i % 2 ? 2000 : 550 }),
      );
    }
    return this;
  }

  andThen(step: (cart: Cart) => Cart): this {
    this.steps.push(step);
    return this;
  }

  build(): Cart {
    const empty = createCart({ currency: 'EUR', discountPolicy: this.policy, promotions: this.promotions });
    return this.steps.reduce((cart, step) => step(cart), empty);
  }
}

export const aCart = (nextId?: () => string): CartBuilder => new CartBuilder(nextId);

/** A cart described as plain data, so property tests can generate one. */
export interface CartSpec {
  readonly items: readonly {
    /** Product number: products p0..pN, in categories c0..cN. */
    readonly product: number;
    readonly rate: number;
    readonly price: number;
    readonly input:
      | { readonly kind: 'pieces'; readonly q: number }
      | { readonly kind: 'weight'; readonly g: number }
      | { readonly kind: 'label'; readonly p: number };
    readonly lineDiscount: DiscountValue | null;
  }[];
  readonly promotions: readonly Promotion[];
  readonly basketDiscount: DiscountValue | null;
}

/** Builds the cart a spec describes; every discount gets reason 'test' and no approval. */
export function cartFromSpec(
  spec: CartSpec,
  nextId: () => string = idSequence(),
  policy: DiscountPolicy = STORE_POLICY,
): Cart {
  const builder = aCart(nextId)
    .withPolicy(policy)
    .withPromotions(...spec.promotions);
  for (const item of spec.items) {
    const product = aProduct({
      id: `p${item.product}`,
      category: `c${item.product}`,
      priceMinor: item.price,
      vatRateBps: item.rate,
      unit: item.input.kind === 'weight' ? 'kg' : 'piece',
    });
    const input: ProductInput =
      item.input.kind === 'pieces'
        ? item.input.q
        : item.input.kind === 'weight'
          ? { weightGrams: item.input.g }
          : { embeddedPrice: eur(item.input.p) };
    builder.with(product, input);
  }
  let cart = builder.build();
  const grant = (value: DiscountValue) => ({ value, reasonCode: 'test', grantedByStaffId: 'cashier-7' });
  spec.items.forEach((item, i) => {
    const lineId = cart.lines[i]?.lineId ?? '';
    if (item.lineDiscount) cart = unwrap(setLineDiscount(cart, lineId, grant(item.lineDiscount)));
  });
  if (spec.basketDiscount) cart = unwrap(setBasketDiscount(cart, grant(spec.basketDiscount)));
  return cart;
}

/** The yogurt '3 for 2' used by the worked examples of the cart, the sale and the journal. */
export const YOGURTS_3_FOR_2: Promotion = {
  kind: 'buy-n-pay-m',
  id: 'yaourt-3pour2',
  label: '3 pour 2 yaourts',
  target: { type: 'products', productIds: ['yaourt-nature'] },
  stackable: false,
  buy: 3,
  pay: 2,
};
