import { describe, expect, it } from 'vitest';
import { ownProperty } from './own-property';

describe('ownProperty', () => {
  const table = { FR: 1, BE: 2 };

  it('finds own entries only', () => {
    expect(ownProperty(table, 'FR')).toBe(1);
    expect(ownProperty(table, 'DE')).toBeUndefined();
  });

  it.each(['toString', '__proto__', 'constructor'])('finds nothing for %s', (key) => {
    expect(ownProperty(table, key)).toBeUndefined();
  });
});
