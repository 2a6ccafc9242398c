import { describe, expect, it } from 'vitest';
import { money } from '../money';
import { cartSchema, createCart, findActiveLine } from './cart';
import { addProduct, changeQuantity, voidLine } from './cart-lines';
import { priceCart } from './cart-pricing';
import { aCart, aKgProduct, aProduct, eur, idSequence, STORE_POLICY, unwrap } from './test-builders';

const empty = () => createCart({ currency: 'EUR', discountPolicy: STORE_POLICY, promotions: [] });
const VOID = { byStaffId: 'cashier-7', at: '2025-10-09T10:15:00+02:00', reason: 'scanned twice' };

describe('adding products', () => {
  it('adds pieces: 3 × 1,20 € = 3,60 €', () => {
    const id = idSequence()();
    const cart = unwrap(addProduct(empty(), aProduct(), 3, { lineId: id }));
    expect(cart.lines).toHaveLength(1);
    expect(cart.lines[0]).toMatchObject({
      lineId: id,
      productId: 'yaourt-nature',
      name: 'Yaourt nature',
      barcode: '3017620422003',
      vatRateBps: 550,
      unitPrice: eur(120),
      measure: { kind: 'pieces', quantity: 3 },
      gross: eur(360),
      voided: null,
      scannedCode: null,
    });
  });

  it('prices a weight line at grams × price per kg, half-up: 1 234 g at 24,90 €/kg = 30,73 €', () => {
    // 2490 × 1234 / 1000 = 3072.66 -> 3073
    const cart = unwrap(addProduct(empty(), aKgProduct(), { weightGrams: 1234 }, { lineId: idSequence()() }));
    expect(cart.lines[0]?.measure).toEqual({ kind: 'weight', grams: 1234 });
    expect(cart.lines[0]?.unitPrice).toEqual(eur(2490));
    expect(cart.lines[0]?.gross).toEqual(eur(3073));
  });

  it('rounds an exact half cent of a weight line up: 5 g at 1,00 €/kg = 0,005 € -> 0,01 €', () => {
    const cart = unwrap(
      addProduct(empty(), aKgProduct({ priceMinor: 100 }), { weightGrams: 5 }, { lineId: idSequence()() }),
    );
    expect(cart.lines[0]?.gross).toEqual(eur(1));
  });

  it('takes the price from a price label, whatever the catalog says, and keeps the scanned code', () => {
    const cart = unwrap(
      addProduct(
        empty(),
        aKgProduct(),
        { embeddedPrice: eur(347) },
        {
          lineId: idSequence()(),
          scannedCode: '2123450003473',
        },
      ),
    );
    expect(cart.lines[0]).toMatchObject({
      measure: { kind: 'embedded-price' },
      unitPrice: eur(347),
      gross: eur(347),
      scannedCode: '2123450003473',
    });
  });

  it('makes one line per scan, even for the same product', () => {
    const cart = aCart().with(aProduct()).with(aProduct()).build();
    expect(cart.lines.map((l) => l.productId)).toEqual(['yaourt-nature', 'yaourt-nature']);
    expect(priceCart(cart).totals.total).toEqual(eur(240));
  });

  it('leaves the previous cart value untouched', () => {
    const before = aCart().with(aProduct()).build();
    const after = unwrap(addProduct(before, aProduct(), 2, { lineId: idSequence(1)() }));
    expect(before.lines).toHaveLength(1);
    expect(after.lines).toHaveLength(2);
  });

  it('refuses what the cashier cannot ring up, saying why', () => {
    const lineId = idSequence()();
    const add = (input: Parameters<typeof addProduct>[2], product = aProduct(), id = lineId) =>
      addProduct(empty(), product, input, { lineId: id });
    expect(add(0)).toEqual({ ok: false, error: { code: 'invalid-quantity', quantity: 0 } });
    expect(add(1.5)).toEqual({ ok: false, error: { code: 'invalid-quantity', quantity: 1.5 } });
    expect(add(10_000)).toEqual({ ok: false, error: { code: 'invalid-quantity', quantity: 10_000 } });
    expect(add(2, aKgProduct())).toEqual({
      ok: false,
      error: { code: 'unit-mismatch', productId: 'comte', soldBy: 'kg' },
    });
    expect(add({ weightGrams: 500 })).toEqual({
      ok: false,
      error: { code: 'unit-mismatch', productId: 'yaourt-nature', soldBy: 'piece' },
    });
    expect(add({ weightGrams: 0 }, aKgProduct())).toEqual({
      ok: false,
      error: { code: 'invalid-weight', grams: 0 },
    });
    expect(add({ embeddedPrice: eur(-1) })).toEqual({
      ok: false,
      error: { code: 'invalid-embedded-price', minor: -1 },
    });
    expect(add({ embeddedPrice: money(100, 'CHF') })).toEqual({
      ok: false,
      error: { code: 'currency-mismatch', expected: 'EUR', actual: 'CHF' },
    });
    expect(add(1, aProduct({ active: false }))).toEqual({
      ok: false,
      error: { code: 'product-inactive', productId: 'yaourt-nature' },
    });
    expect(add(1, aProduct({ currency: 'CHF' }))).toEqual({
      ok: false,
      error: { code: 'currency-mismatch', expected: 'EUR', actual: 'CHF' },
    });
    expect(add(1, aProduct(), 'line-1')).toEqual({
      ok: false,
      error: { code: 'invalid-line-id', lineId: 'line-1' },
    });
    const once = unwrap(add(1));
    expect(addProduct(once, aProduct(), 1, { lineId })).toEqual({
      ok: false,
      error: { code: 'duplicate-line-id', lineId },
    });
  });
});

