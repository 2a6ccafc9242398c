import type { ClickCollectOrder, WebOrderImport } from './click-collect-order';
import { createClickCollectOrder } from './create-click-collect-order';
import { createKioskOrder, type KioskOrderInput } from './create-kiosk-order';
import type { OrderHandover } from './handover';
import type { KioskOrder } from './kiosk-order';
import type { OrderLine } from './order-line';
import { transitionClickCollectOrder } from './transition-click-collect-order';

// Worked examples: a small French basket as a kiosk order and as a web order,
// used by the tests and by docs/orders.md. Built through the real builders, so
// an example that stops being valid fails loudly here rather than silently in
// a test that copied it.

export const EXAMPLE_IDS = {
  kioskOrder: '0195509a-6c00-7001-8000-000000000001',
  clickCollectOrder: '0195509a-6c00-7002-8000-000000000002',
  handoverA: '0195509b-0000-7003-8000-00000000000a',
  handoverB: '0195509b-0000-7004-8000-00000000000b',
  handoverC: '0195509b-0000-7005-8000-00000000000c',
  sale: '0195509c-0000-7006-8000-000000000006',
} as const;

export const EXAMPLE_LINES = [
  {
    lineId: 'l1',
    productId: 'P-KETTLE',
    name: 'Bouilloire inox 1,7 L',
    barcode: '3760123450017',
    quantity: 1,
    unitPrice: { minor: 3999, currency: 'EUR' },
    vatRateBps: 2000,
  },
  {
    lineId: 'l2',
    productId: 'P-GREENTEA',
    name: 'Thé vert bio 100 g',
    barcode: '3760123450024',
    quantity: 3,
    unitPrice: { minor: 450, currency: 'EUR' },
    vatRateBps: 550,
  },
  {
    lineId: 'l3',
    productId: 'P-BOOK',
    name: 'Cuisine du marché (livre)',
    barcode: '9782012345678',
    quantity: 2,
    unitPrice: { minor: 2490, currency: 'EUR' },
    vatRateBps: 550,
  },
] as const satisfies readonly OrderLine[];

export const EXAMPLE_KIOSK_INPUT = {
  id: EXAMPLE_IDS.kioskOrder,
  storeCode: 'PAR01',
  kioskId: 'kiosk-1',
  createdAt: '2025-03-01T10:15:00+01:00',
  lines: EXAMPLE_LINES,
  contact: { name: ' Camille  Martin ', email: 'camille.martin@example.fr', phone: '06 12 34 56 78' },
  fulfilment: {
    type: 'home-delivery',
    address: { name: 'Camille Martin', lines: ['12 rue des Lilas', ''], postcode: '75011', city: 'Paris' },
  },
  paymentMethod: 'at-kiosk',
} as const satisfies KioskOrderInput;

export const EXAMPLE_WEB_ORDER = {
  source: 'web',
  webOrderId: 'WEB-100234',
  webUpdatedAt: '2025-03-01T09:00:00Z',
  webStatus: 'open',
  storeCode: 'PAR01',
  currency: 'EUR',
  lines: EXAMPLE_LINES,
  customer: { name: 'Camille Martin', email: 'camille.martin@example.fr' },
  placedAt: '2025-03-01T09:59:00+01:00',
} as const satisfies WebOrderImport;

export const EXAMPLE_PICKUP_CODE = '7KQ4M2XD';

function unwrap<T>(result: { ok: true; value: T } | { ok: false; error: unknown }): T {
  if (!result.ok) throw new Error(`example no longer valid: ${JSON.stringify(result.error)}`);
  return result.value;
}

export function exampleKioskOrder(overrides: Partial<KioskOrderInput> = {}): KioskOrder {
  return unwrap(createKioskOrder({ ...EXAMPLE_KIOSK_INPUT, ...overrides }));
}

/** The example web order as imported: status `received`. */
export function exampleReceivedOrder(): ClickCollectOrder {
  return unwrap(
    createClickCollectOrder({
      id: EXAMPLE_IDS.clickCollectOrder,
      pickupCode: EXAMPLE_PICKUP_CODE,
      webOrder: EXAMPLE_WEB_ORDER,
    }),
  );
}

/** The example web order picked and waiting at the desk. */
export function exampleReadyOrder(): ClickCollectOrder {
  const picking = unwrap(transitionClickCollectOrder(exampleReceivedOrder(), { type: 'start-picking' }));
  return unwrap(transitionClickCollectOrder(picking, { type: 'mark-ready' }));
}

/** A handover of `lines` for the example order, identified by its pickup code. */
export function exampleHandover(
  id: string,
  lines: OrderHandover['lines'],
  overrides: Partial<OrderHandover> = {},
): OrderHandover {
  return {
    id,
    orderId: EXAMPLE_IDS.clickCollectOrder,
    staffId: 'staff-42',
    tillId: 'till-PAR01-2',
    handedOverAt: '2025-03-02T15:30:00+01:00',
    lines,
    identification: { method: 'pickup-code-scanned', pickupCode: EXAMPLE_PICKUP_CODE },
    ...overrides,
  };
}
