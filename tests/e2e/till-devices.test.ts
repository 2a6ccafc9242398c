import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoDevices } from '../../hardware/simulators/demo-devices';
import { slipAmount } from '../../hardware/simulators/zvt-terminal/zvt-simulator';
import { encodeReceiptCode } from '../../src/core/barcodes';
import type { PosBridge } from '../../src/core/bridge/pos-bridge';
import { generateFrenchCatalog } from '../../sync-server/src/demo/french-catalog';
import { connectBridgeInNode, hostConnected } from '../support/agent-bridge-in-node';
import { launchChromium, openSignedInCashier } from '../support/browser';
import { scannerBurst, usKeys } from '../support/key-bursts';
import { startDemoStore, startTestDevices, stopAll } from '../support/processes';
import { CashierPage } from './pages/cashier-page';
import { ShiftPage } from './pages/shift-page';

// The cashier till with its devices, end to end: real Chromium, the real
// agent and drivers, and the simulators (printer on TCP, ZVT terminal on TCP,
// pole display and serial scanner on socat ptys) in this process, where the
// test reads what they printed, charged and showed, and breaks them.
describe('the till with its devices, end to end', () => {
  let devices: DemoDevices;
  // The agent as the till sees it, to read its print queue.
  let agentBridge: PosBridge & { close(): void };
  const AGENT_TOKEN = 'till-devices-e2e-token-0123456789';
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];
  const packaged = generateFrenchCatalog().filter((p) => p.unit === 'piece');
  const product = (i: number) => {
    const found = packaged[i];
    if (!found) throw new Error('demo catalog too small');
    return found;
  };
  const chip = (deviceId: string) => page.getByTestId(`device-${deviceId}`);
  const chipState = (deviceId: string) => chip(deviceId).getAttribute('data-state');
  const cartLines = () => page.getByTestId('cart-line').count();
  const typeScan = async (code: string) => {
    await page.getByTestId('barcode-input').fill(code);
    await page.getByTestId('barcode-input').press('Enter');
  };
  const receiptsWith = (receiptNumber: string) =>
    devices.printer.receipts().filter((r) => r.text.includes(receiptNumber)).length;

  beforeAll(async () => {
    const started = await startTestDevices((config) => ({
      ...config,
      // An unknown card outcome is found out sooner in tests than at a real till.
      ...(config.terminal ? { terminal: { ...config.terminal, timeoutMs: 3_000 } } : {}),
    }));
    devices = started.devices;
    const { agent } = await startDemoStore({ devices: started.configPath, agentToken: AGENT_TOKEN });
    agentBridge = connectBridgeInNode(`${agent.url.replace('http', 'ws')}/bridge`, AGENT_TOKEN, agent.url);
    await hostConnected(agentBridge);
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1024, height: 768 } });
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await openSignedInCashier(page, agent.url);
    await new ShiftPage(page).open({ float: { 1000: 10 } });
  });

  afterAll(async () => {
    agentBridge?.close();
    await browser?.close();
    await stopAll();
  });

  it('shows every device and its state in the status bar', async () => {
    for (const id of ['printer', 'printer-drawer', 'terminal', 'display', 'scanner-serial']) {
      await expect.poll(() => chipState(id), { timeout: 20_000 }).toBe('connected');
    }
    expect(await chip('printer').textContent()).toBe('Imprimante : prêt');
    expect(await chip('terminal').textContent()).toBe('Terminal CB : prêt');
    // Ready devices are counted in one chip (the drawer, open or shut, has its own): one line at 1024 px.
    const cashier = new CashierPage(page, process.env.TILL_SCREENSHOTS);
    expect(await cashier.devicesSummary()).toBe('Périphériques : 4 appareils prêts');
    await cashier.screenshot('cashier-status-bar-ready');
    expect(await cashier.statusBarRows()).toBe(1);
    await cashier.expectAccessible();
    // The AGEC sign in front of the customer since the cashier signed in: receipts on request.
    await expect.poll(() => devices.display.screen().lower).toContain('Ticket sur demande');
  });

  it('a keyboard-wedge scan lands in the cart, not in the focused field; a serial scan too', async () => {
    await page.getByTestId('barcode-input').focus();
    await scannerBurst(page, usKeys(product(10).barcode));
    await expect.poll(cartLines).toBe(1);
    expect(await page.getByTestId('barcode-input').inputValue()).toBe('');
    await devices.scanner.scan(product(11).barcode);
    await expect.poll(cartLines).toBe(2);
    expect(await page.getByTestId('cart-lines').textContent()).toContain(product(11).name);
  });

  it('the pole display shows the last item and the running total', async () => {
    const total = product(10).priceMinor + product(11).priceMinor;
    const euros = (minor: number) => `${Math.floor(minor / 100)},${String(minor % 100).padStart(2, '0')}`;
    await expect.poll(() => devices.display.screen().lower).toMatch(new RegExp(`^Total\\s+${euros(total)}`));
    expect(devices.display.screen().upper).toContain(euros(product(11).priceMinor));
  });

  it('a cash sale prints its receipt (total and receipt-number QR), kicks the drawer once, shows the change', async () => {
    const total = product(10).priceMinor + product(11).priceMinor;
    const kicksBefore = devices.printer.drawerKicks();
    await page.getByTestId('start-payment').click();
    await page.getByTestId('pay-note-5000').click();
    await page.getByTestId('sale-completed').waitFor();
    // The AGEC law: nothing prints unless the customer asks (docs/receipts.md).
    await page.getByTestId('receipt-choice-paper').click();
    await expect.poll(() => page.getByTestId('print-status').getAttribute('data-state')).toBe('printed');
    const receiptNumber = (await page.getByTestId('receipt-number').textContent()) ?? '';
    const printed = devices.printer.receipts().find((r) => r.text.includes(receiptNumber));
    expect(printed?.text).toMatch(
      new RegExp(`TOTAL.*${Math.floor(total / 100)},${String(total % 100).padStart(2, '0')}`, 's'),
    );
    const code = encodeReceiptCode(receiptNumber);
    expect(code.ok && printed?.qr).toEqual([code.ok ? code.value : '']);
    expect(devices.printer.drawerKicks()).toBe(kicksBefore + 1);
    await expect.poll(() => devices.display.screen().lower).toMatch(/^Rendu/);
  });

  it('paper out mid-receipt: the sale stays done, the receipt waits, and a reprint prints it once', async () => {
    await typeScan(product(12).barcode);
    await expect.poll(cartLines).toBe(1);
    devices.printer.paperOutAfterLines(4);
    await page.getByTestId('start-payment').click();
    await page.getByTestId('pay-exact').click();
    await page.getByTestId('sale-completed').waitFor();
    // The AGEC law: nothing prints unless the customer asks (docs/receipts.md).
    await page.getByTestId('receipt-choice-paper').click();
    const receiptNumber = (await page.getByTestId('receipt-number').textContent()) ?? '';
    await expect.poll(() => page.getByTestId('print-status').getAttribute('data-state')).toBe('queued');
    expect(await page.getByTestId('print-status').textContent()).toMatch(/papier/i);
    await expect
      .poll(() => chip('printer').textContent(), { timeout: 10_000 })
      .toMatch(/^Imprimante : .*papier/i);
    // The printer's problem has a chip of its own, by name, and the bar still takes one line.
    const cashier = new CashierPage(page, process.env.TILL_SCREENSHOTS);
    expect(await chip('printer').isVisible()).toBe(true);
    expect(await cashier.devicesSummary()).toBe('Périphériques : 3 appareils prêts');
    await cashier.screenshot('cashier-status-bar-problem');
    expect(await cashier.statusBarRows()).toBe(1);
    expect(receiptsWith(receiptNumber)).toBe(0);
    const queued = await agentBridge.printQueue();
    expect(queued.ok && queued.value.map((job) => job.jobId)).toEqual([`receipt:${receiptNumber}`]);

    // The cashier goes on with the next customer: the waiting receipt stays on screen.
    await typeScan(product(17).barcode);
    await expect.poll(cartLines).toBe(1);
    expect(await page.getByTestId('receipt-waiting').textContent()).toMatch(/papier/i);

    devices.printer.setCondition('ok');
    await expect.poll(() => chipState('printer'), { timeout: 10_000 }).toBe('connected');
    await page.getByTestId('reprint-waiting').click();
    // The reprint was the waiting job itself: once it is done nothing is left to print, and it printed once.
    await expect.poll(() => agentBridge.printQueue()).toEqual({ ok: true, value: [] });
    await page.getByTestId('receipt-waiting').waitFor({ state: 'hidden' });
    expect(receiptsWith(receiptNumber)).toBe(1);
    await page.getByRole('button', { name: `Annuler ${product(17).name}` }).click();
    await expect.poll(cartLines).toBe(0);
  });

  it('paper out during two sales: both receipts wait in a list; Réimprimer and Tout réimprimer print each once', async () => {
    devices.printer.setCondition('paper-out');
    await expect
      .poll(() => chip('printer').textContent(), { timeout: 10_000 })
      .toMatch(/^Imprimante : .*papier/i);
    const sellOne = async (i: number) => {
      await typeScan(product(i).barcode);
      await expect.poll(cartLines).toBe(1);
      await page.getByTestId('start-payment').click();
      await page.getByTestId('pay-exact').click();
      await page.getByTestId('sale-completed').waitFor();
      // The AGEC law: nothing prints unless the customer asks (docs/receipts.md).
      await page.getByTestId('receipt-choice-paper').click();
      await expect.poll(() => page.getByTestId('print-status').getAttribute('data-state')).toBe('queued');
      return (await page.getByTestId('receipt-number').textContent()) ?? '';
    };
    const first = await sellOne(18);
    const second = await sellOne(19);
    expect(second).not.toBe(first);
    const waitingIds = () =>
      page
        .getByTestId('waiting-receipt')
        .evaluateAll((items) => items.map((item) => item.getAttribute('data-job-id')));
    await expect.poll(waitingIds).toEqual([`receipt:${first}`, `receipt:${second}`]);

    devices.printer.setCondition('ok');
    await expect.poll(() => chipState('printer'), { timeout: 10_000 }).toBe('connected');
    // The older receipt, which the screen's own Réimprimer no longer reaches.
    await page
      .locator(`[data-testid=waiting-receipt][data-job-id="receipt:${first}"]`)
      .getByTestId('retry-receipt')
      .click();
    await expect.poll(waitingIds).toEqual([`receipt:${second}`]);
    expect(receiptsWith(first)).toBe(1);
    expect(receiptsWith(second)).toBe(0);
    await page.getByTestId('retry-all-receipts').click();
    await page.getByTestId('waiting-receipt').first().waitFor({ state: 'detached' });
    expect(await page.getByTestId('waiting-receipts-message').textContent()).toBe('1 ticket imprimé');
    await expect.poll(() => page.getByTestId('print-status').getAttribute('data-state')).toBe('printed');
    expect(await agentBridge.printQueue()).toEqual({ ok: true, value: [] });
    expect([receiptsWith(first), receiptsWith(second)]).toEqual([1, 1]);
  });

  it('a card sale approved on the ZVT terminal records one charge', async () => {
    await typeScan(product(13).barcode);
    await expect.poll(cartLines).toBe(1);
    const chargesBefore = devices.terminal.charges().length;
    await page.getByTestId('start-payment').click();
    await page.getByTestId('pay-card').click();
    await page.getByTestId('sale-completed').waitFor({ timeout: 30_000 });
    expect(devices.terminal.charges()).toHaveLength(chargesBefore + 1);
    expect(devices.terminal.charges().at(-1)?.amountMinor).toBe(product(13).priceMinor);
    // The card slip, like the receipt, prints when the customer asks for it.
    await page.getByTestId('receipt-choice-paper').click();
    await expect.poll(() => page.getByTestId('print-status').getAttribute('data-state')).toBe('printed');
    // The customer's card slip, as the terminal sent it (ZVT print lines), on its own paper after the receipt.
    const receiptNumber = (await page.getByTestId('receipt-number').textContent()) ?? '';
    const papers = devices.printer.receipts();
    const at = papers.findIndex((r) => r.text.includes(receiptNumber));
    expect(at).toBeGreaterThanOrEqual(0);
    expect(papers[at + 1]?.text).toBe(
      ['CARTE BANCAIRE', `MONTANT ${slipAmount(product(13).priceMinor)}`, 'PAIEMENT ACCEPTE'].join('\n'),
    );
    expect(await page.getByTestId('receipt-preview').textContent()).toContain('PAIEMENT ACCEPTE');
  });

  it('a declined card leaves the sale open for another tender', async () => {
    devices.terminal.setScenario('decline');
    await typeScan(product(14).barcode);
    await expect.poll(cartLines).toBe(1);
    await page.getByTestId('start-payment').click();
    await page.getByTestId('pay-card').click();
    await expect
      .poll(() => page.getByTestId('lookup-error').textContent(), { timeout: 30_000 })
      .toMatch(/^Carte refusée/);
    devices.terminal.setScenario('approve');
    await page.getByTestId('pay-exact').click();
    await page.getByTestId('sale-completed').waitFor();
  });

  for (const scenario of ['timeout', 'crash'] as const) {
    it(`a terminal ${scenario} is resolved by asking the terminal: exactly one charge`, async () => {
      devices.terminal.setScenario(scenario);
      await typeScan(product(15).barcode);
      await expect.poll(cartLines).toBe(1);
      const chargesBefore = devices.terminal.charges().length;
      const authorizations = () => devices.terminal.commands().filter((c) => c === '06 01').length;
      const authorizationsBefore = authorizations();
      await page.getByTestId('start-payment').click();
      await page.getByTestId('pay-card').click();
      // Once the terminal has the payment, it behaves again: recovery must find that one charge.
      await expect.poll(authorizations, { timeout: 20_000 }).toBe(authorizationsBefore + 1);
      devices.terminal.setScenario('approve');
      // Either the automatic recovery settles it, or the cashier asks again.
      await expect
        .poll(
          async () => {
            if (await page.getByTestId('sale-completed').isVisible()) return 'done';
            if (await page.getByTestId('check-card').isVisible())
              await page.getByTestId('check-card').click();
            return 'waiting';
          },
          { timeout: 60_000, interval: 1_000 },
        )
        .toBe('done');
      expect(devices.terminal.charges()).toHaveLength(chargesBefore + 1);
      expect(authorizations()).toBe(authorizationsBefore + 1);
    });
  }

  it('an unreachable terminal is a clear state; the cashier takes cash instead', async () => {
    await devices.terminal.close();
    await typeScan(product(16).barcode);
    await expect.poll(cartLines).toBe(1);
    await page.getByTestId('start-payment').click();
    await page.getByTestId('pay-card').click();
    await expect
      .poll(() => page.getByTestId('lookup-error').textContent(), { timeout: 30_000 })
      .toMatch(/^Carte : .*Choisissez un autre moyen de paiement\.$/);
    await expect.poll(() => chipState('terminal'), { timeout: 20_000 }).toBe('disconnected');
    await page.getByTestId('pay-exact').click();
    await page.getByTestId('sale-completed').waitFor();
  });

  it('no page errors along the way', () => {
    expect(pageErrors).toEqual([]);
  });
});
