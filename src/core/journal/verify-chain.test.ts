import { describe, expect, it } from 'vitest';
import { appendEntry, type JournalDraft } from './append-entry';
import { type ChainBreak, chainBreakSchema } from './chain-break';
import { computeEntryHash, hashedMaterialOf } from './entry-hash';
import type { ChainHead, JournalEntry } from './journal-entry';
import { GENESIS_PREV_HASH } from './journal-values';
import { samplePayloads } from './test-builders';
import { type ChainVerification, verifyChain, verifyContinuation } from './verify-chain';

const TILL = { storeCode: 'PAR01', tillCode: '03', tillId: 'till-7f3a' };
const OTHER_TILL = { storeCode: 'PAR01', tillCode: '04', tillId: 'till-0b12' };
const eur = (minor: number) => ({ minor, currency: 'EUR' });
const idOf = (n: number) => `01964f3e-8c2a-7b3d-9e41-${String(n).padStart(12, '0')}`;
const { sales } = samplePayloads();

/** Sale of `n` from the pool. */
function saleOf(n: number) {
  const sale = sales[n % sales.length];
  if (sale === undefined) throw new Error('the pool has sales');
  return sale;
}

function draftOf(n: number): JournalDraft {
  const at = { id: idOf(n), recordedAt: `2025-04-18T09:${String(n % 60).padStart(2, '0')}:00+02:00` };
  switch (n % 3) {
    case 0:
      return { ...at, kind: 'sale.completed', payload: saleOf(n) };
    case 1:
      return {
        ...at,
        kind: 'cash.movement',
        payload: { type: 'paid-out', amount: eur(n), staffId: 'S1', reason: 'Café' },
      };
    default:
      return {
        ...at,
        kind: 'shift.opened',
        payload: { shiftId: idOf(n), staffId: 'S1', openingFloat: eur(15000) },
      };
  }
}

function append(head: ChainHead | null, n: number, till = TILL): JournalEntry {
  const result = appendEntry(head, draftOf(n), till);
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value.entry;
}

/** A chain of `length` entries of one till, as JSON-ready objects (what the server receives). */
function chainOf(length: number, till = TILL, firstDraft = 1): JournalEntry[] {
  const entries: JournalEntry[] = [];
  for (let i = 0; i < length; i++) entries.push(append(entries.at(-1) ?? null, firstDraft + i, till));
  return entries;
}

function at<T>(items: readonly T[], index: number): T {
  const item = items[index];
  if (item === undefined) throw new Error(`no item at ${index}`);
  return item;
}

/** An editable deep copy, as a tamperer holding the export would have. */
const copyOf = (entry: JournalEntry): Record<string, unknown> => JSON.parse(JSON.stringify(entry));

function hashOf(entry: object): string {
  const hash = computeEntryHash(hashedMaterialOf(entry));
  if (!hash.ok) throw new Error('not canonical');
  return hash.value;
}

function breaksOf(result: ChainVerification): readonly ChainBreak[] {
  if (result.ok) throw new Error('expected the chain to break');
  for (const b of result.breaks) expect(chainBreakSchema.parse(b)).toEqual(b);
  return result.breaks;
}

describe('verifyChain: intact chains', () => {
  it('accepts a chain and returns its head and typed entries, also after a JSON round trip', () => {
    const chain = chainOf(6);
    const last = chain[5];
    const expected = { ok: true, head: { sequence: 6, hash: last?.hash }, entries: chain };
    expect(verifyChain(chain)).toEqual(expected);
    expect(verifyChain(JSON.parse(JSON.stringify(chain)))).toEqual(expected);
  });

  it('accepts an empty batch: no head before sequence 1, the start otherwise', () => {
    expect(verifyChain([])).toEqual({ ok: true, head: null, entries: [] });
    const start = { sequence: 10, prevHash: 'c'.repeat(64) };
    expect(verifyChain([], { expectedStart: start })).toEqual({
      ok: true,
      head: { sequence: 9, hash: start.prevHash },
      entries: [],
    });
  });

  it('refuses a malformed expected start as a programming error', () => {
    expect(() => verifyChain([], { expectedStart: { sequence: 0, prevHash: GENESIS_PREV_HASH } })).toThrow(
      RangeError,
    );
  });
});

