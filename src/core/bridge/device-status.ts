import { z } from 'zod';

// Device status is a small state machine shown to the cashier at all times:
// connecting -> connected <-> degraded (e.g. paper near end) -> disconnected.
// 'not-configured': the till has no such device in its configuration (a
// packaged till starts with none), shown until one is configured.

export const deviceKindSchema = z.enum([
  'scanner',
  'printer',
  'drawer',
  'payment-terminal',
  'customer-display',
]);
export type DeviceKind = z.infer<typeof deviceKindSchema>;

export const deviceStateSchema = z.enum([
  'connecting',
  'connected',
  'degraded',
  'disconnected',
  'not-configured',
]);
export type DeviceState = z.infer<typeof deviceStateSchema>;

export const deviceStatusSchema = z.object({
  deviceId: z.string().min(1).max(64),
  kind: deviceKindSchema,
  name: z.string().min(1).max(120),
  state: deviceStateSchema,
  /** Why the device is degraded or disconnected, in words a cashier understands. */
  detail: z.string().max(200).optional(),
  /** True when a simulator stands in for the device (demo and tests). */
  simulated: z.boolean(),
});
export type DeviceStatus = z.infer<typeof deviceStatusSchema>;
