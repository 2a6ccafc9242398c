import { describe, expect, it } from 'vitest';
import { DEFAULT_KIOSK_ORDERING, kioskOrderingRules } from '../settings/kiosk-ordering';
import { productAvailability, type StockFigure } from './availability';

// 2026-12-07 is a Monday; the store is in Paris (UTC+01:00 in winter).
const MONDAY_1405 = '2026-12-07T14:05:00+01:00';
const figure = (
  kind: StockFigure['kind'],
  code: string,
  quantity: number,
  updatedAt: string,
): StockFigure => ({
  kind,
  code,
  quantity,
  updatedAt,
});
const NETWORK = [
  figure('warehouse', 'WH01', 20, '2026-12-07T12:50:00Z'),
  figure('other-store', 'MRS01', 3, '2026-12-07T10:00:00Z'),
  figure('other-store', 'LYO01', 0, '2026-12-07T13:00:00Z'),
  figure('this-store', 'PAR01', 2, '2026-12-07T13:02:00Z'),
];
const at = (now: string, figures = NETWORK, wanted?: number) =>
  productAvailability(figures, {
    now,
    storeCode: 'PAR01',
    rules: DEFAULT_KIOSK_ORDERING,
    ...(wanted === undefined ? {} : { wanted }),
  });

describe('product availability at the kiosk', () => {
  it('lists this store, the other stores and the warehouse, each with its figure’s local time and age', () => {
    const { places } = at(MONDAY_1405);
    expect(places.map((p) => [p.code, p.quantity, p.asOfLocal.time, p.ageMinutes, p.toConfirm])).toEqual([
      ['PAR01', 2, '14:02', 3, false],
      ['LYO01', 0, '14:00', 5, false],
      ['MRS01', 3, '11:00', 185, true],
      ['WH01', 20, '13:50', 15, false],
    ]);
    expect(places[0]?.asOfLocal.date).toBe('2026-12-07');
  });

  it('gives each source its dates: shelf today, another store +2 days, warehouse +3 working days', () => {
    const availability = at(MONDAY_1405);
    const options = Object.fromEntries(availability.places.map((p) => [p.code, p.options]));
    expect(options.PAR01).toEqual([{ type: 'store-pickup', storeCode: 'PAR01', date: '2026-12-07' }]);
    expect(options.LYO01).toEqual([]);
    expect(options.MRS01).toEqual([
      { type: 'store-pickup', storeCode: 'MRS01', date: '2026-12-07' },
      { type: 'store-pickup', storeCode: 'PAR01', date: '2026-12-09' },
    ]);
    expect(options.WH01).toEqual([
      { type: 'store-pickup', storeCode: 'PAR01', date: '2026-12-10' },
      { type: 'home-delivery', date: '2026-12-10' },
    ]);
    expect(availability.orderable).toBe(true);
    expect(availability.earliestPickup).toEqual({
      type: 'store-pickup',
      storeCode: 'PAR01',
      date: '2026-12-07',
      from: 'PAR01',
    });
    expect(availability.earliestDelivery).toEqual({
      type: 'home-delivery',
      date: '2026-12-10',
      from: 'WH01',
    });
  });

  it('moves a shelf pickup to the next open day after the cut-off, and skips Sundays and holidays', () => {
    expect(at('2026-12-07T19:30:00+01:00').places[0]?.options[0]?.date).toBe('2026-12-08');
    // Saturday evening: Sunday is closed; the warehouse counts Monday to Wednesday.
    const saturday = at('2026-12-12T19:00:00+01:00');
    expect(saturday.places[0]?.options[0]?.date).toBe('2026-12-14');
    expect(saturday.earliestDelivery?.date).toBe('2026-12-16');
    // Wednesday before Christmas (a Friday holiday): no working day on the 25th, no pickup either.
    const rules = kioskOrderingRules({ holidays: ['2026-12-25'] });
    const christmas = productAvailability(NETWORK, {
      now: '2026-12-23T10:00:00+01:00',
      storeCode: 'PAR01',
      rules,
    });
    const byCode = Object.fromEntries(christmas.places.map((p) => [p.code, p.options]));
    expect(byCode.MRS01?.[1]).toEqual({ type: 'store-pickup', storeCode: 'PAR01', date: '2026-12-26' });
    expect(christmas.earliestDelivery?.date).toBe('2026-12-29');
  });

  it('follows the store’s own rules: staleness, cut-off, transfer and delivery days', () => {
    const rules = kioskOrderingRules({
      stockStaleMinutes: 2,
      sameDayPickupUntil: '12:00',
      otherStoreTransferDays: 1,
      warehouseDeliveryWorkingDays: 1,
    });
    const { places } = productAvailability(NETWORK, { now: MONDAY_1405, storeCode: 'PAR01', rules });
    expect(places.every((p) => p.toConfirm)).toBe(true);
    const byCode = Object.fromEntries(places.map((p) => [p.code, p.options]));
    expect(byCode.PAR01?.[0]?.date).toBe('2026-12-08');
    expect(byCode.MRS01?.map((o) => o.date)).toEqual(['2026-12-08', '2026-12-08']);
    expect(byCode.WH01?.find((o) => o.type === 'home-delivery')?.date).toBe('2026-12-08');
  });

  it('offers nothing from a place that does not cover the quantity wanted; out of stock everywhere cannot be ordered', () => {
    const three = at(MONDAY_1405, NETWORK, 3);
    expect(three.places.map((p) => [p.code, p.covers])).toEqual([
      ['PAR01', false],
      ['LYO01', false],
      ['MRS01', true],
      ['WH01', true],
    ]);
    expect(three.places[0]?.options).toEqual([]);
    expect(three.earliestPickup?.from).toBe('MRS01');

    const none = at(MONDAY_1405, [
      figure('this-store', 'PAR01', -2, '2026-12-07T13:02:00Z'),
      figure('warehouse', 'WH01', 0, '2026-12-07T13:02:00Z'),
    ]);
    expect(none.orderable).toBe(false);
    expect(none.places.map((p) => p.quantity)).toEqual([0, 0]);
    expect(none.earliestPickup).toBeUndefined();
    expect(none.earliestDelivery).toBeUndefined();
    expect(at(MONDAY_1405, []).orderable).toBe(false);
  });

  it('reads local times with the kiosk’s own offset (summer time, UTC)', () => {
    const summer = productAvailability([figure('this-store', 'PAR01', 1, '2026-07-01T12:00:00Z')], {
      now: '2026-07-01T14:30:00+02:00',
      storeCode: 'PAR01',
      rules: DEFAULT_KIOSK_ORDERING,
    });
    expect(summer.places[0]?.asOfLocal).toEqual({ date: '2026-07-01', time: '14:00' });
    expect(summer.places[0]?.ageMinutes).toBe(30);
    // Just after local midnight: the figure is from the previous local day.
    const midnight = productAvailability([figure('this-store', 'PAR01', 1, '2026-12-07T22:50:00Z')], {
      now: '2026-12-08T00:10:00+01:00',
      storeCode: 'PAR01',
      rules: DEFAULT_KIOSK_ORDERING,
    });
    expect(midnight.places[0]?.asOfLocal).toEqual({ date: '2026-12-07', time: '23:50' });
    expect(midnight.places[0]?.options[0]?.date).toBe('2026-12-08');
  });
});
