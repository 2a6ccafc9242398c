import { describe, expect, it } from 'vitest';
import { type AppendedEntry, appendEntry, type JournalDraft } from './append-entry';
import { computeEntryHash, hashedMaterialOf } from './entry-hash';
import { GENESIS_PREV_HASH, MAX_SEQUENCE } from './journal-values';

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
    const sale: JournalDraft = { kind: 'sale.completed', id: ID_2, recordedAt: AT, payload: { total: 1250 } };
    const { entry, receiptNumber } = sealed(appendEntry(first, sale, TILL));
    expect(entry.sequence).toBe(2);
    expect(entry.prevHash).toBe(first.hash);
    expect(entry.hash).not.toBe(first.hash);
    expect(receiptNumber).toBe('PAR01-03-000002');
  });

  it('returns a deeply frozen entry that shares nothing with the draft', () => {
    const payload = { lines: [{ sku: 'A', qty: 2 }] };
    const appended = sealed(
      appendEntry(null, { kind: 'sale.completed', id: ID_1, recordedAt: AT, payload }, TILL),
    );
    const { entry } = appended;
    expect(Object.isFrozen(appended)).toBe(true);
    expect(Object.isFrozen(entry)).toBe(true);
    expect(Object.isFrozen(entry.payload)).toBe(true);
    expect(entry.kind === 'sale.completed' && Object.isFrozen(entry.payload.lines)).toBe(true);
    expect(Object.isFrozen(payload)).toBe(false);
    payload.lines[0] = { sku: 'B', qty: 9 };
    expect(appended.entry.payload).toEqual({ lines: [{ sku: 'A', qty: 2 }] });
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

  it('refuses placeholder payloads that cannot be canonically encoded, with the path', () => {
    const withFloat: JournalDraft = {
      kind: 'sale.completed',
      id: ID_1,
      recordedAt: AT,
      payload: { total: 12.5 },
    };
    expect(appendEntry(null, withFloat, TILL)).toEqual({
      ok: false,
      error: {
        code: 'not-canonical',
        error: { code: 'canonical-json-refused', reason: 'non-integer-number', path: '$.payload.total' },
      },
    });
    const withProto: JournalDraft = {
      kind: 'sale.completed',
      id: ID_1,
      recordedAt: AT,
      payload: JSON.parse('{"__proto__":{}}'),
    };
    expect(appendEntry(null, withProto, TILL)).toMatchObject({
      ok: false,
      error: {
        code: 'not-canonical',
        error: { reason: 'reserved-member-name', path: '$.payload.__proto__' },
      },
    });
    const withUndefined: JournalDraft = {
      kind: 'order.handover',
      id: ID_1,
      recordedAt: AT,
      payload: { note: undefined },
    };
    expect(appendEntry(null, withUndefined, TILL)).toMatchObject({
      ok: false,
      error: { code: 'not-canonical', error: { reason: 'undefined-value', path: '$.payload.note' } },
    });
  });
});
