import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serveBridgeCall } from '../../../hardware/host/bridge-handlers';
import type { DeviceContext } from '../../../hardware/host/device-drivers';
import { createDeviceHost, DeviceRegistry } from '../../../hardware/host/device-host';
import { createPaymentTerminal } from '../../../hardware/payment/create-terminal';
import type { TerminalConfig } from '../../../hardware/payment/terminal-config';
import { terminalConfigSchema } from '../../../hardware/payment/terminal-config';
import { type BridgeMethod, type BridgeParams, bridgeMethods } from '../../../src/core/bridge/bridge-methods';
import type { DeviceStatus } from '../../../src/core/bridge/device-status';

// A till's device host with one card terminal, driven the way the app drives
// it: bridge calls through serveBridgeCall (params checked by the bridge's
// schemas, results checked against them too), progress and status as the
// host's bridge events.

export type Till = Awaited<ReturnType<typeof startTill>>;

export function makeDataDir(): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'till-payments-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export async function startTill(config: TerminalConfig, dataDir: string) {
  const registry = new DeviceRegistry();
  const context: DeviceContext = {
    reportStatus: (status) => registry.update(status),
    emitScan: () => undefined,
    dataDir,
    log: () => undefined,
  };
  const terminal = createPaymentTerminal(terminalConfigSchema.parse(config), context);
  const host = createDeviceHost(registry, { terminal });
  const progress: { paymentId: string; message: string }[] = [];
  const statuses: DeviceStatus[] = [];
  host.onEvent((event, payload) => {
    if (event === 'payment-progress') progress.push(payload as (typeof progress)[number]);
    if (event === 'device-status') statuses.push(payload as DeviceStatus);
  });

  async function call<M extends BridgeMethod>(method: M, params: BridgeParams<M>) {
    const result = await serveBridgeCall(host.handlers, method, params);
    // What goes back to the renderer must satisfy the bridge's own result schema.
    if (result.ok) bridgeMethods[method].result.parse(result.value);
    return result;
  }

  return {
    host,
    call,
    progress,
    statuses,
    status: () => registry.list().find((s) => s.deviceId === config.deviceId),
    close: () => host.close(),
  };
}

export async function waitFor(check: () => boolean, ms = 10_000): Promise<void> {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
