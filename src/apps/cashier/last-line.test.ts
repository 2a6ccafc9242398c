import { describe, expect, it } from 'vitest';
import { type LineSnapshot, lastTouchedLine } from './last-line';

const line = (lineId: string, shape = '1'): LineSnapshot => ({ lineId, shape });

describe('the last touched line of the basket', () => {
  it('a restored basket shows its last line; an empty one, none', () => {
    expect(lastTouchedLine(undefined, [line('a'), line('b')], undefined)).toBe('b');
    expect(lastTouchedLine([line('a')], [], 'a')).toBeUndefined();
  });

  it('a scan: the new line', () => {
    expect(lastTouchedLine([line('a'), line('b')], [line('a'), line('b'), line('c')], 'b')).toBe('c');
  });

  it('a quantity changed on an earlier line: that line', () => {
    expect(lastTouchedLine([line('a'), line('b')], [line('a', '3'), line('b')], 'b')).toBe('a');
  });

  it('nothing changed (a new render): the same line stays', () => {
    expect(lastTouchedLine([line('a'), line('b')], [line('a'), line('b')], 'a')).toBe('a');
  });

  it('the touched line voided: the basket’s last line', () => {
    expect(lastTouchedLine([line('a'), line('b'), line('c')], [line('a'), line('b')], 'c')).toBe('b');
  });
});
