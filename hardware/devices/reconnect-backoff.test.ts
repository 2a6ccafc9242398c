import { describe, expect, it } from 'vitest';
import { reconnectDelay } from './reconnect-backoff';

describe('reconnectDelay', () => {
  it('doubles from the base up to the ceiling', () => {
    const options = { baseMs: 250, maxMs: 5_000 };
    expect([0, 1, 2, 3, 4, 5, 6, 50].map((n) => reconnectDelay(n, options))).toEqual([
      0, 250, 500, 1_000, 2_000, 4_000, 5_000, 5_000,
    ]);
  });
});
