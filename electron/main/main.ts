import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { app, BrowserWindow, ipcMain, net, protocol, session } from 'electron';
import { configuredDevices } from '../../hardware/agent/configured-devices';
import { contentSecurityPolicy } from '../../src/core/runtime/content-security-policy';
import type { RuntimeConfig } from '../../src/core/runtime/runtime-config';
import { resolveAppRequest } from './app-protocol';
import {
  APP_ORIGIN,
  APP_SCHEME,
  isAllowedNavigation,
  permissionDecision,
  secureWebPreferences,
} from './security';

// Thin main process: windows, the app:// protocol, security, and IPC to the
// hardware host. Domain logic lives in src/core; devices live in hardware/.

const screenSet = process.env.TILL_APP ?? 'cashier';
const kiosk = screenSet === 'kiosk';
const rendererDir = join(__dirname, '..', 'renderer');
const runtimeConfig: RuntimeConfig = {
  syncUrl: process.env.TILL_SYNC_URL ?? 'http://127.0.0.1:8787',
  storeCode: process.env.TILL_STORE_CODE ?? 'PAR01',
  tillCode: process.env.TILL_TILL_CODE ?? '01',
  ...(process.env.TILL_PAIRING_CODES ? { pairingCodes: JSON.parse(process.env.TILL_PAIRING_CODES) } : {}),
};

protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);
app.enableSandbox();

if (!app.requestSingleInstanceLock()) app.quit();

app.on('web-contents-created', (_event, contents) => {
  contents.on('will-navigate', (event, url) => {
    if (!isAllowedNavigation(url)) event.preventDefault();
  });
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
});

async function createWindow(): Promise<void> {
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
  session.defaultSession.setPermissionRequestHandler((_wc, permission, callback) =>
    callback(permissionDecision(permission)),
  );
  session.defaultSession.setPermissionCheckHandler((_wc, permission) => permissionDecision(permission));

  const devices = configuredDevices(process.env.TILL_DEVICES ?? 'simulated');
  // Until the utility-process host lands, main answers status only.
  ipcMain.handle('pos:devices.status', () => ({ ok: true, value: devices }));

  const window = new BrowserWindow({
    width: 1280,
    height: 800,
    kiosk,
    fullscreen: kiosk,
    autoHideMenuBar: true,
    webPreferences: secureWebPreferences(join(__dirname, 'preload.cjs')),
  });
  if (kiosk) {
    // A crashed kiosk renderer comes back by itself instead of showing a dead screen.
    window.webContents.on('render-process-gone', () => window.reload());
  }
  await window.loadURL(`${APP_ORIGIN}/${screenSet}`);
}

app.whenReady().then(createWindow, (error: unknown) => {
  console.error('electron: failed to start', error);
  app.exit(1);
});
app.on('window-all-closed', () => app.quit());
