import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WebSocket } from 'ws';
import { startAgent } from '../../hardware/agent/agent-server';
import { createDeviceHost, type DeviceHost, DeviceRegistry } from '../../hardware/host/device-host';
import { createReceiptPrinter } from '../../hardware/printer/create-printer';
import { type PrinterConfigInput, printerConfigSchema } from '../../hardware/printer/printer-config';
import type { DeviceStatus } from '../../src/core/bridge/device-status';

// A device host with one receipt printer driver, as the agent and the
// Electron utility process build it, and a WebSocket client that talks to it
// through the agent exactly as the renderer does (subprotocols, token, Origin).

export interface PrinterHost {
  readonly host: DeviceHost;
  readonly dataDir: string;
  readonly log: { message: string; details?: Record<string, unknown> }[];
  close(): Promise<void>;
}

export function startPrinterHost(
  config: Omit<PrinterConfigInput, 'deviceId' | 'name'>,
  dataDir?: string,
): PrinterHost {
  const dir = dataDir ?? mkdtempSync(join(tmpdir(), 'printer-host-'));
  const registry = new DeviceRegistry();
  const log: PrinterHost['log'] = [];
  const printer = createReceiptPrinter(
    printerConfigSchema.parse({
      deviceId: 'printer-1',
      name: 'Imprimante caisse',
      statusPollMs: 100,
      ...config,
    }),
    {
      reportStatus: (status) => registry.update(status),
      emitScan: () => {},
      dataDir: dir,
      log: (message, details) => log.push({ message, ...(details ? { details } : {}) }),
    },
  );
  const host = createDeviceHost(registry, { printer });
  return {
    host,
    dataDir: dir,
    log,
    async close() {
      await host.close();
      if (!dataDir) rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function waitFor(check: () => boolean, ms = 5_000, what = 'condition'): Promise<void> {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

export interface BridgeClient {
  call(method: string, params?: unknown): Promise<{ ok: boolean; value?: unknown; error?: unknown }>;
  /** Every device status event received so far, oldest first. */
  readonly statuses: DeviceStatus[];
  /** The latest status of a device, from the hello message or later events. */
  latest(deviceId: string): DeviceStatus | undefined;
  close(): Promise<void>;
}

/** Starts the agent on a free port in front of `host` and connects to its /bridge WebSocket. */
export async function connectThroughAgent(host: DeviceHost): Promise<BridgeClient> {
  const token = 'printer-test-token-0123456789';
  const agent = await startAgent(
    {
      host: '127.0.0.1',
      port: 0,
      token,
      rendererDir: tmpdir(),
      syncUrl: 'http://127.0.0.1:9',
      storeCode: 'PAR01',
      tillCode: '03',
      allowedOrigins: [],
      pairingCodes: undefined,
    },
    host,
  );
  const ws = new WebSocket(`${agent.url.replace('http', 'ws')}/bridge`, ['pos-agent.v1', `token.${token}`], {
    origin: agent.url,
  });
  const pending = new Map<string, (message: { ok: boolean; value?: unknown; error?: unknown }) => void>();
  const statuses: DeviceStatus[] = [];
  const current = new Map<string, DeviceStatus>();
  ws.on('message', (data) => {
    const message = JSON.parse(String(data));
    if (message.type === 'response') {
      pending.get(message.id)?.(message);
      pending.delete(message.id);
    } else if (message.type === 'hello') {
      for (const status of message.devices as DeviceStatus[]) current.set(status.deviceId, status);
    } else if (message.type === 'event' && message.event === 'device-status') {
      statuses.push(message.payload);
      current.set(message.payload.deviceId, message.payload);
    }
  });
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  let next = 0;
  return {
    call(method, params = {}) {
      next += 1;
      const id = `call-${next}`;
      return new Promise((resolve) => {
        pending.set(id, resolve);
        ws.send(JSON.stringify({ type: 'request', id, method, params }));
      });
    },
    statuses,
    latest: (deviceId) => current.get(deviceId),
    async close() {
      ws.close();
      await agent.close();
    },
  };
}
