import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serveBridgeCall } from '../../../hardware/host/bridge-handlers';
import type { DeviceContext } from '../../../hardware/host/device-drivers';
import { createDeviceHost, DeviceRegistry } from '../../../hardware/host/device-host';
import { createPaymentTerminal } from '../../../hardware/payment/create-terminal';
import type {
  AdyenTerminalConfig,
  TerminalConfig,
  ZvtTerminalConfig,
} from '../../../hardware/payment/terminal-config';
import { terminalConfigSchema } from '../../../hardware/payment/terminal-config';
import { type BridgeMethod, type BridgeParams, bridgeMethods } from '../../../src/core/bridge/bridge-methods';
import type { DeviceStatus } from '../../../src/core/bridge/device-status';
import { waitUntil } from '../../support/device-host-harness';

// A till's device host with one card terminal, driven the way the app drives
// it: bridge calls through serveBridgeCall (params checked by the bridge's
// schemas, results checked against them too), progress and status as the
// host's bridge events.

export type Till = Awaited<ReturnType<typeof startTill>>;

/** A ZVT terminal's TCP connection on this machine. */
export const tcpTo = (port: number): ZvtTerminalConfig['connection'] => ({
  type: 'tcp',
  host: '127.0.0.1',
  port,
});

/** A simulated ZVT terminal's configuration, over TCP or serial. */
export function zvtConfig(
  connection: ZvtTerminalConfig['connection'],
  timeoutMs = 3_000,
  healthCheckMs?: number,
): ZvtTerminalConfig {
  return {
    protocol: 'zvt',
    deviceId: 'terminal',
    name: `Card terminal (simulated ZVT, ${connection.type})`,
    simulated: true,
    connection,
    timeoutMs,
    ...(healthCheckMs === undefined ? {} : { healthCheckMs }),
  };
}

/** The key the Adyen simulator and the till share, and the simulated terminal's POI id. */
export const ADYEN_KEY = {
  keyIdentifier: 'till-key',
  passphrase: 'correct horse battery staple',
  keyVersion: 1,
};
export const ADYEN_POI = 'V400m-346403161';

/** A simulated Adyen terminal's configuration (the shared key, the simulator's CA). */
export function adyenConfig(
  endpoint: string,
  caCertPath: string,
  timeoutMs = 5_000,
  healthCheckMs?: number,
): AdyenTerminalConfig {
  return {
    protocol: 'adyen',
    deviceId: 'terminal',
    name: 'Card terminal (simulated Adyen)',
    simulated: true,
    endpoint,
    poiId: ADYEN_POI,
    saleId: 'till-1',
    ...ADYEN_KEY,
    caCertPath,
    timeoutMs,
    ...(healthCheckMs === undefined ? {} : { healthCheckMs }),
  };
}

/** payment.start as the payment panel calls it, in euros. */
export const pay = (
  till: Till,
  paymentId: string,
  amountMinor = 1234,
  kind: 'payment' | 'refund' = 'payment',
) => till.call('payment.start', { paymentId, kind, amountMinor, currency: 'EUR' });

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

export const waitFor = (check: () => boolean, ms = 10_000): Promise<void> =>
  waitUntil(check, 'the condition', ms);

export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
