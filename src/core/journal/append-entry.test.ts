import { describe, expect, it } from 'vitest';
import { type AppendedEntry, appendEntry, type JournalDraft } from './append-entry';
import { computeEntryHash, hashedMaterialOf } from './entry-hash';
import { GENESIS_PREV_HASH, MAX_SEQUENCE } from './journal-values';
import { aPlainSale, aReturnOf, someHandovers } from './test-builders';

const TILL = { storeCode: 'PAR01', tillCode: '03', tillId: 'till-7f3a' };
const ID_1 = '01964f3e-8c2a-7b3d-9e41-2f6a8c0d1e57';
const ID_2 = '01964f3e-9d11-7000-8000-000000000002';
const AT = '2025-04-18T17:42:05.120+02:00';

const safeDrop: JournalDraft = {
  kind: 'cash.movement',
  id: ID_1,
  recordedAt: AT,
  payload: { type: 'safe-drop', amount: { minor: 40000, currency: 'EUR' }, staffId: 'S1' },
};

function sealed(result: ReturnType<typeof appendEntry>): AppendedEntry {
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
}

describe('appendEntry', () => {
  it('starts a chain at sequence 1 after the genesis hash, and seals with the hash of the rest', () => {
    const { entry, receiptNumber } = sealed(appendEntry(null, safeDrop, TILL));
    expect(entry).toMatchObject({
      ...TILL,
      id: ID_1,
      sequence: 1,
      prevHash: GENESIS_PREV_HASH,
      kind: 'cash.movement',
    });
    expect(computeEntryHash(hashedMaterialOf(entry))).toEqual({ ok: true, value: entry.hash });
    expect(receiptNumber).toBeNull();
  });

  it('continues from the head: next sequence, prevHash = head hash, receipt number for a sale', () => {
    const first = sealed(appendEntry(null, safeDrop, TILL)).entry;
    const sale: JournalDraft = { kind: 'sale.completed', id: ID_2, recordedAt: AT, payload: aPlainSale() };
    const { entry, receiptNumber } = sealed(appendEntry(first, sale, TILL));
    expect(entry.sequence).toBe(2);
    expect(entry.prevHash).toBe(first.hash);
    expect(entry.hash).not.toBe(first.hash);
    expect(receiptNumber).toBe('PAR01-03-000002');
  });

  it('returns a deeply frozen entry that shares nothing with the draft', () => {
    const [example] = someHandovers();
    if (example === undefined) throw new Error('fixture: no handover');
    // A handover record is a plain object, and this one has a line array the test can still change.
    const lines = [{ lineId: 'l1', quantity: 1 }];
    const payload = { ...example, lines };
    const appended = sealed(
      appendEntry(null, { kind: 'order.handover', id: ID_1, recordedAt: AT, payload }, TILL),
    );
    const { entry } = appended;
    expect(Object.isFrozen(appended)).toBe(true);
    expect(Object.isFrozen(entry)).toBe(true);
    expect(Object.isFrozen(entry.payload)).toBe(true);
    expect(entry.kind === 'order.handover' && Object.isFrozen(entry.payload.lines)).toBe(true);
    expect(entry.kind === 'order.handover' && Object.isFrozen(entry.payload.lines[0])).toBe(true);
    expect(Object.isFrozen(payload)).toBe(false);
    lines[0] = { lineId: 'l2', quantity: 9 };
    expect(appended.entry.payload).toEqual({ ...example, lines: [{ lineId: 'l1', quantity: 1 }] });
    expect(() => Object.assign(appended.entry, { sequence: 9 })).toThrow(TypeError);
  });

  it('refuses a payload that does not match its kind, pointing at the field', () => {
    const draft: JournalDraft = {
      kind: 'cash.movement',
      id: ID_1,
      recordedAt: AT,
      payload: { type: 'safe-drop', amount: { minor: 12.5, currency: 'EUR' }, staffId: 'S1' },
    };
    const result = appendEntry(null, draft, TILL);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('invalid-payload');
      expect(result.error).toMatchObject({ issues: [{ path: 'payload.amount.minor' }] });
    }
  });

  it('refuses an unknown kind', () => {
    const draft = { kind: 'sale.voided', id: ID_1, recordedAt: AT, payload: {} };
    // @ts-expect-error: the point is to pass what the type forbids, as untyped callers could.
    expect(appendEntry(null, draft, TILL)).toEqual({
      ok: false,
      error: { code: 'unknown-kind', kind: 'sale.voided' },
    });
  });

  it.each([
    ['an upper-case id', { id: ID_1.toUpperCase() }, 'id'],
    ['a UUIDv4 id', { id: '3b241101-e2bb-4255-8caf-4136c566a962' }, 'id'],
    ['a recordedAt without offset', { recordedAt: '2025-04-18 17:42' }, 'recordedAt'],
  ])('refuses %s as an invalid entry', (_, change, path) => {
    const result = appendEntry(null, { ...safeDrop, ...change }, TILL);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-entry', issues: [{ path }] } });
  });

  it('refuses a malformed till and a malformed head', () => {
    expect(appendEntry(null, safeDrop, { ...TILL, tillCode: '3-A' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-till', issues: [{ path: 'tillCode' }] },
    });
    expect(appendEntry({ sequence: 3, hash: 'XYZ' }, safeDrop, TILL)).toMatchObject({
      ok: false,
      error: { code: 'invalid-head', issues: [{ path: 'hash' }] },
    });
  });

  it('refuses to go past the last sequence a receipt number can carry', () => {
    const head = { sequence: MAX_SEQUENCE, hash: 'a'.repeat(64) };
    expect(appendEntry(head, safeDrop, TILL)).toMatchObject({
      ok: false,
      error: { code: 'invalid-entry', issues: [{ path: 'sequence' }] },
    });
  });

  it('refuses a record its schema accepts but the canonical encoding does not, with the path', () => {
    // Zod accepts -0 as an integer; the hash rule refuses it.
    const sale = aPlainSale();
    const withNegativeZero: JournalDraft = {
      kind: 'sale.completed',
      id: ID_1,
      recordedAt: AT,
      payload: { ...sale, change: { minor: -0, currency: 'EUR' } },
    };
    expect(appendEntry(null, withNegativeZero, TILL)).toEqual({
      ok: false,
      error: {
        code: 'not-canonical',
        error: { code: 'canonical-json-refused', reason: 'negative-zero', path: '$.payload.change.minor' },
      },
    });
  });

  it('refuses a lone surrogate in a name as a payload error, before anything is hashed', () => {
    const sale = aPlainSale();
    const lines = sale.lines.map((l, i) => (i === 1 ? { ...l, name: 'Caf\ud83d' } : l));
    const withLoneSurrogate: JournalDraft = {
      kind: 'sale.completed',
      id: ID_1,
      recordedAt: AT,
      payload: { ...sale, lines },
    };
    expect(appendEntry(null, withLoneSurrogate, TILL)).toMatchObject({
      ok: false,
      error: { code: 'invalid-payload', issues: [{ path: 'payload.lines.1.name' }] },
    });
  });

  it('refuses undefined members in a record before anything is hashed', () => {
    const [handover] = someHandovers();
    if (handover === undefined) throw new Error('fixture: no handover');
    const withUndefined = {
      kind: 'order.handover',
      id: ID_1,
      recordedAt: AT,
      payload: { ...handover, note: undefined },
    };
    // @ts-expect-error: the point is to pass what the type forbids, as untyped callers could.
    expect(appendEntry(null, withUndefined, TILL)).toMatchObject({
      ok: false,
      error: { code: 'invalid-payload', issues: [{ path: 'payload' }] },
    });
  });
});

