import { describe, expect, it } from 'vitest';
import { EXAMPLE_KIOSK_INPUT } from '../orders/example-orders';
import type { KioskOrder } from '../orders/kiosk-order';
import { placeKioskOrder } from '../orders/place-kiosk-order';
import { transitionKioskOrder } from '../orders/transition-kiosk-order';
import { appendEntry } from './append-entry';
import { journalEntrySchema } from './journal-entry';
import { kioskOrderOwnerIssue, kioskOrderPlacedPayloadSchema } from './kiosk-order-payload';

const AT = '2025-03-01T10:16:00+01:00';
const TILL = { storeCode: 'PAR01', tillCode: 'K1', tillId: 'kiosk-1' };

function placed(payment?: Parameters<typeof placeKioskOrder>[1]['payment']): KioskOrder {
  const result = placeKioskOrder(EXAMPLE_KIOSK_INPUT, { placedAt: AT, ...(payment ? { payment } : {}) });
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
}

describe('kiosk-order.placed payload', () => {
  it('accepts an order placed to be paid at a till, and one paid at the kiosk', () => {
    const atTill = placeKioskOrder({ ...EXAMPLE_KIOSK_INPUT, paymentMethod: 'at-till' }, { placedAt: AT });
    expect(atTill.ok && atTill.value.status).toBe('submitted');
    const paid = placed({ type: 'kiosk-card', cardReference: 'TPE-0042-7781' });
    expect(paid).toMatchObject({ status: 'paid', updatedAt: AT, payment: { type: 'kiosk-card' } });
    for (const order of [atTill.ok ? atTill.value : null, paid])
      expect(kioskOrderPlacedPayloadSchema.safeParse(order).success).toBe(true);
  });

  it('refuses a draft and every state past paid: those are not the kiosk to say', () => {
    const paid = placed({ type: 'kiosk-card', cardReference: 'TPE-0042-7781' });
    const sent = transitionKioskOrder(paid, { type: 'send-to-fulfilment', at: AT });
    const cancelled = transitionKioskOrder(paid, { type: 'cancel', at: AT });
    const draft = { ...paid, status: 'draft', payment: null };
    for (const order of [draft, sent.ok && sent.value, cancelled.ok && cancelled.value]) {
      const parsed = kioskOrderPlacedPayloadSchema.safeParse(order);
      expect(parsed.error?.issues.map((i) => i.message).join(' | ')).toContain(
        'a kiosk places an order as submitted or paid',
      );
    }
  });

  it('refuses malformed orders: unknown fields, a card number as reference, an empty basket', () => {
    const paid = placed({ type: 'kiosk-card', cardReference: 'TPE-0042-7781' });
    const bad: unknown[] = [
      { ...paid, discount: 100 },
      { ...paid, payment: { type: 'kiosk-card', cardReference: '4111111111111111' } },
      { ...paid, lines: [] },
      { ...paid, id: 'not-a-uuid' },
      { ...paid, payment: null },
      null,
      'order',
    ];
    for (const value of bad) expect(kioskOrderPlacedPayloadSchema.safeParse(value).success).toBe(false);
  });

  it('is sealed into the journal like any entry, and the envelope refuses a tampered payload', () => {
    const payload = placed();
    const appended = appendEntry(
      null,
      { kind: 'kiosk-order.placed', payload, id: '0195509a-6c00-7009-8000-000000000001', recordedAt: AT },
      TILL,
    );
    if (!appended.ok) throw new Error(JSON.stringify(appended.error));
    expect(appended.value.receiptNumber).toBeNull();
    expect(journalEntrySchema.safeParse(appended.value.entry).success).toBe(true);
    const shipped = { ...appended.value.entry, payload: { ...payload, status: 'shipped' } };
    expect(journalEntrySchema.safeParse(shipped).success).toBe(false);
    const refused = appendEntry(
      null,
      {
        kind: 'kiosk-order.placed',
        payload: { ...payload, status: 'draft' },
        id: '0195509a-6c00-7009-8000-000000000002',
        recordedAt: AT,
      },
      TILL,
    );
    expect(refused.ok || refused.error.code).toBe('invalid-payload');
  });

  it('ties the order to the kiosk that journaled it', () => {
    const order = placed();
    expect(kioskOrderOwnerIssue(TILL, order)).toBeNull();
    expect(kioskOrderOwnerIssue({ ...TILL, storeCode: 'LYO01' }, order)).toBe('other-store');
    expect(kioskOrderOwnerIssue({ ...TILL, tillId: 'kiosk-2' }, order)).toBe('other-kiosk');
  });
});
