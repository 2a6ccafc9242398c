import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson, carefulCanonicalJson, MAX_CANONICAL_DEPTH } from './canonical-json';
import { hashedMaterialOf } from './entry-hash';
import type { JournalEntry } from './journal-entry';
import { aSaleChain, samplePayloads } from './test-builders';

// canonicalJson (the fast pass, then the careful encoder when it gives up)
// against the careful encoder alone: the same text, or the same refusal with
// the same reason and path, for any value at all.

const sameAsCareful = (value: unknown) => {
  expect(canonicalJson(value)).toStrictEqual(carefulCanonicalJson(value));
};

// Any UTF-16 code unit (lone surrogates included), biased towards the ones
// with a rule of their own: escapes, surrogates, and the order of code units.
const codeUnit = fc.oneof(
  fc.integer({ min: 0, max: 0xffff }).map((unit) => String.fromCharCode(unit)),
  fc.constantFrom(
    '\ud800',
    '\udbff',
    '\udc00',
    '\udfff',
    '\ud83d\ude00',
    '"',
    '\\',
    '\n',
    '\u0000',
    '\u001f',
  ),
  fc.constantFrom('\u007f', '\u2028', '\u20ac', '\ufb33', 'é', '/', 'a', 'Z', '_', '$', '0', '9'),
);
const text = fc.oneof(
  fc.string({ unit: codeUnit, maxLength: 8 }),
  fc.string({ unit: 'grapheme', maxLength: 8 }),
  fc.string({ unit: 'binary', maxLength: 8 }),
);
const memberName = fc.oneof(
  text,
  fc.constantFrom(
    '__proto__',
    'constructor',
    'toString',
    'hasOwnProperty',
    '',
    '0',
    '9',
    '10',
    '01',
    'a',
    'b',
  ),
);

const number = fc.oneof(
  fc.maxSafeInteger(),
  fc.integer({ min: -3, max: 3 }),
  fc.double(), // floats, NaN, ±Infinity, -0
  fc.constantFrom(-0, 2 ** 53, -(2 ** 53), Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER, 1e21, 0.1),
);

class Tender {
  readonly code = 'cash';
}

// Whatever is not JSON, or is JSON only after JSON.stringify's coercions.
const oddLeaf = fc.oneof(
  fc.constant(undefined),
  fc.bigInt({ min: -10n, max: 10n }),
  fc.constant(Symbol('s')),
  fc.constant(() => 1),
  fc.constant(new Date(0)),
  fc.constant(new Map([['a', 1]])),
  fc.constant(new Set([1])),
  fc.constant(new Tender()),
  fc.constant(/x/),
  fc.constant(new Uint8Array([1, 2])),
  fc.constant(Object('boxed')),
  fc.constant({ toJSON: () => 1 }),
);

const { value } = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constant(null),
    fc.boolean(),
    number,
    text,
    oddLeaf,
    tie('array'),
    tie('sparseArray'),
    tie('object'),
    tie('bareObject'),
  ),
  array: fc.array(tie('value'), { maxLength: 5 }),
  sparseArray: fc.sparseArray(tie('value'), { maxLength: 5 }),
  // fromEntries defines own members, so "__proto__" is kept as a member.
  object: fc
    .array(fc.tuple(memberName, tie('value')), { maxLength: 6 })
    .map((members) => Object.fromEntries(members)),
  bareObject: fc
    .array(fc.tuple(memberName, tie('value')), { maxLength: 6 })
    .map((members) => Object.assign(Object.create(null) as object, Object.fromEntries(members))),
}));

// Only what the encoding accepts, so that whole texts are compared, not just the first refusal.
const { json } = fc.letrec((tie) => ({
  json: fc.oneof(
    { depthSize: 'small' },
    fc.constant(null),
    fc.boolean(),
    fc.maxSafeInteger(),
    fc.string({ unit: 'grapheme', maxLength: 8 }),
    fc.string({ unit: 'binary', maxLength: 8 }),
    tie('array'),
    tie('object'),
  ),
  array: fc.array(tie('json'), { maxLength: 5 }),
  object: fc.dictionary(
    fc.oneof(
      fc.string({ unit: 'binary', maxLength: 4 }),
      fc.constantFrom('0', '9', '10', 'é', '\ud83d\ude00'),
    ),
    tie('json'),
    { maxKeys: 6 },
  ),
}));

/** Objects with more members than the fast pass sorts by insertion. */
const wide = fc
  .uniqueArray(fc.oneof(fc.string({ unit: 'binary', maxLength: 3 }), fc.constantFrom('0', '9', '10')), {
    minLength: 20,
    maxLength: 80,
  })
  .chain((names) =>
    fc.array(json, { minLength: names.length, maxLength: names.length }).map((values) => ({ names, values })),
  )
  .map(({ names, values }) => Object.fromEntries(names.map((name, i) => [name, values[i]])));

/** A copy of the plain objects and arrays of `value`, holes and null prototypes kept. */
function copyContainers(value: unknown): unknown {
  if (Array.isArray(value)) {
    const copy: unknown[] = new Array(value.length);
    for (const [i, item] of value.entries()) if (i in value) copy[i] = copyContainers(item);
    return copy;
  }
  if (typeof value !== 'object' || value === null) return value;
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return value;
  const copy = Object.create(proto as object | null) as Record<string, unknown>;
  for (const [key, member] of Object.entries(value)) {
    Object.defineProperty(copy, key, { value: copyContainers(member), enumerable: true, writable: true });
  }
  return copy;
}

