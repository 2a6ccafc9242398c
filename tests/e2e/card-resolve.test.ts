import { mkdirSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZvtTerminal } from '../../hardware/payment/zvt/zvt-terminal';
import type { DemoDevices } from '../../hardware/simulators/demo-devices';
import {
  type StartedZvtSimulator,
  startZvtTerminalSimulator,
} from '../../hardware/simulators/zvt-terminal/start-zvt-simulator';
import { type JournalEntry, receiptNumberOf } from '../../src/core/journal/journal-entry';
import type { CompletedSale } from '../../src/core/sale';
import type { Database } from '../../sync-server/src/db/database';
import { openDatabase } from '../../sync-server/src/db/open-database';
import { generateFrenchCatalog } from '../../sync-server/src/demo/french-catalog';
import { launchChromium, openSignedInCashier } from '../support/browser';
import { createScratchDatabase, type ScratchDatabase } from '../support/postgres';
import { startDemoStore, startTestDevices, stopAll } from '../support/processes';
import { ApprovalPrompt } from './pages/approval-prompt';
import { CashierPage } from './pages/cashier-page';
import { ShiftPage } from './pages/shift-page';
import { saveScreens } from './pages/staff-screens';

// A card payment the ZVT terminal can no longer account for, end to end: the
// terminal dies holding the answer, comes back with another transaction as its
// last one, so recovery cannot tell. The cashier stays on "Vérifier le
// paiement" until a manager decides in the till's approval prompt (a wrong PIN
// refused, then hers); the sale completes, the approval naming the manager and
// the decision is in the server's journal, and the next card payment goes
// through.
describe('a manager settles an unrecoverable card payment', () => {
  let devices: DemoDevices;
  let revived: StartedZvtSimulator | undefined;
  let database: ScratchDatabase;
  let serverDb: Database;
  let browser: Browser;
  let cashier: CashierPage;
  let prompt: ApprovalPrompt;
  const screens = process.env.TILL_SCREENSHOTS;
  const packaged = generateFrenchCatalog().filter((p) => p.unit === 'piece');
  const product = (index: number) => {
    const found = packaged[index];
    if (!found) throw new Error('demo catalog too small');
    return found;
  };

  /** This till's journal entries of `kind` as the server stored them. */
  const serverEntries = async (kind: JournalEntry['kind']): Promise<JournalEntry[]> => {
    const rows = await serverDb.query<{ doc: JournalEntry }>(
      "SELECT doc FROM sync_documents WHERE collection = 'journal' AND doc->>'kind' = $1 ORDER BY (doc->>'sequence')::int",
      [kind],
    );
    return rows.rows.map((r) => r.doc);
  };

  beforeAll(async () => {
    if (screens) mkdirSync(screens, { recursive: true });
    const started = await startTestDevices((config) => ({
      ...config,
      ...(config.terminal ? { terminal: { ...config.terminal, timeoutMs: 3_000 } } : {}),
    }));
    devices = started.devices;
    database = await createScratchDatabase('card_resolve');
    const { agent } = await startDemoStore({ databaseUrl: database.url, devices: started.configPath });
    serverDb = await openDatabase(database.url);
    browser = await launchChromium();
    const page = await browser.newPage({ viewport: { width: 1024, height: 768 } });
    cashier = new CashierPage(page);
    prompt = new ApprovalPrompt(page);
    await openSignedInCashier(page, agent.url);
    await new ShiftPage(page).open({ float: { 1000: 10 } });
  });

  afterAll(async () => {
    await browser?.close();
    await revived?.close();
    await serverDb?.close();
    await stopAll();
    await database?.drop();
  });

  it('unknown outcome; the manager approves "charged" with her PIN: the sale completes, journalled', async () => {
    await expect.poll(() => cashier.deviceState('terminal'), { timeout: 20_000 }).toBe('connected');
    const { port } = devices.terminal;
    devices.terminal.setScenario('timeout');
    await cashier.scan(product(20).barcode);
    await cashier.startPayment();
    await cashier.payByCard();
    await expect.poll(() => devices.terminal.charges().length, { timeout: 20_000 }).toBe(1);
    // The terminal dies holding the answer; it comes back with another ECR's payment as its last one.
    await devices.terminal.close();
    await cashier.page.getByTestId('check-card').waitFor({ timeout: 30_000 });
    revived = await startZvtTerminalSimulator({ port });
    const otherEcr = new ZvtTerminal({ host: '127.0.0.1', port });
    const other = await otherEcr.authorization(100, 'other-ecr-1');
    otherEcr.close();
    expect(other.ok).toBe(true);

    await cashier.checkCardPayment();
    await expect.poll(() => cashier.cardMessage(), { timeout: 20_000 }).toMatch(/^Résultat inconnu \(/);
    expect(await cashier.cardPhase()).toBe('outcome-unknown');
    await cashier.expectAccessible();
    await saveScreens(cashier.page, screens, 'card-unknown');

    await cashier.decideCard('charged');
    await prompt.waitOpen();
    expect(await prompt.request()).toBe(
      'Camille Martin demande : la décision sur un paiement carte incertain.',
    );
    expect(await prompt.reason()).toBe('Carte débitée');
    await cashier.expectAccessible();
    await saveScreens(cashier.page, screens, 'card-resolution');
    // The cashier's own PIN is not the manager's.
    await prompt.typePin('1234');
    await expect.poll(() => prompt.problem()).toBe('Code PIN incorrect. Essais restants : 4');
    await cashier.expectAccessible();
    await prompt.typePin('9876');
    await prompt.waitClosed();
    const receiptNumber = await cashier.waitForSaleCompleted(20_000);
    // Nothing was sent to the terminal for the decision.
    expect(revived.commands().filter((c) => c === '06 01')).toHaveLength(1);

    // On the server: the approval names the manager and the decision; the sale is paid by card.
    await expect
      .poll(async () => (await serverEntries('manager.approval')).length, { timeout: 30_000 })
      .toBe(1);
    const [approval] = await serverEntries('manager.approval');
    expect(approval?.payload).toEqual({
      approverStaffId: 'staff-sophie',
      requestedByStaffId: 'staff-camille',
      subject: { type: 'card-resolution', paymentId: expect.any(String), resolution: 'charged' },
      reason: 'Carte débitée',
    });
    await expect
      .poll(
        async () => (await serverEntries('sale.completed')).some((e) => receiptNumberOf(e) === receiptNumber),
        {
          timeout: 30_000,
        },
      )
      .toBe(true);
    const sale = (await serverEntries('sale.completed')).find((e) => receiptNumberOf(e) === receiptNumber)
      ?.payload as CompletedSale | undefined;
    expect(sale?.tenders.map((t) => [t.type, t.amount.minor])).toEqual([['card', product(20).priceMinor]]);
  });

  it('the next card sale goes through: the terminal is no longer blocked', async () => {
    if (!revived) throw new Error('needs the first test');
    await cashier.scan(product(21).barcode);
    await cashier.startPayment();
    await cashier.payByCard();
    await cashier.waitForSaleCompleted(30_000);
    expect(revived.charges().map((c) => c.amountMinor)).toEqual([100, product(21).priceMinor]);
  });
});