describe('verifyChain: one case per break code', () => {
  it('hash-mismatch: content edited after sealing, blamed on that entry only', () => {
    const chain = chainOf(5);
    const edited = copyOf(at(chain, 1));
    expect(edited.kind).toBe('shift.opened');
    edited.payload = { shiftId: idOf(2), staffId: 'S1', openingFloat: eur(5000) };
    const breaks = breaksOf(verifyChain([chain[0], edited, ...chain.slice(2)]));
    expect(breaks).toEqual([
      expect.objectContaining({
        index: 1,
        sequence: 2,
        entryId: idOf(2),
        code: 'hash-mismatch',
        expected: hashOf(edited),
        actual: chain[1]?.hash,
      }),
    ]);
  });

  it('hash-mismatch: the hash field itself edited, blamed on that entry only', () => {
    const chain = chainOf(4);
    const edited = { ...chain[2], hash: 'f'.repeat(64) };
    expect(breaksOf(verifyChain([...chain.slice(0, 2), edited, chain[3]]))).toEqual([
      expect.objectContaining({
        index: 2,
        code: 'hash-mismatch',
        expected: chain[2]?.hash,
        actual: 'f'.repeat(64),
      }),
    ]);
  });

  it('prev-hash-mismatch: an entry edited and resealed no longer matches the link from its successor', () => {
    const chain = chainOf(4);
    const forged = copyOf(at(chain, 1));
    forged.recordedAt = '2025-04-18T08:00:00+02:00';
    forged.hash = hashOf(forged);
    expect(breaksOf(verifyChain([chain[0], forged, chain[2], chain[3]]))).toEqual([
      expect.objectContaining({
        index: 2,
        sequence: 3,
        code: 'prev-hash-mismatch',
        expected: forged.hash,
        actual: chain[1]?.hash,
      }),
    ]);
  });

  it('prev-hash-mismatch: sequence 1 must follow the genesis hash', () => {
    const first = copyOf(at(chainOf(1), 0));
    first.prevHash = 'e'.repeat(64);
    first.hash = hashOf(first);
    expect(breaksOf(verifyChain([first]))).toEqual([
      expect.objectContaining({
        index: 0,
        code: 'prev-hash-mismatch',
        expected: GENESIS_PREV_HASH,
        actual: 'e'.repeat(64),
      }),
    ]);
  });

  it('sequence-gap: a deleted entry is reported at its successor with the missing range', () => {
    const chain = chainOf(6);
    const breaks = breaksOf(verifyChain([...chain.slice(0, 2), ...chain.slice(4)]));
    expect(breaks).toEqual([
      expect.objectContaining({
        index: 2,
        sequence: 5,
        code: 'sequence-gap',
        expected: 3,
        actual: 5,
        missing: { from: 3, to: 4 },
      }),
    ]);
    expect(breaks[0]?.message).toBe('sequences 3-4 are missing before 5');
  });

  it('sequence-duplicate: an entry sent twice is reported at the second copy', () => {
    const chain = chainOf(4);
    expect(breaksOf(verifyChain([...chain, chain[1]]))).toEqual([
      expect.objectContaining({ index: 4, sequence: 2, code: 'sequence-duplicate', expected: 5, actual: 2 }),
    ]);
  });

  it('sequence-duplicate: a fork (two sealed entries claiming one sequence) is reported at the second', () => {
    const chain = chainOf(4);
    const fork = append(chain[1] ?? null, 40);
    expect(fork.sequence).toBe(3);
    expect(breaksOf(verifyChain([chain[0], chain[1], fork, chain[2], chain[3]]))).toEqual([
      expect.objectContaining({
        index: 3,
        sequence: 3,
        entryId: idOf(3),
        code: 'sequence-duplicate',
        expected: 4,
        actual: 3,
      }),
    ]);
  });

  it('sequence-out-of-order: swapped entries', () => {
    const chain = chainOf(5);
    const [a, b, c, d, e] = chain;
    expect(breaksOf(verifyChain([a, c, b, d, e]))).toEqual([
      expect.objectContaining({
        index: 1,
        sequence: 3,
        code: 'sequence-out-of-order',
        expected: 2,
        actual: 3,
      }),
    ]);
    expect(breaksOf(verifyChain([a, e, c, d, b]))).toEqual([
      expect.objectContaining({
        index: 1,
        sequence: 5,
        code: 'sequence-out-of-order',
        expected: 2,
        actual: 5,
      }),
      expect.objectContaining({
        index: 4,
        sequence: 2,
        code: 'sequence-out-of-order',
        expected: 5,
        actual: 2,
      }),
    ]);
  });

  it('invalid-entry: unreadable or schema-invalid entries, without blaming their neighbours', () => {
    const chain = chainOf(5);
    const missingStaff = copyOf(at(chain, 3));
    expect(missingStaff.kind).toBe('cash.movement');
    missingStaff.payload = { type: 'paid-out', amount: eur(4), reason: 'Café' };
    const breaks = breaksOf(verifyChain([chain[0], 'not an entry', chain[2], missingStaff, chain[4]]));
    expect(breaks).toEqual([
      expect.objectContaining({
        index: 1,
        sequence: null,
        entryId: null,
        code: 'invalid-entry',
        expected: null,
        actual: null,
      }),
      expect.objectContaining({ index: 3, sequence: 4, entryId: idOf(4), code: 'invalid-entry' }),
    ]);
    expect(breaks[1]).toMatchObject({ issues: [{ path: 'payload.staffId' }] });
  });

  it('invalid-entry: a lone surrogate in a name, refused by the payload schema', () => {
    const sale = saleOf(3);
    const lines = sale.lines.map((l, i) => (i === 0 ? { ...l, name: 'caf\ud800' } : l));
    const edited = { ...copyOf(at(chainOf(1, TILL, 3), 0)), payload: { ...sale, lines } };
    expect(breaksOf(verifyChain([edited]))).toEqual([
      expect.objectContaining({
        index: 0,
        code: 'invalid-entry',
        issues: [expect.objectContaining({ path: 'payload.lines.0.name' })],
      }),
    ]);
  });

  it('invalid-entry: schema-valid but not canonically encodable (-0)', () => {
    const sale = saleOf(3);
    const edited = {
      ...copyOf(at(chainOf(1, TILL, 3), 0)),
      payload: { ...sale, change: { minor: -0, currency: sale.currency } },
    };
    expect(breaksOf(verifyChain([edited]))).toEqual([
      expect.objectContaining({
        index: 0,
        code: 'invalid-entry',
        issues: [{ path: 'payload.change.minor', message: 'not canonical JSON: negative-zero' }],
      }),
    ]);
  });

  it('invalid-entry: a renamed hash member is blamed on that entry, not on its successor', () => {
    const chain = chainOf(3);
    const renamed = copyOf(at(chain, 1));
    renamed[' ash'] = renamed.hash;
    delete renamed.hash;
    expect(breaksOf(verifyChain([chain[0], renamed, chain[2]]))).toEqual([
      expect.objectContaining({ index: 1, sequence: 2, code: 'invalid-entry' }),
    ]);
  });

  it('hash-mismatch: content and hash both edited is blamed on that entry, not on its successor', () => {
    const chain = chainOf(3);
    const edited = { ...copyOf(at(chain, 1)), recordedAt: '2030-01-01T00:00:00Z', hash: '1'.repeat(64) };
    expect(breaksOf(verifyChain([chain[0], edited, chain[2]]))).toEqual([
      expect.objectContaining({
        index: 1,
        code: 'hash-mismatch',
        expected: hashOf(edited),
        actual: '1'.repeat(64),
      }),
    ]);
  });

  it('foreign-till: an entry of another till mixed into the batch', () => {
    const chain = chainOf(3);
    const stranger = chainOf(2, OTHER_TILL)[1];
    expect(breaksOf(verifyChain([chain[0], stranger, chain[1], chain[2]]))).toEqual([
      expect.objectContaining({ index: 1, code: 'foreign-till', expected: TILL, actual: OTHER_TILL }),
    ]);
  });

  it('foreign-till: every entry, when the verifier names a different till', () => {
    const breaks = breaksOf(verifyChain(chainOf(2), { till: OTHER_TILL }));
    expect(breaks.map((b) => [b.index, b.code])).toEqual([
      [0, 'foreign-till'],
      [1, 'foreign-till'],
    ]);
  });

  it('reports every independent break of a batch in one pass, in batch order', () => {
    const chain = chainOf(7);
    const edited = { ...copyOf(at(chain, 1)), recordedAt: '2030-01-01T00:00:00Z' };
    const batch = [chain[0], edited, chain[2], chain[4], chain[5], chain[5], chain[6]];
    expect(breaksOf(verifyChain(batch)).map((b) => [b.index, b.code])).toEqual([
      [1, 'hash-mismatch'],
      [3, 'sequence-gap'],
      [5, 'sequence-duplicate'],
    ]);
  });
});

