import { describe, expect, it } from 'vitest';
import { DEFAULT_KIOSK_ORDERING, kioskOrderingRules, kioskOrderingSchema } from './kiosk-ordering';

describe('kiosk ordering rules', () => {
  it('fills every rule the store did not set with its default', () => {
    expect(kioskOrderingRules(undefined)).toEqual(DEFAULT_KIOSK_ORDERING);
    expect(kioskOrderingRules({})).toEqual(DEFAULT_KIOSK_ORDERING);
    const rules = kioskOrderingRules({ stockStaleMinutes: 15, homeDelivery: { feeMinor: 0 } });
    expect(rules.stockStaleMinutes).toBe(15);
    expect(rules.sameDayPickupUntil).toBe('18:00');
    // A store's own delivery rules replace the default whole: free delivery everywhere, overseas included.
    expect(rules.homeDelivery).toEqual({ feeMinor: 0, surcharges: [], excludedDepartments: [] });
  });

  it('refuses rules that make no sense', () => {
    for (const bad of [
      { stockStaleMinutes: 0 },
      { sameDayPickupUntil: '25:00' },
      { closedWeekdays: [7] },
      { holidays: ['25/12/2026'] },
      { homeDelivery: { feeMinor: -1 } },
      { homeDelivery: { feeMinor: 590, excludedDepartments: ['20'] } },
      { unknownRule: true },
    ])
      expect(kioskOrderingSchema.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    expect(
      kioskOrderingSchema.safeParse({ homeDelivery: { feeMinor: 590, excludedDepartments: ['2A', '974'] } })
        .success,
    ).toBe(true);
  });
});
