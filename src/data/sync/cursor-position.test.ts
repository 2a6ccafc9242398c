import { describe, expect, it } from 'vitest';
import { cursorPosition } from './cursor-position';

describe('cursorPosition: a position read back from a local document', () => {
  it('keeps a safe non-negative integer', () => {
    expect(cursorPosition(0)).toBe(0);
    expect(cursorPosition(41)).toBe(41);
    expect(cursorPosition(Number.MAX_SAFE_INTEGER)).toBe(Number.MAX_SAFE_INTEGER);
  });

  it('starts over (0) from anything else rather than skipping ahead', () => {
    for (const bad of [undefined, null, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53, '41', {}])
      expect(cursorPosition(bad)).toBe(0);
  });
});
