import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { deviceSetting, parseDeviceConfig, readDeviceConfigFile } from './device-config';

const printer = {
  deviceId: 'printer',
  name: 'Imprimante',
  simulated: false,
  connection: { type: 'tcp', host: '192.168.1.30', port: 9100 },
};
const terminal = {
  protocol: 'zvt',
  deviceId: 'terminal',
  name: 'Terminal CB',
  simulated: false,
  timeoutMs: 120_000,
  connection: { type: 'tcp', host: '192.168.1.31', port: 20007 },
};

describe('device configuration', () => {
  it('reads TILL_DEVICES as none, simulated or a file path', () => {
    expect(deviceSetting('none')).toEqual({ kind: 'none' });
    expect(deviceSetting('')).toEqual({ kind: 'none' });
    expect(deviceSetting(' simulated ')).toEqual({ kind: 'simulated' });
    expect(deviceSetting('/etc/till/devices.json')).toEqual({ kind: 'file', path: '/etc/till/devices.json' });
  });

  it('composes each driver’s own schema, with their defaults', () => {
    const config = parseDeviceConfig({
      printer,
      terminal,
      display: { deviceId: 'display', name: 'Afficheur', simulated: false, path: '/dev/ttyUSB0' },
      scanners: [{ type: 'serial', deviceId: 's1', name: 'Scanner', simulated: false, path: '/dev/ttyACM0' }],
    });
    expect(config.printer).toMatchObject({ deviceId: 'printer', width: 42, model: 'epson' });
    expect(config.terminal).toMatchObject({ protocol: 'zvt', timeoutMs: 120_000 });
    expect(config.display).toMatchObject({ baudRate: 9600 });
    expect(config.scanners).toHaveLength(1);
    expect(parseDeviceConfig({})).toEqual({ scanners: [] });
  });

  it('refuses a bad file with the path of the problem', () => {
    expect(() =>
      parseDeviceConfig({ printer: { ...printer, connection: { type: 'usb' } } }, 'devices.json'),
    ).toThrow(/^devices\.json: printer\.connection/);
    expect(() => parseDeviceConfig({ printers: [] })).toThrow(/Unrecognized key/i);
  });

  it('reads the file, and says which one when it is missing or not JSON', () => {
    const dir = mkdtempSync(join(tmpdir(), 'device-config-'));
    const good = join(dir, 'devices.json');
    writeFileSync(good, JSON.stringify({ terminal }));
    expect(readDeviceConfigFile(good).terminal?.deviceId).toBe('terminal');
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{ printer: ');
    expect(() => readDeviceConfigFile(bad)).toThrow(/bad\.json is not JSON/);
    expect(() => readDeviceConfigFile(join(dir, 'missing.json'))).toThrow(/cannot read .*missing\.json/);
  });
});