describe('changing and voiding lines', () => {
  it('changes the quantity of a pieces line and reprices it', () => {
    const cart = aCart().with(aProduct(), 2).build();
    const lineId = cart.lines[0]?.lineId ?? '';
    const changed = unwrap(changeQuantity(cart, lineId, 5));
    expect(changed.lines[0]?.measure).toEqual({ kind: 'pieces', quantity: 5 });
    expect(changed.lines[0]?.gross).toEqual(eur(600));
    expect(changeQuantity(cart, lineId, 0)).toEqual({
      ok: false,
      error: { code: 'invalid-quantity', quantity: 0 },
    });
  });

  it('refuses a quantity change on a weighed line or an unknown one', () => {
    const cart = aCart().with(aKgProduct(), { weightGrams: 300 }).build();
    const lineId = cart.lines[0]?.lineId ?? '';
    expect(changeQuantity(cart, lineId, 2)).toEqual({
      ok: false,
      error: { code: 'not-a-pieces-line', lineId },
    });
    expect(changeQuantity(cart, 'nope', 2)).toEqual({
      ok: false,
      error: { code: 'line-not-found', lineId: 'nope' },
    });
  });

  it('keeps a voided line, with who/when/why, out of the totals', () => {
    const cart = aCart()
      .with(aProduct(), 2)
      .with(aProduct({ id: 'lait', priceMinor: 99 }))
      .build();
    const yaourts = cart.lines[0]?.lineId ?? '';
    const voided = unwrap(voidLine(cart, yaourts, VOID));
    expect(voided.lines).toHaveLength(2);
    expect(voided.lines[0]?.voided).toEqual(VOID);
    expect(priceCart(voided).totals).toMatchObject({ gross: eur(99), total: eur(99) });
    expect(priceCart(voided).lines.map((l) => l.line.productId)).toEqual(['lait']);
    expect(findActiveLine(voided, yaourts)).toEqual({
      ok: false,
      error: { code: 'line-voided', lineId: yaourts },
    });
    expect(voidLine(voided, yaourts, VOID)).toEqual({
      ok: false,
      error: { code: 'line-voided', lineId: yaourts },
    });
    expect(changeQuantity(voided, yaourts, 3)).toEqual({
      ok: false,
      error: { code: 'line-voided', lineId: yaourts },
    });
  });

  it('refuses a void without a reason', () => {
    const cart = aCart().with(aProduct()).build();
    const lineId = cart.lines[0]?.lineId ?? '';
    const result = voidLine(cart, lineId, { ...VOID, reason: '' });
    expect(result.ok ? null : result.error.code).toBe('invalid-void');
  });
});

describe('cartSchema', () => {
  it('accepts a cart as built, so a cart in progress can be stored and reloaded', () => {
    const cart = aCart().withLines(3).with(aKgProduct(), { weightGrams: 250 }).build();
    expect(cartSchema.parse(cart)).toEqual(cart);
  });

  it('refuses an unknown field', () => {
    const cart = aCart().withLines(1).build();
    expect(cartSchema.safeParse({ ...cart, note: 'x' }).success).toBe(false);
  });
});
