import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultScanConfig } from '../core/barcodes/scan-config';
import type { JournalEntry } from '../core/journal/journal-entry';
import { verifyChain } from '../core/journal/verify-chain';
import { DEFAULT_STAFF_POLICY, type StaffPolicy } from '../core/staff/permissions';
import { hashPin, type StaffMember, type StaffRole } from '../core/staff/staff-member';
import { createJournalWriter } from '../data/journal-writer';
import { createTillDatabase, type TillDatabase } from '../data/till-database';
import { createApprovalStore } from './approval-store';
import { createPinGuard } from './pin-guard';

// Approvals against the real journal writer and RxDB in memory: who may act
// alone, the PIN of an approver allowed for the action, the journal entry
// naming approver, requester and action, and five wrong PINs locking the
// approver (journalled).

const identity = { storeCode: 'PAR01', tillCode: '01', tillId: 'till-a' };
const SALE_ID = '01964f3e-8c2a-7b3d-9e41-2f6a8c0d1e56';

const member = (id: string, role: StaffRole, pin: string, active = true): StaffMember => ({
  id,
  storeCode: 'PAR01',
  displayName: id,
  role,
  pin: hashPin(pin, new Uint8Array(16).fill(id.length), 1_000),
  active,
});
const CAMILLE = member('camille', 'cashier', '1111');
const SAMIA = member('samia', 'supervisor', '2222');
const MARC = member('marc', 'manager', '3333');
const GONE = member('gone', 'manager', '4444', false);
const asSignedIn = (m: StaffMember) => ({ id: m.id, displayName: m.displayName, role: m.role });

async function journal(db: TillDatabase): Promise<JournalEntry[]> {
  const docs = await db.journal.find({ sort: [{ sequence: 'asc' }] }).exec();
  return docs.map((doc) => doc.toMutableJSON() as JournalEntry);
}

