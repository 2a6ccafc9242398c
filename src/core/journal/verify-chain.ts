import type { ChainBreak } from './chain-break';
import type { Sha256Hex } from './entry-hash';
import { type InspectedEntry, inspectEntry } from './inspect-entry';
import type { ChainHead, JournalEntry, TillIdentity } from './journal-entry';
import { GENESIS_PREV_HASH, sequenceSchema, sha256HexSchema } from './journal-values';
import { findSequenceBreaks, type SequenceFinding } from './sequence-check';

// Verifies one till's journal, as the server does on arrival and as anyone
// holding an export can. It reports every break it can attribute, in batch
// order, each at the entry that is wrong, rather than stopping at the first.

/** What the first entry of the batch must continue from. */
export type ChainStart = { readonly sequence: number; readonly prevHash: string };

export type VerifyChainOptions = {
  /** Default: the start of a till's life, sequence 1 after GENESIS_PREV_HASH. */
  readonly expectedStart?: ChainStart;
  /** The till the entries must belong to. Default: the till most sealed entries belong to. */
  readonly till?: TillIdentity;
  /** The SHA-256 to check hashes with (default: the core's pure-JS one). */
  readonly sha256Hex?: Sha256Hex;
};

export type ChainVerification =
  | {
      readonly ok: true;
      /** Last entry of the batch (or the start's predecessor when the batch is empty; null before sequence 1). */
      readonly head: ChainHead | null;
      readonly entries: readonly JournalEntry[];
    }
  | { readonly ok: false; readonly breaks: readonly ChainBreak[] };

const GENESIS: ChainStart = { sequence: 1, prevHash: GENESIS_PREV_HASH };

export function verifyChain(
  entries: readonly unknown[],
  options: VerifyChainOptions = {},
): ChainVerification {
  const start = options.expectedStart ?? GENESIS;
  // The start comes from the verifier's own store, not from the till: a bad one is a bug, not an incident.
  if (
    !sequenceSchema.safeParse(start.sequence).success ||
    !sha256HexSchema.safeParse(start.prevHash).success
  ) {
    throw new RangeError(`invalid expectedStart: ${JSON.stringify(start)}`);
  }
  const inspected = entries.map((entry, index) => inspectEntry(entry, index, options.sha256Hex));
  const till = options.till ?? chainTillOf(inspected);
  const inChain = inspected.map((e) => till === null || e.till === null || sameTill(e.till, till));
  // Foreign entries count in another till's sequence space, so they hold no number in this one.
  const sequences = inspected.map((e, i) => (inChain[i] ? e.sequence : null));
  // At most one sequence finding per entry.
  const findings = new Map(findSequenceBreaks(sequences, start.sequence).map((f) => [f.index, f]));
  const predecessors = collectPredecessors(inspected, sequences);

  const breaks = inspected.flatMap((e): ChainBreak[] => {
    const at = { index: e.index, sequence: e.sequence, entryId: e.entryId };
    if (e.entry === null) return [invalidEntry(e, at)];
    if (till !== null && !inChain[e.index]) return [foreignTill(e.entry, till, at)];
    return [
      ...[findings.get(e.index)].flatMap((f) => (f ? [sequenceBreak(f, at, start)] : [])),
      ...prevHashBreak(e.entry, predecessors, start, at),
      ...hashBreak(e.entry, e.computedHash, at),
    ];
  });
  if (breaks.length > 0) return { ok: false, breaks };

  const valid = inspected.flatMap((e) => (e.entry === null ? [] : [e.entry]));
  const last = valid.at(-1);
  const head = last
    ? { sequence: last.sequence, hash: last.hash }
    : start.sequence > 1
      ? { sequence: start.sequence - 1, hash: start.prevHash }
      : null;
  return { ok: true, head, entries: valid };
}

/** The server's incremental case: a batch that must continue a head it already holds. */
export function verifyContinuation(
  head: ChainHead,
  batch: readonly unknown[],
  till?: TillIdentity,
  hashHex?: Sha256Hex,
): ChainVerification {
  const expectedStart = { sequence: head.sequence + 1, prevHash: head.hash };
  return verifyChain(batch, {
    expectedStart,
    ...(till ? { till } : {}),
    ...(hashHex ? { sha256Hex: hashHex } : {}),
  });
}

type Location = Pick<ChainBreak, 'index' | 'sequence' | 'entryId'>;

/**
 * The till most entries belong to, counting only entries whose hash checks
 * out, so that one edited till code does not make its untouched neighbours
 * look foreign. Ties go to the earliest entry.
 */
function chainTillOf(inspected: readonly InspectedEntry[]): TillIdentity | null {
  const valid = inspected.filter((e) => e.entry !== null);
  const sealed = valid.filter((e) => e.computedHash === e.storedHash);
  const counts = new Map<string, { till: TillIdentity; count: number }>();
  for (const e of sealed.length > 0 ? sealed : valid) {
    if (e.till === null) continue;
    const tally = counts.get(tillKey(e.till)) ?? { till: e.till, count: 0 };
    counts.set(tillKey(e.till), { till: tally.till, count: tally.count + 1 });
  }
  let best: { till: TillIdentity; count: number } | null = null;
  for (const tally of counts.values()) if (best === null || tally.count > best.count) best = tally;
  return best?.till ?? null;
}

