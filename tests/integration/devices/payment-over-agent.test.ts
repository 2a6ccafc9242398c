import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket as NodeWebSocket } from 'ws';
import { startAgent } from '../../../hardware/agent/agent-server';
import { startZvtTerminalSimulator } from '../../../hardware/simulators/zvt-terminal/start-zvt-simulator';
import type { DeviceStatus } from '../../../src/core/bridge/device-status';
import { connectAgentBridge } from '../../../src/platform/agent-bridge';
import { makeDataDir, startTill, waitFor } from './payment-bridge-harness';

// The whole browser-mode path: the renderer's own agent client over the
// agent's WebSocket to the device host and the ZVT simulator on TCP.
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const TOKEN = 'test-token-0123456789abcdef';

/** Node 20 has no global WebSocket: a `ws` client that sends the Origin a browser page would. */
function useBrowserLikeWebSocket(origin: string): void {
  class BrowserLikeWebSocket extends NodeWebSocket {
    constructor(url: string, protocols: string[]) {
      super(url, protocols, { origin });
    }
  }
  const previous = globalThis.WebSocket;
  Object.assign(globalThis, { WebSocket: BrowserLikeWebSocket });
  cleanups.push(() => {
    Object.assign(globalThis, { WebSocket: previous });
  });
}

describe('card payment through the hardware agent WebSocket', () => {
  it('progress and status reach the renderer; a crash mid-payment is recovered without a second charge', async () => {
    const sim = await startZvtTerminalSimulator({ scenario: 'approve' });
    cleanups.push(() => sim.close());
    const data = makeDataDir();
    cleanups.push(data.remove);
    const till = await startTill(
      {
        protocol: 'zvt',
        deviceId: 'terminal',
        name: 'Card terminal (simulated ZVT)',
        simulated: true,
        connection: { type: 'tcp', host: '127.0.0.1', port: sim.port },
        timeoutMs: 3_000,
      },
      data.dir,
    );
    cleanups.push(() => till.close());
    const agent = await startAgent(
      {
        host: '127.0.0.1',
        port: 0,
        token: TOKEN,
        rendererDir: data.dir,
        syncUrl: 'http://127.0.0.1:8787',
        storeCode: 'PAR01',
        tillCode: '01',
        allowedOrigins: [],
        pairingCodes: undefined,
      },
      till.host,
    );
    cleanups.push(() => agent.close());
    useBrowserLikeWebSocket(agent.url);
    const bridge = connectAgentBridge(`${agent.url.replace('http', 'ws')}/bridge`, TOKEN);
    cleanups.push(() => bridge.close());
    const progress: string[] = [];
    const statuses: DeviceStatus[] = [];
    bridge.onPaymentProgress((p) => progress.push(p.message));
    bridge.onDeviceStatus((s) => statuses.push(s));
    await waitFor(() => till.status()?.state === 'connected');

    const approved = await bridge.startPayment({
      paymentId: 'agent-1',
      kind: 'payment',
      amountMinor: 1990,
      currency: 'EUR',
    });
    expect(approved).toEqual({
      ok: true,
      value: expect.objectContaining({
        status: 'approved',
        amountMinor: 1990,
        terminalReceipt: expect.any(Array),
      }),
    });
    expect(progress).toEqual(['Insérez ou présentez la carte']);

    sim.setScenario('crash');
    const lost = await bridge.startPayment({
      paymentId: 'agent-2',
      kind: 'payment',
      amountMinor: 500,
      currency: 'EUR',
    });
    expect(lost).toEqual({
      ok: false,
      error: expect.objectContaining({ code: 'outcome-unknown', retryable: true }),
    });
    await waitFor(() => statuses.some((s) => s.deviceId === 'terminal' && s.state === 'disconnected'));
    sim.setScenario('approve');
    expect(await bridge.recoverPayment('agent-2')).toEqual({
      ok: true,
      value: expect.objectContaining({ status: 'approved', paymentId: 'agent-2', amountMinor: 500 }),
    });
    expect(sim.charges().map((c) => c.amountMinor)).toEqual([1990, 500]);
  });
});
