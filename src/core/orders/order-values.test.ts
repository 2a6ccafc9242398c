import { describe, expect, it } from 'vitest';
import { contactSchema } from './contact';
import { EXAMPLE_LINES } from './example-orders';
import { orderLineSchema } from './order-line';
import {
  compareInstants,
  instantSchema,
  opaqueIdSchema,
  personTextSchema,
  storeCodeSchema,
  webOrderIdSchema,
} from './order-values';
import { compareCodeUnits, plainEqual, sameRecordsByKey } from './plain-equal';

const accepts = (schema: { safeParse: (v: unknown) => { success: boolean } }, value: unknown) =>
  schema.safeParse(value).success;

describe('field limits, at the boundary', () => {
  it('ids: 1-64 printable characters', () => {
    expect(accepts(opaqueIdSchema, 'a'.repeat(64))).toBe(true);
    expect(accepts(opaqueIdSchema, 'a'.repeat(65))).toBe(false);
    expect(accepts(opaqueIdSchema, '')).toBe(false);
    expect(accepts(opaqueIdSchema, '-leading')).toBe(false);
    expect(accepts(opaqueIdSchema, 'staff 42')).toBe(false);
    expect(accepts(webOrderIdSchema, `#${'1'.repeat(63)}`)).toBe(true);
    expect(accepts(webOrderIdSchema, `#${'1'.repeat(64)}`)).toBe(false);
    expect(accepts(storeCodeSchema, 'PAR01')).toBe(true);
    expect(accepts(storeCodeSchema, 'par01')).toBe(false);
    expect(accepts(storeCodeSchema, 'PARIS0001')).toBe(false);
  });

  it('typed text: bounded, one line, trimmed', () => {
    const text = personTextSchema(100);
    expect(accepts(text, 'é'.repeat(100))).toBe(true);
    expect(accepts(text, 'é'.repeat(101))).toBe(false);
    expect(accepts(text, 'Jean-Pierre Lefèvre')).toBe(true);
    for (const bad of ['', ' ', ' a', 'a ', 'a\nb', 'a\u0000b', 'a\tb', 'a\u2028b'])
      expect(accepts(text, bad)).toBe(false);
    expect(accepts(contactSchema, { name: 'A', email: `${'a'.repeat(64)}@${'b'.repeat(186)}.fr` })).toBe(
      true,
    );
    expect(accepts(contactSchema, { name: 'A', email: `${'a'.repeat(64)}@${'b'.repeat(187)}.fr` })).toBe(
      false,
    );
  });

  it('line quantities 1-999, prices 0-1 000 000,00, names up to 200', () => {
    const line = EXAMPLE_LINES[0];
    expect(accepts(orderLineSchema, { ...line, quantity: 999 })).toBe(true);
    expect(accepts(orderLineSchema, { ...line, quantity: 1000 })).toBe(false);
    expect(accepts(orderLineSchema, { ...line, quantity: 0 })).toBe(false);
    expect(accepts(orderLineSchema, { ...line, unitPrice: { minor: 0, currency: 'EUR' } })).toBe(true);
    expect(accepts(orderLineSchema, { ...line, unitPrice: { minor: 100_000_000, currency: 'EUR' } })).toBe(
      true,
    );
    expect(accepts(orderLineSchema, { ...line, unitPrice: { minor: 100_000_001, currency: 'EUR' } })).toBe(
      false,
    );
    expect(accepts(orderLineSchema, { ...line, unitPrice: { minor: 39.99, currency: 'EUR' } })).toBe(false);
    expect(accepts(orderLineSchema, { ...line, vatRateBps: 10_001 })).toBe(false);
    expect(accepts(orderLineSchema, { ...line, name: 'n'.repeat(200) })).toBe(true);
    expect(accepts(orderLineSchema, { ...line, name: 'n'.repeat(201) })).toBe(false);
    expect(accepts(orderLineSchema, { ...line, barcode: '37601234500' })).toBe(true);
    expect(accepts(orderLineSchema, { ...line, barcode: '3760123450017X' })).toBe(false);
  });

  it('instants need an offset and a real date', () => {
    expect(accepts(instantSchema, '2025-03-01T10:15:00+01:00')).toBe(true);
    expect(accepts(instantSchema, '2025-03-01T09:15:00.123Z')).toBe(true);
    for (const bad of ['2025-03-01T10:15:00', '2025-02-30T10:15:00Z', '2025-03-01', 'now', '1740820500000']) {
      expect(accepts(instantSchema, bad)).toBe(false);
    }
  });
});

describe('comparisons', () => {
  it('compares instants by time, not by text', () => {
    expect(compareInstants('2025-03-01T10:00:00+01:00', '2025-03-01T09:00:00Z')).toBe(0);
    expect(compareInstants('2025-03-01T09:00:00.5Z', '2025-03-01T09:00:00Z')).toBeGreaterThan(0);
    expect('2025-03-01T09:00:00.5Z' < '2025-03-01T09:00:00Z').toBe(true); // why text order is not used
  });

  it('plainEqual ignores key order and absent-vs-undefined, nothing else', () => {
    expect(plainEqual({ a: 1, b: [1, { c: 'x' }] }, { b: [1, { c: 'x' }], a: 1 })).toBe(true);
    expect(plainEqual({ a: 1, b: undefined }, { a: 1 })).toBe(true);
    expect(plainEqual({ a: 1 }, { a: 1, b: 2 })).toBe(false);
    expect(plainEqual([1, 2], [2, 1])).toBe(false);
    expect(plainEqual([1], { 0: 1 })).toBe(false);
    expect(plainEqual(null, {})).toBe(false);
    expect(plainEqual('1', 1)).toBe(false);
  });

  it('sameRecordsByKey ignores list order but not duplicates', () => {
    const x = { id: 'x', n: 1 };
    const y = { id: 'y', n: 2 };
    const key = (r: { id: string }) => r.id;
    expect(sameRecordsByKey([x, y], [y, x], key)).toBe(true);
    expect(sameRecordsByKey([x, x], [x, y], key)).toBe(false);
    expect(sameRecordsByKey([x, y], [x, x], key)).toBe(false);
    expect(sameRecordsByKey([x, y], [x, { ...y, n: 3 }], key)).toBe(false);
    expect(sameRecordsByKey([x], [x, y], key)).toBe(false);
  });

  it('sorts ids by code unit', () => {
    expect(['b', 'B', 'a', '0'].sort(compareCodeUnits)).toEqual(['0', 'B', 'a', 'b']);
  });
});
