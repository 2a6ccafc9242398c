import { afterEach, describe, expect, it, vi } from 'vitest';
import { printerConfigSchema } from './printer-config';

const base = { deviceId: 'printer-1', name: 'Caisse 1', connection: { type: 'tcp', host: '192.168.1.50' } };

describe('printerConfigSchema', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it('looks for receipt logos where the host says (TILL_LOGO_DIR), else in the project assets', () => {
    vi.stubEnv('TILL_LOGO_DIR', '');
    expect(printerConfigSchema.parse(base).logoDir).toBe('assets/logos');
    vi.stubEnv('TILL_LOGO_DIR', '/opt/Store Till/resources/logos');
    expect(printerConfigSchema.parse(base).logoDir).toBe('/opt/Store Till/resources/logos');
    expect(printerConfigSchema.parse({ ...base, logoDir: '/srv/logos' }).logoDir).toBe('/srv/logos');
  });

  it('defaults to an Epson on port 9100 printing WPC1252 as code page 16', () => {
    expect(printerConfigSchema.parse(base)).toMatchObject({
      model: 'epson',
      connection: { type: 'tcp', host: '192.168.1.50', port: 9100 },
      charset: 'windows-1252',
      codePage: 16,
      width: 42,
      simulated: false,
    });
  });

  it('picks the code page number by model and charset, and keeps one given for a clone', () => {
    expect(printerConfigSchema.parse({ ...base, model: 'star' }).codePage).toBe(32);
    expect(printerConfigSchema.parse({ ...base, charset: 'iso-8859-15' }).codePage).toBe(40);
    expect(printerConfigSchema.parse({ ...base, codePage: 47 }).codePage).toBe(47);
  });

  it('asks for the number when it is not known (ISO-8859-15 on Star)', () => {
    const parsed = printerConfigSchema.safeParse({ ...base, model: 'star', charset: 'iso-8859-15' });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual(['codePage']);
  });

  it('takes serial and device-file connections', () => {
    expect(
      printerConfigSchema.parse({ ...base, connection: { type: 'serial', path: '/dev/ttyUSB0' } }).connection,
    ).toEqual({ type: 'serial', path: '/dev/ttyUSB0', baudRate: 19200 });
    expect(
      printerConfigSchema.parse({ ...base, connection: { type: 'file', path: '/dev/usb/lp0' } }).connection,
    ).toEqual({ type: 'file', path: '/dev/usb/lp0' });
  });

  it('keeps the device id short enough for the drawer’s id', () => {
    expect(printerConfigSchema.safeParse({ ...base, deviceId: 'p'.repeat(58) }).success).toBe(false);
  });
});
