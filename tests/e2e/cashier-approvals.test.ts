import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoDevices } from '../../hardware/simulators/demo-devices';
import { issueDemoPairingCodes } from '../../scripts/lib/demo-enrolment';
import type { JournalEntry } from '../../src/core/journal/journal-entry';
import { DEFAULT_STAFF_POLICY, type StaffPolicy } from '../../src/core/staff/permissions';
import type { Database } from '../../sync-server/src/db/database';
import { openDatabase } from '../../sync-server/src/db/open-database';
import { generateFrenchCatalog } from '../../sync-server/src/demo/french-catalog';
import { lockScope, writeDocuments } from '../../sync-server/src/sync/document-store';
import { axeViolations } from '../support/axe';
import { launchChromium } from '../support/browser';
import { createScratchDatabase, type ScratchDatabase } from '../support/postgres';
import {
  startHardwareAgent,
  startSyncServer,
  startTestDevices,
  stopAll,
  TEST_ADMIN_TOKEN,
} from '../support/processes';
import { ApprovalPrompt } from './pages/approval-prompt';
import { CashierPage } from './pages/cashier-page';
import { LockScreenPage } from './pages/lock-screen-page';
import { NoSaleDialog } from './pages/no-sale-dialog';
import { ShiftPage } from './pages/shift-page';
import { saveScreens } from './pages/staff-screens';

// People and approvals (issue 12), end to end: sync server on PostgreSQL,
// hardware agent with the printer (and its drawer) simulated, Chromium. The
// cashier signs in by name; opening the drawer without a sale needs a
// supervisor: a wrong PIN then Cancel, then Karim's PIN, the drawer opens,
// the approval and the opening reach the server's journal. The till is locked
// by its shortcut and unlocked with the sale kept; then the store's settings
// (changed on the server) lock it after a few idle seconds; five wrong PINs
// lock Camille out, journalled; the manager unlocks and takes the sale over.
// TILL_SCREENSHOTS=docs/screens saves every state at both sizes.

const STORE = 'PAR01';
const CAMILLE = 'staff-camille';
const KARIM = 'staff-karim';
const SOPHIE = 'staff-sophie';

