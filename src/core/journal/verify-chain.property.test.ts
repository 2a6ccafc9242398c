import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { appendEntry, type JournalDraft } from './append-entry';
import { chainBreakSchema } from './chain-break';
import type { JournalEntry, TillIdentity } from './journal-entry';
import { JOURNAL_KINDS } from './payload-registry';
import { PICKUP_REFUSAL_REASONS, refusedInputText } from './pickup-refusal-payload';
import { samplePayloads } from './test-builders';
import { type ChainVerification, verifyChain, verifyContinuation } from './verify-chain';

// Random valid chains of every kind must verify, and every single change to a
// stored entry must be reported at that entry.

const amount = fc.record({
  minor: fc.integer({ min: 1, max: 10_000_000 }),
  currency: fc.constantFrom('EUR', 'CHF'),
});
const staffId = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,11}$/);
const reason = fc
  .string({ unit: 'grapheme', minLength: 1, maxLength: 24 })
  .filter((s) => /^\S(?:[\s\S]*\S)?$/.test(s));
const uuidV7 = fc.uuid({ version: 7 });

const { json } = fc.letrec((tie) => ({
  json: fc.oneof(
    { depthSize: 'small' },
    fc.constant(null),
    fc.boolean(),
    fc.maxSafeInteger(),
    fc.string({ unit: 'grapheme', maxLength: 12 }),
    tie('array'),
    tie('object'),
  ),
  array: fc.array(tie('json'), { maxLength: 3 }),
  object: fc.dictionary(memberName(), tie('json'), { maxKeys: 3, noNullPrototype: true }),
}));

function memberName() {
  return fc.string({ unit: 'grapheme', maxLength: 8 }).filter((k) => k !== '__proto__');
}

// Sales, returns and handovers are whole records whose figures must agree, so
// they are picked from a pool built by the real builders rather than generated
// field by field; the tamper properties below still reach every field of them.
const pool = samplePayloads();

const kindAndPayload = fc.oneof(
  fc.constantFrom(...pool.sales).map((payload) => ({ kind: 'sale.completed' as const, payload })),
  fc.constantFrom(...pool.returns).map((payload) => ({ kind: 'return.completed' as const, payload })),
  fc.constantFrom(...pool.handovers).map((payload) => ({ kind: 'order.handover' as const, payload })),
  fc.constantFrom(...pool.kioskOrders).map((payload) => ({ kind: 'kiosk-order.placed' as const, payload })),
  fc
    .oneof(
      fc.record({ type: fc.constantFrom('float-in', 'float-out', 'safe-drop'), amount, staffId }),
      fc.record({ type: fc.constantFrom('paid-in', 'paid-out'), amount, staffId, reason }),
    )
    .map((payload) => ({ kind: 'cash.movement' as const, payload })),
  fc
    .record({ shiftId: uuidV7, staffId, openingFloat: amount })
    .map((payload) => ({ kind: 'shift.opened' as const, payload })),
  fc
    .record({
      shiftId: uuidV7,
      staffId,
      tenders: fc.uniqueArray(
        fc.record({
          tender: fc.constantFrom('cash', 'card', 'cheque', 'meal-voucher'),
          expected: amount,
          counted: amount,
        }),
        { minLength: 1, maxLength: 4, selector: (t) => t.tender },
      ),
    })
    .map((payload) => ({
      kind: 'shift.closed' as const,
      // Same currency within a count: the schema refuses mixed ones.
      payload: {
        ...payload,
        tenders: payload.tenders.map((t) => ({
          ...t,
          counted: { ...t.counted, currency: t.expected.currency },
        })),
      },
    })),
  fc
    .record({
      approverStaffId: staffId,
      requestedByStaffId: staffId,
      reason,
      subject: fc.oneof(
        fc.record({
          type: fc.constantFrom('discount', 'void'),
          saleId: uuidV7,
          lineId: fc.option(staffId, { nil: null }),
        }),
        fc.record({
          type: fc.constant('refund'),
          receiptNumber: fc.stringMatching(/^[A-Z0-9]{2,8}-[A-Z0-9]{1,4}-\d{6,15}$/),
        }),
        fc.record({ type: fc.constant('no-sale') }),
        fc.record({ type: fc.constant('price-override'), saleId: uuidV7, lineId: staffId }),
        fc.record({
          type: fc.constant('void-after-payment'),
          saleId: uuidV7,
          lineId: fc.option(staffId, { nil: null }),
        }),
        fc.record({
          type: fc.constantFrom('refund-without-receipt', 'refund-over-limit'),
          returnId: uuidV7,
        }),
        fc.record({ type: fc.constant('cash-difference'), shiftId: uuidV7 }),
        fc.record({
          type: fc.constant('card-resolution'),
          paymentId: staffId,
          resolution: fc.constantFrom('charged', 'not-charged'),
        }),
      ),
    })
    .map((payload) => ({ kind: 'manager.approval' as const, payload })),
  fc
    .record({
      staffId: fc.option(staffId, { nil: null }),
      place: fc.constantFrom('sign-in', 'unlock', 'approval'),
      failedAttempts: fc.integer({ min: 1, max: 100 }),
      lockedUntil: fc
        .date({
          min: new Date('2020-01-01T00:00:00Z'),
          max: new Date('2040-01-01T00:00:00Z'),
          noInvalidDate: true,
        })
        .map((d) => d.toISOString()),
    })
    .map((payload) => ({ kind: 'staff.locked-out' as const, payload })),
  fc
    .record({ staffId, approverStaffId: staffId, reason })
    .map((payload) => ({ kind: 'drawer.no-sale' as const, payload })),
  fc
    .record({
      receiptNumber: fc.stringMatching(/^[A-Z0-9]{2,8}-[A-Z0-9]{1,4}-\d{6,15}$/),
      entryId: uuidV7,
      entryHash: fc.stringMatching(/^[0-9a-f]{64}$/),
      reprintCount: fc.integer({ min: 1, max: 9_999 }),
      staffId,
    })
    .map((payload) => ({ kind: 'receipt.reprinted' as const, payload })),
  fc
    .record({
      input: fc.string({ maxLength: 60 }).map(refusedInputText),
      reason: fc.constantFrom(...PICKUP_REFUSAL_REASONS),
      orderId: fc.option(uuidV7, { nil: null }),
      staffId,
    })
    .map((payload) => ({ kind: 'pickup.code-refused' as const, payload })),
);

