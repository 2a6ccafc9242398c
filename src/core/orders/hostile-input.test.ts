import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { clickCollectOrderSchema, handoverConflictSchema, webOrderImportSchema } from './click-collect-order';
import { contactSchema } from './contact';
import {
  EXAMPLE_IDS,
  EXAMPLE_KIOSK_INPUT,
  EXAMPLE_LINES,
  EXAMPLE_WEB_ORDER,
  exampleHandover,
  exampleKioskOrder,
  exampleReadyOrder,
} from './example-orders';
import { orderHandoverSchema } from './handover';
import { kioskOrderSchema } from './kiosk-order';
import { mergeHandovers } from './merge-handovers';
import { orderLineSchema } from './order-line';
import { postalAddressSchema } from './postal-address';
import { recordHandover } from './record-handover';
import { kioskOrderEventSchema, transitionKioskOrder } from './transition-kiosk-order';

// Every record that crosses a boundary, attacked field by field: each leaf
// replaced by an oversize string, a negative, fractional or non-finite number,
// the wrong type or null; each key deleted; an unknown key added. The schemas
// must refuse all of it, and must return anything they accept unchanged.

type Path = readonly (string | number)[];
type Json = unknown;

function leaves(value: Json, path: Path = []): [Path, Json][] {
  if (Array.isArray(value)) return value.flatMap((item, i) => leaves(item, [...path, i]));
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).flatMap(([k, v]) => leaves(v, [...path, k]));
  }
  return [[path, value]];
}

function keyPaths(value: Json, path: Path = []): Path[] {
  if (Array.isArray(value)) return value.flatMap((item, i) => keyPaths(item, [...path, i]));
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).flatMap(([k, v]) => [[...path, k], ...keyPaths(v, [...path, k])]);
  }
  return [];
}

/** A deep copy of `value` with the node at `path` replaced (or deleted when `replacement` is DELETE). */
const DELETE = Symbol('delete');
function edit(value: Json, path: Path, replacement: Json | typeof DELETE): Json {
  const [head, ...rest] = path;
  if (head === undefined) return replacement;
  if (Array.isArray(value))
    return value.map((item, i) => (i === head ? edit(item, rest, replacement) : item));
  if (typeof value !== 'object' || value === null) return value;
  const entries = Object.entries(value).flatMap(([k, v]): [string, Json][] => {
    if (k !== head) return [[k, v]];
    if (rest.length === 0 && replacement === DELETE) return [];
    return [[k, edit(v, rest, replacement)]];
  });
  return Object.fromEntries(entries);
}

function unwrap<T>(result: { ok: true; value: T } | { ok: false; error: unknown }): T {
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
}

const paidKioskOrder = unwrap(
  transitionKioskOrder(
    unwrap(transitionKioskOrder(exampleKioskOrder(), { type: 'submit', at: '2025-03-01T10:16:00+01:00' })),
    { type: 'pay', at: '2025-03-01T10:17:00+01:00', payment: { type: 'kiosk-card', cardReference: 'TPE-1' } },
  ),
);
const handover = exampleHandover(EXAMPLE_IDS.handoverA, [{ lineId: 'l1', quantity: 1 }]);
const tillA = unwrap(recordHandover(exampleReadyOrder(), handover)).order;
const tillB = unwrap(
  recordHandover(
    exampleReadyOrder(),
    exampleHandover(EXAMPLE_IDS.handoverB, [{ lineId: 'l1', quantity: 1 }], {
      identification: { method: 'id-checked', document: 'passport' },
    }),
  ),
).order;
const conflicted = { ...unwrap(mergeHandovers(tillA, tillB)), signedToken: 'eyJhbGciOiJFZERTQSJ9.e30.c2ln' };

