import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { apdu } from '../../../hardware/payment/zvt/apdu';
import { REAL_STATUS_INFORMATION } from '../../../hardware/payment/zvt/fixtures/real-terminal-traces';
import { memoryJournal } from '../../../hardware/payment/zvt/payment-journal';
import { ZvtTerminal } from '../../../hardware/payment/zvt/zvt-terminal';
import { startZvtTerminalSimulator } from '../../../hardware/simulators/zvt-terminal/start-zvt-simulator';
import { ZvtTerminalSimulator } from '../../../hardware/simulators/zvt-terminal/zvt-simulator';
import { freePort, makeDataDir, pay, startTill, tcpTo, waitFor, zvtConfig } from './payment-bridge-harness';
import { asApdu, startReplayTerminal } from './zvt-replay-terminal';

// Recovery of a ZVT payment whose outcome is unknown, over real TCP, row by
// row of the decision table in docs/zvt.md (rows 6, 7, 10, 11 are unit tests
// in hardware/payment/zvt/recovery-decision.test.ts). "Not charged" only on
// positive evidence; otherwise the payment stays unknown for a manager.
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function simulator(options: { repeatReceipt?: boolean } = {}) {
  const sim = await ZvtTerminalSimulator.start();
  sim.supportsRepeatReceipt = options.repeatReceipt ?? true;
  cleanups.push(() => sim.close());
  const terminal = new ZvtTerminal({
    host: '127.0.0.1',
    port: sim.port,
    ackTimeoutMs: 1_000,
    resultTimeoutMs: 300,
  });
  return { sim, terminal };
}

const codeOf = (result: { ok: boolean; error?: { code: string } }) => (result.ok ? 'ok' : result.error?.code);

describe('ZVT recovery decision table (TCP, simulator)', () => {
  it('row 1: a key never sent is "none" without asking the terminal', async () => {
    const { sim, terminal } = await simulator();
    expect(await terminal.recoverPayment('never')).toEqual({ ok: true, value: { outcome: 'none' } });
    expect(sim.commands).toHaveLength(0);
  });

  it('row 3: terminal unreachable at recovery: retryable error, the payment stays unknown, later recovered', async () => {
    const { sim, terminal } = await simulator();
    sim.scenario = 'timeout';
    expect(codeOf(await terminal.authorization(4200, 'sale-3'))).toBe('outcome-unknown');
    const port = sim.port;
    await sim.close();
    const down = await terminal.recoverPayment('sale-3');
    expect(down).toEqual({
      ok: false,
      error: expect.objectContaining({ code: 'terminal-unreachable', retryable: true }),
    });
    // Still unknown: the same key is never sent again.
    expect(codeOf(await terminal.authorization(4200, 'sale-3'))).toBe('outcome-unknown');
    const back = await ZvtTerminalSimulator.start(port);
    cleanups.push(() => back.close());
    // The rebooted terminal lost its log in this simulation: nothing proves either way.
    const recovered = await terminal.recoverPayment('sale-3');
    expect(codeOf(recovered)).toBe('outcome-unknown');
    expect(back.commands.filter((c) => c.cls === 0x06 && c.instr === 0x01)).toHaveLength(0);
  });

  it('row 4: the status enquiry carries no transaction data and 06 20 is refused: unknown, never "none"', async () => {
    const { sim, terminal } = await simulator({ repeatReceipt: false });
    sim.scenario = 'timeout';
    expect(codeOf(await terminal.authorization(4200, 'sale-4'))).toBe('outcome-unknown');
    expect(sim.authorizations()).toHaveLength(1); // the card was charged
    sim.scenario = 'approve';
    const recovered = await terminal.recoverPayment('sale-4');
    expect(recovered).toEqual({
      ok: false,
      error: expect.objectContaining({ code: 'outcome-unknown', answered: true }),
    });
    expect(recovered.ok ? '' : recovered.error.message).toMatch(
      /did not report its last transaction.*42,00 EUR/,
    );
    // Not marked aborted: asking again gives the same answer, and the key is never sent again.
    expect(codeOf(await terminal.recoverPayment('sale-4'))).toBe('outcome-unknown');
    expect(codeOf(await terminal.authorization(4200, 'sale-4'))).toBe('outcome-unknown');
    expect(sim.commands.filter((c) => c.cls === 0x06 && c.instr === 0x01)).toHaveLength(1);
    expect(sim.commands.map((c) => `${c.cls.toString(16)}${c.instr.toString(16)}`)).toContain('51');
  });

  it('row 5: the last receipt is the one before sending: "none" (not charged), proven by 06 20', async () => {
    const { sim, terminal } = await simulator();
    expect(codeOf(await terminal.authorization(100, 'sale-5a'))).toBe('ok');
    sim.scenario = 'drop';
    expect(codeOf(await terminal.authorization(100, 'sale-5b'))).toBe('outcome-unknown');
    sim.scenario = 'approve';
    expect(await terminal.recoverPayment('sale-5b')).toEqual({ ok: true, value: { outcome: 'none' } });
    expect(sim.authorizations().map((a) => a.resultCode)).toEqual([0]);
    expect(sim.commands.filter((c) => c.cls === 0x06 && c.instr === 0x20).length).toBeGreaterThanOrEqual(2);
  });

  it('row 8: another transaction came after this one: unknown, naming what the terminal shows', async () => {
    const { sim, terminal } = await simulator();
    expect(codeOf(await terminal.authorization(100, 'sale-8a'))).toBe('ok');
    sim.scenario = 'timeout';
    expect(codeOf(await terminal.authorization(4200, 'sale-8b'))).toBe('outcome-unknown');
    sim.scenario = 'approve';
    // Someone pays 7,00 € on the terminal's own keypad (another ECR) before recovery.
    const other = new ZvtTerminal({ host: '127.0.0.1', port: sim.port });
    expect(codeOf(await other.authorization(700, 'elsewhere'))).toBe('ok');
    const recovered = await terminal.recoverPayment('sale-8b');
    expect(codeOf(recovered)).toBe('outcome-unknown');
    expect(recovered.ok ? '' : recovered.error.message).toMatch(
      /trace 3, 7,00 EUR, not this payment of 42,00 EUR/,
    );
  });

  it('rows 9 and 2: the terminal shows this payment approved: recovered, charged once, then known', async () => {
    const { sim, terminal } = await simulator();
    sim.scenario = 'timeout';
    expect(codeOf(await terminal.authorization(4200, 'sale-9'))).toBe('outcome-unknown');
    sim.scenario = 'approve';
    expect(await terminal.recoverPayment('sale-9')).toEqual({
      ok: true,
      value: expect.objectContaining({ outcome: 'approved', amountMinor: 4200, trace: 1, cardName: 'VISA' }),
    });
    expect(sim.authorizations()).toHaveLength(1);
    // Row 2: now known, answered from the journal without asking the terminal.
    const asked = sim.commands.length;
    expect(await terminal.recoverPayment('sale-9')).toEqual({
      ok: true,
      value: expect.objectContaining({ outcome: 'approved', trace: 1 }),
    });
    expect(sim.commands).toHaveLength(asked);
  });
});

