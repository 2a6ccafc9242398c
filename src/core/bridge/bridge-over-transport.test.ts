import { describe, expect, it } from 'vitest';
import { err, ok, type Result } from '../result';
import type { BridgeError } from './bridge-error';
import { bridgeOverTransport } from './bridge-over-transport';
import type { BridgeTransport } from './pos-bridge';

// An in-memory pipe: records what the bridge sends, answers what the test says.
function pipe(answer: (method: string, params: unknown) => Result<unknown, BridgeError>) {
  const sent: { method: string; params: unknown }[] = [];
  const listeners = new Set<(event: string, payload: unknown) => void>();
  const transport: BridgeTransport = {
    host: 'agent',
    async call(method, params) {
      sent.push({ method, params });
      return answer(method, params);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    onHostConnection(listener) {
      listener(true);
      return () => undefined;
    },
  };
  const emit = (event: string, payload: unknown) => {
    for (const listener of listeners) listener(event, payload);
  };
  return { bridge: bridgeOverTransport(transport), sent, emit };
}

const approved = {
  status: 'approved',
  paymentId: 'pay-1',
  kind: 'payment',
  amountMinor: 1250,
  currency: 'EUR',
  reference: '000123',
  terminalReceipt: ['CARTE BANCAIRE', 'MONTANT 12,50 EUR'],
};

describe('bridgeOverTransport', () => {
  it('refuses bad params before anything leaves the renderer', async () => {
    const { bridge, sent } = pipe(() => ok({}));
    const result = await bridge.startPayment({
      paymentId: 'pay 1',
      kind: 'payment',
      amountMinor: 1250,
      currency: 'EUR',
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'bad-request', retryable: false } });
    expect(sent).toEqual([]);
  });

  it('refuses a display line longer than the pole display', async () => {
    const { bridge, sent } = pipe(() => ok({ done: true }));
    const result = await bridge.showOnDisplay({ upper: 'x'.repeat(21), lower: '' });
    expect(result.ok).toBe(false);
    expect(sent).toEqual([]);
  });

  it('passes a valid answer through, typed', async () => {
    const { bridge, sent } = pipe(() => ok(approved));
    const result = await bridge.startPayment({
      paymentId: 'pay-1',
      kind: 'payment',
      amountMinor: 1250,
      currency: 'EUR',
    });
    expect(result).toEqual({ ok: true, value: approved });
    expect(sent).toEqual([
      {
        method: 'payment.start',
        params: { paymentId: 'pay-1', kind: 'payment', amountMinor: 1250, currency: 'EUR' },
      },
    ]);
  });

  it('turns an answer of the wrong shape into a bad-response error', async () => {
    const { bridge } = pipe(() => ok({ status: 'approved', paymentId: 'pay-1' }));
    const result = await bridge.recoverPayment('pay-1');
    expect(result).toMatchObject({ ok: false, error: { code: 'bad-response', retryable: false } });
  });

  it('hands host errors on unchanged', async () => {
    const paperOut = { code: 'paper-out', message: 'plus de papier', retryable: true };
    const { bridge } = pipe(() => err(paperOut));
    const result = await bridge.openDrawer();
    expect(result).toEqual({ ok: false, error: paperOut });
  });

  it('delivers only well-formed events, each to its own listeners', () => {
    const { bridge, emit } = pipe(() => ok({}));
    const scans: unknown[] = [];
    const progress: unknown[] = [];
    const stopScans = bridge.onScan((scan) => scans.push(scan));
    bridge.onPaymentProgress((p) => progress.push(p));

    emit('scan', { deviceId: 'hid-1', source: 'hid', data: '3017620422003', symbology: ']E0' });
    emit('scan', { deviceId: 'hid-1', source: 'bluetooth', data: '1' });
    emit('scan', { deviceId: 'hid-1', source: 'hid', data: '' });
    emit('payment-progress', { paymentId: 'pay-1', message: 'Insérez la carte' });
    stopScans();
    emit('scan', { deviceId: 'hid-1', source: 'hid', data: '96385074' });

    expect(scans).toEqual([{ deviceId: 'hid-1', source: 'hid', data: '3017620422003', symbology: ']E0' }]);
    expect(progress).toEqual([{ paymentId: 'pay-1', message: 'Insérez la carte' }]);
  });
});
