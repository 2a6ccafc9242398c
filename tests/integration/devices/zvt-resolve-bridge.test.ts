import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startZvtTerminalSimulator } from '../../../hardware/simulators/zvt-terminal/start-zvt-simulator';
import { makeDataDir, pay, startTill, tcpTo, zvtConfig } from './payment-bridge-harness';

// The manager's way out of the ZVT recovery rule: a payment whose outcome the
// terminal can no longer tell (its last transaction is another one) blocks
// card payments with 'recovery-pending' until a manager settles it with
// payment.resolve, which is written to the durable payment journal.
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const codeOf = (result: { ok: boolean; error?: { code: string } }) => (result.ok ? 'ok' : result.error?.code);

async function unresolvablePayment() {
  const sim = await startZvtTerminalSimulator({ scenario: 'timeout' });
  cleanups.push(() => sim.close());
  const data = makeDataDir();
  cleanups.push(data.remove);
  const till = await startTill(zvtConfig(tcpTo(sim.port), 500), data.dir);
  cleanups.push(() => till.close());
  expect(codeOf(await pay(till, 'sale-1', 4200))).toBe('outcome-unknown');
  // Another payment on the terminal (its own keypad, or another till) before recovery:
  // the terminal's last transaction is now 1,00 €, not this till's 42,00 €.
  sim.setScenario('approve');
  const other = makeDataDir();
  cleanups.push(other.remove);
  const otherTill = await startTill(zvtConfig(tcpTo(sim.port), 3_000), other.dir);
  cleanups.push(() => otherTill.close());
  expect(codeOf(await pay(otherTill, 'elsewhere-1', 100))).toBe('ok');
  expect(codeOf(await till.call('payment.recover', { paymentId: 'sale-1' }))).toBe('outcome-unknown');
  expect(codeOf(await pay(till, 'sale-2', 300))).toBe('recovery-pending');
  return { sim, till, dataDir: data.dir };
}

const journalLines = (dataDir: string) =>
  readFileSync(join(dataDir, 'payments-terminal.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Record<string, unknown>);

describe('payment.resolve: a manager settles a ZVT payment recovery cannot', () => {
  it('charged: recorded with who decided, the till takes card payments again', async () => {
    const { sim, till, dataDir } = await unresolvablePayment();
    const resolved = await till.call('payment.resolve', {
      paymentId: 'sale-1',
      resolution: 'charged',
      reference: '29001234/1/1',
      approvedBy: 'manager-7',
    });
    expect(resolved).toEqual({
      ok: true,
      value: {
        status: 'approved',
        paymentId: 'sale-1',
        kind: 'payment',
        amountMinor: 4200,
        currency: 'EUR',
        reference: '29001234/1/1',
        terminalReceipt: [],
      },
    });
    expect(await pay(till, 'sale-2', 300)).toEqual({
      ok: true,
      value: expect.objectContaining({ status: 'approved', paymentId: 'sale-2', amountMinor: 300 }),
    });
    // The decision is final: recovery and a retry answer from the journal; no second decision.
    expect(await till.call('payment.recover', { paymentId: 'sale-1' })).toEqual(resolved);
    expect(await pay(till, 'sale-1', 4200)).toEqual(resolved);
    const again = await till.call('payment.resolve', {
      paymentId: 'sale-1',
      resolution: 'not-charged',
      approvedBy: 'manager-7',
    });
    expect(codeOf(again)).toBe('already-resolved');
    const last = journalLines(dataDir)
      .filter((r) => r.key === 'sale-1')
      .at(-1);
    expect(last).toMatchObject({
      stage: 'settled',
      resolution: { decision: 'charged', approvedBy: 'manager-7', reference: '29001234/1/1' },
    });
    expect(sim.charges().map((c) => c.amountMinor)).toEqual([4200, 100, 300]);
  });

  it('not-charged: recorded, the id may be paid again, and an unknown id is refused', async () => {
    const { till, dataDir } = await unresolvablePayment();
    expect(
      await till.call('payment.resolve', {
        paymentId: 'sale-1',
        resolution: 'not-charged',
        approvedBy: 'm-1',
      }),
    ).toEqual({ ok: true, value: { status: 'not-started', paymentId: 'sale-1' } });
    expect(
      journalLines(dataDir)
        .filter((r) => r.key === 'sale-1')
        .at(-1),
    ).toMatchObject({
      stage: 'not-sent',
      resolution: { decision: 'not-charged', approvedBy: 'm-1' },
    });
    expect(await pay(till, 'sale-1', 4200)).toEqual({
      ok: true,
      value: expect.objectContaining({ status: 'approved', paymentId: 'sale-1' }),
    });
    const unknown = await till.call('payment.resolve', {
      paymentId: 'never-seen',
      resolution: 'charged',
      approvedBy: 'm-1',
    });
    expect(codeOf(unknown)).toBe('nothing-to-resolve');
  });
});
