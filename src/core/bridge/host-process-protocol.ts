import { z } from 'zod';
import { bridgeErrorSchema } from './bridge-error';
import { deviceStatusSchema } from './device-status';

// Messages between Electron's main process and the hardware host running in
// a utility process (process.parentPort <-> UtilityProcess). Structured
// clone carries them, but both ends still parse every message: a host of
// another build, or a driver bug that posts junk, must fail as a typed error
// and never reach the window. Methods and event payloads are those of
// `bridge-methods.ts`, checked by the receiver against those tables.

const messageId = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);

/** Main -> host: one bridge call. `id` is echoed by exactly one response. */
export const hostRequestSchema = z.strictObject({
  type: z.literal('request'),
  id: messageId,
  method: z.string().min(1).max(64),
  params: z.unknown(),
});
export type HostRequest = z.infer<typeof hostRequestSchema>;

/** Host -> main: the answer to a request, a Result as the bridge returns it. */
export const hostResponseSchema = z.strictObject({
  type: z.literal('response'),
  id: messageId,
  result: z.discriminatedUnion('ok', [
    z.strictObject({ ok: z.literal(true), value: z.unknown() }),
    z.strictObject({ ok: z.literal(false), error: bridgeErrorSchema }),
  ]),
});
export type HostResponse = z.infer<typeof hostResponseSchema>;

/** Host -> main: a bridge event (device status, scan, payment progress). */
export const hostEventSchema = z.strictObject({
  type: z.literal('event'),
  event: z.string().min(1).max(64),
  payload: z.unknown(),
});
export type HostEvent = z.infer<typeof hostEventSchema>;

/** Host -> main, once after start: the host serves calls, and these are its devices. */
export const hostReadySchema = z.strictObject({
  type: z.literal('ready'),
  devices: z.array(deviceStatusSchema),
});
export type HostReady = z.infer<typeof hostReadySchema>;

export const hostMessageSchema = z.discriminatedUnion('type', [
  hostResponseSchema,
  hostEventSchema,
  hostReadySchema,
]);
export type HostMessage = z.infer<typeof hostMessageSchema>;
