import { describe, expect, it } from 'vitest';
import { createModalStack } from './modal-stack';

const scan = (data: string) => ({ data, source: 'keyboard-wedge' as const });

describe('the till’s modal stack', () => {
  it('has nothing on top when no dialog is open, and the last opened on top', () => {
    const stack = createModalStack();
    expect(stack.onTop()).toBeUndefined();
    const taken: string[] = [];
    const under = stack.newId();
    const over = stack.newId();
    stack.enter(under, (s) => {
      taken.push(`under ${s.data}`);
      return true;
    });
    stack.enter(over, (s) => {
      taken.push(`over ${s.data}`);
      return true;
    });
    expect(stack.onTop()?.takeScan(scan('123'))).toBe(true);
    stack.leave(over);
    expect(stack.onTop()?.takeScan(scan('456'))).toBe(true);
    stack.leave(under);
    expect(stack.onTop()).toBeUndefined();
    expect(taken).toEqual(['over 123', 'under 456']);
  });

  it('a dialog without a code field takes no scan, and is told how many it ignored until it closes', () => {
    const stack = createModalStack();
    const id = stack.newId();
    stack.enter(id, undefined);
    const top = stack.onTop();
    expect(top?.takeScan(scan('3017620422003'))).toBe(false);
    top?.scanIgnored();
    top?.scanIgnored();
    expect(stack.store.getState().ignored).toEqual({ id, times: 2 });
    stack.leave(id);
    expect(stack.store.getState()).toEqual({ open: [], ignored: undefined });
  });
});