describe('approvals, lock and wrong PINs at the till', () => {
  let devices: DemoDevices;
  let database: ScratchDatabase;
  let serverDb: Database;
  let browser: Browser;
  let page: Page;
  let cashier: CashierPage;
  let prompt: ApprovalPrompt;
  let lock: LockScreenPage;
  let noSale: NoSaleDialog;
  const screens = process.env.TILL_SCREENSHOTS;
  const pageErrors: string[] = [];
  const packaged = generateFrenchCatalog().filter((p) => p.unit === 'piece');

  /** The store's staff policy, changed on the server as the office would: it reaches the till by sync. */
  const setStaffPolicy = (policy: StaffPolicy) =>
    serverDb.transaction(async (tx) => {
      await lockScope(tx, 'settings', STORE);
      const found = await tx.query<{ doc: Record<string, unknown> }>(
        'SELECT doc FROM sync_documents WHERE collection = $1 AND id = $2',
        ['settings', `store:${STORE}`],
      );
      const doc = { ...found.rows[0]?.doc, staffPolicy: policy };
      await writeDocuments(tx, 'settings', STORE, [{ id: `store:${STORE}`, doc, deleted: false }]);
    });

  /** This till's journal entries of `kind` as the server stored them. */
  const serverEntries = async (kind: JournalEntry['kind']): Promise<JournalEntry[]> => {
    const rows = await serverDb.query<{ doc: JournalEntry }>(
      "SELECT doc FROM sync_documents WHERE collection = 'journal' AND doc->>'kind' = $1 ORDER BY (doc->>'sequence')::int",
      [kind],
    );
    return rows.rows.map((r) => r.doc);
  };

  const accessible = async () => expect(await axeViolations(page)).toEqual([]);
  const shot = (state: string) => saveScreens(page, screens, state);

  beforeAll(async () => {
    if (screens) mkdirSync(screens, { recursive: true });
    const started = await startTestDevices();
    devices = started.devices;
    database = await createScratchDatabase('till_approvals');
    const sync = await startSyncServer({ databaseUrl: database.url });
    serverDb = await openDatabase(database.url);
    // Never idle-locked while the first steps run; a short delay once the wrong PINs are typed.
    await setStaffPolicy({ ...DEFAULT_STAFF_POLICY, idleLockSeconds: 0, lockoutSeconds: 600 });
    const pairingCodes = JSON.stringify(await issueDemoPairingCodes(sync.url, TEST_ADMIN_TOKEN, STORE));
    const agent = await startHardwareAgent({ syncUrl: sync.url, pairingCodes, devices: started.configPath });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1024, height: 768 } });
    page.on('pageerror', (error) => pageErrors.push(error.message));
    cashier = new CashierPage(page);
    prompt = new ApprovalPrompt(page);
    lock = new LockScreenPage(page);
    noSale = new NoSaleDialog(page);
    await cashier.open(agent.url);
  });

  afterAll(async () => {
    await browser?.close();
    await serverDb?.close();
    await stopAll();
    await database?.drop();
  });

  it('the cashier takes her name in the list and types her PIN', async () => {
    // The staff list arrives with the till's first sync: under load it may still be coming.
    await expect
      .poll(() => lock.signInNames(), { timeout: 30_000 })
      .toEqual(['Code PIN seul', 'Camille Martin', 'Karim Benali', 'Sophie Lefèvre']);
    await accessible();
    await shot('sign-in');
    await lock.signInAs(CAMILLE, '1234');
    expect(await cashier.cashierName()).toBe('Camille Martin');
    // Selling and the drawer need the till open: the float counted once, at the start.
    await new ShiftPage(page).open({ float: { 1000: 10 } });
    await expect.poll(() => cashier.deviceState('printer'), { timeout: 20_000 }).toBe('connected');
  });

  it('opening the drawer needs a supervisor: a wrong PIN is refused, Cancel leaves the drawer shut', async () => {
    const kicks = devices.printer.drawerKicks();
    await noSale.open();
    expect(await noSale.reasons()).toEqual([
      'Faire de la monnaie',
      'Vérifier le fond de caisse',
      'Corriger une erreur de rendu',
    ]);
    await accessible();
    await shot('no-sale-reason');
    await noSale.chooseReason('change');
    await prompt.waitOpen();
    expect(await prompt.request()).toBe('Camille Martin demande : une ouverture du tiroir sans vente.');
    expect(await prompt.reason()).toBe('Faire de la monnaie');
    expect(await prompt.approvers()).toEqual(['Karim Benali, Superviseur', 'Sophie Lefèvre, Responsable']);
    await accessible();
    await shot('prompt');
    await prompt.chooseApprover(KARIM);
    await prompt.typePin('1234'); // Camille's own PIN is not Karim's
    await expect.poll(() => prompt.problem()).toBe('Code PIN incorrect. Essais restants : 4');
    await accessible();
    await shot('prompt-wrong-pin');
    await prompt.cancel();
    expect(devices.printer.drawerKicks()).toBe(kicks);
    expect(await noSale.outcome()).toBeNull();
  });

  it('Karim’s PIN approves: the drawer opens, approval and opening are in the server’s journal', async () => {
    const kicks = devices.printer.drawerKicks();
    await noSale.open();
    await noSale.chooseReason('change');
    await prompt.waitOpen();
    await prompt.chooseApprover(KARIM);
    await prompt.typePin('2468');
    await prompt.waitClosed();
    await expect
      .poll(() => noSale.outcome())
      .toEqual({
        kind: 'opened',
        words: 'Tiroir ouvert (Faire de la monnaie). Enregistré au journal.',
      });
    await expect.poll(() => devices.printer.drawerKicks()).toBe(kicks + 1);
    await accessible();
    await shot('no-sale-opened');
    await expect
      .poll(async () => (await serverEntries('manager.approval')).length, { timeout: 30_000 })
      .toBe(1);
    const [approval] = await serverEntries('manager.approval');
    expect(approval?.payload).toEqual({
      approverStaffId: KARIM,
      requestedByStaffId: CAMILLE,
      subject: { type: 'no-sale' },
      reason: 'Faire de la monnaie',
    });
    await expect
      .poll(async () => (await serverEntries('drawer.no-sale')).length, { timeout: 30_000 })
      .toBe(1);
    const [opening] = await serverEntries('drawer.no-sale');
    expect(opening?.payload).toEqual({
      staffId: CAMILLE,
      approverStaffId: KARIM,
      reason: 'Faire de la monnaie',
    });
    expect(opening?.sequence).toBeGreaterThan(approval?.sequence ?? Number.POSITIVE_INFINITY);
  });

  it('locked by its shortcut, the till hides the sale; Camille’s PIN brings it back as it was', async () => {
    for (const i of [40, 41]) {
      const product = packaged[i];
      if (!product) throw new Error('demo catalog too small');
      await cashier.scan(product.barcode);
    }
    const total = await page.getByTestId('cart-total').textContent();
    await lock.lockWithShortcut();
    expect(await cashier.cartLines()).toBe(0);
    // The locked cashier shows at once; the managers who may unlock join the list a moment later.
    await expect.poll(() => lock.people()).toEqual(['Camille Martin', 'Sophie Lefèvre, Responsable']);
    await accessible();
    await shot('locked');
    await lock.typePin('2468');
    await expect.poll(() => lock.problem()).toBe('Code PIN incorrect. Essais restants : 4');
    await lock.unlock('1234');
    expect(await cashier.cashierName()).toBe('Camille Martin');
    expect(await cashier.cartLines()).toBe(2);
    expect(await page.getByTestId('cart-total').textContent()).toBe(total);
  });

  it('idle for the seconds the settings give, the till locks itself; the open sale stays', async () => {
    await setStaffPolicy({ ...DEFAULT_STAFF_POLICY, idleLockSeconds: 3, lockoutSeconds: 600 });
    await lock.waitLocked(30_000);
    expect(await lock.lockedBecauseIdle()).toBe(true);
    await accessible();
    await shot('idle-locked');
    // Back to no idle lock for the rest (the settings reach the till while the PINs are typed).
    await setStaffPolicy({ ...DEFAULT_STAFF_POLICY, idleLockSeconds: 0, lockoutSeconds: 600 });
  });

  it('five wrong PINs lock Camille out, journalled on the server; the manager unlocks and takes the sale', async () => {
    // One wrong PIN was typed at the first lock, but Camille's right PIN cleared the count.
    for (const left of [4, 3, 2, 1]) {
      await lock.typePin('0000');
      await expect.poll(() => lock.problem()).toBe(`Code PIN incorrect. Essais restants : ${left}`);
    }
    await lock.typePin('0000');
    await expect
      .poll(() => lock.problem())
      .toBe('Trop de codes PIN erronés : verrouillé pendant encore 10 min.');
    // Her right PIN waits out the delay.
    await lock.typePin('1234');
    await expect.poll(() => lock.isLocked()).toBe(true);
    await accessible();
    await shot('locked-out');
    await expect
      .poll(async () => (await serverEntries('staff.locked-out')).length, { timeout: 30_000 })
      .toBe(1);
    const [lockout] = await serverEntries('staff.locked-out');
    if (lockout?.kind !== 'staff.locked-out') throw new Error('no lock-out entry');
    expect(lockout.payload).toMatchObject({ staffId: CAMILLE, place: 'unlock', failedAttempts: 5 });
    expect(Date.parse(lockout.payload.lockedUntil) - Date.parse(lockout.recordedAt)).toBe(600_000);

    await lock.choose(SOPHIE);
    await lock.unlock('9876');
    expect(await cashier.cashierName()).toBe('Sophie Lefèvre');
    expect(await cashier.cartLines()).toBe(2);
    expect(pageErrors).toEqual([]);
  });
});
