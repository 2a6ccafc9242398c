import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  isValidPickupCode,
  PICKUP_CODE_ALPHABET,
  pickupCodeByteBudget,
  pickupCodeFromBytes,
  pickupCodeSchema,
} from './pickup-code';

const LOOK_ALIKES = ['0', 'O', '1', 'I', 'L'];

/** Reference model written independently of the implementation: keep bytes < 240, map by remainder. */
function model(bytes: Uint8Array, length: number): string | undefined {
  const kept = [...bytes].filter((b) => b < 240).slice(0, length);
  return kept.length < length ? undefined : kept.map((b) => PICKUP_CODE_ALPHABET.charAt(b % 30)).join('');
}

describe('pickup code alphabet', () => {
  it('has 30 distinct upper-case symbols and no look-alikes', () => {
    expect(PICKUP_CODE_ALPHABET).toHaveLength(30);
    expect(new Set(PICKUP_CODE_ALPHABET).size).toBe(30);
    expect(PICKUP_CODE_ALPHABET).toBe(PICKUP_CODE_ALPHABET.toUpperCase());
    for (const c of LOOK_ALIKES) expect(PICKUP_CODE_ALPHABET).not.toContain(c);
    expect(PICKUP_CODE_ALPHABET).toMatch(/^[2-9A-Z]+$/);
  });
});

describe('pickupCodeFromBytes', () => {
  it('maps bytes to the alphabet by remainder, skipping bytes from 240 up', () => {
    // 0 -> 2, 1 -> 3, 29 -> Z, 30 -> 2, 239 -> Z (239 % 30 = 29), 240 and 255 skipped, 59 -> Z, 100 -> C
    expect(pickupCodeFromBytes(Uint8Array.of(0, 1, 29, 30, 239, 240, 255, 59, 100), 7)).toEqual({
      ok: true,
      value: '23Z2ZZC',
    });
  });

  it('produces only alphabet symbols, of the asked length, exactly as the reference model', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 40 }), fc.integer({ min: 6, max: 8 }), (bytes, length) => {
        const result = pickupCodeFromBytes(bytes, length);
        const expected = model(bytes, length);
        if (expected === undefined) {
          expect(result).toMatchObject({
            ok: false,
            error: { code: 'not-enough-random-bytes', needed: length },
          });
        } else {
          expect(result).toEqual({ ok: true, value: expected });
          if (result.ok) {
            expect(result.value).toHaveLength(length);
            expect([...result.value].every((c) => PICKUP_CODE_ALPHABET.includes(c))).toBe(true);
            expect(isValidPickupCode(result.value)).toBe(true);
          }
        }
      }),
    );
  });

  it('is unbiased: each symbol comes from exactly 8 of the 240 usable byte values, none from the rest', () => {
    const hits = new Map<string, number>();
    for (let byte = 0; byte < 256; byte++) {
      const result = pickupCodeFromBytes(Uint8Array.of(byte, byte, byte, byte, byte, byte), 6);
      if (byte >= 240) {
        expect(result.ok).toBe(false);
        continue;
      }
      const symbol = result.ok ? result.value.charAt(0) : '?';
      hits.set(symbol, (hits.get(symbol) ?? 0) + 1);
    }
    expect([...hits.keys()].sort().join('')).toBe([...PICKUP_CODE_ALPHABET].sort().join(''));
    expect(new Set(hits.values())).toEqual(new Set([8]));
  });

  it('reaches every symbol in every position', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 7 }),
        fc.constantFrom(...PICKUP_CODE_ALPHABET),
        (position, symbol) => {
          const bytes = new Uint8Array(8).fill(0);
          bytes[position] = PICKUP_CODE_ALPHABET.indexOf(symbol) + 30 * 7; // a high but usable byte
          const result = pickupCodeFromBytes(bytes, 8);
          expect(result.ok && result.value.charAt(position)).toBe(symbol);
        },
      ),
    );
  });

  it('ignores unusable bytes however many come first', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 0, maxLength: 20 }).map((b) => b.map((x) => 240 + (x % 16))),
        fc.uint8Array({ minLength: 6, maxLength: 6 }).map((b) => b.map((x) => x % 240)),
        (junk, usable) => {
          const both = new Uint8Array([...junk, ...usable]);
          expect(pickupCodeFromBytes(both, 6)).toEqual(pickupCodeFromBytes(usable, 6));
        },
      ),
    );
  });

  it('refuses lengths outside 6-8 and too few usable bytes, as values', () => {
    expect(pickupCodeFromBytes(new Uint8Array(20), 5)).toEqual({
      ok: false,
      error: { code: 'invalid-length', length: 5 },
    });
    expect(pickupCodeFromBytes(new Uint8Array(20), 9).ok).toBe(false);
    expect(pickupCodeFromBytes(new Uint8Array(20), 6.5).ok).toBe(false);
    expect(pickupCodeFromBytes(Uint8Array.of(1, 2, 255, 3), 6)).toEqual({
      ok: false,
      error: { code: 'not-enough-random-bytes', needed: 6, usable: 3 },
    });
    expect(pickupCodeByteBudget(8)).toBeGreaterThan(8);
  });

  it('defaults to 8 symbols', () => {
    const result = pickupCodeFromBytes(new Uint8Array(pickupCodeByteBudget()).fill(42));
    expect(result).toEqual({ ok: true, value: 'EEEEEEEE' });
  });
});

describe('isValidPickupCode', () => {
  it('accepts 6-8 alphabet symbols, upper case, and nothing else', () => {
    const code = (min: number, max: number) =>
      fc
        .array(fc.constantFrom(...PICKUP_CODE_ALPHABET), { minLength: min, maxLength: max })
        .map((a) => a.join(''));
    fc.assert(
      fc.property(code(6, 8), (c) => {
        expect(isValidPickupCode(c)).toBe(true);
      }),
    );
    fc.assert(
      fc.property(code(0, 5), (c) => {
        expect(isValidPickupCode(c)).toBe(false);
      }),
    );
    fc.assert(
      fc.property(code(9, 20), (c) => {
        expect(isValidPickupCode(c)).toBe(false);
      }),
    );
    fc.assert(
      fc.property(
        code(6, 7),
        fc.integer({ min: 0, max: 6 }),
        fc.string({ minLength: 1, maxLength: 1 }).filter((c) => !PICKUP_CODE_ALPHABET.includes(c)),
        (c, at, intruder) => {
          const bad = c.slice(0, at) + intruder + c.slice(at);
          expect(isValidPickupCode(bad)).toBe(false);
          expect(pickupCodeSchema.safeParse(bad).success).toBe(false);
        },
      ),
    );
  });

  it.each(['7KQ4M2', '7KQ4M2XD'])('accepts %s', (c) => expect(isValidPickupCode(c)).toBe(true));
  it.each([
    '7kq4m2',
    '7KQ4M0',
    '7KQ4MO',
    '7KQ4M1',
    '7KQ4MI',
    '7KQ4ML',
    '7KQ4MU',
    '7KQ4M2 ',
    ' 7KQ4M2',
    '7KQ-4M2',
  ])('refuses %j', (c) => expect(isValidPickupCode(c)).toBe(false));
});
