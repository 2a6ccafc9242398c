import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  type AdyenScenario,
  type AdyenTerminalSimulator,
  startAdyenTerminalSimulator,
} from '../../../hardware/simulators/adyen-terminal/adyen-simulator';
import { makeTerminalCertificates } from '../../../hardware/simulators/adyen-terminal/terminal-certificates';
import {
  ADYEN_KEY,
  ADYEN_POI,
  adyenConfig,
  freePort,
  makeDataDir,
  pay,
  startTill,
  waitFor,
} from './payment-bridge-harness';

// Adyen's local Terminal API through the device host: the real
// @adyen/api-library over HTTPS (the simulator's own CA) with nexo
// encryption, one test per simulator scenario, driven with bridge calls.
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function simulator(scenario: AdyenScenario) {
  const sim = await startAdyenTerminalSimulator({ ...ADYEN_KEY, poiId: ADYEN_POI, scenario });
  cleanups.push(() => sim.close());
  const data = makeDataDir();
  cleanups.push(data.remove);
  const caCertPath = join(data.dir, 'terminal-ca.pem');
  writeFileSync(caCertPath, sim.caCertPem);
  return { sim, dataDir: data.dir, caCertPath };
}

async function setup(scenario: AdyenScenario, timeoutMs?: number) {
  const { sim, dataDir, caCertPath } = await simulator(scenario);
  const till = await startTill(adyenConfig(sim.endpoint, caCertPath, timeoutMs), dataDir);
  cleanups.push(() => till.close());
  return { sim, till };
}

const payments = (sim: AdyenTerminalSimulator) => sim.requests().filter((r) => r === 'Payment');