describe('recovery through the bridge, proven against the durable journals', () => {
  it('no evidence: outcome-unknown, the terminal stays "connected", the journal keeps it "sent", a manager settles it', async () => {
    const sim = await startZvtTerminalSimulator({ scenario: 'timeout', repeatReceipt: false });
    cleanups.push(() => sim.close());
    const data = makeDataDir();
    cleanups.push(data.remove);
    const till = await startTill(zvtConfig(tcpTo(sim.port), 500), data.dir);
    cleanups.push(() => till.close());
    expect(codeOf(await pay(till, 'sale-1', 4200))).toBe('outcome-unknown');
    sim.setScenario('approve');
    const recovered = await till.call('payment.recover', { paymentId: 'sale-1' });
    expect(codeOf(recovered)).toBe('outcome-unknown');
    expect(recovered.ok ? '' : recovered.error.message).toMatch(/cannot tell whether it took this payment/);
    // The terminal answered: it is not reported as lost.
    expect(till.status()?.state).toBe('connected');
    const records = () =>
      readFileSync(join(data.dir, 'payments-terminal.jsonl'), 'utf8')
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as { key: string; stage: string });
    expect(
      records()
        .filter((r) => r.key === 'sale-1')
        .at(-1)?.stage,
    ).toBe('sent');
    const zvtJournal = readFileSync(join(data.dir, 'zvt-journal-terminal.jsonl'), 'utf8');
    expect(zvtJournal).not.toContain('"outcome"');
    // No other card payment until it is settled, and a manager can settle it.
    expect(codeOf(await pay(till, 'sale-2', 300))).toBe('recovery-pending');
    expect(
      await till.call('payment.resolve', {
        paymentId: 'sale-1',
        resolution: 'charged',
        reference: '29001234/1/1',
        approvedBy: 'manager-1',
      }),
    ).toEqual({ ok: true, value: expect.objectContaining({ status: 'approved', amountMinor: 4200 }) });
    expect(
      records()
        .filter((r) => r.key === 'sale-1')
        .at(-1)?.stage,
    ).toBe('settled');
    expect(sim.charges()).toHaveLength(1);
    expect(sim.commands().filter((c) => c === '06 01')).toHaveLength(1);
  });
});