/** Every plain object and array of `value`, each with the containers above it (itself first). */
function containersOf(value: unknown, above: object[] = []): object[][] {
  if (typeof value !== 'object' || value === null) return [];
  const proto: unknown = Object.getPrototypeOf(value);
  if (!Array.isArray(value) && proto !== Object.prototype && proto !== null) return [];
  const chain = [value, ...above];
  return [chain, ...Object.values(value).flatMap((member: unknown) => containersOf(member, chain))];
}

/** A copy of `value` where one container holds a reference back to itself or one above it. */
const withCycle = fc.tuple(value, fc.nat(), fc.nat(), memberName).map(([base, pick, up, name]) => {
  const root = { base: copyContainers(base) };
  const chains = containersOf(root);
  const chain = chains[pick % chains.length] as object[];
  const holder = chain[0] as Record<string, unknown> | unknown[];
  const target = chain[up % chain.length];
  if (Array.isArray(holder)) holder.push(target);
  else Object.defineProperty(holder, name, { value: target, enumerable: true, writable: true });
  return root;
});

/** `inner` under `depth` containers, alternately objects and arrays, so around the depth bound. */
const nested = fc
  .tuple(value, fc.integer({ min: MAX_CANONICAL_DEPTH - 4, max: MAX_CANONICAL_DEPTH + 4 }), memberName)
  .map(([inner, depth, name]) => {
    let wrapped: unknown = inner;
    for (let i = 0; i < depth; i++) wrapped = i % 2 ? [wrapped] : Object.fromEntries([[name, wrapped]]);
    return wrapped;
  });

/** The same value reached twice (not a cycle): accepted by both. */
const shared = value.map((inner) => ({ p: inner, q: [inner, inner] }));

describe('canonicalJson against the careful encoder', () => {
  it('gives the same text or the same refusal for arbitrary values', () => {
    fc.assert(fc.property(value, sameAsCareful), { numRuns: 2000 });
  });

  it('gives the same text for arbitrary JSON', () => {
    fc.assert(
      fc.property(json, (document) => {
        const careful = carefulCanonicalJson(document);
        expect(careful.ok).toBe(true);
        expect(canonicalJson(document)).toStrictEqual(careful);
      }),
      { numRuns: 2000 },
    );
  });

  it('does so with many members, sorted otherwise than by insertion', () => {
    fc.assert(fc.property(wide, sameAsCareful), { numRuns: 300 });
  });

  it('does so with cycles, nesting around MAX_CANONICAL_DEPTH and shared references', () => {
    fc.assert(fc.property(fc.oneof(withCycle, nested, shared), sameAsCareful), { numRuns: 1000 });
  });

  it('does so for every UTF-16 code unit, in a string and in a member name', () => {
    for (let unit = 0; unit <= 0xffff; unit++) {
      const char = String.fromCharCode(unit);
      sameAsCareful([char, `a${char}b`, { [char]: 0, [`${char}\ude00`]: 1 }]);
    }
  });

  it('does so on a cycle and on a document far deeper than the bound', () => {
    const loop: unknown[] = [];
    loop.push({ again: loop });
    sameAsCareful({ a: [1, loop] });
    let deep: unknown = 1;
    for (let i = 0; i < 10_000; i++) deep = [deep];
    sameAsCareful(deep);
    expect(canonicalJson(deep)).toMatchObject({ ok: false, error: { reason: 'too-deep' } });
  });

  it('reads accessors as the careful encoder does, and lets a throwing one throw', () => {
    const computed = Object.defineProperty({ a: 1 }, 'b', { get: () => [2], enumerable: true });
    expect(canonicalJson(computed)).toStrictEqual({ ok: true, value: '{"a":1,"b":[2]}' });
    const failure = new Error('getter failed');
    const throwing = Object.defineProperty({}, 'x', {
      get: () => {
        throw failure;
      },
      enumerable: true,
    });
    expect(() => canonicalJson({ y: [throwing] })).toThrow(failure);
    // Non-enumerable and symbol-keyed members are left out by both.
    sameAsCareful(Object.defineProperty({ [Symbol('s')]: 1, a: 2 }, 'hidden', { value: 3 }));
  });

  describe('on real journal entries', () => {
    const till = { storeCode: 'S042', tillCode: 'T03', tillId: 'till-0042-03' };
    const entries: readonly JournalEntry[] = aSaleChain(300, till);
    const samples = samplePayloads();
    const payloads = [...samples.sales, ...samples.returns, ...samples.handovers, ...samples.kioskOrders];
    // As the till hashes them, and as the server does: parsed from a body, without `hash`.
    const documents: readonly unknown[] = [
      ...entries,
      ...entries.map((entry) => hashedMaterialOf(JSON.parse(JSON.stringify(entry)) as object)),
      ...payloads,
    ];

    it('writes the same text for each, and accepts it', () => {
      for (const document of documents) {
        const careful = carefulCanonicalJson(document);
        expect(careful.ok).toBe(true);
        expect(canonicalJson(document)).toStrictEqual(careful);
      }
    });

    it('refuses the same way when one value of an entry is replaced by any other', () => {
      fc.assert(
        fc.property(fc.nat(documents.length - 1), fc.nat(), value, (which, pick, replacement) => {
          const document = copyContainers(documents[which]);
          const chains = containersOf(document);
          const holder = (chains[pick % chains.length] as object[])[0] as Record<string, unknown>;
          const names = Object.keys(holder);
          const name = names[pick % Math.max(names.length, 1)] ?? 'added';
          Object.defineProperty(holder, name, { value: replacement, enumerable: true, writable: true });
          sameAsCareful(document);
        }),
        { numRuns: 1000 },
      );
    });
  });
});
