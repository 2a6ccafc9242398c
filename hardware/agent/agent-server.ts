import { createServer, type Server } from 'node:http';
import { contentSecurityPolicy } from '../../src/core/runtime/content-security-policy';
import type { RuntimeConfig } from '../../src/core/runtime/runtime-config';
import type { DeviceHost } from '../host/device-host';
import type { AgentConfig } from './agent-config';
import { createBridgeServer } from './bridge-server';
import { serveStatic } from './static-files';

export interface RunningAgent {
  readonly url: string;
  readonly server: Server;
  close(): Promise<void>;
}

/**
 * The local hardware agent for browser mode: it serves the built renderer,
 * its runtime config, and the PosBridge over a WebSocket at /bridge.
 */
export async function startAgent(config: AgentConfig, host: DeviceHost): Promise<RunningAgent> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const httpUrl = `http://${config.host}:${port}`;
  const agentUrl = `ws://${config.host}:${port}/bridge`;
  const ownOrigins = [httpUrl, `http://localhost:${port}`, `http://127.0.0.1:${port}`];

  const runtimeConfig: RuntimeConfig = {
    syncUrl: config.syncUrl,
    agentUrl,
    agentToken: config.token,
    storeCode: config.storeCode,
    tillCode: config.tillCode,
    ...(config.pairingCodes ? { pairingCodes: config.pairingCodes } : {}),
  };
  const securityHeaders = {
    'content-security-policy': contentSecurityPolicy(runtimeConfig),
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
  };

  const bridge = createBridgeServer({
    token: config.token,
    allowedOrigins: new Set([...ownOrigins, ...config.allowedOrigins]),
    host,
  });

  server.on('request', (request, response) => {
    const path = (request.url ?? '/').split('?')[0];
    if (path === '/health') {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ status: 'ok', devices: host.registry.list().length }));
      return;
    }
    if (path === '/runtime-config.json') {
      // Same-origin only (no CORS header): other pages cannot read the token.
      response.writeHead(200, {
        'content-type': 'application/json',
        'cache-control': 'no-store',
        ...securityHeaders,
      });
      response.end(JSON.stringify(runtimeConfig));
      return;
    }
    void serveStatic(config.rendererDir, request, response, securityHeaders);
  });
  server.on('upgrade', (request, socket, head) => {
    if ((request.url ?? '').split('?')[0] !== '/bridge') {
      socket.destroy();
      return;
    }
    bridge.handleUpgrade(request, socket, head);
  });

  return {
    url: httpUrl,
    server,
    async close() {
      await bridge.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