describe('Adyen terminal (local Terminal API) through the bridge', () => {
  it('approve: outcome with PSP reference, card and receipt; connected; retried without a second charge', async () => {
    const { sim, till } = await setup('approve');
    const result = await pay(till, 'sale-1');
    expect(result).toEqual({
      ok: true,
      value: {
        status: 'approved',
        paymentId: 'sale-1',
        kind: 'payment',
        amountMinor: 1234,
        currency: 'EUR',
        reference: '8815000000000001',
        cardBrand: 'mc',
        maskedPan: '541333 **** 9999',
        terminalReceipt: ['SIMULATED ADYEN TERMINAL', 'Amount: 12.34 EUR', 'APPROVED'],
      },
    });
    expect(till.progress).toEqual([
      { paymentId: 'sale-1', message: 'Follow the instructions on the card terminal' },
    ]);
    await waitFor(() => till.status()?.state === 'connected');
    expect(await pay(till, 'sale-1')).toEqual(result);
    expect(sim.charges()).toEqual([expect.objectContaining({ transactionId: 'sale-1', amount: 12.34 })]);
    expect(payments(sim)).toHaveLength(1);
    expect(sim.rejected()).toBe(0);
  });

  it('two starts of the same payment at once (a double tap): one charge, the same outcome twice', async () => {
    const { sim, till } = await setup('approve');
    const [a, b] = await Promise.all([pay(till, 'sale-12', 800), pay(till, 'sale-12', 800)]);
    expect(a).toEqual({
      ok: true,
      value: expect.objectContaining({ status: 'approved', paymentId: 'sale-12' }),
    });
    expect(b).toEqual(a);
    expect(sim.charges()).toHaveLength(1);
  });

  it('decline: declined with the reason and receipt, nothing charged', async () => {
    const { sim, till } = await setup('decline');
    expect(await pay(till, 'sale-2', 500)).toEqual({
      ok: true,
      value: {
        status: 'declined',
        paymentId: 'sale-2',
        reason: 'declined: Insufficient funds',
        terminalReceipt: ['SIMULATED ADYEN TERMINAL', 'Amount: 5 EUR', 'DECLINED'],
      },
    });
    expect(sim.charges()).toHaveLength(0);
  });

  it('abort: an AbortRequest naming the payment stops it', async () => {
    const { sim, till } = await setup('abort');
    const payment = pay(till, 'sale-3', 700);
    await waitFor(() => payments(sim).length === 1);
    expect(await till.call('payment.abort', { paymentId: 'sale-3' })).toEqual({
      ok: true,
      value: { done: true },
    });
    expect(await payment).toEqual({
      ok: true,
      value: { status: 'aborted', paymentId: 'sale-3', reason: 'aborted at the terminal' },
    });
    expect(sim.requests()).toEqual(['Payment', 'Abort']);
    expect(sim.charges()).toHaveLength(0);
  });

  it('timeout: outcome unknown, never sent again, TransactionStatus recovers it, charged once', async () => {
    const { sim, till } = await setup('timeout', 800);
    const first = await pay(till, 'sale-4', 4200);
    expect(first).toEqual({
      ok: false,
      error: expect.objectContaining({ code: 'outcome-unknown', retryable: true }),
    });
    const retried = await pay(till, 'sale-4', 4200);
    expect(retried.ok ? 'ok' : retried.error.code).toBe('outcome-unknown');
    const recovered = await till.call('payment.recover', { paymentId: 'sale-4' });
    expect(recovered).toEqual({
      ok: true,
      value: expect.objectContaining({ status: 'approved', paymentId: 'sale-4', amountMinor: 4200 }),
    });
    expect(await pay(till, 'sale-4', 4200)).toEqual(recovered);
    expect(sim.charges()).toHaveLength(1);
    expect(sim.requests()).toEqual(['Payment', 'TransactionStatus']);
  });

  it('crash mid-payment: connection dropped after the charge, recovered, charged once', async () => {
    const { sim, till } = await setup('crash');
    const first = await pay(till, 'sale-5', 999);
    expect(first.ok ? 'ok' : first.error.code).toBe('outcome-unknown');
    sim.setScenario('approve');
    const recovered = await till.call('payment.recover', { paymentId: 'sale-5' });
    expect(recovered).toEqual({
      ok: true,
      value: expect.objectContaining({ status: 'approved', amountMinor: 999, reference: '8815000000000001' }),
    });
    expect(sim.charges()).toHaveLength(1);
    expect(payments(sim)).toHaveLength(1);
  });

  it('restart mid-payment: a new driver on the same data directory asks with the original ServiceID', async () => {
    const { sim, dataDir, caCertPath } = await simulator('timeout');
    const first = await startTill(adyenConfig(sim.endpoint, caCertPath, 20_000), dataDir);
    const inFlight = pay(first, 'sale-6', 2500);
    await waitFor(() => sim.charges().length === 1);
    await first.close();
    void inFlight;

    const second = await startTill(adyenConfig(sim.endpoint, caCertPath), dataDir);
    cleanups.push(() => second.close());
    const retried = await pay(second, 'sale-6', 2500);
    expect(retried.ok ? 'ok' : retried.error.code).toBe('outcome-unknown');
    expect(await second.call('payment.recover', { paymentId: 'sale-6' })).toEqual({
      ok: true,
      value: expect.objectContaining({ status: 'approved', paymentId: 'sale-6', amountMinor: 2500 }),
    });
    expect(sim.charges()).toHaveLength(1);
    expect(payments(sim)).toHaveLength(1);
  });

  it('restart while the terminal still waits for the card: recovery says in progress, nothing is sent again', async () => {
    const { sim, dataDir, caCertPath } = await simulator('abort');
    const first = await startTill(adyenConfig(sim.endpoint, caCertPath, 20_000), dataDir);
    void pay(first, 'sale-11', 1500);
    await waitFor(() => payments(sim).length === 1);
    await first.close();

    const second = await startTill(adyenConfig(sim.endpoint, caCertPath), dataDir);
    cleanups.push(() => second.close());
    const recovered = await second.call('payment.recover', { paymentId: 'sale-11' });
    expect(recovered).toEqual({
      ok: false,
      error: expect.objectContaining({ code: 'outcome-unknown', retryable: true }),
    });
    expect(recovered.ok ? '' : recovered.error.message).toMatch(/still processing/);
    expect(payments(sim)).toHaveLength(1);
    expect(sim.charges()).toHaveLength(0);
  });

  it('refund: a payment of type Refund, once per id', async () => {
    const { sim, till } = await setup('approve');
    const refund = await pay(till, 'refund-1', 300, 'refund');
    expect(refund).toEqual({
      ok: true,
      value: expect.objectContaining({ status: 'approved', kind: 'refund', amountMinor: 300 }),
    });
    expect(await pay(till, 'refund-1', 300, 'refund')).toEqual(refund);
    expect(sim.charges()).toEqual([expect.objectContaining({ kind: 'refund', amount: 3 })]);
  });

  it('till died after journaling, before sending: the terminal says NotFound, recovery says not-started', async () => {
    const { sim, dataDir, caCertPath } = await simulator('approve');
    // The record a till writes just before the request leaves it.
    const sent = {
      key: 'sale-8',
      kind: 'payment',
      amountMinor: 1234,
      currency: 'EUR',
      stage: 'sent',
      reference: { serviceId: 'A1B2C3D4E5', transactionId: 'sale-8', timeStamp: new Date().toISOString() },
    };
    writeFileSync(join(dataDir, 'payments-terminal.jsonl'), `${JSON.stringify(sent)}\n`);
    const till = await startTill(adyenConfig(sim.endpoint, caCertPath), dataDir);
    cleanups.push(() => till.close());
    const retried = await pay(till, 'sale-8');
    expect(retried.ok ? 'ok' : retried.error.code).toBe('outcome-unknown');
    expect(await till.call('payment.recover', { paymentId: 'sale-8' })).toEqual({
      ok: true,
      value: { status: 'not-started', paymentId: 'sale-8' },
    });
    expect(sim.requests()).toEqual(['TransactionStatus']);
    // Now provably never charged, the same id may be paid.
    expect(await pay(till, 'sale-8')).toEqual({
      ok: true,
      value: expect.objectContaining({ status: 'approved' }),
    });
    expect(sim.charges()).toHaveLength(1);
  });

  it('unreachable terminal: nothing listening gives terminal-unreachable and a disconnected status', async () => {
    const { dataDir, caCertPath } = await simulator('approve');
    const till = await startTill(
      adyenConfig(`https://127.0.0.1:${await freePort()}/nexo/`, caCertPath),
      dataDir,
    );
    cleanups.push(() => till.close());
    const result = await pay(till, 'sale-7');
    expect(result).toEqual({
      ok: false,
      error: expect.objectContaining({ code: 'terminal-unreachable', retryable: true }),
    });
    expect(result.ok ? '' : result.error.message).toMatch(/another tender/);
    await waitFor(() => till.status()?.state === 'disconnected');
    expect(till.status()?.detail).toMatch(/card terminal unreachable/);
  });

  it('a terminal whose certificate is not from the configured CA is refused before anything is sent', async () => {
    const { sim, dataDir } = await simulator('approve');
    const other = await makeTerminalCertificates();
    const wrongCa = join(dataDir, 'other-ca.pem');
    writeFileSync(wrongCa, other.caCertPem);
    const till = await startTill(adyenConfig(sim.endpoint, wrongCa), dataDir);
    cleanups.push(() => till.close());
    const result = await pay(till, 'sale-9');
    expect(result.ok ? 'ok' : result.error.code).toBe('terminal-unreachable');
    await waitFor(() => till.status()?.state === 'disconnected');
    expect(sim.requests()).toEqual([]);
  });

  it('a till with the wrong passphrase: the terminal cannot authenticate it, nothing is charged', async () => {
    const { sim, dataDir, caCertPath } = await simulator('approve');
    const config = {
      ...adyenConfig(sim.endpoint, caCertPath),
      passphrase: 'not the shared secret',
      healthCheckMs: 200,
    };
    const till = await startTill(config, dataDir);
    cleanups.push(() => till.close());
    await waitFor(() => till.status()?.state === 'connected');
    const result = await pay(till, 'sale-10');
    expect(result).toEqual({
      ok: false,
      error: expect.objectContaining({ code: 'terminal-refused', retryable: false }),
    });
    // The link is fine but no card payment can work: the cashier sees why, and the
    // background check (TLS only) does not turn it back to 'connected'.
    expect(till.status()).toMatchObject({
      state: 'degraded',
      detail: expect.stringMatching(/refuses this till's key/),
    });
    // Five check intervals (the registry only reports changes, so there is nothing to wait for).
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(till.status()?.state).toBe('degraded');
    expect(sim.rejected()).toBe(1);
    expect(sim.charges()).toHaveLength(0);
    expect(await till.call('payment.recover', { paymentId: 'sale-10' })).toEqual({
      ok: true,
      value: { status: 'not-started', paymentId: 'sale-10' },
    });
  });
});
