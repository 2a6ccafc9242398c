import { describe, expect, it } from 'vitest';
import { isFinalClickCollectStatus, nextClickCollectStatus } from './click-collect-status';
import { exampleKioskOrder, exampleReceivedOrder } from './example-orders';
import { nextKioskOrderStatus } from './kiosk-order-status';
import { isValidPostcode, normalizeAddress, postalAddressSchema } from './postal-address';
import { transitionClickCollectOrder } from './transition-click-collect-order';
import { transitionKioskOrder } from './transition-kiosk-order';

// Regression: tables keyed by user input were plain objects, so a country,
// status or event named after an Object.prototype member found a function
// there (country "toString" crashed the address schema: fast-check seed
// -1696525581 in hostile-input.test.ts). Each lookup must treat such a name
// as unknown. The @ts-expect-error lines stand for untyped callers
// (replicated data, the UI).

const ADDRESS = { name: 'Camille Martin', lines: ['1 rue A'], postcode: '75001', city: 'Paris' };
const AT = '2025-03-01T10:20:00+01:00';

describe.each(['toString', '__proto__', 'constructor'] as const)('a user-supplied key %j', (key) => {
  it('is an unknown country: loose postcode check, refused as a country, no crash', () => {
    expect(isValidPostcode('75001', key)).toBe(true);
    expect(isValidPostcode('75 001 !', key)).toBe(false);
    expect(postalAddressSchema.safeParse({ ...ADDRESS, country: key }).success).toBe(false);
    expect(normalizeAddress({ ...ADDRESS, country: key }).ok).toBe(false);
  });

  it('is no kiosk order status and no kiosk event', () => {
    // @ts-expect-error: not a status
    expect(nextKioskOrderStatus(key, 'submit')).toBeUndefined();
    // @ts-expect-error: not an event
    expect(nextKioskOrderStatus('draft', key)).toBeUndefined();
    // @ts-expect-error: not an event
    expect(transitionKioskOrder(exampleKioskOrder(), { type: key, at: AT })).toMatchObject({
      ok: false,
      error: { code: 'invalid-event' },
    });
  });

  it('is no click-and-collect status and no event', () => {
    // @ts-expect-error: not a status
    expect(nextClickCollectStatus(key, 'cancel')).toBeUndefined();
    // @ts-expect-error: not an event
    expect(nextClickCollectStatus('received', key)).toBeUndefined();
    // @ts-expect-error: not a status; no event leaves it
    expect(isFinalClickCollectStatus(key)).toBe(true);
    // @ts-expect-error: not an event
    expect(transitionClickCollectOrder(exampleReceivedOrder(), { type: key })).toEqual({
      ok: false,
      error: { code: 'illegal-transition', from: 'received', event: key },
    });
  });
});