/** What the successors of the entries claiming one sequence may link to. */
type Predecessors = {
  /** Stored and recomputed hashes of every entry claiming the sequence. */
  readonly hashes: readonly string[];
  /** The hash of one of them that is intact (valid, content matches its hash), if any. */
  readonly intactHash: string | null;
};

function collectPredecessors(
  inspected: readonly InspectedEntry[],
  sequences: readonly (number | null)[],
): ReadonlyMap<number, Predecessors> {
  const bySequence = new Map<number, Predecessors>();
  inspected.forEach((e, i) => {
    const sequence = sequences[i];
    if (sequence === null || sequence === undefined) return;
    const known = bySequence.get(sequence) ?? { hashes: [], intactHash: null };
    // A successor may link to either hash: if this entry's content was edited
    // its successor still holds the stored hash; if its hash field was edited,
    // the successor holds the content's hash. Either way the break is this entry's.
    const hashes = [...known.hashes];
    for (const h of [e.computedHash, e.storedHash]) if (h !== null && !hashes.includes(h)) hashes.push(h);
    const intact = e.entry !== null && e.computedHash === e.entry.hash;
    bySequence.set(sequence, { hashes, intactHash: known.intactHash ?? (intact ? e.computedHash : null) });
  });
  return bySequence;
}

function invalidEntry(e: InspectedEntry, at: Location): ChainBreak {
  const first = e.issues[0];
  const detail = first ? `${first.path || 'entry'}: ${first.message}` : 'unreadable';
  return {
    ...at,
    code: 'invalid-entry',
    expected: null,
    actual: null,
    issues: [...e.issues],
    message: `invalid entry (${detail})`,
  };
}

function foreignTill(entry: JournalEntry, till: TillIdentity, at: Location): ChainBreak {
  const actual = { storeCode: entry.storeCode, tillCode: entry.tillCode, tillId: entry.tillId };
  const message = `entry of till ${tillKey(actual)} in the chain of till ${tillKey(till)}`;
  return { ...at, code: 'foreign-till', expected: till, actual, message };
}

function sequenceBreak(f: SequenceFinding, at: Location, start: ChainStart): ChainBreak {
  const { expected, actual } = f;
  switch (f.code) {
    case 'sequence-gap': {
      const { from, to } = f.missing;
      const missing = from === to ? `sequence ${from} is` : `sequences ${from}-${to} are`;
      return {
        ...at,
        code: f.code,
        expected,
        actual,
        missing: f.missing,
        message: `${missing} missing before ${actual}`,
      };
    }
    case 'sequence-duplicate': {
      const where =
        actual < start.sequence
          ? `is at or before the known head (${start.sequence - 1})`
          : 'appears more than once';
      return {
        ...at,
        code: f.code,
        expected,
        actual,
        message: `sequence ${actual} ${where}; expected ${expected}`,
      };
    }
    case 'sequence-out-of-order':
      return {
        ...at,
        code: f.code,
        expected,
        actual,
        message: `sequence ${actual} out of order; expected ${expected}`,
      };
  }
}

function prevHashBreak(
  entry: JournalEntry,
  predecessors: ReadonlyMap<number, Predecessors>,
  start: ChainStart,
  at: Location,
): ChainBreak[] {
  // Below the start the entry is already reported as a duplicate; with no
  // predecessor in the batch (a gap) there is nothing to link to.
  if (entry.sequence < start.sequence) return [];
  const before =
    entry.sequence === start.sequence
      ? { hashes: [start.prevHash], intactHash: start.prevHash }
      : predecessors.get(entry.sequence - 1);
  if (before === undefined || before.hashes.includes(entry.prevHash)) return [];
  // When every predecessor is itself broken (and reported), a mismatch cannot
  // be pinned on this entry: the predecessor's hash is what is unreliable.
  if (before.intactHash === null) return [];
  const message = `prevHash does not match the hash of sequence ${entry.sequence - 1}`;
  return [
    { ...at, code: 'prev-hash-mismatch', expected: before.intactHash, actual: entry.prevHash, message },
  ];
}

function hashBreak(entry: JournalEntry, computedHash: string | null, at: Location): ChainBreak[] {
  if (computedHash === null || computedHash === entry.hash) return [];
  const message = 'content does not hash to the stored hash';
  return [{ ...at, code: 'hash-mismatch', expected: computedHash, actual: entry.hash, message }];
}

function sameTill(a: TillIdentity, b: TillIdentity): boolean {
  return a.storeCode === b.storeCode && a.tillCode === b.tillCode && a.tillId === b.tillId;
}

function tillKey(t: TillIdentity): string {
  return `${t.storeCode}/${t.tillCode}/${t.tillId}`;
}
