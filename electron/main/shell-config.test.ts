import { describe, expect, it } from 'vitest';
import { deviceHostEnv, deviceSettingFor, runtimeConfigFromEnv, type ShellPlace } from './shell-config';

const installed: ShellPlace = {
  packaged: true,
  userData: '/home/till/.config/Store Till',
  resourcesPath: '/opt/Store Till/resources',
  exists: () => false,
};
const developer: ShellPlace = { ...installed, packaged: false };

describe('devices of the hardware host', () => {
  it('an installed till without TILL_DEVICES or a device file has no devices, never simulators', () => {
    expect(deviceSettingFor({}, installed)).toBe('none');
    expect(deviceSettingFor({ TILL_DEVICES: ' ' }, installed)).toBe('none');
  });

  it('an installed till reads its device file in user data, and TILL_DEVICES wins over it', () => {
    const withFile = {
      ...installed,
      exists: (path: string) => path === '/home/till/.config/Store Till/devices.json',
    };
    expect(deviceSettingFor({}, withFile)).toBe('/home/till/.config/Store Till/devices.json');
    expect(deviceSettingFor({ TILL_DEVICES: '/etc/till/devices.json' }, withFile)).toBe(
      '/etc/till/devices.json',
    );
  });

  it("a developer's unpackaged run keeps the simulators by default", () => {
    expect(deviceSettingFor({}, developer)).toBe('simulated');
  });
});

describe('environment of the hardware host process', () => {
  const everything = {
    PATH: '/usr/bin',
    TZ: 'Europe/Paris',
    TILL_PAIRING_CODES: '{"cashier":"ABCD-EFGH"}',
    TILL_KIOSK_MANAGERS: '/etc/till/kiosk-managers.json',
    TILL_ADMIN_TOKEN: 'secret',
    TILL_SYNC_URL: 'https://sync.example.fr',
    HOME: '/home/till',
    TILL_DEVICES: '/etc/till/devices.json',
  };

  it('holds only the variables the host reads', () => {
    expect(deviceHostEnv(everything, installed)).toEqual({
      TILL_DEVICES: '/etc/till/devices.json',
      TILL_DATA_DIR: '/home/till/.config/Store Till/hardware',
      TILL_LOGO_DIR: '/opt/Store Till/resources/logos',
      PATH: '/usr/bin',
      TZ: 'Europe/Paris',
    });
  });

  it('points at the packaged logos only when packaged', () => {
    expect(deviceHostEnv({}, developer)).toEqual({
      TILL_DEVICES: 'simulated',
      TILL_DATA_DIR: '/home/till/.config/Store Till/hardware',
    });
  });
});

describe('runtime config from the environment', () => {
  it('refuses plain http to another host, naming the setting', () => {
    const result = runtimeConfigFromEnv({ TILL_SYNC_URL: 'http://sync.example.fr' });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems[0]).toMatch(
      /^TILL_SYNC_URL: the sync URL "http:\/\/sync\.example\.fr" uses plain http/,
    );
  });

  it('takes https, loopback http, and the demo pairing codes', () => {
    expect(
      runtimeConfigFromEnv({ TILL_SYNC_URL: 'https://sync.example.fr', TILL_STORE_CODE: 'LYO01' }),
    ).toEqual({
      ok: true,
      runtimeConfig: { syncUrl: 'https://sync.example.fr', storeCode: 'LYO01', tillCode: '01' },
    });
    expect(runtimeConfigFromEnv({})).toMatchObject({
      ok: true,
      runtimeConfig: { syncUrl: 'http://127.0.0.1:8787' },
    });
    expect(runtimeConfigFromEnv({ TILL_PAIRING_CODES: '{' })).toEqual({
      ok: false,
      problems: ['TILL_PAIRING_CODES is not JSON'],
    });
  });
});
