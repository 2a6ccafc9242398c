import { describe, expect, it } from 'vitest';
import { cashMovementPayloadSchema, drawerEffectMinor } from './cash-movement-payload';
import { journalEntrySchema, receiptNumberOf, unsealedJournalEntrySchema } from './journal-entry';
import { managerApprovalPayloadSchema } from './manager-approval-payload';
import { JOURNAL_KINDS, journalPayloadSchemas } from './payload-registry';
import { countDifferenceMinor, shiftClosedPayloadSchema, shiftOpenedPayloadSchema } from './shift-payloads';
import { anOnlineOrderReturn, aPlacedKioskOrder, aPlainSale, someHandovers } from './test-builders';

const eur = (minor: number) => ({ minor, currency: 'EUR' });

describe('cash movement payload', () => {
  it.each([
    [{ type: 'float-in', amount: eur(15000), staffId: 'S1' }, 15000],
    [{ type: 'float-out', amount: eur(5000), staffId: 'S1' }, -5000],
    [{ type: 'safe-drop', amount: eur(40000), staffId: 'S1' }, -40000],
    [{ type: 'paid-in', amount: eur(1200), staffId: 'S1', reason: 'Remboursement fournisseur' }, 1200],
    [{ type: 'paid-out', amount: eur(800), staffId: 'S1', reason: 'Pourboire livreur' }, -800],
  ])('accepts %o, moving the drawer by %i', (payload, effect) => {
    const parsed = cashMovementPayloadSchema.parse(payload);
    expect(parsed).toEqual(payload);
    expect(drawerEffectMinor(parsed)).toBe(effect);
  });

  it.each([
    ['a paid-out without reason', { type: 'paid-out', amount: eur(800), staffId: 'S1' }],
    ['a blank reason', { type: 'paid-in', amount: eur(800), staffId: 'S1', reason: '   ' }],
    [
      'a reason with surrounding spaces',
      { type: 'paid-in', amount: eur(800), staffId: 'S1', reason: ' tip' },
    ],
    ['a negative amount', { type: 'float-in', amount: eur(-5), staffId: 'S1' }],
    ['a zero amount', { type: 'safe-drop', amount: eur(0), staffId: 'S1' }],
    ['a float amount', { type: 'float-in', amount: eur(10.5), staffId: 'S1' }],
    ['a lower-case currency', { type: 'float-in', amount: { minor: 5, currency: 'eur' }, staffId: 'S1' }],
    ['a missing staff id', { type: 'float-in', amount: eur(5) }],
    ['an unknown type', { type: 'float-sideways', amount: eur(5), staffId: 'S1' }],
    ['an unknown field', { type: 'float-in', amount: eur(5), staffId: 'S1', note: 'x' }],
  ])('refuses %s', (_, payload) => {
    expect(cashMovementPayloadSchema.safeParse(payload).success).toBe(false);
  });
});

describe('shift payloads', () => {
  const shiftId = '01964f3e-8c2a-7b3d-9e41-2f6a8c0d1e57';

  it('accepts an opening with its float, and refuses a negative float', () => {
    expect(
      shiftOpenedPayloadSchema.safeParse({ shiftId, staffId: 'S1', openingFloat: eur(15000) }).success,
    ).toBe(true);
    expect(
      shiftOpenedPayloadSchema.safeParse({ shiftId, staffId: 'S1', openingFloat: eur(-1) }).success,
    ).toBe(false);
  });

  it('accepts a close with expected and counted per tender, and derives the difference', () => {
    const close = {
      shiftId,
      staffId: 'S1',
      tenders: [
        { tender: 'cash', expected: eur(52340), counted: eur(52290) },
        { tender: 'meal-voucher', expected: eur(3100), counted: eur(3100) },
      ],
    };
    const parsed = shiftClosedPayloadSchema.parse(close);
    expect(parsed.tenders.map(countDifferenceMinor)).toEqual([-50, 0]);
  });

  it.each([
    ['no tenders', []],
    [
      'a tender counted twice',
      [
        { tender: 'cash', expected: eur(1), counted: eur(1) },
        { tender: 'cash', expected: eur(2), counted: eur(2) },
      ],
    ],
    ['mixed currencies', [{ tender: 'cash', expected: eur(1), counted: { minor: 1, currency: 'CHF' } }]],
    ['a negative count', [{ tender: 'cash', expected: eur(1), counted: eur(-1) }]],
    ['a malformed tender code', [{ tender: 'Cash!', expected: eur(1), counted: eur(1) }]],
  ])('refuses a close with %s', (_, tenders) => {
    expect(shiftClosedPayloadSchema.safeParse({ shiftId, staffId: 'S1', tenders }).success).toBe(false);
  });

  it('refuses an upper-case or non-v7 shift id', () => {
    const upper = { shiftId: shiftId.toUpperCase(), staffId: 'S1', openingFloat: eur(0) };
    const v4 = { shiftId: '3b241101-e2bb-4255-8caf-4136c566a962', staffId: 'S1', openingFloat: eur(0) };
    expect(shiftOpenedPayloadSchema.safeParse(upper).success).toBe(false);
    expect(shiftOpenedPayloadSchema.safeParse(v4).success).toBe(false);
  });
});

