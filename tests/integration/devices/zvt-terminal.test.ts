import { createServer } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { ZvtTerminal, type ZvtTerminalSettings } from '../../../hardware/payment/zvt/zvt-terminal';
import { type Scenario, ZvtTerminalSimulator } from '../../../hardware/simulators/zvt-terminal/zvt-simulator';

// Real TCP on 127.0.0.1 against the simulator: one test per scenario, and
// the two "unknown outcome" cases prove the card is charged exactly once.
let simulator: ZvtTerminalSimulator | undefined;
afterEach(async () => {
  await simulator?.close();
  simulator = undefined;
});

async function setup(scenario: Scenario, options: Partial<ZvtTerminalSettings> = {}) {
  const sim = await ZvtTerminalSimulator.start();
  sim.scenario = scenario;
  simulator = sim;
  const terminal = new ZvtTerminal({
    host: '127.0.0.1',
    port: sim.port,
    ackTimeoutMs: 1_000,
    resultTimeoutMs: 1_000,
    ...options,
  });
  return { sim, terminal };
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

describe('ZVT terminal over TCP', () => {
  it('registers and closes the day', async () => {
    const { terminal, sim } = await setup('approve');
    expect((await terminal.registration()).ok).toBe(true);
    const day = await terminal.endOfDay();
    expect(day.ok && day.value.printLines).toEqual(['FIN DE JOURNEE', 'TRANSACTIONS 0', 'TOTAL 0,00 EUR']);
    expect(day.ok && day.value.status).toMatchObject({ resultCode: 0, amountMinor: 0 });
    expect(sim.commands.map((c) => [c.cls, c.instr])).toEqual([
      [0x06, 0x00],
      [0x06, 0x50],
    ]);
  });

  it('approves a payment with trace, receipt, masked PAN, card type and print lines', async () => {
    const statuses: number[] = [];
    const { terminal, sim } = await setup('approve', { onIntermediateStatus: (code) => statuses.push(code) });
    const result = await terminal.authorization(1234, 'sale-1');
    expect(result).toEqual({
      ok: true,
      value: {
        outcome: 'approved',
        amountMinor: 1234,
        trace: 1,
        receiptNo: 1,
        maskedPan: '4761********0010',
        cardType: 10,
        cardName: 'VISA',
        terminalId: '29001234',
      },
    });
    expect(statuses).toEqual([0x0a]);
    // Same key again: answered from the journal, not charged again.
    expect(await terminal.authorization(1234, 'sale-1')).toEqual(result);
    expect(sim.authorizations()).toHaveLength(1);
  });

  it('reports a decline with its result code', async () => {
    const { terminal } = await setup('decline');
    expect(await terminal.authorization(500, 'sale-2')).toEqual({
      ok: true,
      value: { outcome: 'declined', resultCode: 0x05 },
    });
  });

  it('aborts a payment from the ECR (06 B0)', async () => {
    const sim = await ZvtTerminalSimulator.start();
    simulator = sim;
    sim.scenario = 'abort';
    const terminal: ZvtTerminal = new ZvtTerminal({
      host: '127.0.0.1',
      port: sim.port,
      resultTimeoutMs: 5_000,
      onIntermediateStatus: () => {
        expect(terminal.abort()).toEqual({ ok: true, value: undefined });
      },
    });
    expect(await terminal.authorization(700, 'sale-3')).toEqual({
      ok: true,
      value: { outcome: 'aborted', resultCode: 0x6c },
    });
    // 06 20 first: the terminal's last receipt before this payment, for recovery.
    expect(sim.commands.map((c) => c.instr)).toEqual([0x20, 0x01, 0xb0]);
    expect(terminal.abort().ok).toBe(false);
  });

  it('timeout: outcome unknown, recovered by asking the terminal, charged once', async () => {
    const { terminal, sim } = await setup('timeout', { resultTimeoutMs: 300 });
    const first = await terminal.authorization(4200, 'sale-4');
    expect(first).toEqual({
      ok: false,
      error: expect.objectContaining({ code: 'outcome-unknown', retryable: false }),
    });
    // The till retries with the same key: nothing is sent.
    expect((await terminal.authorization(4200, 'sale-4')).ok).toBe(false);
    sim.scenario = 'approve';
    const recovered = await terminal.recoverPayment('sale-4');
    expect(recovered).toEqual({
      ok: true,
      value: expect.objectContaining({ outcome: 'approved', amountMinor: 4200, trace: 1 }),
    });
    expect(await terminal.authorization(4200, 'sale-4')).toEqual(recovered);
    expect(sim.authorizations()).toHaveLength(1);
    expect(sim.commands.filter((c) => c.cls === 0x06 && c.instr === 0x01)).toHaveLength(1);
  });

  it('crash mid-payment: reconnect, recover the approval, charged once', async () => {
    const { terminal, sim } = await setup('crash');
    const first = await terminal.authorization(999, 'sale-5');
    expect(first.ok ? 'ok' : first.error.code).toBe('outcome-unknown');
    sim.scenario = 'approve';
    const recovered = await terminal.recoverPayment('sale-5');
    expect(recovered).toEqual({
      ok: true,
      value: expect.objectContaining({ outcome: 'approved', amountMinor: 999, trace: 1, receiptNo: 1 }),
    });
    expect(await terminal.authorization(999, 'sale-5')).toEqual(recovered);
    expect(sim.authorizations()).toHaveLength(1);
    expect(sim.commands.filter((c) => c.cls === 0x06 && c.instr === 0x01)).toHaveLength(1);
  });

  it('recovery reports none when the terminal never took the payment', async () => {
    const { terminal, sim } = await setup('approve');
    expect(await terminal.recoverPayment('never-sent')).toEqual({ ok: true, value: { outcome: 'none' } });
    await terminal.authorization(100, 'sale-6a');
    // The link drops after the ack, before any card was read: last trace is still 1.
    sim.scenario = 'drop';
    const lost = await terminal.authorization(100, 'sale-6b');
    expect(lost.ok ? 'ok' : lost.error.code).toBe('outcome-unknown');
    sim.scenario = 'approve';
    expect(await terminal.recoverPayment('sale-6b')).toEqual({ ok: true, value: { outcome: 'none' } });
    expect(sim.authorizations()).toHaveLength(1);
  });

  it('refunds and reverses', async () => {
    const { terminal, sim } = await setup('approve');
    const sale = await terminal.authorization(2500, 'sale-7');
    if (!sale.ok || sale.value.outcome !== 'approved' || sale.value.receiptNo === undefined)
      throw new Error('no approval');
    const reversed = await terminal.reversal(sale.value.receiptNo);
    expect(reversed.ok && reversed.value).toEqual(
      expect.objectContaining({ outcome: 'approved', amountMinor: 2500 }),
    );
    const refunded = await terminal.refund(300, 'refund-7');
    expect(refunded.ok && refunded.value).toEqual(
      expect.objectContaining({ outcome: 'approved', amountMinor: 300 }),
    );
    expect(sim.log.map((entry) => entry.kind)).toEqual(['authorization', 'reversal', 'refund']);
  });

  it('refuses amounts over 6 BCD bytes without contacting the terminal', async () => {
    const { terminal, sim } = await setup('approve');
    const result = await terminal.authorization(1_000_000_000_000, 'sale-8');
    expect(result.ok ? 'ok' : result.error.code).toBe('invalid-amount');
    expect(sim.commands).toHaveLength(0);
  });

  it('reports an unreachable terminal as retryable', async () => {
    const port = await freePort();
    const terminal = new ZvtTerminal({ host: '127.0.0.1', port, connectTimeoutMs: 500 });
    expect(await terminal.authorization(100, 'sale-9')).toEqual({
      ok: false,
      error: expect.objectContaining({ code: 'terminal-unreachable', retryable: true }),
    });
    // Nothing left the till, so the same key may be tried again.
    expect((await terminal.recoverPayment('sale-9')).ok && (await terminal.recoverPayment('sale-9'))).toEqual(
      { ok: true, value: { outcome: 'none' } },
    );
  });
});
