import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZvtTerminal } from '../../hardware/payment/zvt/zvt-terminal';
import type { DemoDevices } from '../../hardware/simulators/demo-devices';
import {
  type StartedZvtSimulator,
  startZvtTerminalSimulator,
} from '../../hardware/simulators/zvt-terminal/start-zvt-simulator';
import { generateFrenchCatalog } from '../../sync-server/src/demo/french-catalog';
import { launchChromium, openSignedInCashier } from '../support/browser';
import { startDemoStore, startTestDevices, stopAll } from '../support/processes';
import { ShiftPage } from './pages/shift-page';

// A card payment the ZVT terminal can no longer account for, end to end: the
// terminal dies holding the answer, comes back with another transaction as its
// last one, so recovery cannot tell. The cashier stays on "Vérifier le
// paiement" until a manager (PIN) decides; then the sale completes and the
// next card payment goes through.
describe('a manager settles an unrecoverable card payment', () => {
  let devices: DemoDevices;
  let revived: StartedZvtSimulator | undefined;
  let browser: Browser;
  let page: Page;
  const packaged = generateFrenchCatalog().filter((p) => p.unit === 'piece');

  beforeAll(async () => {
    const started = await startTestDevices((config) => ({
      ...config,
      ...(config.terminal ? { terminal: { ...config.terminal, timeoutMs: 3_000 } } : {}),
    }));
    devices = started.devices;
    const { agent } = await startDemoStore({ devices: started.configPath });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1024, height: 768 } });
    await openSignedInCashier(page, agent.url);
    await new ShiftPage(page).open({ float: { 1000: 10 } });
  });

  afterAll(async () => {
    await browser?.close();
    await revived?.close();
    await stopAll();
  });

  const scan = async (index: number) => {
    const product = packaged[index];
    if (!product) throw new Error('demo catalog too small');
    await page.getByTestId('barcode-input').fill(product.barcode);
    await page.getByTestId('barcode-input').press('Enter');
    await expect.poll(() => page.getByTestId('cart-line').count()).toBe(1);
  };

  it('unknown outcome, a wrong PIN refused, the manager says charged: the sale completes', async () => {
    await expect
      .poll(() => page.getByTestId('device-terminal').getAttribute('data-state'), { timeout: 20_000 })
      .toBe('connected');
    const { port } = devices.terminal;
    devices.terminal.setScenario('timeout');
    await scan(20);
    await page.getByTestId('start-payment').click();
    await page.getByTestId('pay-card').click();
    await expect.poll(() => devices.terminal.charges().length, { timeout: 20_000 }).toBe(1);
    // The terminal dies holding the answer; it comes back with another ECR's payment as its last one.
    await devices.terminal.close();
    await page.getByTestId('check-card').waitFor({ timeout: 30_000 });
    revived = await startZvtTerminalSimulator({ port });
    const otherEcr = new ZvtTerminal({ host: '127.0.0.1', port });
    const other = await otherEcr.authorization(100, 'other-ecr-1');
    otherEcr.close();
    expect(other.ok).toBe(true);

    await page.getByTestId('check-card').click();
    await expect
      .poll(() => page.getByTestId('card-message').textContent(), { timeout: 20_000 })
      .toMatch(/^Résultat inconnu \(/);
    expect(await page.getByTestId('card-attempt').getAttribute('data-phase')).toBe('outcome-unknown');

    await page.getByText('Décision du responsable').click();
    // The cashier's own PIN is not a manager's.
    await page.getByTestId('manager-pin').fill('1234');
    await page.getByTestId('resolve-charged').click();
    await expect
      .poll(() => page.getByTestId('lookup-error').textContent())
      .toBe('Code responsable incorrect');
    expect(await page.getByTestId('manager-pin').inputValue()).toBe('');
    await page.getByTestId('manager-pin').fill('9876');
    await page.getByTestId('resolve-charged').click();
    await page.getByTestId('sale-completed').waitFor({ timeout: 20_000 });
    // Nothing was sent to the terminal for the decision.
    expect(revived.commands().filter((c) => c === '06 01')).toHaveLength(1);
  });

  it('the next card sale goes through: the terminal is no longer blocked', async () => {
    if (!revived) throw new Error('needs the first test');
    await scan(21);
    await page.getByTestId('start-payment').click();
    await page.getByTestId('pay-card').click();
    await page.getByTestId('sale-completed').waitFor({ timeout: 30_000 });
    expect(revived.charges().map((c) => c.amountMinor)).toEqual([100, packaged[21]?.priceMinor]);
  });
});
