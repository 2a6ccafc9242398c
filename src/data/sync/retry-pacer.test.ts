import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createRetryPacer } from './retry-pacer';

describe('retry pacer', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  const settled = (promise: Promise<void>) => {
    let done = false;
    void promise.then(() => {
      done = true;
    });
    return () => done;
  };

  it('does not wait before the first failure, then waits out the back-off', async () => {
    const pacer = createRetryPacer(() => 0);
    const mark = pacer.failureMark();
    await pacer.wait(0, mark);
    const waiting = settled(pacer.wait(3, mark));
    await vi.advanceTimersByTimeAsync(1_999);
    expect(waiting()).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(waiting()).toBe(true);
  });

  it('wakes every waiting loop when a request succeeds', async () => {
    const pacer = createRetryPacer(() => 0.5);
    const mark = pacer.failureMark();
    const first = settled(pacer.wait(6, mark));
    const second = settled(pacer.wait(9, mark));
    await vi.advanceTimersByTimeAsync(100);
    expect([first(), second()]).toEqual([false, false]);
    pacer.linkUp();
    await vi.advanceTimersByTimeAsync(0);
    expect([first(), second()]).toEqual([true, true]);
  });

  it('does not wait at all when the link was seen up after the failure', async () => {
    const pacer = createRetryPacer(() => 0.5);
    const mark = pacer.failureMark();
    pacer.linkUp();
    const waiting = settled(pacer.wait(8, mark));
    await vi.advanceTimersByTimeAsync(0);
    expect(waiting()).toBe(true);
    // A failure noted after that success backs off again.
    const later = settled(pacer.wait(8, pacer.failureMark()));
    await vi.advanceTimersByTimeAsync(1_000);
    expect(later()).toBe(false);
  });

  it('stops waiting when aborted', async () => {
    const pacer = createRetryPacer(() => 0);
    const controller = new AbortController();
    const waiting = settled(pacer.wait(10, pacer.failureMark(), controller.signal));
    controller.abort();
    await vi.advanceTimersByTimeAsync(0);
    expect(waiting()).toBe(true);
  });
});
