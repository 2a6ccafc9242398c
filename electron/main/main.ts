import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  net,
  protocol,
  session,
  type UtilityProcess,
  utilityProcess,
} from 'electron';
import { contentSecurityPolicy } from '../../src/core/runtime/content-security-policy';
import { KIOSK_EXIT_CHANNEL } from '../../src/core/runtime/kiosk-exit';
import type { RuntimeConfig } from '../../src/core/runtime/runtime-config';
import type { StaffMember } from '../../src/core/staff/staff-member';
import { resolveAppRequest } from './app-protocol';
import { type HostChild, superviseHostProcess } from './host-process-supervisor';
import { registerBridgeChannels, sendBridgeEvent } from './ipc-router';
import { createKioskExitGuard, kioskManagers, routeKioskExit } from './kiosk-exit-guard';
import { fileLockoutStore } from './kiosk-lockout-store';
import { createCrashPolicy, isBlockedKioskKey, relaunchArgs } from './kiosk-policy';
import {
  APP_ORIGIN,
  APP_SCHEME,
  isAllowedNavigation,
  permissionDecision,
  secureWebPreferences,
} from './security';
import { deviceHostEnv, runtimeConfigFromEnv, type ShellPlace } from './shell-config';
import { scheduleUpdateChecks, updateSettingsFromEnv } from './updates';

// Thin main process: it wires Electron's objects to the small modules next
// to it (security, app-protocol, ipc-router, host-process-supervisor,
// kiosk-policy, kiosk-exit-guard), which hold the decisions and are unit
// tested without the Electron binary. Devices live in the utility process.

const screenSet = process.env.TILL_APP ?? 'cashier';
const kiosk = screenSet === 'kiosk';
const rendererDir = join(__dirname, '..', 'renderer');
const shellConfig = runtimeConfigFromEnv(process.env);
// Checked before anything opens; a bad one stops the app in run().
const runtimeConfig: RuntimeConfig = shellConfig.ok
  ? shellConfig.runtimeConfig
  : { syncUrl: 'http://127.0.0.1:8787', storeCode: 'PAR01', tillCode: '01' };
const updateSettings = updateSettingsFromEnv(process.env, runtimeConfig.storeCode);
const configProblems = [
  ...(shellConfig.ok ? [] : shellConfig.problems),
  ...(updateSettings.ok ? [] : [updateSettings.problem]),
];
const place = (): ShellPlace => ({
  packaged: app.isPackaged,
  userData: app.getPath('userData'),
  resourcesPath: process.resourcesPath ?? '',
  exists: existsSync,
});

let mainWindow: BrowserWindow | undefined;
/** Set once the app itself decided to quit: until then a kiosk window refuses to close. */
let quitting = false;

// The type check that Electron's UtilityProcess offers what the supervisor uses.
const forkHost = (): HostChild =>
  utilityProcess.fork(join(__dirname, 'device-host.cjs'), [], {
    serviceName: 'Store till hardware',
    stdio: 'inherit',
    // Only what the host reads (shell-config.ts): pairing codes, tokens and the managers file stay here.
    env: deviceHostEnv(process.env, place()),
  }) satisfies UtilityProcess;

function relaunchAfterCrash(why: string): void {
  const args = relaunchArgs(process.argv.slice(1), Date.now());
  console.error(`electron: ${why}; ${args ? 'relaunching' : 'too many relaunches, exiting'}`);
  if (args) app.relaunch({ args });
  app.exit(1);
}

function loadKioskManagers(): StaffMember[] {
  const file = process.env.TILL_KIOSK_MANAGERS ?? join(app.getPath('userData'), 'kiosk-managers.json');
  if (!existsSync(file)) {
    console.warn(`kiosk: no ${file}; kiosk mode can only be left by stopping the app's service`);
    return [];
  }
  const loaded = kioskManagers(readFileSync(file, 'utf8'), runtimeConfig.storeCode);
  if (!loaded.ok) console.warn(`kiosk: ${loaded.reason}; the manager exit is off`);
  return loaded.ok ? loaded.managers : [];
}

function serveAppProtocol(): void {
  const csp = contentSecurityPolicy(runtimeConfig);
  protocol.handle(APP_SCHEME, async (request) => {
    const resolved = resolveAppRequest(rendererDir, request.url);
    const headers = { 'content-security-policy': csp };
    if (resolved.kind === 'runtime-config') {
      return new Response(JSON.stringify(runtimeConfig), {
        headers: { ...headers, 'content-type': 'application/json' },
      });
    }
    if (resolved.kind === 'not-found') return new Response('not found', { status: 404 });
    const response = await net.fetch(`file://${resolved.path}`);
    const body = await response.arrayBuffer().catch(() => readFile(resolved.path));
    return new Response(body, {
      headers: { ...headers, 'content-type': response.headers.get('content-type') ?? '' },
    });
  });
}

function createWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 800,
    kiosk,
    fullscreen: kiosk,
    autoHideMenuBar: true,
    webPreferences: secureWebPreferences(join(__dirname, 'preload.cjs')),
  });
  const crashes = createCrashPolicy({ now: Date.now });
  window.webContents.on('render-process-gone', (_event, details) => {
    if (quitting || window.isDestroyed()) return;
    if (crashes.onRendererGone() === 'reload' || !kiosk) {
      console.error(`electron: renderer gone (${details.reason}); reloading`);
      window.reload();
    } else relaunchAfterCrash(`renderer keeps crashing (${details.reason})`);
  });
  if (kiosk) {
    window.webContents.on('before-input-event', (event, input) => {
      if (isBlockedKioskKey(input)) event.preventDefault();
    });
    // Alt+F4 through the window manager, the taskbar's close: only a manager's PIN closes the kiosk.
    window.on('close', (event) => {
      if (!quitting) event.preventDefault();
    });
  }
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = undefined;
  });
  return window;
}

async function ready(): Promise<void> {
  serveAppProtocol();
  session.defaultSession.setPermissionRequestHandler((_wc, permission, callback) =>
    callback(permissionDecision(permission)),
  );
  session.defaultSession.setPermissionCheckHandler((_wc, permission) => permissionDecision(permission));
  if (kiosk) Menu.setApplicationMenu(null);

  const host = superviseHostProcess({
    fork: forkHost,
    onEvent: (event, payload) => sendBridgeEvent(mainWindow?.webContents, event, payload),
  });
  registerBridgeChannels(ipcMain, host.call);
  app.on('will-quit', () => host.stop());

  if (kiosk) {
    const guard = createKioskExitGuard({
      managers: loadKioskManagers(),
      now: Date.now,
      // The lockout survives a relaunch, and every failure is in the log (never the PIN).
      store: fileLockoutStore(join(app.getPath('userData'), 'kiosk-exit-lockout.json')),
      onFailure: (failure) => console.warn(`kiosk: exit refused ${JSON.stringify(failure)}`),
    });
    ipcMain.handle(KIOSK_EXIT_CHANNEL, (event, request: unknown) => {
      const { answer, staffId } = routeKioskExit(event, request, guard);
      if (answer.ok) {
        console.info(`kiosk: left kiosk mode with the PIN of manager ${staffId}`);
        setImmediate(() => app.quit());
      }
      return answer;
    });
  }

  mainWindow = createWindow();
  const url = `${APP_ORIGIN}/${screenSet}`;
  await mainWindow.loadURL(url);
  // The line `npm start` (scripts/lib/service-process.ts) waits for.
  process.stdout.write(`${JSON.stringify({ event: 'ready', service: 'electron', url })}\n`);
  await startUpdates();
}

/** Signed updates from the TILL_UPDATE_URL feed, staged by store (updates.ts, docs/electron.md). */
async function startUpdates(): Promise<void> {
  if (!updateSettings.ok || !updateSettings.settings) return;
  if (!app.isPackaged) {
    console.info('updates: TILL_UPDATE_URL is set, but only an installed till updates itself');
    return;
  }
  // Loaded only here: electron-updater builds its updater for the platform's package on first use.
  const { autoUpdater } = await import('electron-updater');
  const scheduler = scheduleUpdateChecks(autoUpdater, updateSettings.settings, (message) =>
    console.info(message),
  );
  app.on('will-quit', () => scheduler.stop());
}

function run(): void {
  if (configProblems.length > 0) {
    // A configuration error is the installer's to fix: say what, and do not start half-configured.
    const message = configProblems.join('\n');
    console.error(`electron: configuration error:\n${message}`);
    dialog.showErrorBox('Store Till: configuration error', message);
    app.exit(1);
    return;
  }
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
  app.enableSandbox();
  if (kiosk) process.on('uncaughtException', (error) => relaunchAfterCrash(`main process error: ${error}`));

  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event, url) => {
      if (!isAllowedNavigation(url)) event.preventDefault();
    });
    contents.on('will-redirect', (event, url) => {
      if (!isAllowedNavigation(url)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });
  app.on('before-quit', () => {
    quitting = true;
  });
  // The OS service manager (or `npm start` on Ctrl-C) may always stop the
  // app, kiosk or not: a signal is not a customer at the screen.
  for (const signal of ['SIGTERM', 'SIGINT'] as const)
    process.once(signal, () => {
      quitting = true;
      app.quit();
    });
  app.on('window-all-closed', () => app.quit());
  app
    .whenReady()
    .then(ready)
    .catch((error: unknown) => {
      console.error('electron: failed to start', error);
      app.exit(1);
    });
}

// One till app per machine: a second start focuses the running one.
if (app.requestSingleInstanceLock()) run();
else app.quit();
