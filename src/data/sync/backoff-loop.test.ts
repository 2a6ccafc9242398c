import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { coalescedRetryLoop } from './backoff-loop';
import { createRetryPacer } from './retry-pacer';

describe('a coalesced retry loop', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  /** A pass that waits until `finish()` and counts its starts. */
  const gatedPasses = () => {
    const gates: (() => void)[] = [];
    let failNext = 0;
    const state = {
      starts: 0,
      pass: () => {
        state.starts++;
        if (failNext > 0) {
          failNext--;
          return Promise.reject(new Error('server unreachable'));
        }
        return new Promise<void>((resolve) => gates.push(resolve));
      },
      finish: () => gates.shift()?.(),
      failTimes: (n: number) => {
        failNext = n;
      },
    };
    return state;
  };

  it('runs one pass at a time and folds every request made meanwhile into one more pass', async () => {
    const work = gatedPasses();
    const active: boolean[] = [];
    const loop = coalescedRetryLoop({
      pacer: createRetryPacer(() => 0),
      signal: new AbortController().signal,
      pass: work.pass,
      onActive: (a) => active.push(a),
    });
    const first = loop.run();
    await vi.advanceTimersByTimeAsync(0);
    void loop.run();
    void loop.run();
    void loop.run();
    expect(work.starts).toBe(1);
    work.finish();
    await vi.advanceTimersByTimeAsync(0);
    expect(work.starts).toBe(2);
    work.finish();
    await first;
    expect(work.starts).toBe(2);
    expect(active).toEqual([true, false]);
  });

  it('retries a failed pass on the back-off, says why, and clears the error once a pass succeeds', async () => {
    const work = gatedPasses();
    work.failTimes(2);
    const errors: (string | undefined)[] = [];
    let successes = 0;
    const loop = coalescedRetryLoop({
      pacer: createRetryPacer(() => 0),
      signal: new AbortController().signal,
      pass: work.pass,
      onError: (message) => errors.push(message),
      onSuccess: () => successes++,
    });
    const done = loop.run();
    await vi.advanceTimersByTimeAsync(0);
    expect(work.starts).toBe(1);
    // The second attempt waits out the first back-off (jitter 0: half of 1 s).
    await vi.advanceTimersByTimeAsync(400);
    expect(work.starts).toBe(1);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(work.starts).toBe(3);
    work.finish();
    await done;
    expect(errors).toEqual(['server unreachable', 'server unreachable', undefined]);
    expect(successes).toBe(1);
  });

  it('stops retrying once aborted', async () => {
    const work = gatedPasses();
    work.failTimes(100);
    const stop = new AbortController();
    const loop = coalescedRetryLoop({
      pacer: createRetryPacer(() => 0),
      signal: stop.signal,
      pass: work.pass,
    });
    const done = loop.run();
    await vi.advanceTimersByTimeAsync(0);
    stop.abort();
    await done;
    const starts = work.starts;
    await vi.advanceTimersByTimeAsync(600_000);
    expect(work.starts).toBe(starts);
  });

  it('runs exclusive work between passes; during one, asks for one more pass instead', async () => {
    const work = gatedPasses();
    const loop = coalescedRetryLoop({
      pacer: createRetryPacer(() => 0),
      signal: new AbortController().signal,
      pass: work.pass,
    });
    expect(await loop.exclusive(async () => 'applied')).toBe('applied');
    expect(work.starts).toBe(0);
    const done = loop.run();
    await vi.advanceTimersByTimeAsync(0);
    expect(await loop.exclusive(async () => 'applied')).toBe('busy');
    work.finish();
    await vi.advanceTimersByTimeAsync(0);
    expect(work.starts).toBe(2);
    work.finish();
    await done;
    // A pass asked for while exclusive work runs starts once that work is done.
    let release!: () => void;
    const applying = loop.exclusive(
      () => new Promise<string>((resolve) => (release = () => resolve('applied'))),
    );
    await loop.run();
    expect(work.starts).toBe(2);
    release();
    expect(await applying).toBe('applied');
    await vi.advanceTimersByTimeAsync(0);
    expect(work.starts).toBe(3);
    work.finish();
  });
});
