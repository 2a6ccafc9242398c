import { describe, expect, it } from 'vitest';
import { createCart } from '../cart/cart';
import { addProduct, voidLine } from '../cart/cart-lines';
import { priceCart } from '../cart/cart-pricing';
import { aProduct, idSequence, STORE_POLICY, unwrap } from '../cart/test-builders';
import { productSchema } from '../catalog/product';
import { createKioskOrder } from '../orders/create-kiosk-order';
import { EXAMPLE_KIOSK_INPUT, EXAMPLE_LINES } from '../orders/example-orders';
import { createReturn } from '../returns/create-return';
import { returnableSourceFromSale } from '../returns/returnable-source';
import { anOnlineOrder, returnDetails, returning } from '../returns/test-builders';
import { completeSale } from '../sale/complete-sale';
import { addTender, startPayment } from '../sale/payment';
import { aSale, saleDetails } from '../sale/test-builders';
import { appendEntry } from './append-entry';

// A lone surrogate has no UTF-8 form, so the journal's canonical JSON refuses
// it ('not-canonical'). Free text must therefore be refused where it enters,
// with the builder's own typed error, before any record is completed or
// sealed: never a paid sale that the journal then cannot record.

const LONE = 'Caf\uD800';
const TILL = { storeCode: 'PAR01', tillCode: '03', tillId: 'till-7f3a' };
const AT = '2025-10-09T10:15:00+02:00';

describe('ill-formed text is refused where it enters, with a typed error', () => {
  it('a product name: refused by the catalog schema and at the scan', () => {
    const product = aProduct({ name: LONE });
    expect(productSchema.safeParse(product).success).toBe(false);
    const cart = createCart({ currency: 'EUR', discountPolicy: STORE_POLICY, promotions: [] });
    const ids = idSequence();
    expect(addProduct(cart, product, 1, { lineId: ids() })).toMatchObject({
      ok: false,
      error: { code: 'invalid-product', productId: product.id },
    });
  });

  it('a line name slipped into a cart: the sale does not complete', () => {
    const ids = idSequence();
    const cart = unwrap(
      addProduct(
        createCart({ currency: 'EUR', discountPolicy: STORE_POLICY, promotions: [] }),
        aProduct(),
        1,
        { lineId: ids() },
      ),
    );
    const edited = { ...cart, lines: cart.lines.map((line) => ({ ...line, name: LONE })) };
    const payment = unwrap(
      addTender(startPayment(priceCart(edited).totals.total), {
        type: 'card',
        tenderId: ids(),
        amount: priceCart(edited).totals.total,
        terminal: null,
      }),
    );
    expect(completeSale(edited, payment, saleDetails(ids()))).toMatchObject({
      ok: false,
      error: { code: 'invalid-sale-record' },
    });
  });

  it('a void reason', () => {
    const ids = idSequence();
    const { cart } = aSale(ids).withLines(1).build();
    const lineId = cart.lines[0]?.lineId ?? '';
    const voided = { byStaffId: 'cashier-7', at: AT, reason: LONE };
    expect(voidLine(cart, lineId, voided)).toMatchObject({
      ok: false,
      error: { code: 'invalid-void', lineId },
    });
  });

  it('a return note, and a line name in the source of a return', () => {
    const ids = idSequence(1_760_300_000_000);
    const source = returnableSourceFromSale(aSale(idSequence()).withLines(1).paidBy('card').complete());
    const lineId = source.lines[0]?.lineId ?? '';
    const withNote = createReturn({
      details: returnDetails(ids()),
      source,
      previousReturns: [],
      lines: [returning(lineId, 1, { code: 'other', note: LONE })],
      policy: { type: 'cash' },
    });
    expect(withNote).toMatchObject({ ok: false, error: { code: 'invalid-reason', lineId } });

    const order = anOnlineOrder();
    const badSource = { ...order, lines: order.lines.map((line) => ({ ...line, name: LONE })) };
    const fromBadSource = createReturn({
      details: returnDetails(ids()),
      source: badSource,
      previousReturns: [],
      lines: [returning('l1', 1)],
      policy: { type: 'cash' },
    });
    expect(fromBadSource).toMatchObject({ ok: false, error: { code: 'invalid-source' } });
  });

  it('an order line name, a contact name and an address line', () => {
    const [first, ...rest] = EXAMPLE_LINES;
    const lines = [{ ...first, name: LONE }, ...rest];
    const fulfilment = {
      type: 'home-delivery',
      address: { name: 'Camille Martin', lines: [LONE], postcode: '75011', city: 'Paris' },
    } as const;
    const result = createKioskOrder({
      ...EXAMPLE_KIOSK_INPUT,
      lines,
      contact: { ...EXAMPLE_KIOSK_INPUT.contact, name: LONE },
      fulfilment,
    });
    expect(result.ok).toBe(false);
    const paths = result.ok ? [] : result.error.map((issue) => ('path' in issue ? issue.path : issue.code));
    expect(paths).toEqual(expect.arrayContaining(['lines.0.name', 'contact.name', 'address.lines.0']));
  });

  it('a journal reason: a payload error, not a refusal of the canonical encoding', () => {
    const result = appendEntry(
      null,
      {
        kind: 'cash.movement',
        id: idSequence()(),
        recordedAt: AT,
        payload: { type: 'paid-out', amount: { minor: 500, currency: 'EUR' }, staffId: 'S1', reason: LONE },
      },
      TILL,
    );
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'invalid-payload', issues: [{ path: 'payload.reason' }] },
    });
  });
});
