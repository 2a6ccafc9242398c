import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket as NodeWebSocket, WebSocketServer } from 'ws';
import type { PosBridge } from '../core/bridge/pos-bridge';
import { type AgentCredentials, connectAgentBridge } from './agent-bridge';

// The agent restarts with a new token (the launcher draws one per start): the
// open till must find the new one by itself, without a reload. A real
// WebSocket server on a real port stands in for the agent's token check (the
// renderer's tests may not import hardware/); the agent's own check is driven
// end to end in tests/e2e/till-restart.test.ts.

const OLD_TOKEN = 'old-token-0123456789abcdef';
const NEW_TOKEN = 'new-token-0123456789abcdef';

interface FakeAgent {
  port: number;
  readonly server: Server;
  readonly wss: WebSocketServer;
  refused: number;
}

/** Accepts only `token`, as the agent does: a wrong one gets HTTP 401 before the upgrade. */
async function startFakeAgent(token: string, port = 0): Promise<FakeAgent> {
  const server = createServer();
  const wss = new WebSocketServer({ noServer: true, handleProtocols: () => 'pos-agent.v1' });
  const agent: FakeAgent = { port, server, wss, refused: 0 };
  server.on('upgrade', (request, socket, head) => {
    const offered = String(request.headers['sec-websocket-protocol'] ?? '').split(',');
    if (!offered.map((p) => p.trim()).includes(`token.${token}`)) {
      agent.refused++;
      socket.end('HTTP/1.1 401 Unauthorized\r\nConnection: close\r\n\r\n');
      return;
    }
    wss.handleUpgrade(request, socket, head, (ws) => {
      ws.send(JSON.stringify({ type: 'hello', protocolVersion: 2, devices: [] }));
      // Every request is answered: no devices on this agent.
      ws.on('message', (data) => {
        const { id } = JSON.parse(String(data)) as { id: string };
        ws.send(JSON.stringify({ type: 'response', id, ok: true, value: [] }));
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  agent.port = (server.address() as AddressInfo).port;
  return agent;
}

async function stopFakeAgent(agent: FakeAgent): Promise<void> {
  for (const client of agent.wss.clients) client.terminate();
  agent.wss.close();
  await new Promise<void>((resolve) => agent.server.close(() => resolve()));
}

const nodeSocket = (url: string, protocols: string[]) =>
  new NodeWebSocket(url, protocols) as unknown as WebSocket;

function connection(bridge: PosBridge, wanted: boolean, timeoutMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), timeoutMs);
    const stop = bridge.onHostConnection((connected) => {
      if (connected !== wanted) return;
      clearTimeout(timer);
      queueMicrotask(() => stop());
      resolve(true);
    });
  });
}

describe('agent bridge: the agent restarts with a new token', () => {
  const cleanup: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const step of cleanup.splice(0).reverse()) await step();
  });

  it('reconnects with the token the runtime configuration now serves, no reload', async () => {
    const first = await startFakeAgent(OLD_TOKEN);
    const url = `ws://127.0.0.1:${first.port}/bridge`;
    let served: AgentCredentials = { agentUrl: url, token: OLD_TOKEN };
    let refreshes = 0;
    const bridge = connectAgentBridge(url, OLD_TOKEN, nodeSocket, async () => {
      refreshes++;
      return served;
    });
    cleanup.push(() => bridge.close());
    expect(await connection(bridge, true, 5_000)).toBe(true);

    await stopFakeAgent(first);
    expect(await connection(bridge, false, 5_000)).toBe(true);
    const second = await startFakeAgent(NEW_TOKEN, first.port);
    cleanup.push(() => stopFakeAgent(second));
    served = { agentUrl: url, token: NEW_TOKEN };

    expect(await connection(bridge, true, 15_000)).toBe(true);
    expect(refreshes).toBeGreaterThan(0);
    // Calls reach the new agent again.
    expect(await bridge.deviceStatuses()).toEqual({ ok: true, value: [] });
    expect(second.refused).toBeLessThanOrEqual(1);
  }, 30_000);

  it('keeps trying with the token it has while the configuration cannot be read', async () => {
    const agent = await startFakeAgent(OLD_TOKEN);
    cleanup.push(() => stopFakeAgent(agent));
    const url = `ws://127.0.0.1:${agent.port}/bridge`;
    const bridge = connectAgentBridge(url, OLD_TOKEN, nodeSocket, async () => {
      throw new Error('agent away');
    });
    cleanup.push(() => bridge.close());
    expect(await connection(bridge, true, 5_000)).toBe(true);
    for (const client of agent.wss.clients) client.terminate();
    expect(await connection(bridge, false, 5_000)).toBe(true);
    expect(await connection(bridge, true, 10_000)).toBe(true);
    expect(agent.refused).toBe(0);
  }, 30_000);
});
