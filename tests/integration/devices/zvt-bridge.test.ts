import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  type StartedZvtSimulator,
  startZvtTerminalSimulator,
} from '../../../hardware/simulators/zvt-terminal/start-zvt-simulator';
import type { Scenario } from '../../../hardware/simulators/zvt-terminal/zvt-simulator';
import { freePort, makeDataDir, pay, startTill, tcpTo, waitFor, zvtConfig } from './payment-bridge-harness';

// ZVT over TCP through the device host, one test per simulator scenario, the
// way the app calls it: payment.start / payment.abort / payment.recover.
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function setup(scenario: Scenario, timeoutMs?: number) {
  const sim = await startZvtTerminalSimulator({ scenario });
  cleanups.push(() => sim.close());
  const data = makeDataDir();
  cleanups.push(data.remove);
  const till = await startTill(zvtConfig(tcpTo(sim.port), timeoutMs), data.dir);
  cleanups.push(() => till.close());
  return { sim, till, dataDir: data.dir };
}

const authorizations = (sim: StartedZvtSimulator) => sim.commands().filter((c) => c === '06 01');

describe('ZVT terminal (TCP) through the bridge', () => {
  it('approve: outcome with the terminal receipt, progress, connected, charged once even when retried', async () => {
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
        reference: '29001234/1/1',
        cardBrand: 'Visa',
        maskedPan: '4761********0010',
        terminalReceipt: ['CARTE BANCAIRE', 'MONTANT 12,34 EUR', 'PAIEMENT ACCEPTE'],
      },
    });
    expect(till.progress).toEqual([{ paymentId: 'sale-1', message: 'Insérez ou présentez la carte' }]);
    await waitFor(() => till.status()?.state === 'connected');
    expect(till.statuses.map((s) => [s.deviceId, s.kind, s.state])).toEqual([
      ['terminal', 'payment-terminal', 'connected'],
    ]);
    // The app retries after losing the answer: the journal answers, the terminal is not asked.
    expect(await pay(till, 'sale-1')).toEqual(result);
    expect(await till.call('payment.recover', { paymentId: 'sale-1' })).toEqual(result);
    expect(sim.charges()).toHaveLength(1);
    expect(authorizations(sim)).toHaveLength(1);
  });

  it('a new till on a terminal with earlier receipts: the slip holds only this payment, not the repeated one', async () => {
    const { sim } = await setup('approve');
    const earlier = makeDataDir();
    cleanups.push(earlier.remove);
    const first = await startTill(zvtConfig(tcpTo(sim.port)), earlier.dir);
    cleanups.push(() => first.close());
    expect((await pay(first, 'elsewhere-1', 500)).ok).toBe(true);
    // A till whose journal has never seen a trace asks the terminal (06 20) before paying.
    const fresh = makeDataDir();
    cleanups.push(fresh.remove);
    const till = await startTill(zvtConfig(tcpTo(sim.port)), fresh.dir);
    cleanups.push(() => till.close());
    const result = await pay(till, 'sale-10', 1234);
    expect(result).toEqual({
      ok: true,
      value: expect.objectContaining({
        status: 'approved',
        terminalReceipt: ['CARTE BANCAIRE', 'MONTANT 12,34 EUR', 'PAIEMENT ACCEPTE'],
      }),
    });
    expect(sim.commands()).toContain('06 20');
  });

  it('decline: declined with the reason and the terminal receipt, nothing charged', async () => {
    const { sim, till } = await setup('decline');
    expect(await pay(till, 'sale-2', 500)).toEqual({
      ok: true,
      value: {
        status: 'declined',
        paymentId: 'sale-2',
        reason: 'refusé par la banque',
        terminalReceipt: ['PAIEMENT REFUSE'],
      },
    });
    expect(sim.charges()).toHaveLength(0);
  });

  it('abort: the cashier aborts while the terminal waits for the card', async () => {
    const { sim, till } = await setup('abort');
    const payment = pay(till, 'sale-3', 700);
    await waitFor(() => till.progress.length > 0);
    expect(await till.call('payment.abort', { paymentId: 'sale-3' })).toEqual({
      ok: true,
      value: { done: true },
    });
    expect(await payment).toEqual({
      ok: true,
      value: { status: 'aborted', paymentId: 'sale-3', reason: 'annulé sur le terminal ou par la caisse' },
    });
    expect(sim.commands()).toContain('06 b0');
    expect(sim.charges()).toHaveLength(0);
    // Nothing runs any more: a second abort is refused.
    const again = await till.call('payment.abort', { paymentId: 'sale-3' });
    expect(again.ok ? 'ok' : again.error.code).toBe('nothing-to-abort');
  });

  it('timeout: outcome unknown, never sent again, recovered from the terminal, charged once', async () => {
    const { sim, till } = await setup('timeout', 500);
    const first = await pay(till, 'sale-4', 4200);
    expect(first).toEqual({
      ok: false,
      error: expect.objectContaining({ code: 'outcome-unknown', retryable: true }),
    });
    const retried = await pay(till, 'sale-4', 4200);
    expect(retried.ok ? 'ok' : retried.error.code).toBe('outcome-unknown');
    expect(authorizations(sim)).toHaveLength(1);
    sim.setScenario('approve');
    // ZVT recovery reads the terminal's last transaction: no other payment may come first.
    const other = await pay(till, 'sale-4b', 100);
    expect(other).toEqual({
      ok: false,
      error: expect.objectContaining({ code: 'recovery-pending', retryable: true }),
    });
    expect(other.ok ? '' : other.error.message).toContain('sale-4');
    expect(authorizations(sim)).toHaveLength(1);
    const recovered = await till.call('payment.recover', { paymentId: 'sale-4' });
    expect(recovered).toEqual({
      ok: true,
      value: expect.objectContaining({
        status: 'approved',
        paymentId: 'sale-4',
        amountMinor: 4200,
        kind: 'payment',
      }),
    });
    // Once recovered, a retry gets the same answer from the journal.
    expect(await pay(till, 'sale-4', 4200)).toEqual(recovered);
    expect(sim.charges()).toHaveLength(1);
    expect(authorizations(sim)).toHaveLength(1);
    // Resolved: card payments go on.
    expect(await pay(till, 'sale-4b', 100)).toEqual({
      ok: true,
      value: expect.objectContaining({ status: 'approved', paymentId: 'sale-4b' }),
    });
  });

  it('crash mid-payment: outcome unknown, recovered after reconnecting, charged once', async () => {
    const { sim, till } = await setup('crash');
    await waitFor(() => till.status()?.state === 'connected');
    const first = await pay(till, 'sale-5', 999);
    expect(first.ok ? 'ok' : first.error.code).toBe('outcome-unknown');
    // The lost link shows at once; the terminal answering again shows too.
    expect(till.status()?.state).toBe('disconnected');
    sim.setScenario('approve');
    const recovered = await till.call('payment.recover', { paymentId: 'sale-5' });
    expect(recovered).toEqual({
      ok: true,
      value: expect.objectContaining({ status: 'approved', amountMinor: 999 }),
    });
    expect(till.status()?.state).toBe('connected');
    expect(till.statuses.map((s) => s.state)).toEqual(['connected', 'disconnected', 'connected']);
    expect(sim.charges()).toHaveLength(1);
    expect(authorizations(sim)).toHaveLength(1);
  });

  it('drop after the ack, before any card: recovery says not-started, and only then may the id be paid', async () => {
    const { sim, till } = await setup('approve');
    expect((await pay(till, 'sale-9a', 100)).ok).toBe(true);
    sim.setScenario('drop');
    const lost = await pay(till, 'sale-9b', 100);
    expect(lost.ok ? 'ok' : lost.error.code).toBe('outcome-unknown');
    sim.setScenario('approve');
    expect(await till.call('payment.recover', { paymentId: 'sale-9b' })).toEqual({
      ok: true,
      value: { status: 'not-started', paymentId: 'sale-9b' },
    });
    expect(sim.charges()).toHaveLength(1);
    // Proven never charged: the journal lets the same id through once more.
    expect(await pay(till, 'sale-9b', 100)).toEqual({
      ok: true,
      value: expect.objectContaining({ status: 'approved', paymentId: 'sale-9b' }),
    });
    expect(sim.charges()).toHaveLength(2);
  });

  it('restart mid-payment: a new driver on the same data directory recovers without a second charge', async () => {
    const sim = await startZvtTerminalSimulator({ scenario: 'timeout' });
    cleanups.push(() => sim.close());
    const data = makeDataDir();
    cleanups.push(data.remove);
    const first = await startTill(zvtConfig(tcpTo(sim.port), 20_000), data.dir);
    const inFlight = pay(first, 'sale-6', 2500);
    await waitFor(() => sim.charges().length === 1);
    // The till dies while the terminal holds the answer.
    await first.close();
    await inFlight;
    const journal = readFileSync(join(data.dir, 'payments-terminal.jsonl'), 'utf8');
    expect(journal).toContain('"key":"sale-6"');

    sim.setScenario('approve');
    const second = await startTill(zvtConfig(tcpTo(sim.port)), data.dir);
    cleanups.push(() => second.close());
    const retried = await pay(second, 'sale-6', 2500);
    expect(retried.ok ? 'ok' : retried.error.code).toBe('outcome-unknown');
    const recovered = await second.call('payment.recover', { paymentId: 'sale-6' });
    expect(recovered).toEqual({
      ok: true,
      value: expect.objectContaining({ status: 'approved', paymentId: 'sale-6', amountMinor: 2500 }),
    });
    expect(sim.charges()).toHaveLength(1);
    expect(authorizations(sim)).toHaveLength(1);
  });

  it('refund: 06 31 with the same once-per-id rule', async () => {
    const { sim, till } = await setup('approve');
    const refund = await pay(till, 'refund-1', 300, 'refund');
    expect(refund).toEqual({
      ok: true,
      value: expect.objectContaining({ status: 'approved', kind: 'refund', amountMinor: 300 }),
    });
    expect(await pay(till, 'refund-1', 300, 'refund')).toEqual(refund);
    expect(sim.commands().filter((c) => c === '06 31')).toHaveLength(1);
  });

  it('a refund that names its original payment: 06 31 carries its receipt number, the slip says so', async () => {
    const { sim, till } = await setup('approve');
    const sale = await pay(till, 'sale-r', 2400);
    const reference = sale.ok ? (sale.value as { reference: string }).reference : '';
    expect(reference).toBe('29001234/1/1');
    const refund = await till.call('payment.start', {
      paymentId: 'refund-r',
      kind: 'refund',
      amountMinor: 1200,
      currency: 'EUR',
      originalReference: reference,
    });
    expect(refund).toEqual({
      ok: true,
      value: expect.objectContaining({
        status: 'approved',
        kind: 'refund',
        amountMinor: 1200,
        terminalReceipt: [
          'CARTE BANCAIRE',
          'REMBOURSEMENT',
          'MONTANT 12,00 EUR',
          'TICKET ORIGINE 1',
          'CREDIT ACCEPTE',
        ],
      }),
    });
    expect(sim.charges().map((c) => [c.kind, c.amountMinor, c.originalReceiptNo])).toEqual([
      ['authorization', 2400, undefined],
      ['refund', 1200, 1],
    ]);
  });

  it('recover of a payment the terminal never saw: not-started', async () => {
    const { till } = await setup('approve');
    expect(await till.call('payment.recover', { paymentId: 'never' })).toEqual({
      ok: true,
      value: { status: 'not-started', paymentId: 'never' },
    });
  });

  it('unreachable terminal: a clear error and status, so the cashier takes another tender', async () => {
    const data = makeDataDir();
    cleanups.push(data.remove);
    const till = await startTill(zvtConfig(tcpTo(await freePort())), data.dir);
    cleanups.push(() => till.close());
    const result = await pay(till, 'sale-7');
    expect(result).toEqual({
      ok: false,
      error: expect.objectContaining({ code: 'terminal-unreachable', retryable: true }),
    });
    expect(result.ok ? '' : result.error.message).toMatch(/another tender/);
    await waitFor(() => till.status()?.state === 'disconnected');
    expect(till.status()?.detail).toMatch(/card terminal unreachable/);
    // Nothing left the till: recovery says so, and the same id may be tried again later.
    expect(await till.call('payment.recover', { paymentId: 'sale-7' })).toEqual({
      ok: true,
      value: { status: 'not-started', paymentId: 'sale-7' },
    });
  });
});
