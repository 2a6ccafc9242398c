import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import type { AgentConfig } from '../../../hardware/agent/agent-config';
import { type RunningAgent, startAgent } from '../../../hardware/agent/agent-server';
import { AGENT_SUBPROTOCOL } from '../../../hardware/agent/bridge-server';
import { createDeviceHost, type DeviceHost, DeviceRegistry } from '../../../hardware/host/device-host';
import type { DeviceStatus } from '../../../src/core/bridge/device-status';
import type { PosBridge } from '../../../src/core/bridge/pos-bridge';
import { connectBridgeInNode, hostConnected } from '../../support/agent-bridge-in-node';
import { makeTempDir } from '../../support/processes';

// The agent's bridge over a real WebSocket, driven by the renderer's own
// client: what every device test builds on. No drivers are attached here,
// so each device call must come back as a typed 'device-not-configured'.

const TOKEN = 'agent-test-token-0123456789';
const printer: DeviceStatus = {
  deviceId: 'printer',
  kind: 'printer',
  name: 'Receipt printer',
  state: 'connecting',
  simulated: true,
};

describe('hardware agent bridge', () => {
  let host: DeviceHost;
  let agent: RunningAgent;
  let origin: string;
  let bridge: PosBridge & { close(): void };

  beforeAll(async () => {
    host = createDeviceHost(new DeviceRegistry([printer]));
    const config: AgentConfig = {
      host: '127.0.0.1',
      port: 0,
      token: TOKEN,
      rendererDir: makeTempDir('agent-renderer'),
      syncUrl: 'http://127.0.0.1:1',
      storeCode: 'PAR01',
      tillCode: '01',
      allowedOrigins: [],
      pairingCodes: undefined,
    };
    agent = await startAgent(config, host);
    origin = agent.url;
    bridge = connectBridgeInNode(`${agent.url.replace('http', 'ws')}/bridge`, TOKEN, origin);
    await hostConnected(bridge);
  });
  afterAll(async () => {
    bridge.close();
    await agent.close();
    await host.close();
  });

  it('lists the configured devices and pushes every status change', async () => {
    expect(await bridge.deviceStatuses()).toEqual({ ok: true, value: [printer] });
    const seen = new Promise<DeviceStatus>((resolve) => {
      const stop = bridge.onDeviceStatus((status) => {
        if (status.state !== 'degraded') return;
        stop();
        resolve(status);
      });
    });
    host.registry.update({ ...printer, state: 'degraded', detail: 'paper near end' });
    expect(await seen).toMatchObject({ deviceId: 'printer', state: 'degraded', detail: 'paper near end' });
  });

  it('answers device calls without a driver with a typed error, not a hang', async () => {
    const payment = await bridge.startPayment({
      paymentId: 'pay-1',
      kind: 'payment',
      amountMinor: 500,
      currency: 'EUR',
    });
    expect(payment).toMatchObject({ ok: false, error: { code: 'device-not-configured', retryable: false } });
    expect(await bridge.openDrawer()).toMatchObject({ ok: false, error: { code: 'device-not-configured' } });
    expect(await bridge.printQueue()).toEqual({ ok: true, value: [] });
  });

  it('forwards scan events from the host', async () => {
    const scan = new Promise((resolve) => {
      const stop = bridge.onScan((event) => {
        stop();
        resolve(event);
      });
    });
    host.emit('scan', { deviceId: 'serial-1', source: 'serial', data: '3017620422003' });
    expect(await scan).toEqual({ deviceId: 'serial-1', source: 'serial', data: '3017620422003' });
  });

  async function rawCall(message: unknown): Promise<unknown> {
    const ws = new WebSocket(
      `${agent.url.replace('http', 'ws')}/bridge`,
      [AGENT_SUBPROTOCOL, `token.${TOKEN}`],
      {
        origin,
      },
    );
    const replies: unknown[] = [];
    await new Promise((resolve, reject) => {
      ws.once('open', resolve);
      ws.once('error', reject);
    });
    const answer = new Promise((resolve) => {
      ws.on('message', (data) => {
        const parsed = JSON.parse(data.toString()) as { type: string };
        replies.push(parsed);
        if (parsed.type === 'response') resolve(parsed);
      });
    });
    ws.send(typeof message === 'string' ? message : JSON.stringify(message));
    const result = await answer;
    ws.close();
    return result;
  }

  it('refuses malformed requests with the reason, never crashing', async () => {
    expect(await rawCall('{not json')).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(await rawCall({ type: 'request', id: '1', method: 'drawer.explode', params: {} })).toMatchObject({
      id: '1',
      ok: false,
      error: { code: 'unknown-method' },
    });
    expect(
      await rawCall({ type: 'request', id: '2', method: 'display.show', params: { upper: 42, lower: '' } }),
    ).toMatchObject({ id: '2', ok: false, error: { code: 'bad-request' } });
    // The agent still serves the well-behaved client afterwards.
    expect((await bridge.deviceStatuses()).ok).toBe(true);
  });

  it('refuses a wrong token and a foreign origin at the handshake', async () => {
    const attempt = (protocols: string[], from: string) =>
      new Promise<number>((resolve) => {
        const ws = new WebSocket(`${agent.url.replace('http', 'ws')}/bridge`, protocols, { origin: from });
        ws.once('unexpected-response', (_request, response) => resolve(response.statusCode ?? 0));
        ws.once('open', () => resolve(101));
        ws.once('error', () => undefined);
      });
    expect(await attempt([AGENT_SUBPROTOCOL, 'token.wrong-token-0000000000'], origin)).toBe(401);
    expect(await attempt([AGENT_SUBPROTOCOL, `token.${TOKEN}`], 'http://evil.example')).toBe(403);
  });
});
