import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { displayConfigSchema } from '../display/display-config';
import { terminalConfigSchema } from '../payment/terminal-config';
import { printerConfigSchema } from '../printer/printer-config';
import { scannerConfigSchema } from '../scanners/scanner-config';

// A till's devices in one file: at most one receipt printer (with the drawer
// on its kick-out port), one card terminal, one pole display, and any number
// of HID or serial scanners (keyboard-wedge scanners need no entry: the
// renderer reads them). Each part is its driver's own schema.

export const deviceConfigSchema = z.strictObject({
  printer: printerConfigSchema.optional(),
  terminal: terminalConfigSchema.optional(),
  display: displayConfigSchema.optional(),
  scanners: z.array(scannerConfigSchema).default([]),
});
export type DeviceConfig = z.output<typeof deviceConfigSchema>;
export type DeviceConfigInput = z.input<typeof deviceConfigSchema>;

/** What TILL_DEVICES asks for: no devices, the demo simulators, or a configuration file. */
export type DeviceSetting =
  | { readonly kind: 'none' }
  | { readonly kind: 'simulated' }
  | { readonly kind: 'file'; readonly path: string };

export function deviceSetting(value: string): DeviceSetting {
  const trimmed = value.trim();
  if (trimmed === '' || trimmed === 'none') return { kind: 'none' };
  if (trimmed === 'simulated') return { kind: 'simulated' };
  return { kind: 'file', path: trimmed };
}

/**
 * Reads and checks a device configuration file. A bad file stops the host
 * at start with the reason: a till that silently runs without its printer
 * is worse than one that will not start.
 */
export function readDeviceConfigFile(path: string): DeviceConfig {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new Error(`TILL_DEVICES: cannot read ${path}: ${error instanceof Error ? error.message : error}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(`TILL_DEVICES: ${path} is not JSON: ${error instanceof Error ? error.message : error}`);
  }
  return parseDeviceConfig(json, path);
}

export function parseDeviceConfig(json: unknown, source = 'device configuration'): DeviceConfig {
  const parsed = deviceConfigSchema.safeParse(json);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new Error(
    `${source}: ${issue ? `${issue.path.join('.') || '(root)'}: ${issue.message}` : 'invalid'}`,
  );
}
