import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PosBridge } from '../core/bridge/pos-bridge';
import type { TillDatabase } from '../data/till-database';
import { createApprovalStore } from './approval-store';
import { createNoSaleStore } from './no-sale-store';
import {
  asSignedIn,
  CAMILLE,
  journalOf,
  journalWriter,
  SAMIA,
  staffTill,
  until,
} from './staff-access.test-support';
import type { SignedInStaff } from './staff-sign-in';

// "Ouvrir le tiroir" with the real approval store and journal writer, and a
// drawer that opens or not.

describe('opening the drawer without a sale', () => {
  let db: TillDatabase;
  let staff: SignedInStaff | undefined;
  let kicks: number;
  let drawerAnswer: Awaited<ReturnType<PosBridge['openDrawer']>>;

  beforeEach(async () => {
    db = await staffTill('no-sale');
    staff = asSignedIn(CAMILLE);
    kicks = 0;
    drawerAnswer = { ok: true, value: { opened: true } };
  });
  afterEach(async () => {
    await db.close();
  });

  const open = () => {
    const journal = journalWriter(db);
    const approvals = createApprovalStore({ db, journal });
    const bridge = {
      openDrawer: async () => {
        kicks += 1;
        return drawerAnswer;
      },
    } as unknown as PosBridge;
    return { approvals, noSale: createNoSaleStore({ journal, bridge }, approvals, () => staff) };
  };

  it('a cashier needs a supervisor: approved, the drawer opens, approval then opening journalled', async () => {
    const { approvals, noSale } = open();
    noSale.start();
    expect(noSale.store.getState().choosing).toBe(true);
    const opening = noSale.open('change');
    await until(() => approvals.store.getState().pending !== undefined);
    expect(kicks).toBe(0);
    approvals.chooseApprover('samia');
    await approvals.submitPin('2222');
    await opening;
    expect(kicks).toBe(1);
    expect(noSale.store.getState().outcome).toEqual({
      kind: 'opened',
      words: 'Tiroir ouvert (Faire de la monnaie). Enregistré au journal.',
    });
    expect((await journalOf(db)).map((e) => [e.kind, e.payload])).toEqual([
      [
        'manager.approval',
        {
          approverStaffId: 'samia',
          requestedByStaffId: 'camille',
          subject: { type: 'no-sale' },
          reason: 'Faire de la monnaie',
        },
      ],
      ['drawer.no-sale', { staffId: 'camille', approverStaffId: 'samia', reason: 'Faire de la monnaie' }],
    ]);
  });

  it('cancelled approval: the drawer stays shut and nothing is journalled', async () => {
    const { approvals, noSale } = open();
    const opening = noSale.open('float-check');
    await until(() => approvals.store.getState().pending !== undefined);
    approvals.cancel();
    await opening;
    expect(kicks).toBe(0);
    expect(noSale.store.getState()).toMatchObject({ busy: false, outcome: undefined });
    expect(await journalOf(db)).toEqual([]);
  });

  it('a supervisor opens it alone; a drawer that fails is said in words and not journalled as opened', async () => {
    staff = asSignedIn(SAMIA);
    const { approvals, noSale } = open();
    drawerAnswer = { ok: false, error: { code: 'device-disconnected', message: 'printer off' } } as never;
    await noSale.open('correction');
    expect(approvals.store.getState().pending).toBeUndefined();
    expect(noSale.store.getState().outcome?.kind).toBe('problem');
    expect(noSale.store.getState().outcome?.words).toMatch(/^Le tiroir ne s’est pas ouvert : /);
    expect(await journalOf(db)).toEqual([]);
    drawerAnswer = { ok: true, value: { opened: true } };
    await noSale.open('correction');
    expect((await journalOf(db)).map((e) => e.payload)).toEqual([
      { staffId: 'samia', approverStaffId: 'samia', reason: 'Corriger une erreur de rendu' },
    ]);
  });
});
