import { describe, expect, it } from 'vitest';
import { hashPin, pinHashSchema, verifyPin } from './staff-member';

describe('staff PIN', () => {
  const salt = new Uint8Array(16).map((_, i) => i * 7);

  it('verifies the right PIN and refuses others', () => {
    const stored = hashPin('4821', salt, 2_000);
    expect(pinHashSchema.parse(stored)).toEqual(stored);
    expect(verifyPin('4821', stored)).toBe(true);
    expect(verifyPin('4822', stored)).toBe(false);
    expect(verifyPin('482', stored)).toBe(false);
    expect(verifyPin('48a1', stored)).toBe(false);
  });

  it('never stores the PIN itself, and salts it', () => {
    const a = hashPin('123456', salt, 2_000);
    const b = hashPin(
      '123456',
      salt.map((x) => x + 1),
      2_000,
    );
    expect(JSON.stringify(a)).not.toContain('123456');
    expect(a.hash).not.toBe(b.hash);
  });

  it('refuses malformed PINs and salts when hashing', () => {
    expect(() => hashPin('12', salt)).toThrow(RangeError);
    expect(() => hashPin('1234', new Uint8Array(8))).toThrow(RangeError);
  });
});