describe('verifyContinuation: the server holds the head', () => {
  const chain = chainOf(6);
  const head = { sequence: 2, hash: chain[1]?.hash ?? '' };

  it('accepts the entries that follow the head', () => {
    expect(verifyContinuation(head, chain.slice(2), TILL)).toMatchObject({ ok: true, head: { sequence: 6 } });
  });

  it('reports the entries missing between the head and the batch as a gap', () => {
    expect(breaksOf(verifyContinuation(head, chain.slice(4)))).toEqual([
      expect.objectContaining({
        index: 0,
        sequence: 5,
        code: 'sequence-gap',
        expected: 3,
        actual: 5,
        missing: { from: 3, to: 4 },
      }),
    ]);
  });

  it('reports entries at or before the head as duplicates', () => {
    const breaks = breaksOf(verifyContinuation(head, chain.slice(1)));
    expect(breaks).toEqual([
      expect.objectContaining({ index: 0, sequence: 2, code: 'sequence-duplicate', expected: 3, actual: 2 }),
    ]);
    expect(breaks[0]?.message).toContain('known head (2)');
  });

  it('reports a batch that does not link to the head the server holds', () => {
    const otherHead = { sequence: 2, hash: 'd'.repeat(64) };
    expect(breaksOf(verifyContinuation(otherHead, chain.slice(2)))).toEqual([
      expect.objectContaining({
        index: 0,
        sequence: 3,
        code: 'prev-hash-mismatch',
        expected: 'd'.repeat(64),
        actual: head.hash,
      }),
    ]);
  });
});
