import { describe, expect, it } from 'vitest';
import { staffTapCounter } from './staff-gesture';

describe('staffTapCounter', () => {
  it('fires on the fifth tap within 3 s, then starts over', () => {
    const counter = staffTapCounter();
    expect([0, 500, 1000, 1500].map((t) => counter.tap(t))).toEqual([false, false, false, false]);
    expect(counter.tap(2900)).toBe(true);
    expect(counter.tap(3000)).toBe(false);
  });

  it('does not fire when the taps are spread over more than 3 s', () => {
    const counter = staffTapCounter();
    expect([0, 1000, 2000, 3000, 4000, 5000].map((t) => counter.tap(t))).not.toContain(true);
  });

  it('forgets slow taps: five quick ones after them still fire', () => {
    const counter = staffTapCounter();
    counter.tap(0);
    counter.tap(2_500);
    expect([10_000, 10_100, 10_200, 10_300, 10_400].map((t) => counter.tap(t))).toEqual([
      false,
      false,
      false,
      false,
      true,
    ]);
  });
});
