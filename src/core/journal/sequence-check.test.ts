import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findSequenceBreaks } from './sequence-check';

describe('findSequenceBreaks', () => {
  it.each([
    ['a consecutive run', [1, 2, 3, 4], 1, []],
    ['an empty batch', [], 1, []],
    ['a run that starts where expected', [7, 8], 7, []],
    ['unreadable entries holding their slot', [1, null, 3], 1, []],
    [
      'one missing entry',
      [1, 2, 4, 5],
      1,
      [{ index: 2, code: 'sequence-gap', expected: 3, actual: 4, missing: { from: 3, to: 3 } }],
    ],
    [
      'a missing start',
      [3, 4],
      1,
      [{ index: 0, code: 'sequence-gap', expected: 1, actual: 3, missing: { from: 1, to: 2 } }],
    ],
    ['a repeated entry', [1, 2, 2, 3], 1, [{ index: 2, code: 'sequence-duplicate', expected: 3, actual: 2 }]],
    [
      'an entry the verifier already holds',
      [4, 5, 6],
      5,
      [{ index: 0, code: 'sequence-duplicate', expected: 5, actual: 4 }],
    ],
    [
      'an adjacent swap, blamed on the entry that came early',
      [1, 3, 2, 4],
      1,
      [{ index: 1, code: 'sequence-out-of-order', expected: 2, actual: 3 }],
    ],
    [
      'a distant swap, blamed on both entries',
      [1, 5, 3, 4, 2, 6],
      1,
      [
        { index: 1, code: 'sequence-out-of-order', expected: 2, actual: 5 },
        { index: 4, code: 'sequence-out-of-order', expected: 5, actual: 2 },
      ],
    ],
    [
      'one edited sequence, blamed on that entry only',
      [1, 2, 90, 4, 5],
      1,
      [{ index: 2, code: 'sequence-out-of-order', expected: 3, actual: 90 }],
    ],
    [
      'an edited last sequence',
      [1, 2, 90],
      1,
      [{ index: 2, code: 'sequence-gap', expected: 3, actual: 90, missing: { from: 3, to: 89 } }],
    ],
    [
      'a copy of a later entry moved up',
      [1, 4, 2, 3, 4, 5],
      1,
      [{ index: 1, code: 'sequence-duplicate', expected: 2, actual: 4 }],
    ],
  ])('%s', (_, sequences, start, findings) => {
    expect(findSequenceBreaks(sequences, start)).toEqual(findings);
  });

  it('finds nothing exactly when the batch counts up by one from the start', () => {
    const nearlyConsecutive = fc
      .tuple(fc.integer({ min: 1, max: 50 }), fc.integer({ min: 0, max: 12 }))
      .chain(([start, length]) =>
        fc.tuple(
          fc.constant(start),
          fc.array(fc.oneof(fc.constant(0), fc.integer({ min: -3, max: 3 })), {
            minLength: length,
            maxLength: length,
          }),
        ),
      )
      .map(([start, offsets]) => ({ start, sequences: offsets.map((o, i) => Math.max(1, start + i + o)) }));
    fc.assert(
      fc.property(nearlyConsecutive, ({ start, sequences }) => {
        const consecutive = sequences.every((s, i) => s === start + i);
        expect(findSequenceBreaks(sequences, start).length === 0).toBe(consecutive);
      }),
    );
  });

  it('after one deleted entry, blames only the entry that follows the hole', () => {
    fc.assert(
      fc.property(fc.integer({ min: 3, max: 30 }), fc.nat(), (length, at) => {
        const deleted = at % (length - 1); // not the last: deleting the tail leaves no trace
        const sequences = Array.from({ length }, (_, i) => i + 1).filter((s) => s !== deleted + 1);
        expect(findSequenceBreaks(sequences, 1)).toEqual([
          {
            index: deleted,
            code: 'sequence-gap',
            expected: deleted + 1,
            actual: deleted + 2,
            missing: { from: deleted + 1, to: deleted + 1 },
          },
        ]);
      }),
    );
  });
});
