import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../../../src/core/journal/entry-hash';
import { GENESIS_PREV_HASH } from '../../../src/core/journal/journal-values';
import { verifyContinuation } from '../../../src/core/journal/verify-chain';
import { nodeSha256Hex } from './node-sha256';

describe('nodeSha256Hex', () => {
  it.each([
    '',
    'abc',
    '{"kind":"sale.completed","name":"Crème brûlée"}',
    'emoji 🧀 and CJK 奶酪',
    'x'.repeat(100_000),
  ])('gives the core digest of %#', (text) => {
    expect(nodeSha256Hex(text)).toBe(sha256Hex(text));
  });

  it('is the hash verifyContinuation checks with when given', () => {
    const seen: string[] = [];
    const counting = (text: string) => {
      seen.push(text);
      return nodeSha256Hex(text);
    };
    // An entry that is not even valid still has its hash computed, with the given function.
    const result = verifyContinuation(
      { sequence: 0, hash: GENESIS_PREV_HASH },
      [{ sequence: 1 }],
      undefined,
      counting,
    );
    expect(result.ok).toBe(false);
    expect(seen).toEqual(['{"sequence":1}']);
  });
});