const CASES: [string, z.ZodType, Json][] = [
  ['order line', orderLineSchema, EXAMPLE_LINES[0]],
  ['contact', contactSchema, { name: 'Camille Martin', email: 'c@example.fr', phone: '+33612345678' }],
  [
    'postal address',
    postalAddressSchema,
    { ...EXAMPLE_KIOSK_INPUT.fulfilment.address, lines: ['1 rue A'], country: 'FR' },
  ],
  ['kiosk order', kioskOrderSchema, paidKioskOrder],
  [
    'kiosk event',
    kioskOrderEventSchema,
    { type: 'pay', at: '2025-03-01T10:17:00Z', payment: { type: 'till-sale', saleId: EXAMPLE_IDS.sale } },
  ],
  ['web order import', webOrderImportSchema, EXAMPLE_WEB_ORDER],
  ['click-and-collect order', clickCollectOrderSchema, conflicted],
  ['handover (journal payload)', orderHandoverSchema, handover],
  ['handover conflict', handoverConflictSchema, conflicted.handoverConflict],
];

/** Keys that may be absent: contact means (one of two suffices) and the signature. */
const OPTIONAL_KEYS = new Set(['email', 'phone', 'signedToken']);

const HOSTILE_NUMBERS = [-1, 0.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53, '1', null];
const HOSTILE_STRINGS = ['x'.repeat(10_000), 42, null, true, {}, []];

describe.each(CASES)('%s schema against hostile input', (_name, schema, valid) => {
  it('accepts the valid example and returns it unchanged', () => {
    expect(schema.parse(valid)).toEqual(valid);
  });

  it('refuses every leaf replaced by an oversize string, a bad number, the wrong type or null', () => {
    let attacks = 0;
    for (const [path, leaf] of leaves(valid)) {
      for (const bad of typeof leaf === 'number' ? HOSTILE_NUMBERS : HOSTILE_STRINGS) {
        const result = schema.safeParse(edit(valid, path, bad));
        if (result.success) expect.fail(`accepted ${JSON.stringify(bad)?.slice(0, 20)} at ${path.join('.')}`);
        attacks++;
      }
    }
    expect(attacks).toBeGreaterThan(0);
  });

  // Regression for fast-check seed -1696525581: country "toString" found a
  // function in the postcode table and the schema threw instead of refusing.
  it('never throws when a string leaf is the name of an Object.prototype member', () => {
    for (const [path, leaf] of leaves(valid)) {
      if (typeof leaf !== 'string') continue;
      for (const key of ['toString', '__proto__', 'constructor']) {
        expect(() => schema.safeParse(edit(valid, path, key))).not.toThrow();
      }
    }
  });

  it('refuses every missing field', () => {
    for (const path of keyPaths(valid)) {
      if (OPTIONAL_KEYS.has(String(path.at(-1)))) continue;
      const result = schema.safeParse(edit(valid, path, DELETE));
      if (result.success) expect.fail(`accepted without ${path.join('.')}`);
    }
  });

  it('refuses unknown keys, including __proto__ from JSON', () => {
    for (const path of [[], ...keyPaths(valid)]) {
      const target = path.reduce<Json>(
        (node, key) => (typeof node === 'object' && node !== null ? Reflect.get(node, key) : undefined),
        valid,
      );
      if (typeof target !== 'object' || target === null || Array.isArray(target)) continue;
      const result = schema.safeParse(edit(valid, path, { ...target, isAdmin: true }));
      if (result.success) expect.fail(`accepted an unknown key at ${path.join('.')}`);
    }
    const polluted: unknown = JSON.parse(`{"__proto__":{"polluted":true},${JSON.stringify(valid).slice(1)}`);
    expect(schema.safeParse(polluted).success).toBe(false);
  });

  it('never throws on arbitrary JSON, and returns unchanged anything it accepts after a random edit', () => {
    const paths = leaves(valid).map(([path]) => path);
    fc.assert(
      fc.property(fc.jsonValue(), fc.constantFrom(...paths), fc.jsonValue(), (junk, path, replacement) => {
        expect(schema.safeParse(junk).success).toBe(false);
        const edited = edit(valid, path, replacement);
        const result = schema.safeParse(edited);
        if (result.success) expect(result.data).toEqual(edited);
      }),
      { numRuns: 200 },
    );
  });
});
