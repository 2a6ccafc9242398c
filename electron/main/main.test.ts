import { EventEmitter } from 'node:events';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createDeviceHost, DeviceRegistry } from '../../hardware/host/device-host';
import { serveHostOverPort } from '../../hardware/host/host-process-server';
import { inMemoryHostChannel } from '../../hardware/host/in-memory-host-channel';
import { writeDemoKioskManagers } from '../../scripts/lib/demo-kiosk-managers';
import type { DeviceStatus } from '../../src/core/bridge/device-status';

// main.ts against a fake of the `electron` module: the one part that cannot
// run here. Everything behind it is real: the router, the supervisor, the
// host server and device host (over an in-memory channel instead of a
// utility process), the kiosk policy and the PIN guard.

type Listener = (...args: unknown[]) => unknown;

// What the host's registry holds, as drivers would have reported it: the
// window must get these through the router, whatever drivers produced them.
const DEVICES: DeviceStatus[] = [
  {
    deviceId: 'printer',
    kind: 'printer',
    name: 'Imprimante',
    state: 'disconnected',
    detail: 'Plus de papier dans l’imprimante',
    simulated: true,
  },
  {
    deviceId: 'terminal',
    kind: 'payment-terminal',
    name: 'Terminal CB',
    state: 'connected',
    simulated: true,
  },
];

class FakeWindow extends EventEmitter {
  readonly webContents = Object.assign(new EventEmitter(), {
    sent: [] as unknown[][],
    send(...args: unknown[]) {
      this.sent.push(args);
    },
    isDestroyed: () => false,
  });
  readonly loadURL = vi.fn(async (_url: string) => undefined);
  readonly reload = vi.fn();
  readonly focus = vi.fn();
  readonly restore = vi.fn();
  isDestroyed = () => false;
  isMinimized = () => false;
  constructor(readonly options: Record<string, unknown>) {
    super();
    fake.windows.push(this);
  }
}

function makeFakeElectron(singleInstance = true, packaged = false) {
  const handlers = new Map<string, Listener>();
  const app = Object.assign(new EventEmitter(), {
    isPackaged: packaged,
    requestSingleInstanceLock: () => singleInstance,
    enableSandbox: vi.fn(),
    whenReady: () => Promise.resolve(),
    getPath: () => mkdtempSync(join(tmpdir(), 'till-userdata-')),
    quit: vi.fn(),
    exit: vi.fn(),
    relaunch: vi.fn(),
  });
  const stopHost: Array<() => void> = [];
  return {
    app,
    handlers,
    ipcMain: {
      handle: (channel: string, listener: Listener) => handlers.set(channel, listener),
      removeHandler: (channel: string) => handlers.delete(channel),
    },
    BrowserWindow: FakeWindow,
    Menu: { setApplicationMenu: vi.fn() },
    dialog: { showErrorBox: vi.fn() },
    net: { fetch: vi.fn() },
    protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
    session: {
      defaultSession: { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn() },
    },
    utilityProcess: {
      fork: vi.fn((_path: string, _args?: string[], _options?: { env?: Record<string, string> }) => {
        const { port, child } = inMemoryHostChannel();
        const host = createDeviceHost(new DeviceRegistry(DEVICES));
        serveHostOverPort(port, host);
        stopHost.push(() => void host.close());
        return child;
      }),
    },
    stopHost,
  };
}

const fake = vi.hoisted(() => ({
  electron: undefined as unknown as ReturnType<typeof makeFakeElectron>,
  windows: [] as FakeWindow[],
}));
// The factory runs once; the getters hand each fresh import of main.ts the
// fake of the current test.
vi.mock('electron', () => ({
  get app() {
    return fake.electron.app;
  },
  get BrowserWindow() {
    return fake.electron.BrowserWindow;
  },
  get ipcMain() {
    return fake.electron.ipcMain;
  },
  get Menu() {
    return fake.electron.Menu;
  },
  get dialog() {
    return fake.electron.dialog;
  },
  get net() {
    return fake.electron.net;
  },
  get protocol() {
    return fake.electron.protocol;
  },
  get session() {
    return fake.electron.session;
  },
  get utilityProcess() {
    return fake.electron.utilityProcess;
  },
}));

const ours = { senderFrame: { url: 'app://till/kiosk', parent: null } };
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));
async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 1000 && !condition(); i++) await settle();
  if (!condition()) throw new Error('condition never became true');
}

const watched = ['uncaughtException', 'SIGTERM', 'SIGINT'] as const;
// process's overloads do not take a union of event names; as an EventEmitter it does.
const processEvents: EventEmitter = process;
let listenersBefore: Map<string, ReturnType<EventEmitter['listeners']>>;

