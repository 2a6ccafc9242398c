import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DeviceConfigInput } from '../../hardware/host/device-config';
import { type DemoDevices, startDemoDevices } from '../../hardware/simulators/demo-devices';
import { issueDemoPairingCodes } from '../../scripts/lib/demo-enrolment';
import { type ServiceProcess, startService } from '../../scripts/lib/service-process';

export const TEST_ADMIN_TOKEN = 'e2e-admin-token-0123456789abcdef';

// Starts the real processes the product is made of, on free ports, and
// guarantees they are stopped: every process started here is registered and
// killed by `stopAll()` (call it in afterAll), and, as a last resort, when the
// test worker exits, even if a test or a hook failed.

const running = new Set<ServiceProcess>();
const simulators = new Set<DemoDevices>();
const tempDirs = new Set<string>();

process.once('exit', () => {
  for (const service of running) service.child.kill('SIGKILL');
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

async function track(service: Promise<ServiceProcess>): Promise<ServiceProcess> {
  const started = await service;
  running.add(started);
  started.child.once('exit', () => running.delete(started));
  return started;
}

export function makeTempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), `${prefix}-`));
  tempDirs.add(dir);
  return dir;
}

export interface SyncServerOptions {
  /** Defaults to a fresh embedded PGlite in a temporary folder. */
  readonly databaseUrl?: string;
  readonly seedDemoCatalog?: boolean;
  /** A fixed port (to restart a server where its clients expect it); default: any free port. */
  readonly port?: number;
  /** Turns the web shop API on with this key (TILL_SHOP_API_KEY); default: off. */
  readonly shopApiKey?: string;
  /** TILL_PROJECTOR: 'off' queues journal entries for other instances' projectors; default 'on'. */
  readonly projector?: 'on' | 'off';
}

/** The built sync server (dist/sync-server/main.js) on a free port. */
export function startSyncServer(options: SyncServerOptions = {}): Promise<ServiceProcess> {
  const databaseUrl = options.databaseUrl ?? `pglite:${join(makeTempDir('till-pglite'), 'db')}`;
  return track(
    startService({
      name: 'sync-server',
      args: ['--enable-source-maps', 'dist/sync-server/main.js'],
      env: {
        TILL_SYNC_PORT: String(options.port ?? 0),
        TILL_DATABASE_URL: databaseUrl,
        TILL_SEED_DEMO_CATALOG: String(options.seedDemoCatalog ?? true),
        TILL_LOG_LEVEL: 'warn',
        TILL_ADMIN_TOKEN: TEST_ADMIN_TOKEN,
        ...(options.shopApiKey ? { TILL_SHOP_API_KEY: options.shopApiKey } : {}),
        ...(options.projector ? { TILL_PROJECTOR: options.projector } : {}),
      },
      readyTimeoutMs: 120_000,
    }),
  );
}

export interface AgentOptions {
  readonly syncUrl: string;
  readonly token?: string;
  /** TILL_DEVICES: 'simulated' (the agent starts the demo simulators), 'none', or a device configuration file. */
  readonly devices?: string;
  /** JSON of pairing codes per screen set, passed to the renderer. */
  readonly pairingCodes?: string;
  /** A fixed port (to restart the agent where the open till expects it); default: any free port. */
  readonly port?: number;
  /** Where the payment journal and print queue live (kept across a restart); default: a fresh folder. */
  readonly dataDir?: string;
}

/** The built hardware agent, which also serves the built renderer, on a free port. */
export function startHardwareAgent(options: AgentOptions): Promise<ServiceProcess> {
  return track(
    startService({
      name: 'hardware-agent',
      args: ['--enable-source-maps', 'dist/hardware/agent.js'],
      env: {
        TILL_AGENT_PORT: String(options.port ?? 0),
        TILL_SYNC_URL: options.syncUrl,
        TILL_AGENT_TOKEN: options.token ?? '',
        TILL_DEVICES: options.devices ?? 'simulated',
        // Payment journals and print queues of this run only.
        TILL_DATA_DIR: options.dataDir ?? makeTempDir('till-hardware'),
        TILL_RENDERER_DIR: 'dist/renderer',
        TILL_PAIRING_CODES: options.pairingCodes ?? '',
      },
    }),
  );
}

/** Everything `npm start` runs in browser mode: sync server on PGlite, agent, apps. */
export async function startDemoStore(
  options: SyncServerOptions & { readonly devices?: string; readonly agentToken?: string } = {},
) {
  const databaseUrl = options.databaseUrl ?? `pglite:${join(makeTempDir('till-pglite'), 'db')}`;
  const sync = await startSyncServer({ ...options, databaseUrl });
  const pairingCodes = JSON.stringify(await issueDemoPairingCodes(sync.url, TEST_ADMIN_TOKEN, 'PAR01'));
  const agent = await startHardwareAgent({
    syncUrl: sync.url,
    pairingCodes,
    ...(options.devices ? { devices: options.devices } : {}),
    ...(options.agentToken ? { token: options.agentToken } : {}),
  });
  return { sync, agent, databaseUrl };
}

/**
 * The demo devices as simulators in this test process (so a test can read
 * receipts, set faults and scan), and the configuration file that points the
 * agent's drivers at them. `adjust` tunes the configuration (shorter timeouts).
 */
export async function startTestDevices(adjust: (config: DeviceConfigInput) => DeviceConfigInput = (c) => c) {
  const devices = await startDemoDevices();
  simulators.add(devices);
  const path = join(makeTempDir('till-devices'), 'devices.json');
  writeFileSync(path, JSON.stringify(adjust(devices.config)));
  return { devices, configPath: path };
}

export interface ServerIncident {
  readonly code: string;
  readonly tillId: string;
  readonly detail: Record<string, unknown>;
}

/** What the staff sees in GET /admin/v1/incidents of a sync server started here. */
export async function serverIncidents(syncUrl: string): Promise<ServerIncident[]> {
  const response = await fetch(`${syncUrl}/admin/v1/incidents`, {
    headers: { authorization: `Bearer ${TEST_ADMIN_TOKEN}` },
  });
  if (response.status !== 200) throw new Error(`incidents: HTTP ${response.status}`);
  return ((await response.json()) as { incidents: ServerIncident[] }).incidents;
}

export async function stopAll(): Promise<void> {
  await Promise.all([...running].map((service) => service.stop()));
  await Promise.all([...simulators].map((devices) => devices.close()));
  simulators.clear();
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
  tempDirs.clear();
}
