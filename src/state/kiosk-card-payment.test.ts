import { describe, expect, it } from 'vitest';
import type { PaymentOutcome, RecoveredPayment } from '../core/bridge/bridge-methods';
import type { PosBridge } from '../core/bridge/pos-bridge';
import { err, ok } from '../core/result';
import { chargeKioskCard, kioskCardReference } from './kiosk-card-payment';

const approved = (paymentId: string): PaymentOutcome => ({
  status: 'approved',
  paymentId,
  kind: 'payment',
  amountMinor: 1299,
  currency: 'EUR',
  reference: 'zvt/000123/45',
  terminalReceipt: ['PAIEMENT ACCEPTE'],
});

/** A bridge whose terminal answers `start` and then `recover`, counting the calls. */
function fakeBridge(
  start: Awaited<ReturnType<PosBridge['startPayment']>>,
  recover: RecoveredPayment | undefined,
) {
  const calls = { start: 0, recover: 0 };
  const bridge = {
    onPaymentProgress: () => () => {},
    startPayment: async () => {
      calls.start++;
      return start;
    },
    recoverPayment: async () => {
      calls.recover++;
      return recover ? ok(recover) : err({ code: 'host-unreachable', message: 'down', retryable: true });
    },
  } as unknown as PosBridge;
  return { bridge, calls };
}

const request = { paymentId: 'p-1', amountMinor: 1299, currency: 'EUR' };

describe('chargeKioskCard', () => {
  it('an approval pays, with a reference an order accepts', async () => {
    const { bridge } = fakeBridge(ok(approved('p-1')), undefined);
    expect(await chargeKioskCard(bridge, request, { hostWasUp: true })).toEqual({
      kind: 'paid',
      cardReference: 'zvt:000123:45',
      terminalReceipt: ['PAIEMENT ACCEPTE'],
      approved: approved('p-1'),
    });
  });

  it('a declined card pays nothing', async () => {
    const { bridge, calls } = fakeBridge(
      ok({ status: 'declined', paymentId: 'p-1', reason: '05', terminalReceipt: [] }),
      undefined,
    );
    expect(await chargeKioskCard(bridge, request, { hostWasUp: true })).toEqual({ kind: 'declined' });
    expect(calls).toEqual({ start: 1, recover: 0 });
  });

  it('an unknown outcome asks the terminal once, and never charges again', async () => {
    const { bridge, calls } = fakeBridge(
      err({ code: 'outcome-unknown', message: 'link lost', retryable: true }),
      approved('p-1'),
    );
    expect((await chargeKioskCard(bridge, request, { hostWasUp: true })).kind).toBe('paid');
    expect(calls).toEqual({ start: 1, recover: 1 });
  });

  it('a time-out after the host answered is unknown too; recovery that cannot answer stays unknown', async () => {
    const { bridge, calls } = fakeBridge(
      err({ code: 'timeout', message: 'slow', retryable: true }),
      undefined,
    );
    expect(await chargeKioskCard(bridge, request, { hostWasUp: true })).toEqual({ kind: 'unknown' });
    expect(calls).toEqual({ start: 1, recover: 1 });
  });

  it('a host that was never up charged nothing: the terminal is unavailable', async () => {
    const { bridge, calls } = fakeBridge(
      err({ code: 'host-unreachable', message: 'no agent', retryable: true }),
      undefined,
    );
    expect(await chargeKioskCard(bridge, request, { hostWasUp: false })).toEqual({ kind: 'unavailable' });
    expect(calls.recover).toBe(0);
  });
});

describe('kioskCardReference', () => {
  it('keeps what an order id allows, and never something that reads like a card number', () => {
    expect(kioskCardReference('PSP-8815', 'p')).toBe('PSP-8815');
    expect(kioskCardReference('4970101234567890', 'p-9')).toBe('payment:p-9');
    expect(kioskCardReference('///', 'p-9')).toBe('payment:p-9');
  });
});
