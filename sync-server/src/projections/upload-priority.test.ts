import { describe, expect, it } from 'vitest';
import { createUploadPriority } from './upload-priority';

function clocked() {
  let t = 1_000;
  const priority = createUploadPriority({
    bulkEntries: 100,
    graceMs: 250,
    maxDeferMs: 2_000,
    pollMs: 20,
    now: () => t,
  });
  return { priority, advance: (ms: number) => (t += ms) };
}

describe('upload priority: bulk journal uploads before projections', () => {
  it('lets the projector go when no bulk upload is in flight, whatever the small ones', () => {
    const { priority } = clocked();
    expect(priority.projectorWaitMs()).toBe(0);
    const done = priority.begin(1);
    expect(priority.projectorWaitMs()).toBe(0);
    done();
    expect(priority.projectorWaitMs()).toBe(0);
  });

  it('holds the projector while a bulk upload is stored, and for the grace after its answer', () => {
    const { priority, advance } = clocked();
    const done = priority.begin(1_000);
    expect(priority.projectorWaitMs()).toBe(20);
    advance(300);
    expect(priority.projectorWaitMs()).toBe(20);
    done();
    expect(priority.projectorWaitMs()).toBe(20);
    advance(240);
    expect(priority.projectorWaitMs()).toBe(10);
    advance(10);
    expect(priority.projectorWaitMs()).toBe(0);
  });

  it('never holds the projector more than maxDeferMs in a row: one batch, then it may wait again', () => {
    const { priority, advance } = clocked();
    priority.begin(1_000);
    expect(priority.projectorWaitMs()).toBe(20);
    advance(1_990);
    expect(priority.projectorWaitMs()).toBe(10);
    advance(10);
    expect(priority.projectorWaitMs()).toBe(0);
    // The next batch's wait starts now.
    expect(priority.projectorWaitMs()).toBe(20);
    advance(2_000);
    expect(priority.projectorWaitMs()).toBe(0);
  });

  it('counts several bulk uploads at once, and an answer told twice once', () => {
    const { priority, advance } = clocked();
    const first = priority.begin(500);
    const second = priority.begin(500);
    first();
    first();
    advance(1_000);
    expect(priority.projectorWaitMs()).toBe(20);
    second();
    advance(250);
    expect(priority.projectorWaitMs()).toBe(0);
  });
});