const draft: fc.Arbitrary<JournalDraft> = fc
  .record({
    kindAndPayload,
    id: uuidV7,
    recordedAt: fc
      .date({
        min: new Date('2020-01-01T00:00:00Z'),
        max: new Date('2040-01-01T00:00:00Z'),
        noInvalidDate: true,
      })
      .map((d) => d.toISOString()),
  })
  .map(({ kindAndPayload: kp, id, recordedAt }) => ({ ...kp, id, recordedAt }));

const till: fc.Arbitrary<TillIdentity> = fc.record({
  storeCode: fc.stringMatching(/^[A-Z0-9]{2,8}$/),
  tillCode: fc.stringMatching(/^[A-Z0-9]{1,4}$/),
  tillId: staffId,
});

function sealChain(drafts: readonly JournalDraft[], owner: TillIdentity): JournalEntry[] {
  const entries: JournalEntry[] = [];
  for (const d of drafts) {
    const appended = appendEntry(entries.at(-1) ?? null, d, owner);
    if (!appended.ok) throw new Error(JSON.stringify(appended.error));
    entries.push(appended.value.entry);
  }
  return entries;
}

const chain = (minLength: number) =>
  fc
    .tuple(fc.array(draft, { minLength, maxLength: 8 }), till)
    .map(([drafts, owner]) => sealChain(drafts, owner));

/** What a tamperer or a corrupted disk works on: the stored JSON, editable. */
const storedForm = (entries: readonly JournalEntry[]): unknown[] => JSON.parse(JSON.stringify(entries));

function breakIndexes(result: ChainVerification): number[] {
  expect(result.ok).toBe(false);
  if (result.ok) return [];
  for (const b of result.breaks) expect(chainBreakSchema.safeParse(b).success).toBe(true);
  return [...new Set(result.breaks.map((b) => b.index))];
}

