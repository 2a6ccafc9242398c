// Finds where the sequences of one till's batch stop counting 1, 2, 3...
//
// The aim is to blame the entry that is actually wrong, once, rather than
// every entry after it. So after a break the expected sequence is re-anchored
// by looking at the next entry:
// - the next entry has the sequence expected here: this entry is an intruder
//   (a copy, an entry moved up); the count carries on as if it were absent;
// - the next entry has the one after: this entry holds its slot but carries a
//   wrong number (an edited sequence, an entry swapped in from further away);
// - otherwise the chain really jumps (entries deleted): continue from here.

export type SequenceFinding =
  | {
      readonly index: number;
      readonly code: 'sequence-gap';
      readonly expected: number;
      readonly actual: number;
      readonly missing: { readonly from: number; readonly to: number };
    }
  | {
      readonly index: number;
      readonly code: 'sequence-duplicate' | 'sequence-out-of-order';
      readonly expected: number;
      readonly actual: number;
    };

/**
 * @param sequences the claimed sequence of each entry in batch order; null for
 *   entries that have no readable sequence in this till (they hold a position
 *   but are reported elsewhere).
 * @param firstExpected the sequence the batch must start with; lower ones are
 *   duplicates of entries already known.
 */
export function findSequenceBreaks(
  sequences: readonly (number | null)[],
  firstExpected: number,
): readonly SequenceFinding[] {
  const occurrences = new Map<number, number>();
  for (const s of sequences) if (s !== null) occurrences.set(s, (occurrences.get(s) ?? 0) + 1);

  const findings: SequenceFinding[] = [];
  // Sequences already seen ahead of their turn: when the count reaches them it skips them.
  const seenEarly = new Set<number>();
  let expected = firstExpected;
  const advance = (): void => {
    expected += 1;
    while (seenEarly.delete(expected)) expected += 1;
  };

  sequences.forEach((actual, index) => {
    if (actual === expected) {
      advance();
      return;
    }
    const next = sequences[index + 1] ?? null;
    const isDuplicate = actual !== null && (actual < firstExpected || (occurrences.get(actual) ?? 0) > 1);
    if (actual !== null) findings.push(classify(sequences, index, actual, expected, isDuplicate));

    if (next === expected) {
      if (actual !== null && actual > expected && !isDuplicate) seenEarly.add(actual);
    } else if (next === expected + 1) {
      advance();
    } else if (actual !== null && actual > expected) {
      expected = actual;
      advance();
    }
  });
  return findings;
}

function classify(
  sequences: readonly (number | null)[],
  index: number,
  actual: number,
  expected: number,
  isDuplicate: boolean,
): SequenceFinding {
  if (isDuplicate) return { index, code: 'sequence-duplicate', expected, actual };
  if (actual < expected) return { index, code: 'sequence-out-of-order', expected, actual };
  // A jump forward is a gap only if the skipped sequences are nowhere later in
  // the batch; if one of them comes later, the entries are merely out of order.
  // Linear scan, but only on a break, and batches are one till's entries.
  const skippedComesLater = sequences.some(
    (s, later) => later > index && s !== null && s >= expected && s < actual,
  );
  if (skippedComesLater) return { index, code: 'sequence-out-of-order', expected, actual };
  return { index, code: 'sequence-gap', expected, actual, missing: { from: expected, to: actual - 1 } };
}