async function startMain(env: Record<string, string>, singleInstance = true, packaged = false) {
  vi.resetModules();
  for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
  fake.electron = makeFakeElectron(singleInstance, packaged);
  fake.windows = [];
  listenersBefore = new Map(watched.map((event) => [event, processEvents.listeners(event)]));
  vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  await import('./main');
  return fake.electron;
}

afterEach(() => {
  fake.electron.app.emit('will-quit');
  for (const stop of fake.electron.stopHost) stop();
  for (const event of watched)
    for (const listener of processEvents.listeners(event))
      if (!listenersBefore.get(event)?.includes(listener))
        processEvents.off(event, listener as (...args: unknown[]) => void);
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

const invoke = (
  electron: ReturnType<typeof makeFakeElectron>,
  channel: string,
  event: unknown,
  arg: unknown,
) => {
  const handler = electron.handlers.get(channel);
  if (!handler) throw new Error(`no handler on ${channel}`);
  return handler(event, arg);
};

describe('Electron main process wiring', () => {
  it('opens the screen set in a sandboxed window and serves the bridge from the host process', async () => {
    const electron = await startMain({ TILL_APP: 'cashier' });
    await until(() => fake.windows[0]?.loadURL.mock.calls.length === 1);
    const window = fake.windows[0] as FakeWindow;
    expect(window.loadURL).toHaveBeenCalledWith('app://till/cashier');
    expect(window.options).toMatchObject({
      kiosk: false,
      webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false },
    });
    expect(electron.app.enableSandbox).toHaveBeenCalled();
    expect(electron.utilityProcess.fork).toHaveBeenCalledWith(
      expect.stringMatching(/device-host\.cjs$/),
      [],
      expect.objectContaining({ env: expect.objectContaining({ TILL_DATA_DIR: expect.any(String) }) }),
    );
    expect(electron.handlers.has('kiosk:exit')).toBe(false);

    await until(() => window.webContents.sent.length > 0);
    expect(window.webContents.sent[0]).toEqual(['pos:event', 'device-status', DEVICES[0]]);
    expect(await invoke(electron, 'pos:devices.status', ours, {})).toEqual({
      ok: true,
      value: DEVICES,
    });
    const evil = { senderFrame: { url: 'https://evil.example/', parent: null } };
    expect(await invoke(electron, 'pos:devices.status', evil, {})).toMatchObject({
      error: { code: 'forbidden' },
    });
  });

  it('blocks navigation, new windows, webviews and permissions', async () => {
    const electron = await startMain({ TILL_APP: 'cashier' });
    await until(() => fake.windows.length === 1);
    const contents = Object.assign(new EventEmitter(), { setWindowOpenHandler: vi.fn() });
    electron.app.emit('web-contents-created', {}, contents);
    const navigate = { preventDefault: vi.fn() };
    contents.emit('will-navigate', navigate, 'https://evil.example/');
    contents.emit(
      'will-navigate',
      { preventDefault: () => expect.fail('own page blocked') },
      'app://till/pickup',
    );
    const webview = { preventDefault: vi.fn() };
    contents.emit('will-attach-webview', webview);
    expect(navigate.preventDefault).toHaveBeenCalled();
    expect(webview.preventDefault).toHaveBeenCalled();
    const openHandler = contents.setWindowOpenHandler.mock.calls[0]?.[0] as () => unknown;
    expect(openHandler()).toEqual({ action: 'deny' });
    const check = electron.session.defaultSession.setPermissionCheckHandler.mock.calls[0]?.[0] as Listener;
    expect(check({}, 'media')).toBe(false);
  });

  it('runs the kiosk full screen, swallows escape keys, reloads then relaunches after crashes', async () => {
    const electron = await startMain({ TILL_APP: 'kiosk' });
    await until(() => fake.windows[0]?.loadURL.mock.calls.length === 1);
    const window = fake.windows[0] as FakeWindow;
    expect(window.options).toMatchObject({ kiosk: true, fullscreen: true });
    expect(electron.Menu.setApplicationMenu).toHaveBeenCalledWith(null);

    const key = (input: Record<string, unknown>) => {
      const event = { preventDefault: vi.fn() };
      const base = { type: 'keyDown', code: '', control: false, alt: false, shift: false, meta: false };
      window.webContents.emit('before-input-event', event, { ...base, ...input });
      return event.preventDefault.mock.calls.length > 0;
    };
    expect(key({ key: 'F4', alt: true })).toBe(true);
    expect(key({ key: 'w', control: true })).toBe(true);
    expect(key({ key: '7' })).toBe(false);

    const close = { preventDefault: vi.fn() };
    window.emit('close', close);
    expect(close.preventDefault).toHaveBeenCalled();

    for (let i = 0; i < 3; i++) window.webContents.emit('render-process-gone', {}, { reason: 'crashed' });
    expect(window.reload).toHaveBeenCalledTimes(2);
    expect(electron.app.relaunch).toHaveBeenCalledWith({
      args: expect.arrayContaining([expect.stringMatching(/^--kiosk-relaunch=1:/)]),
    });
    expect(electron.app.exit).toHaveBeenCalledWith(1);
  });

  it("leaves kiosk mode only with a manager's PIN from the local managers file", async () => {
    const file = writeDemoKioskManagers(join(mkdtempSync(join(tmpdir(), 'till-kiosk-')), 'm.json'), 'PAR01');
    const electron = await startMain({
      TILL_APP: 'kiosk',
      TILL_KIOSK_MANAGERS: file,
      TILL_STORE_CODE: 'PAR01',
    });
    await until(() => electron.handlers.has('kiosk:exit'));
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(invoke(electron, 'kiosk:exit', ours, { pin: '1234' })).toEqual({ ok: false, reason: 'wrong-pin' });
    // Every failure is logged, without the PIN.
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/^kiosk: exit refused .*"reason":"wrong-pin"/));
    expect(warn.mock.calls.flat().join(' ')).not.toContain('1234');
    await settle();
    expect(electron.app.quit).not.toHaveBeenCalled();
    expect(invoke(electron, 'kiosk:exit', ours, { pin: '9876' })).toEqual({ ok: true });
    await until(() => electron.app.quit.mock.calls.length === 1);
    // Quitting lets the window close.
    electron.app.emit('before-quit');
    const close = { preventDefault: vi.fn() };
    fake.windows[0]?.emit('close', close);
    expect(close.preventDefault).not.toHaveBeenCalled();
  });

  it('a second instance quits at once and leaves the first one alone', async () => {
    const electron = await startMain({ TILL_APP: 'cashier' }, false);
    await settle();
    expect(electron.app.quit).toHaveBeenCalled();
    expect(fake.windows).toHaveLength(0);
    expect(electron.handlers.size).toBe(0);
    expect(electron.utilityProcess.fork).not.toHaveBeenCalled();
  });

  it('hands the hardware host only the variables it reads: no pairing codes, no managers file', async () => {
    const electron = await startMain({
      TILL_APP: 'cashier',
      TILL_DEVICES: 'none',
      TILL_PAIRING_CODES: '{"cashier":"ABCD-EFGH-JKLM"}',
      TILL_KIOSK_MANAGERS: '/etc/till/kiosk-managers.json',
      TILL_ADMIN_TOKEN: 'not-for-the-host',
    });
    await until(() => electron.utilityProcess.fork.mock.calls.length === 1);
    const options = electron.utilityProcess.fork.mock.calls[0]?.[2] as unknown as {
      env: Record<string, string>;
    };
    expect(options.env.TILL_DEVICES).toBe('none');
    expect(
      Object.keys(options.env)
        .filter((name) => name.startsWith('TILL_'))
        .sort(),
    ).toEqual(['TILL_DATA_DIR', 'TILL_DEVICES']);
    expect(options.env).not.toHaveProperty('HOME');
  });

  it('a packaged till without a device configuration gets no devices, not the simulators', async () => {
    vi.stubEnv('TILL_DEVICES', undefined);
    const electron = await startMain({ TILL_APP: 'cashier' }, true, true);
    await until(() => electron.utilityProcess.fork.mock.calls.length === 1);
    const options = electron.utilityProcess.fork.mock.calls[0]?.[2] as unknown as {
      env: Record<string, string>;
    };
    expect(options.env.TILL_DEVICES).toBe('none');
  });

  it('refuses to start with a plain-http sync URL to another host, and says why', async () => {
    const electron = await startMain({ TILL_APP: 'cashier', TILL_SYNC_URL: 'http://sync.example.fr' });
    await until(() => electron.app.exit.mock.calls.length === 1);
    expect(electron.app.exit).toHaveBeenCalledWith(1);
    expect(electron.dialog.showErrorBox).toHaveBeenCalledWith(
      expect.stringMatching(/configuration/i),
      expect.stringMatching(/TILL_SYNC_URL: the sync URL "http:\/\/sync\.example\.fr" uses plain http/),
    );
    expect(fake.windows).toHaveLength(0);
    expect(electron.utilityProcess.fork).not.toHaveBeenCalled();
  });

  it('refuses to start with a plain-http update feed to another host', async () => {
    const electron = await startMain({
      TILL_APP: 'cashier',
      TILL_UPDATE_URL: 'http://updates.example.fr/till',
    });
    await until(() => electron.app.exit.mock.calls.length === 1);
    expect(electron.dialog.showErrorBox).toHaveBeenCalledWith(
      expect.any(String),
      expect.stringMatching(/^TILL_UPDATE_URL: the update feed URL .* plain http/),
    );
    expect(fake.windows).toHaveLength(0);
  });
});