describe('appendEntry: sales, returns and handovers are checked against their own schemas', () => {
  const sale = aPlainSale();
  const saleReturn = aReturnOf(sale, 5);
  const [handover] = someHandovers();
  if (handover === undefined) throw new Error('fixture: no handover');
  const head = sealed(appendEntry(null, safeDrop, TILL)).entry;

  /** Refused with the expected issue, and the head is unchanged: the next valid record still gets sequence 2. */
  function expectRefused(draft: JournalDraft, path: string): void {
    expect(appendEntry(head, draft, TILL)).toEqual({
      ok: false,
      error: { code: 'invalid-payload', issues: expect.arrayContaining([expect.objectContaining({ path })]) },
    });
    const next = sealed(appendEntry(head, { ...safeDrop, id: ID_2 }, TILL)).entry;
    expect(next).toMatchObject({ sequence: 2, prevHash: head.hash });
  }

  it('accepts the records as built', () => {
    const drafts: JournalDraft[] = [
      { kind: 'sale.completed', id: ID_2, recordedAt: AT, payload: sale },
      { kind: 'return.completed', id: ID_2, recordedAt: AT, payload: saleReturn },
      { kind: 'order.handover', id: ID_2, recordedAt: AT, payload: handover },
    ];
    for (const draft of drafts) {
      expect(sealed(appendEntry(head, draft, TILL)).entry).toMatchObject({
        sequence: 2,
        payload: draft.payload,
      });
    }
  });

  it('refuses a sale whose totals do not add up', () => {
    const total = { ...sale.totals.total, minor: sale.totals.total.minor + 100 };
    const payload = { ...sale, totals: { ...sale.totals, total } };
    expectRefused({ kind: 'sale.completed', id: ID_2, recordedAt: AT, payload }, 'payload.totals.total');
  });

  it('refuses a return that pays back more than its lines are worth', () => {
    const refunds = saleReturn.refunds.map((r, i) =>
      i === 0 ? { ...r, amount: { ...r.amount, minor: r.amount.minor + 100 } } : r,
    );
    const payload = { ...saleReturn, refunds };
    expectRefused({ kind: 'return.completed', id: ID_2, recordedAt: AT, payload }, 'payload.refunds');
  });

  it('refuses a handover with a negative quantity', () => {
    const payload = { ...handover, lines: [{ lineId: 'l1', quantity: -1 }] };
    expectRefused({ kind: 'order.handover', id: ID_2, recordedAt: AT, payload }, 'payload.lines.0.quantity');
  });

  it('refuses a record journaled under the kind of another record', () => {
    // @ts-expect-error: a sale is not a return, which the types already say.
    expectRefused({ kind: 'return.completed', id: ID_2, recordedAt: AT, payload: sale }, 'payload');
  });
});
