// `npm start`: the demo store on this machine. Builds the apps, starts the
// sync server on embedded PGlite (seeding the demo catalog on first start),
// then opens the Electron app, or, without an Electron binary, serves the
// apps from the hardware agent and prints their URLs. Ctrl-C stops it all.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type DemoDevices, startDemoDevices } from '../hardware/simulators/demo-devices';
import { issueDemoPairingCodes, newAdminToken } from './lib/demo-enrolment';
import { writeDemoKioskManagers } from './lib/demo-kiosk-managers';
import { findElectron } from './lib/electron-binary';
import { type LaunchConfig, loadLaunchConfig } from './lib/launch-config';
import type { ServiceOptions } from './lib/service-process';
import { type SupervisedService, superviseService } from './lib/supervised-service';

const services: SupervisedService[] = [];
let demoDevices: DemoDevices | undefined;
let stopping: { readonly code: number; readonly done: Promise<void> } | undefined;

/**
 * Stops every service (cancelling pending restarts), then the simulators,
 * then exits with the first caller's code. Callers during the shutdown wait
 * for the same shutdown instead of exiting early, which had left the
 * simulators' socat processes running.
 */
async function stopAll(code: number): Promise<never> {
  stopping ??= {
    code,
    done: (async () => {
      await Promise.all(services.reverse().map((service) => service.stop()));
      await demoDevices?.close();
    })(),
  };
  await stopping.done;
  process.exit(stopping.code);
}

function build(config: LaunchConfig): void {
  if (config.TILL_SKIP_BUILD === '1') return;
  console.log('[start] building the apps and services…');
  execFileSync('npm', ['run', '--silent', 'build'], { stdio: 'inherit' });
}

async function main(): Promise<void> {
  const config = loadLaunchConfig();
  build(config);
  // The admin token lives only as long as this run unless set explicitly.
  const adminToken = process.env.TILL_ADMIN_TOKEN || newAdminToken();
  const env = { ...process.env, ...config, TILL_ADMIN_TOKEN: adminToken };
  const printerPage = await startSimulatedDevices(config, env);

  const sync = (
    await keepRunning({
      name: 'sync-server',
      args: ['--enable-source-maps', 'dist/sync-server/main.js'],
      env,
      echo: true,
      readyTimeoutMs: 120_000,
    })
  ).current();
  const pairingCodes = JSON.stringify(
    await issueDemoPairingCodes(sync.url, adminToken, config.TILL_STORE_CODE),
  );

  const electron = config.TILL_ELECTRON === 'off' ? undefined : findElectron(env);
  if (electron?.available) {
    // The demo kiosk can be left with the demo manager's PIN (docs/electron.md).
    const kioskManagers =
      config.TILL_APP === 'kiosk' &&
      config.TILL_SEED_DEMO_CATALOG === 'true' &&
      !process.env.TILL_KIOSK_MANAGERS
        ? { TILL_KIOSK_MANAGERS: writeDemoKioskManagers('.data/kiosk-managers.json', config.TILL_STORE_CODE) }
        : {};
    const app = await keepRunning(
      {
        name: 'electron',
        command: electron.path,
        args: ['dist/electron/main.cjs'],
        env: { ...env, ...kioskManagers, TILL_SYNC_URL: sync.url, TILL_PAIRING_CODES: pairingCodes },
        echo: true,
        // A first start on a slow machine (GPU init, a large renderer bundle) takes a while.
        readyTimeoutMs: 30_000,
      },
      // Closing the window (or a manager leaving the kiosk) ends the demo; a crash restarts it.
      true,
    ).catch((error: unknown) => {
      console.error(`[start] ${error instanceof Error ? error.message : String(error)}`);
      return undefined;
    });
    if (app) {
      console.log(`[start] Electron opened the ${config.TILL_APP} app (sync server ${sync.url}).`);
      if (printerPage) console.log(`[start] Receipts printed by the simulated printer: ${printerPage}`);
      return;
    }
    if (config.TILL_ELECTRON === 'on') throw new Error('TILL_ELECTRON=on but Electron did not start');
    console.log('[start] Electron did not start: serving the apps to a browser instead.');
  }
  if (config.TILL_ELECTRON === 'on' && !electron?.available)
    throw new Error(`TILL_ELECTRON=on but Electron cannot run: ${electron?.reason}`);
  if (electron && !electron.available)
    console.log(`[start] Electron not available (${electron.reason}): serving the apps to a browser.`);
  const agent = (
    await keepRunning({
      name: 'hardware-agent',
      args: ['--enable-source-maps', 'dist/hardware/agent.js'],
      env: { ...env, TILL_SYNC_URL: sync.url, TILL_PAIRING_CODES: pairingCodes },
      echo: true,
    })
  ).current();
  console.log(
    [
      '',
      'The demo store is running:',
      `  Cashier till   ${agent.url}/cashier`,
      `  Kiosk          ${agent.url}/kiosk`,
      `  Pickup desk    ${agent.url}/pickup`,
      `  Sync server    ${sync.url}  (health: ${sync.url}/health)`,
      ...(printerPage ? [`  Receipts       ${printerPage}  (what the simulated printer printed)`] : []),
      '',
      'Press Ctrl-C to stop.',
    ].join('\n'),
  );
}

/**
 * Starts a service and restarts it whenever it dies, saying which and why
 * (scripts/lib/supervised-service.ts). With `endsDemo`, a clean exit (code 0:
 * the Electron window was closed) ends the demo instead.
 */
async function keepRunning(options: ServiceOptions, endsDemo = false): Promise<SupervisedService> {
  const supervised = await superviseService({
    service: options,
    ...(endsDemo
      ? {
          isFinalExit: (code: number | null) => code === 0,
          onFinalExit: () => {
            console.log(`[start] ${options.name} closed: stopping the demo.`);
            if (!stopping) void stopAll(0);
          },
        }
      : {}),
    onRestarted: (service) => {
      // Only with port 0: the others were given the first URL.
      if (service.url !== firstUrl)
        console.error(
          `[start] ${options.name} now listens on ${service.url}, not ${firstUrl}: set a fixed port`,
        );
    },
  });
  const firstUrl = supervised.current().url;
  services.push(supervised);
  return supervised;
}

/**
 * With TILL_DEVICES=simulated, the demo's printer, card terminal, pole display
 * and serial scanner run here, and the hardware host gets a device file
 * pointing at them. Returns the printer simulator's page (the receipts it printed).
 */
async function startSimulatedDevices(
  config: LaunchConfig,
  env: Record<string, string | undefined>,
): Promise<string | undefined> {
  if (config.TILL_DEVICES !== 'simulated') return undefined;
  demoDevices = await startDemoDevices({ printerPagePort: Number(config.TILL_PRINTER_PAGE_PORT) });
  mkdirSync(config.TILL_DATA_DIR, { recursive: true });
  const file = join(config.TILL_DATA_DIR, 'demo-devices.json');
  writeFileSync(file, JSON.stringify(demoDevices.config, null, 2));
  env.TILL_DEVICES = file;
  return demoDevices.printer.httpUrl;
}

// `on`, not `once`: Ctrl-C reaches this process twice (from the terminal's
// process group, and relayed by npm and tsx); a second signal without a
// handler would kill the launcher before it has stopped its services.
process.on('SIGINT', () => void stopAll(0));
process.on('SIGTERM', () => void stopAll(0));
main().catch(async (error: unknown) => {
  console.error(`[start] ${error instanceof Error ? error.message : String(error)}`);
  await stopAll(1);
});
