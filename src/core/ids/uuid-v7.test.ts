import { randomFillSync, randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createUuidV7Generator, isUuidV7, type UuidV7, uuidV7Schema, uuidV7Timestamp } from './uuid-v7';

const nodeRandom = (n: number): Uint8Array => randomFillSync(new Uint8Array(n));
const T0 = 1_700_000_000_000; // 2023-11-14T22:13:20Z = 0x018bcfe56800

function expectStrictlyIncreasing(ids: readonly UuidV7[]): void {
  for (let i = 1; i < ids.length; i++) {
    const [previous, current] = [ids[i - 1] ?? '', ids[i] ?? ''];
    if (!(previous < current))
      expect.fail(`id ${i} does not sort after id ${i - 1}: ${previous} >= ${current}`);
  }
}

describe('UUIDv7 layout', () => {
  it('puts timestamp, version, counter, variant and random bits where RFC 9562 says', () => {
    const bytes = Uint8Array.of(0x12, 0x34, 0xff, 1, 2, 3, 4, 5, 6, 7);
    const next = createUuidV7Generator({ now: () => T0, randomBytes: () => bytes });
    // ts 018bcfe56800 | ver 7, counter seed (0x12 & 0x07) << 8 | 0x34 = 0x234
    // | variant 0b10 + (0xff & 0x3f) = 0xbf | 01 02 03 04 05 06 07
    expect(next()).toBe('018bcfe5-6800-7234-bf01-020304050607');
    // same millisecond: counter + 1, fresh random tail (same bytes here)
    expect(next()).toBe('018bcfe5-6800-7235-bf01-020304050607');
  });

  it('has version 7 and variant 10 whatever the random bytes', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 48 - 1 }),
        fc.uint8Array({ minLength: 10, maxLength: 10 }),
        (now, bytes) => {
          const id = createUuidV7Generator({ now: () => now, randomBytes: () => bytes })();
          expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
          expect(uuidV7Schema.safeParse(id).success).toBe(true);
          expect(uuidV7Timestamp(id)).toBe(now);
        },
      ),
    );
  });
});

describe('UUIDv7 ordering', () => {
  it('strictly increases for 10 000 ids from a frozen clock', () => {
    const next = createUuidV7Generator({ now: () => T0, randomBytes: nodeRandom });
    const ids = Array.from({ length: 10_000 }, () => next());
    expectStrictlyIncreasing(ids);
    expect(new Set(ids).size).toBe(10_000);
    // The counter ran out, so the timestamp had to step ahead of the frozen clock.
    const last = ids.at(-1) ?? '';
    expect(uuidV7Timestamp(last)).toBeGreaterThan(T0);
    expect(uuidV7Timestamp(last)).toBeLessThanOrEqual(T0 + 10_000 / 2048 + 1);
  });

  it('strictly increases for 10 000 ids from a clock that goes backwards', () => {
    let clock = T0;
    const next = createUuidV7Generator({ now: () => clock--, randomBytes: nodeRandom });
    const ids = Array.from({ length: 10_000 }, () => next());
    expectStrictlyIncreasing(ids);
    expect(uuidV7Timestamp(ids[0] ?? '')).toBe(T0);
  });

  it('strictly increases and keeps the clock time for any clock readings', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 47 }),
        fc.array(fc.integer({ min: -5, max: 5 }), { minLength: 1, maxLength: 3_000 }),
        (start, steps) => {
          let clock = start;
          let maxSeen = -1;
          const next = createUuidV7Generator({ now: () => clock, randomBytes: nodeRandom });
          const ids = steps.map((step) => {
            clock = Math.max(0, clock + step);
            const id = next();
            // A clock that moved forward is taken as is.
            if (clock > maxSeen) expect(uuidV7Timestamp(id)).toBe(clock);
            maxSeen = Math.max(maxSeen, clock);
            expect(uuidV7Timestamp(id)).toBeGreaterThanOrEqual(maxSeen);
            return id;
          });
          expectStrictlyIncreasing(ids);
        },
      ),
      { numRuns: 50 },
    );
  });

  it('continues after the last id of a previous run even if the clock went back', () => {
    const firstRun = createUuidV7Generator({ now: () => T0, randomBytes: nodeRandom });
    let last = firstRun();
    for (let i = 0; i < 5_000; i++) last = firstRun();
    const secondRun = createUuidV7Generator({ now: () => T0 - 60_000, randomBytes: nodeRandom, after: last });
    const ids = [last, ...Array.from({ length: 5_000 }, () => secondRun())];
    expectStrictlyIncreasing(ids);
  });

  it('keeps two tills on the same millisecond apart', () => {
    const tillA = createUuidV7Generator({ now: () => T0, randomBytes: nodeRandom });
    const tillB = createUuidV7Generator({ now: () => T0, randomBytes: nodeRandom });
    const ids = new Set(Array.from({ length: 5_000 }, () => [tillA(), tillB()]).flat());
    expect(ids.size).toBe(10_000);
  });
});

describe('UUIDv7 validation', () => {
  it('recognises canonical lower-case v7 only', () => {
    expect(isUuidV7('018bcfe5-6800-7234-bf01-020304050607')).toBe(true);
    expect(isUuidV7('018BCFE5-6800-7234-BF01-020304050607')).toBe(false);
    expect(isUuidV7(randomUUID())).toBe(false); // v4
    expect(isUuidV7('018bcfe5-6800-7234-7f01-020304050607')).toBe(false); // wrong variant
    expect(isUuidV7('018bcfe568007234bf01020304050607')).toBe(false);
    expect(() => uuidV7Timestamp('nope')).toThrow(RangeError);
  });

  it('refuses a broken clock or random source as programmer bugs', () => {
    expect(() => createUuidV7Generator({ now: () => Number.NaN, randomBytes: nodeRandom })()).toThrow(
      RangeError,
    );
    expect(() => createUuidV7Generator({ now: () => -1, randomBytes: nodeRandom })()).toThrow(RangeError);
    expect(() => createUuidV7Generator({ now: () => 2 ** 48, randomBytes: nodeRandom })()).toThrow(
      RangeError,
    );
    expect(() => createUuidV7Generator({ now: () => T0, randomBytes: () => new Uint8Array(4) })()).toThrow(
      RangeError,
    );
  });
});
