import { join } from 'node:path';
import { type RuntimeConfig, runtimeConfigSchema } from '../../src/core/runtime/runtime-config';

// What the main process reads from its environment, checked before any
// window opens: the renderer's runtime config (a plain-http sync URL to
// another host is refused), which devices the hardware host drives, and the
// few variables the host process gets.

/** Where this app runs: Electron's answers, passed in so this is tested without Electron. */
export interface ShellPlace {
  /** app.isPackaged: an installed till, not a developer's or `npm start`'s run. */
  readonly packaged: boolean;
  /** app.getPath('userData') */
  readonly userData: string;
  /** process.resourcesPath (packaged only) */
  readonly resourcesPath: string;
  readonly exists: (path: string) => boolean;
}

export type ShellConfigResult =
  | { readonly ok: true; readonly runtimeConfig: RuntimeConfig }
  | { readonly ok: false; readonly problems: readonly string[] };

export function runtimeConfigFromEnv(env: NodeJS.ProcessEnv): ShellConfigResult {
  let pairingCodes: unknown;
  try {
    pairingCodes = env.TILL_PAIRING_CODES ? JSON.parse(env.TILL_PAIRING_CODES) : undefined;
  } catch {
    return { ok: false, problems: ['TILL_PAIRING_CODES is not JSON'] };
  }
  const parsed = runtimeConfigSchema.safeParse({
    syncUrl: env.TILL_SYNC_URL ?? 'http://127.0.0.1:8787',
    storeCode: env.TILL_STORE_CODE ?? 'PAR01',
    tillCode: env.TILL_TILL_CODE ?? '01',
    ...(pairingCodes === undefined ? {} : { pairingCodes }),
  });
  if (parsed.success) return { ok: true, runtimeConfig: parsed.data };
  const names: Record<string, string> = {
    syncUrl: 'TILL_SYNC_URL',
    storeCode: 'TILL_STORE_CODE',
    tillCode: 'TILL_TILL_CODE',
    pairingCodes: 'TILL_PAIRING_CODES',
  };
  return {
    ok: false,
    problems: parsed.error.issues.map((issue) => {
      const key = String(issue.path[0] ?? '');
      return `${names[key] ?? key}: ${issue.message}`;
    }),
  };
}

/** The device file an installed till reads when TILL_DEVICES is not set. */
export const devicesFileIn = (userData: string) => join(userData, 'devices.json');

/**
 * TILL_DEVICES for the hardware host. Set: as given. Unset: the till's
 * device file in its user data if there is one; otherwise an installed till
 * has no devices (and says so on screen), while a developer's unpackaged
 * run gets the simulators. Simulators are never a packaged till's default:
 * the simulated card terminal approves every payment.
 */
export function deviceSettingFor(env: NodeJS.ProcessEnv, place: ShellPlace): string {
  const set = env.TILL_DEVICES?.trim();
  if (set) return set;
  const file = devicesFileIn(place.userData);
  if (place.exists(file)) return file;
  return place.packaged ? 'none' : 'simulated';
}

/**
 * Variables the host process inherits from this one because it uses them:
 * PATH (the simulators spawn socat), the time zone and locale (timestamps in
 * the payment journal and print queue). Everything else stays in main:
 * pairing codes, the kiosk managers file, tokens.
 */
const INHERITED = ['PATH', 'TZ', 'LANG', 'LC_ALL', 'SystemRoot', 'TEMP', 'TMP'] as const;

/** The complete environment of the hardware utility process: only what it reads. */
export function deviceHostEnv(env: NodeJS.ProcessEnv, place: ShellPlace): Record<string, string> {
  const hostEnv: Record<string, string> = {
    TILL_DEVICES: deviceSettingFor(env, place),
    TILL_DATA_DIR: join(place.userData, 'hardware'),
  };
  // Receipt logos: packaged, they sit in resources/logos (electron-builder's extraResources).
  if (place.packaged) hostEnv.TILL_LOGO_DIR = join(place.resourcesPath, 'logos');
  for (const name of INHERITED) {
    const value = env[name];
    if (value !== undefined) hostEnv[name] = value;
  }
  return hostEnv;
}