describe('real-terminal bytes through the client', () => {
  it('an approval carrying a TLV container is approved and every terminal message acknowledged', async () => {
    const trace = REAL_STATUS_INFORMATION.visaWithTlv;
    const terminal = await startReplayTerminal((command) => {
      if (command.instr === 0x20) return [apdu(0x06, 0x1e, Uint8Array.of(0x83))];
      return [
        apdu(0x04, 0xff, Uint8Array.of(0x0a)),
        asApdu(trace.apdu),
        apdu(0x06, 0xd1, Uint8Array.from([0, ...Buffer.from('VISA', 'latin1')])),
        apdu(0x06, 0x0f),
      ];
    });
    cleanups.push(() => terminal.close());
    const journal = memoryJournal();
    const client = new ZvtTerminal({
      host: '127.0.0.1',
      port: terminal.port,
      resultTimeoutMs: 2_000,
      journal,
    });
    expect(await client.authorization(1000, 'real-1')).toEqual({
      ok: true,
      value: expect.objectContaining({
        outcome: 'approved',
        amountMinor: 1000,
        trace: 733,
        receiptNo: 2,
        cardName: 'VISA',
      }),
    });
    // 06 20, ack of its abort; 06 01, then an ack for each of the four terminal messages.
    await waitFor(() => terminal.fromEcr.length >= 7, 2_000).catch(() => undefined);
    expect(terminal.fromEcr.filter((m) => m === '8000')).toHaveLength(5);
    expect(terminal.fromEcr.some((m) => m.startsWith('no answer'))).toBe(false);
    // What the till does not read is kept raw in the journal: the TLV container, the VU number, the AID...
    const kept = journal.get('real-1')?.outcome;
    expect(kept?.outcome === 'approved' && kept.extraHex).toEqual(
      expect.arrayContaining([
        '06:4102000a4902000315024445600f4204564953414307a00000000310102f0c1f1001001f1101011f120102',
      ]),
    );
  });

  it('a PAN with hex nibbles is approved, not "outcome unknown"', async () => {
    const terminal = await startReplayTerminal((command) =>
      command.instr === 0x20
        ? [apdu(0x06, 0x1e, Uint8Array.of(0x83))]
        : [asApdu(REAL_STATUS_INFORMATION.panWithHexNibble.apdu), apdu(0x06, 0x0f)],
    );
    cleanups.push(() => terminal.close());
    const client = new ZvtTerminal({ host: '127.0.0.1', port: terminal.port, resultTimeoutMs: 2_000 });
    expect(await client.authorization(4000, 'real-2')).toEqual({
      ok: true,
      value: expect.objectContaining({
        outcome: 'approved',
        amountMinor: 4000,
        maskedPan: '5966666666*20021220100',
      }),
    });
  });

  it('"no receipt before" is noted only when 06 20 says there is nothing to repeat (06 1E 83), not on a passing refusal', async () => {
    for (const [abortCode, noted] of [
      [0x83, true],
      [0xcc, undefined], // printer not ready: the terminal may well hold receipts
    ] as const) {
      const terminal = await startReplayTerminal((command) =>
        command.instr === 0x20 ? [apdu(0x06, 0x1e, Uint8Array.of(abortCode))] : [],
      );
      cleanups.push(() => terminal.close());
      const journal = memoryJournal();
      const client = new ZvtTerminal({
        host: '127.0.0.1',
        port: terminal.port,
        resultTimeoutMs: 200,
        journal,
      });
      expect(codeOf(await client.authorization(500, `first-${abortCode}`))).toBe('outcome-unknown');
      expect(journal.get(`first-${abortCode}`)?.noReceiptBefore).toBe(noted);
    }
  });

  it('unreachable port: nothing sent, a clear error', async () => {
    const client = new ZvtTerminal({ host: '127.0.0.1', port: await freePort(), connectTimeoutMs: 300 });
    expect(codeOf(await client.authorization(100, 'x'))).toBe('terminal-unreachable');
  });
});