describe('the approval store', () => {
  let db: TillDatabase;
  let clock: number;

  const settingsWith = (staffPolicy: StaffPolicy) =>
    db.settings.upsert({
      id: 'store:PAR01',
      storeCode: 'PAR01',
      storeName: 'Marché',
      addressLines: [],
      legalIds: ['SIRET 552 100 554 00021'],
      currency: 'EUR',
      receiptFooter: [],
      scanConfig: defaultScanConfig,
      promotions: [],
      orderSigningKey: { kty: 'OKP', crv: 'Ed25519', x: 'A'.repeat(43) },
      staffPolicy,
    });

  beforeEach(async () => {
    db = await createTillDatabase(`approvals-${Math.random()}`, getRxStorageMemory());
    await db.staff.bulkInsert([CAMILLE, SAMIA, MARC, GONE]);
    clock = Date.parse('2026-12-06T10:00:00Z');
  });
  afterEach(async () => {
    await db.close();
  });

  const open = () => {
    const services = { db, journal: createJournalWriter(db, identity), now: () => clock };
    const pinGuard = createPinGuard(services, { now: () => clock });
    return createApprovalStore({ ...services, pinGuard });
  };

  it('a request within the role’s rights resolves at once, with no prompt and no journal entry', async () => {
    const approvals = open();
    const result = await approvals.require(asSignedIn(CAMILLE), {
      action: 'discount',
      subject: { type: 'discount', saleId: SALE_ID, lineId: 'l1' },
      reason: 'Article abîmé',
      percentBps: 1_000,
    });
    expect(result).toEqual({ ok: true, approverStaffId: 'camille' });
    expect(approvals.store.getState().pending).toBeUndefined();
    expect(await journal(db)).toEqual([]);
  });

  it('over policy: the prompt lists the active supervisors and managers; the right PIN journals the approval', async () => {
    const approvals = open();
    const asked = approvals.require(asSignedIn(CAMILLE), {
      action: 'discount',
      subject: { type: 'discount', saleId: SALE_ID, lineId: 'l1' },
      reason: 'Geste commercial',
      percentBps: 2_000,
    });
    await until(() => approvals.store.getState().pending !== undefined);
    const pending = approvals.store.getState().pending;
    expect(pending?.approvers.map((a) => a.id).sort()).toEqual(['marc', 'samia']);
    approvals.chooseApprover('samia');
    await approvals.submitPin('2222');
    expect(await asked).toEqual({ ok: true, approverStaffId: 'samia' });
    expect(approvals.store.getState().pending).toBeUndefined();
    const entries = await journal(db);
    expect(entries.map((e) => [e.kind, e.payload])).toEqual([
      [
        'manager.approval',
        {
          approverStaffId: 'samia',
          requestedByStaffId: 'camille',
          subject: { type: 'discount', saleId: SALE_ID, lineId: 'l1' },
          reason: 'Geste commercial',
        },
      ],
    ]);
    expect(verifyChain(entries).ok).toBe(true);
  });

  it('beyond the supervisor’s own limit only a manager is offered, and a supervisor’s PIN is refused', async () => {
    const approvals = open();
    const asked = approvals.require(asSignedIn(CAMILLE), {
      action: 'discount',
      subject: { type: 'discount', saleId: SALE_ID, lineId: null },
      reason: 'Fin de série',
      percentBps: 5_000,
    });
    await until(() => approvals.store.getState().pending !== undefined);
    // One approver only: chosen already.
    expect(approvals.store.getState().pending).toMatchObject({
      approvers: [{ id: 'marc', role: 'manager' }],
      approverId: 'marc',
    });
    await approvals.submitPin('2222');
    expect(approvals.store.getState().pending?.problem).toMatch(/Essais restants : 4/);
    await approvals.submitPin('3333');
    expect(await asked).toEqual({ ok: true, approverStaffId: 'marc' });
  });

  it('with no name chosen the PIN says who approves, among those allowed only', async () => {
    const approvals = open();
    const asked = approvals.require(asSignedIn(CAMILLE), {
      action: 'no-sale',
      subject: { type: 'no-sale' },
      reason: 'Monnaie',
    });
    await until(() => approvals.store.getState().pending !== undefined);
    expect(approvals.store.getState().pending?.approverId).toBeUndefined();
    await approvals.submitPin('1111'); // the cashier's own PIN
    await approvals.submitPin('4444'); // an inactive manager
    expect(approvals.store.getState().pending?.problem).toMatch(/Essais restants : 3/);
    await approvals.submitPin('3333');
    expect(await asked).toEqual({ ok: true, approverStaffId: 'marc' });
    expect((await journal(db)).map((e) => e.kind)).toEqual(['manager.approval']);
  });

  it('cancel resolves the request as cancelled and journals nothing', async () => {
    const approvals = open();
    const asked = approvals.require(asSignedIn(CAMILLE), {
      action: 'no-sale',
      subject: { type: 'no-sale' },
      reason: 'Monnaie',
    });
    await until(() => approvals.store.getState().pending !== undefined);
    approvals.chooseApprover('samia');
    await approvals.submitPin('9999');
    approvals.cancel();
    expect(await asked).toEqual({ ok: false, reason: 'cancelled' });
    expect(approvals.store.getState().pending).toBeUndefined();
    expect(await journal(db)).toEqual([]);
  });

  it('five wrong PINs lock the chosen approver: the request ends as locked, the lock is journalled and holds', async () => {
    const approvals = open();
    const ask = () =>
      approvals.require(asSignedIn(CAMILLE), {
        action: 'no-sale',
        subject: { type: 'no-sale' },
        reason: 'Monnaie',
      });
    const asked = ask();
    await until(() => approvals.store.getState().pending !== undefined);
    approvals.chooseApprover('samia');
    for (const _ of [1, 2, 3, 4, 5]) await approvals.submitPin('0000');
    expect(await asked).toEqual({ ok: false, reason: 'locked' });
    const entries = await journal(db);
    expect(entries.map((e) => [e.kind, e.payload])).toEqual([
      [
        'staff.locked-out',
        {
          staffId: 'samia',
          place: 'approval',
          failedAttempts: 5,
          lockedUntil: new Date(clock + DEFAULT_STAFF_POLICY.lockoutSeconds * 1000).toISOString(),
        },
      ],
    ]);
    // Her right PIN waits out the delay; after it, it works again.
    const again = ask();
    await until(() => approvals.store.getState().pending !== undefined);
    approvals.chooseApprover('samia');
    await approvals.submitPin('2222');
    expect(await again).toEqual({ ok: false, reason: 'locked' });
    clock += DEFAULT_STAFF_POLICY.lockoutSeconds * 1000 + 1;
    const later = ask();
    await until(() => approvals.store.getState().pending !== undefined);
    approvals.chooseApprover('samia');
    await approvals.submitPin('2222');
    expect(await later).toEqual({ ok: true, approverStaffId: 'samia' });
  });

  it('reads the rights from the store settings: a policy letting cashiers open the drawer asks nobody', async () => {
    await settingsWith({
      ...DEFAULT_STAFF_POLICY,
      rights: { ...DEFAULT_STAFF_POLICY.rights, cashier: { 'no-sale': 'always' } },
    });
    const approvals = open();
    expect(
      await approvals.require(asSignedIn(CAMILLE), {
        action: 'no-sale',
        subject: { type: 'no-sale' },
        reason: 'Monnaie',
      }),
    ).toEqual({ ok: true, approverStaffId: 'camille' });
  });

  it('a new request replaces one left open, which resolves as cancelled', async () => {
    const approvals = open();
    const first = approvals.require(asSignedIn(CAMILLE), {
      action: 'no-sale',
      subject: { type: 'no-sale' },
      reason: 'Monnaie',
    });
    await until(() => approvals.store.getState().pending !== undefined);
    const second = approvals.require(asSignedIn(CAMILLE), {
      action: 'cash-difference',
      subject: { type: 'cash-difference', shiftId: SALE_ID },
      reason: 'Écart au comptage',
      amountMinor: -1_200,
    });
    expect(await first).toEqual({ ok: false, reason: 'cancelled' });
    await until(() => approvals.store.getState().pending?.action === 'cash-difference');
    approvals.cancel();
    expect(await second).toEqual({ ok: false, reason: 'cancelled' });
  });
});

async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !condition(); i++) await new Promise((r) => setTimeout(r, 5));
  expect(condition()).toBe(true);
}