describe('manager approval payload', () => {
  const saleId = '01964f3e-8c2a-7b3d-9e41-2f6a8c0d1e57';
  const base = { approverStaffId: 'M7', requestedByStaffId: 'S1', reason: 'Client fidèle, article abîmé' };

  it.each([
    { type: 'discount', saleId, lineId: 'L3' },
    { type: 'discount', saleId, lineId: null },
    { type: 'void', saleId, lineId: null },
    { type: 'refund', receiptNumber: 'PAR01-03-000123' },
    { type: 'no-sale' },
  ])('accepts approval of %o', (subject) => {
    expect(managerApprovalPayloadSchema.safeParse({ ...base, subject }).success).toBe(true);
  });

  it.each([
    ['a refund without a well-formed receipt number', { type: 'refund', receiptNumber: 'PAR01-3-12' }],
    ['a discount without sale', { type: 'discount', lineId: null }],
    ['a discount with the line omitted rather than null', { type: 'discount', saleId }],
    ['an unknown subject', { type: 'price-override', saleId }],
  ])('refuses %s', (_, subject) => {
    expect(managerApprovalPayloadSchema.safeParse({ ...base, subject }).success).toBe(false);
  });

  it('requires a reason and an approver', () => {
    const subject = { type: 'no-sale' };
    expect(managerApprovalPayloadSchema.safeParse({ ...base, subject, reason: '' }).success).toBe(false);
    expect(managerApprovalPayloadSchema.safeParse({ ...base, subject, approverStaffId: '' }).success).toBe(
      false,
    );
  });
});

