import { afterEach, describe, expect, it } from 'vitest';
import { startZvtTerminalSimulator } from '../../../hardware/simulators/zvt-terminal/start-zvt-simulator';
import { startSocatLink } from '../../support/socat-link';
import { makeDataDir, startTill, waitFor, zvtConfig } from './payment-bridge-harness';

// ZVT over a real serial line (a socat pty pair) through the device host:
// the till on one end, the simulated terminal on the other.
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function serialLine() {
  const link = await startSocatLink('zvt-line');
  cleanups.push(link.close);
  return { ecrPath: link.tillSide, terminalPath: link.deviceSide };
}

async function setup() {
  const line = await serialLine();
  const sim = await startZvtTerminalSimulator({ serialPath: line.terminalPath });
  cleanups.push(() => sim.close());
  const data = makeDataDir();
  cleanups.push(data.remove);
  const till = await startTill(zvtConfig({ type: 'serial', path: line.ecrPath }), data.dir);
  cleanups.push(() => till.close());
  return { sim, till };
}

describe('ZVT terminal (serial pty) through the bridge', () => {
  it('approve: outcome, print lines as the terminal receipt, connected', async () => {
    const { sim, till } = await setup();
    await waitFor(() => till.status()?.state === 'connected');
    const result = await till.call('payment.start', {
      paymentId: 'serial-1',
      kind: 'payment',
      amountMinor: 1234,
      currency: 'EUR',
    });
    expect(result).toEqual({
      ok: true,
      value: expect.objectContaining({
        status: 'approved',
        amountMinor: 1234,
        terminalReceipt: ['CARTE BANCAIRE', 'MONTANT 12,34 EUR', 'PAIEMENT ACCEPTE'],
      }),
    });
    expect(till.progress).toEqual([{ paymentId: 'serial-1', message: 'Insérez ou présentez la carte' }]);
    expect(sim.charges()).toHaveLength(1);
  });

  it('crash mid-payment: the line drops, comes back, recovery finds the charge, charged once', async () => {
    const { sim, till } = await setup();
    await waitFor(() => till.status()?.state === 'connected');
    sim.setScenario('crash');
    const first = await till.call('payment.start', {
      paymentId: 'serial-2',
      kind: 'payment',
      amountMinor: 999,
      currency: 'EUR',
    });
    expect(first.ok ? 'ok' : first.error.code).toBe('outcome-unknown');
    // The terminal dropped its end of the line mid-payment (the till saw it
    // go silent) and reopens it after its reboot.
    sim.setScenario('approve');
    let recovered = await till.call('payment.recover', { paymentId: 'serial-2' });
    // The till may try before the terminal has reopened its end: it then gets a retryable error.
    for (let attempt = 0; !recovered.ok && recovered.error.retryable && attempt < 20; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      recovered = await till.call('payment.recover', { paymentId: 'serial-2' });
    }
    expect(recovered).toEqual({
      ok: true,
      value: expect.objectContaining({ status: 'approved', paymentId: 'serial-2', amountMinor: 999 }),
    });
    expect(sim.charges()).toHaveLength(1);
    expect(sim.commands().filter((c) => c === '06 01')).toHaveLength(1);
  });
});
