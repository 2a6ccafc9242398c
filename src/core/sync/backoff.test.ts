import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BACKOFF_MAX_MS, backoffDelay } from './backoff';

describe('retry back-off', () => {
  it('waits nothing before the first failure, then doubles up to a minute', () => {
    expect(backoffDelay(0, 0.5)).toBe(0);
    expect(backoffDelay(1, 0)).toBe(500);
    expect(backoffDelay(1, 0.999)).toBe(999);
    expect(backoffDelay(2, 0)).toBe(1_000);
    expect(backoffDelay(7, 0)).toBe(30_000);
    expect(backoffDelay(50, 0.999)).toBeLessThanOrEqual(BACKOFF_MAX_MS);
  });

  it('stays within [ceiling/2, ceiling) and never decreases in its lower bound', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 200 }),
        fc.double({ min: 0, max: 0.999_999, noNaN: true }),
        (failures, r) => {
          const delay = backoffDelay(failures, r);
          expect(delay).toBeGreaterThanOrEqual(
            backoffDelay(failures - 1, 0) === 0 ? 500 : backoffDelay(failures - 1, 0),
          );
          expect(delay).toBeLessThan(BACKOFF_MAX_MS);
        },
      ),
    );
  });
});