describe('kind registry and envelope', () => {
  const envelope = {
    id: '01964f3e-8c2a-7b3d-9e41-2f6a8c0d1e57',
    storeCode: 'PAR01',
    tillCode: '03',
    tillId: 'till-7f3a',
    sequence: 7,
    recordedAt: '2025-04-18T17:42:05Z',
    prevHash: 'b'.repeat(64),
  };
  const examplePayloads = {
    'sale.completed': aPlainSale(),
    'return.completed': anOnlineOrderReturn(),
    'order.handover': someHandovers()[0],
    'cash.movement': { type: 'safe-drop', amount: eur(1), staffId: 'S1' },
    'shift.opened': { shiftId: envelope.id, staffId: 'S1', openingFloat: eur(0) },
    'shift.closed': {
      shiftId: envelope.id,
      staffId: 'S1',
      tenders: [{ tender: 'cash', expected: eur(0), counted: eur(0) }],
    },
    'manager.approval': {
      approverStaffId: 'M',
      requestedByStaffId: 'S',
      subject: { type: 'no-sale' },
      reason: 'r',
    },
    'kiosk-order.placed': aPlacedKioskOrder(),
    'receipt.reprinted': {
      receiptNumber: 'PAR01-03-000006',
      entryId: '01964f3e-8c2a-7b3d-9e41-2f6a8c0d1e56',
      entryHash: 'a'.repeat(64),
      reprintCount: 1,
      staffId: 'S1',
    },
    'staff.locked-out': {
      staffId: 'S1',
      place: 'unlock',
      failedAttempts: 5,
      lockedUntil: '2026-12-06T22:40:00.000Z',
    },
    'drawer.no-sale': { staffId: 'S1', approverStaffId: 'M', reason: 'Faire de la monnaie' },
    'pickup.code-refused': {
      input: 'POS1:P:ZZZZ2222',
      reason: 'unknown-code',
      orderId: null,
      staffId: 'S1',
    },
  } satisfies Record<(typeof JOURNAL_KINDS)[number], unknown>;

  it.each(JOURNAL_KINDS)('has a payload schema for %s and the envelope accepts that kind', (kind) => {
    const payload = examplePayloads[kind];
    expect(journalPayloadSchemas[kind].safeParse(payload).success).toBe(true);
    expect(unsealedJournalEntrySchema.safeParse({ ...envelope, kind, payload }).success).toBe(true);
    expect(journalEntrySchema.safeParse({ ...envelope, kind, payload, hash: 'c'.repeat(64) }).success).toBe(
      true,
    );
  });

  it('checks the payload against the schema of its own kind', () => {
    const payload = examplePayloads['cash.movement'];
    expect(unsealedJournalEntrySchema.safeParse({ ...envelope, kind: 'shift.opened', payload }).success).toBe(
      false,
    );
    expect(
      unsealedJournalEntrySchema.safeParse({ ...envelope, kind: 'cash.movement', payload }).success,
    ).toBe(true);
  });

  it('is strict: unknown envelope members and unknown kinds are refused', () => {
    const kind = 'sale.completed';
    const payload = examplePayloads[kind];
    expect(unsealedJournalEntrySchema.safeParse({ ...envelope, kind, payload }).success).toBe(true);
    expect(unsealedJournalEntrySchema.safeParse({ ...envelope, kind, payload, extra: 1 }).success).toBe(
      false,
    );
    expect(unsealedJournalEntrySchema.safeParse({ ...envelope, kind: 'sale.voided', payload }).success).toBe(
      false,
    );
  });

  it.each(['sale.completed', 'return.completed', 'order.handover'] as const)(
    'refuses a %s payload that is not its record: another record, an array, a member too many',
    (kind) => {
      const schema = journalPayloadSchemas[kind];
      const others = (['sale.completed', 'return.completed', 'order.handover'] as const).filter(
        (k) => k !== kind,
      );
      for (const other of others) expect(schema.safeParse(examplePayloads[other]).success).toBe(false);
      expect(schema.safeParse([examplePayloads[kind]]).success).toBe(false);
      expect(schema.safeParse({}).success).toBe(false);
      expect(schema.safeParse({ ...examplePayloads[kind], note: 'x' }).success).toBe(false);
    },
  );

  it.each([
    ['sequence 0', { sequence: 0 }],
    ['a float sequence', { sequence: 1.5 }],
    ['a recordedAt without offset', { recordedAt: '2025-04-18T17:42:05' }],
    ['an upper-case prevHash', { prevHash: 'B'.repeat(64) }],
    ['a short prevHash', { prevHash: 'b'.repeat(63) }],
    ['a lower-case store code', { storeCode: 'par01' }],
  ])('refuses %s', (_, change) => {
    const returned = { kind: 'return.completed', payload: examplePayloads['return.completed'] };
    expect(unsealedJournalEntrySchema.safeParse({ ...envelope, ...returned, ...change }).success).toBe(false);
    // The same entry without the change is valid, so the change alone is what is refused.
    expect(unsealedJournalEntrySchema.safeParse({ ...envelope, ...returned }).success).toBe(true);
  });

  it('derives receipt numbers for sales and returns only', () => {
    const at = { storeCode: 'PAR01', tillCode: '03', sequence: 123 };
    expect(receiptNumberOf({ ...at, kind: 'sale.completed' })).toBe('PAR01-03-000123');
    expect(receiptNumberOf({ ...at, kind: 'return.completed' })).toBe('PAR01-03-000123');
    expect(receiptNumberOf({ ...at, kind: 'cash.movement' })).toBeNull();
    expect(receiptNumberOf({ ...at, kind: 'order.handover' })).toBeNull();
  });
});
