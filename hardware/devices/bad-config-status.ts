import type { z } from 'zod';
import type { DeviceKind } from '../../src/core/bridge/device-status';
import type { DeviceContext } from '../host/device-drivers';

// A device whose configuration does not pass its schema still shows up on
// the till, disconnected with the reason, instead of the factory throwing
// and taking the other devices down with it.

const text = (value: unknown, fallback: string, max: number): string =>
  typeof value === 'string' && value.length > 0 ? value.slice(0, max) : fallback;

export function reportBadConfig(
  input: unknown,
  kind: DeviceKind,
  error: z.ZodError,
  context: DeviceContext,
): string {
  const fields = (typeof input === 'object' && input !== null ? input : {}) as Record<string, unknown>;
  const issue = error.issues[0];
  const detail = `configuration error: ${issue ? `${issue.path.join('.') || 'config'}: ${issue.message}` : 'invalid'}`;
  context.log('device configuration rejected', { kind, issues: error.issues });
  context.reportStatus({
    deviceId: text(fields.deviceId, kind, 64),
    kind,
    name: text(fields.name, kind, 120),
    simulated: fields.simulated === true,
    state: 'disconnected',
    detail: detail.slice(0, 200),
  });
  return detail;
}
