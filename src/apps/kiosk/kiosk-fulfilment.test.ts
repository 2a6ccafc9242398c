import { describe, expect, it } from 'vitest';
import type { StockFigure } from '../../core/catalog/availability';
import type { OrderLine } from '../../core/orders/order-line';
import { kioskOrderingRules } from '../../core/settings/kiosk-ordering';
import { loadPostalDirectory } from '../../data/postal-directory';
import { checkDeliveryAddress, pickupDateAt, quoteDelivery } from './kiosk-fulfilment';

// The kiosk's home delivery against La Poste's real list (codes-postaux) and
// the default rules: which problems the customer is told, once each, and
// what the delivery costs and when it arrives.

const rules = kioskOrderingRules(undefined);
const typed = { name: 'Léa Martin', lines: ['3 rue Neuve'], postcode: '42000', city: 'st etienne' };

const line = (productId: string, minor: number, quantity = 1): OrderLine => ({
  lineId: `l-${productId}`,
  productId,
  name: productId,
  barcode: '3760123450017',
  quantity,
  unitPrice: { minor, currency: 'EUR' },
  vatRateBps: 2000,
});

describe('the delivery address at the kiosk', () => {
  it('takes a real address as people type it and writes the town as La Poste does', async () => {
    const checked = checkDeliveryAddress(typed, rules, await loadPostalDirectory());
    expect(checked).toEqual({
      ok: true,
      value: {
        name: 'Léa Martin',
        lines: ['3 rue Neuve'],
        postcode: '42000',
        city: 'Saint-Étienne',
        country: 'FR',
      },
    });
  });

  it('a town the code does not serve: the towns it does serve, to choose from', async () => {
    const checked = checkDeliveryAddress({ ...typed, city: 'Lyon' }, rules, await loadPostalDirectory());
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(checked.error).toEqual([{ code: 'town-mismatch', towns: ['Saint-Étienne'] }]);
  });

  it('a malformed postcode is told once (not also as a form problem), with the other missing fields', async () => {
    const checked = checkDeliveryAddress(
      { ...typed, postcode: '4200', lines: [] },
      rules,
      await loadPostalDirectory(),
    );
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    const codes = checked.error.map((issue) => issue.code);
    expect(codes.filter((code) => code === 'postcode-malformed')).toHaveLength(1);
    expect(codes).not.toContain('invalid-postcode');
    expect(checked.error).toContainEqual(
      expect.objectContaining({ code: 'invalid-field', path: 'address.lines' }),
    );
  });

  it('an unknown code, and an overseas one the store does not deliver', async () => {
    const directory = await loadPostalDirectory();
    const unknown = checkDeliveryAddress({ ...typed, postcode: '42999' }, rules, directory);
    expect(unknown.ok ? [] : unknown.error.map((issue) => issue.code)).toEqual(['postcode-unknown']);
    const overseas = checkDeliveryAddress(
      { ...typed, postcode: '97400', city: 'Saint-Denis' },
      rules,
      directory,
    );
    expect(overseas.ok ? [] : overseas.error).toEqual([{ code: 'not-delivered', department: '974' }]);
  });

  it('without the list, the form alone: the town is kept as typed', () => {
    const checked = checkDeliveryAddress({ ...typed, city: 'St Etienne' }, rules, undefined);
    expect(checked.ok && checked.value.city).toBe('St Etienne');
  });
});

describe('the delivery quote and the pickup date', () => {
  const now = '2026-12-07T10:00:00+01:00'; // a Monday
  const fresh = (kind: StockFigure['kind'], code: string, quantity: number): StockFigure => ({
    kind,
    code,
    quantity,
    updatedAt: '2026-12-07T09:30:00+01:00',
  });
  const stock = new Map([
    ['shelf', [fresh('this-store', 'PAR01', 5)]],
    ['warehouse', [fresh('warehouse', 'WH01', 50)]],
  ]);
  const context = { now, settings: { storeCode: 'PAR01' }, fallbackDate: '2026-12-20' };

  it('charges the store fee below the threshold, with what more would make it free', () => {
    const quote = quoteDelivery('42000', [line('warehouse', 2_000)], stock, context);
    expect(quote.fee.minor).toBe(590);
    expect(quote.untilFree?.minor).toBe(4_000);
  });

  it('is free from the threshold, and Corsica pays its surcharge', () => {
    expect(quoteDelivery('42000', [line('warehouse', 3_000, 2)], stock, context).fee.minor).toBe(0);
    expect(quoteDelivery('20000', [line('warehouse', 2_000)], stock, context).fee.minor).toBe(1_590);
  });

  it('promises the day the last line can arrive; a line with no figure here gets the usual delay', () => {
    const fromWarehouse = quoteDelivery('42000', [line('warehouse', 100)], stock, context).deliveryBy;
    expect(fromWarehouse).toBe('2026-12-10'); // three working days
    expect(
      quoteDelivery('42000', [line('warehouse', 100), line('unknown', 100)], stock, context).deliveryBy,
    ).toBe('2026-12-20');
  });

  it('a pickup here from the shelf is today; with a warehouse line, the warehouse’s day', () => {
    expect(pickupDateAt('PAR01', [line('shelf', 100)], stock, context)).toBe('2026-12-07');
    expect(pickupDateAt('PAR01', [line('shelf', 100), line('warehouse', 100)], stock, context)).toBe(
      '2026-12-10',
    );
  });
});