/** A scalar somewhere inside a stored entry, with the edits a tamperer could make to it. */
type Leaf = {
  readonly value: unknown;
  readonly set: (value: unknown) => void;
  readonly remove: () => void;
  readonly addSibling: (value: unknown) => void;
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function leavesOf(value: unknown): Leaf[] {
  const isContainer = (v: unknown) => typeof v === 'object' && v !== null;
  if (Array.isArray(value)) {
    const items: unknown[] = value;
    return items.flatMap((v, i): Leaf[] =>
      isContainer(v)
        ? leavesOf(v)
        : [
            {
              value: v,
              set: (x) => items.splice(i, 1, x),
              remove: () => items.splice(i, 1),
              addSibling: (x) => items.push(x),
            },
          ],
    );
  }
  if (!isRecord(value)) return [];
  return Object.entries(value).flatMap(([key, v]): Leaf[] =>
    isContainer(v)
      ? leavesOf(v)
      : [
          {
            value: v,
            set: (x) => Object.defineProperty(value, key, { value: x, enumerable: true, writable: true }),
            remove: () => Reflect.deleteProperty(value, key),
            addSibling: (x) =>
              Object.defineProperty(value, `${key}+`, { value: x, enumerable: true, writable: true }),
          },
        ],
  );
}

/** A small, format-preserving change where possible (so it reaches the hash check, not only the schema). */
function tweak(value: unknown): unknown {
  if (typeof value === 'number') return value < Number.MAX_SAFE_INTEGER ? value + 1 : value - 1;
  if (typeof value === 'boolean') return !value;
  if (typeof value === 'string')
    return value === '' ? 'x' : value.slice(0, -1) + (value.endsWith('0') ? '1' : '0');
  return 0;
}

describe('verifyChain on random chains', () => {
  it('draws entries of every kind, and every record of the pool', () => {
    const drawn = fc.sample(draft, 1000);
    expect(new Set(drawn.map((d) => d.kind))).toEqual(new Set(JOURNAL_KINDS));
    const records = [...pool.sales, ...pool.returns, ...pool.handovers, ...pool.kioskOrders];
    expect(records.every((r) => drawn.some((d) => d.payload === r))).toBe(true);
  });

  it('accepts every chain appendEntry builds, as objects and as stored JSON', () => {
    fc.assert(
      fc.property(chain(0), (entries) => {
        const result = verifyChain(storedForm(entries));
        const last = entries.at(-1);
        expect(result).toEqual({
          ok: true,
          head: last ? { sequence: last.sequence, hash: last.hash } : null,
          entries,
        });
        expect(verifyChain(entries).ok).toBe(true);
      }),
    );
  });

  it('reports a changed, removed or added member of any entry at that entry, and only there', () => {
    const edit = fc.oneof(
      fc.constant({ kind: 'tweak' as const }),
      fc.constant({ kind: 'remove' as const }),
      json.map((value) => ({ kind: 'replace' as const, value })),
      json.map((value) => ({ kind: 'add' as const, value })),
    );
    fc.assert(
      fc.property(chain(1), fc.nat(), fc.nat(), edit, (entries, at, pick, change) => {
        const stored = storedForm(entries);
        const index = at % stored.length;
        const original = structuredClone(stored[index]);
        const leaves = leavesOf(stored[index]);
        const leaf = leaves[pick % leaves.length];
        if (leaf === undefined) throw new Error('an entry always has leaves');
        if (change.kind === 'tweak') leaf.set(tweak(leaf.value));
        if (change.kind === 'replace') leaf.set(change.value);
        if (change.kind === 'remove') leaf.remove();
        if (change.kind === 'add') leaf.addSibling(change.value);
        fc.pre(!isDeepStrictEqual(stored[index], original));
        expect(breakIndexes(verifyChain(stored))).toEqual([index]);
      }),
    );
  });

  it('reports a tweak or removal of every single field of every sale, return and handover of the pool at that entry', () => {
    // Exhaustive rather than sampled: these records are large, and a field the
    // random picks above seldom reach must not escape the seal either.
    const drafts: JournalDraft[] = [
      ...pool.sales.map((payload) => ({ kind: 'sale.completed' as const, payload })),
      ...pool.returns.map((payload) => ({ kind: 'return.completed' as const, payload })),
      ...pool.handovers.map((payload) => ({ kind: 'order.handover' as const, payload })),
    ].map((kp, i) => ({
      ...kp,
      id: `01964f3e-8c2a-7b3d-9e41-${String(i).padStart(12, '0')}`,
      recordedAt: '2025-10-09T10:15:00+02:00',
    }));
    const entries = sealChain(drafts, { storeCode: 'PAR01', tillCode: '03', tillId: 'till-7f3a' });
    let checked = 0;
    entries.forEach((_, index) => {
      const fieldCount = leavesOf(storedForm(entries)[index]).length;
      for (let field = 0; field < fieldCount; field++) {
        for (const change of ['tweak', 'remove'] as const) {
          const stored = storedForm(entries);
          const leaf = leavesOf(stored[index])[field];
          if (leaf === undefined) throw new Error('same entry, same fields');
          if (change === 'tweak') leaf.set(tweak(leaf.value));
          else leaf.remove();
          expect(breakIndexes(verifyChain(stored))).toEqual([index]);
          checked++;
        }
      }
    });
    expect(checked).toBeGreaterThan(1000);
    // Over a thousand seal-and-verify rounds: a correctness check, so it gets room
    // on a busy machine rather than the default 5 s (speed lives in the benchmarks).
  }, 120_000);

  it('reports any changed character of the stored JSON of an entry at that entry, and only there', () => {
    fc.assert(
      fc.property(
        chain(1),
        fc.nat(),
        fc.nat(),
        fc.integer({ min: 0x20, max: 0x7e }),
        (entries, at, position, code) => {
          const stored = storedForm(entries);
          const index = at % stored.length;
          const text = JSON.stringify(stored[index]);
          const p = position % text.length;
          const changed = text.slice(0, p) + String.fromCharCode(code) + text.slice(p + 1);
          let parsed: unknown;
          try {
            parsed = JSON.parse(changed);
          } catch {
            fc.pre(false);
          }
          fc.pre(!isDeepStrictEqual(parsed, stored[index]));
          stored[index] = parsed;
          expect(breakIndexes(verifyChain(stored))).toEqual([index]);
        },
      ),
    );
  });

  it('reports a deleted entry (other than the last) at the entry that follows it, as a gap', () => {
    fc.assert(
      fc.property(chain(2), fc.nat(), (entries, at) => {
        const index = at % (entries.length - 1);
        const sequence = entries[index]?.sequence ?? 0;
        const result = verifyChain(entries.filter((_, i) => i !== index));
        expect(result).toEqual({
          ok: false,
          breaks: [
            expect.objectContaining({
              index,
              code: 'sequence-gap',
              missing: { from: sequence, to: sequence },
            }),
          ],
        });
      }),
    );
  });

  it('reports a copy of an entry inserted anywhere at the copy (the later of two adjacent twins)', () => {
    fc.assert(
      fc.property(chain(1), fc.nat(), fc.nat(), (entries, from, to) => {
        const copied = from % entries.length;
        const position = to % (entries.length + 1);
        const batch = [...entries.slice(0, position), entries[copied], ...entries.slice(position)];
        const blamed = position === copied ? copied + 1 : position;
        expect(verifyChain(batch)).toEqual({
          ok: false,
          breaks: [expect.objectContaining({ index: blamed, code: 'sequence-duplicate' })],
        });
      }),
    );
  });

  it('reports an entry of another till inserted anywhere at that entry', () => {
    fc.assert(
      fc.property(chain(2), chain(1), fc.nat(), fc.nat(), (entries, others, pick, to) => {
        const stranger = others[pick % others.length];
        const owner = entries[0];
        fc.pre(stranger !== undefined && owner !== undefined);
        fc.pre(
          `${stranger.storeCode}/${stranger.tillCode}/${stranger.tillId}` !==
            `${owner.storeCode}/${owner.tillCode}/${owner.tillId}`,
        );
        const position = to % (entries.length + 1);
        const batch = [...entries.slice(0, position), stranger, ...entries.slice(position)];
        expect(verifyChain(batch)).toEqual({
          ok: false,
          breaks: [expect.objectContaining({ index: position, code: 'foreign-till' })],
        });
      }),
    );
  });

  it('reports two swapped entries first at the earlier position, and nowhere but the two', () => {
    fc.assert(
      fc.property(chain(2), fc.nat(), fc.nat(), (entries, a, b) => {
        const i = a % entries.length;
        const j = b % entries.length;
        fc.pre(i !== j);
        const [low, high] = i < j ? [i, j] : [j, i];
        const batch = entries.map((e, k) => (k === low ? entries[high] : k === high ? entries[low] : e));
        const indexes = breakIndexes(verifyChain(batch));
        expect(indexes[0]).toBe(low);
        expect(indexes.every((k) => k === low || k === high)).toBe(true);
      }),
    );
  });

  it('verifies any split of a chain incrementally, and reports entries dropped after the head as a gap', () => {
    fc.assert(
      fc.property(chain(2), fc.nat(), fc.nat(), (entries, cut, drop) => {
        const split = 1 + (cut % (entries.length - 1));
        const head = entries[split - 1];
        if (head === undefined) throw new Error('split is within the chain');
        const rest = entries.slice(split);
        expect(verifyContinuation(head, rest)).toMatchObject({
          ok: true,
          head: { hash: entries.at(-1)?.hash },
        });
        const dropped = 1 + (drop % rest.length);
        fc.pre(dropped < rest.length);
        expect(verifyContinuation(head, rest.slice(dropped))).toEqual({
          ok: false,
          breaks: [
            expect.objectContaining({
              index: 0,
              code: 'sequence-gap',
              missing: { from: head.sequence + 1, to: head.sequence + dropped },
            }),
          ],
        });
      }),
    );
  });
});
