import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startAgent } from '../../../hardware/agent/agent-server';
import { createCustomerDisplay } from '../../../hardware/display/create-display';
import { createScanner } from '../../../hardware/scanners/create-scanner';
import { startPoleDisplaySimulator } from '../../../hardware/simulators/pole-display/pole-display-simulator';
import { startSerialScannerSimulator } from '../../../hardware/simulators/serial-scanner/serial-scanner-simulator';
import { type AgentServerMessage, agentServerMessageSchema } from '../../../src/core/bridge/agent-protocol';
import { itemLines } from '../../../src/core/display/pole-display-lines';
import { money } from '../../../src/core/money/money';
import { poleWords } from '../../../src/state/pole-words';
import { hostWith, waitUntil } from '../../support/device-host-harness';

// Browser mode end to end: a serial scanner and a pole display on socat
// ptys, behind the hardware agent, seen from a WebSocket client speaking the
// renderer's protocol.
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const TOKEN = 'scanner-display-test-token';

describe('scanner and pole display through the agent WebSocket', () => {
  it('shows lines, delivers scans, and reports an unplugged scanner coming back', async () => {
    const display = await startPoleDisplaySimulator();
    cleanups.push(() => display.close());
    const scanner = await startSerialScannerSimulator();
    cleanups.push(() => scanner.close());
    const backoff = { backoff: { baseMs: 50, maxMs: 400 } };
    const { host, registry } = hostWith((context) => ({
      display: createCustomerDisplay(
        { deviceId: 'display', name: 'Pole display', simulated: true, path: display.devicePath },
        context,
        backoff,
      ),
      scanners: [
        createScanner(
          { type: 'serial', deviceId: 'scanner', name: 'Scanner', simulated: true, path: scanner.devicePath },
          context,
          backoff,
        ),
      ],
    }));
    cleanups.push(() => host.close());
    await waitUntil(
      () => registry.list().every((s) => s.state === 'connected') && registry.list().length === 2,
      'devices connected',
    );

    const agent = await startAgent(
      {
        host: '127.0.0.1',
        port: 0,
        token: TOKEN,
        rendererDir: 'dist/renderer',
        syncUrl: 'http://127.0.0.1:1',
        storeCode: 'PAR01',
        tillCode: '01',
        allowedOrigins: [],
        pairingCodes: undefined,
      },
      host,
    );
    cleanups.push(() => agent.close());
    const origin = new URL(agent.url).origin;
    const socket = new WebSocket(
      `${agent.url.replace('http', 'ws')}/bridge`,
      ['pos-agent.v1', `token.${TOKEN}`],
      {
        origin,
      },
    );
    cleanups.push(() => socket.close());
    const messages: AgentServerMessage[] = [];
    socket.on('message', (data) => messages.push(agentServerMessageSchema.parse(JSON.parse(String(data)))));
    await waitUntil(() => messages.some((m) => m.type === 'hello'), 'hello');
    const hello = messages.find((m) => m.type === 'hello');
    expect(hello?.type === 'hello' && hello.devices.map((d) => [d.deviceId, d.state])).toEqual([
      ['display', 'connected'],
      ['scanner', 'connected'],
    ]);

    const lines = itemLines('Pommes Golden 1 kg', money(299), money(1549), poleWords());
    socket.send(JSON.stringify({ type: 'request', id: 'show-1', method: 'display.show', params: lines }));
    await waitUntil(
      () => messages.some((m) => m.type === 'response' && m.id === 'show-1'),
      'display.show answered',
    );
    expect(messages.find((m) => m.type === 'response')).toMatchObject({ ok: true, value: { done: true } });
    await waitUntil(() => display.screen().lower !== '', 'lines on the display');
    expect(display.screen()).toEqual({ upper: lines.upper, lower: lines.lower });

    const events = (event: string) =>
      messages.flatMap((m) =>
        m.type === 'event' && m.event === event ? [m.payload as Record<string, unknown>] : [],
      );
    await scanner.scan(']E03017620422003');
    await waitUntil(() => events('scan').length === 1, 'scan event');
    expect(events('scan')[0]).toEqual({
      deviceId: 'scanner',
      source: 'serial',
      symbology: ']E0',
      data: '3017620422003',
    });

    await scanner.unplug();
    await waitUntil(
      () => events('device-status').some((s) => s.deviceId === 'scanner' && s.state === 'disconnected'),
      'scanner disconnected event',
    );
    await scanner.replug();
    await waitUntil(
      () =>
        events('device-status').at(-1)?.deviceId === 'scanner' &&
        events('device-status').at(-1)?.state === 'connected',
      'scanner connected event',
    );
    await scanner.scan('96385074');
    await waitUntil(() => events('scan').length === 2, 'scan after replug');
    expect(events('scan')[1]).toMatchObject({ data: '96385074' });
  });
});
