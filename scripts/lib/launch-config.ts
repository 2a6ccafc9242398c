import { existsSync, readFileSync } from 'node:fs';

// Every setting of `npm start`, its environment variable and its default.
// A JSON file (till.config.json, or the path in TILL_CONFIG) may set any of
// them by the same names; the environment wins over the file.
export const SETTINGS = {
  TILL_SYNC_HOST: { default: '127.0.0.1', help: 'address the sync server listens on' },
  TILL_SYNC_PORT: { default: '8787', help: 'sync server port (0 = any free port)' },
  TILL_DATABASE_URL: {
    default: 'pglite:.data/pglite',
    help: 'pglite:<dir>, pglite:memory, or postgres://user@host:5432/db',
  },
  TILL_SEED_DEMO_CATALOG: {
    default: 'true',
    help: 'seed the 2,000+ product demo catalog into an empty database',
  },
  TILL_SYNC_CORS_ORIGINS: { default: '*', help: 'comma-separated origins allowed to call the sync server' },
  TILL_AGENT_HOST: { default: '127.0.0.1', help: 'address of the hardware agent (browser mode)' },
  TILL_AGENT_PORT: { default: '8788', help: 'hardware agent port; it also serves the apps in browser mode' },
  TILL_AGENT_TOKEN: { default: '', help: 'token for the agent WebSocket (random per start when empty)' },
  TILL_ADMIN_TOKEN: {
    default: '',
    help: 'bearer token of the sync server admin API (random per start when empty)',
  },
  TILL_SHOP_API_KEY: {
    default: '',
    help: 'bearer key of the web shop API (order import, kiosk export); off when empty',
  },
  TILL_DEVICES: {
    default: 'simulated',
    help: 'simulated (demo printer, card terminal, pole display, serial scanner), none, or a device file (JSON)',
  },
  TILL_DATA_DIR: {
    default: '.data/hardware',
    help: 'where the hardware host keeps its files (payment journal, print queue)',
  },
  TILL_PRINTER_PAGE_PORT: {
    default: '8790',
    help: 'port of the simulated printer page showing printed receipts (0 = any free port)',
  },
  TILL_STORE_CODE: { default: 'PAR01', help: 'store code (receipt numbers, data scope)' },
  TILL_TILL_CODE: { default: '01', help: 'till code within the store' },
  TILL_APP: { default: 'cashier', help: 'screen set the Electron window opens: cashier, kiosk or pickup' },
  TILL_ELECTRON: {
    default: 'auto',
    help: 'auto = Electron when its binary is (or can be) installed and a display exists; on; off = browser mode',
  },
  TILL_SKIP_BUILD: { default: '0', help: '1 = start from the existing dist/ without rebuilding' },
  TILL_LOG_LEVEL: { default: 'info', help: 'fatal, error, warn, info, debug, trace or silent' },
} as const;

export type SettingName = keyof typeof SETTINGS;
export type LaunchConfig = Record<SettingName, string>;

export function loadLaunchConfig(env: NodeJS.ProcessEnv = process.env): LaunchConfig {
  const file = env.TILL_CONFIG ?? 'till.config.json';
  let fromFile: Record<string, unknown> = {};
  if (existsSync(file)) {
    const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      throw new Error(`${file} must hold a JSON object of settings`);
    }
    fromFile = parsed as Record<string, unknown>;
    const unknown = Object.keys(fromFile).filter((key) => !Object.hasOwn(SETTINGS, key));
    if (unknown.length > 0) throw new Error(`${file}: unknown settings ${unknown.join(', ')}`);
  }
  const config = {} as LaunchConfig;
  for (const name of Object.keys(SETTINGS) as SettingName[]) {
    const value = env[name] ?? fromFile[name] ?? SETTINGS[name].default;
    config[name] = String(value);
  }
  return config;
}
