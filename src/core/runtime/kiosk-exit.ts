import { z } from 'zod';

// The one IPC channel besides the bridge: a manager leaving kiosk mode.
// The renderer sends the typed PIN; the main process checks it against the
// manager PIN hashes of its own local configuration (never against data the
// page sends) and answers with one of these values.

export const KIOSK_EXIT_CHANNEL = 'kiosk:exit';

export const kioskExitRequestSchema = z.strictObject({
  pin: z.string().regex(/^\d{4,8}$/, 'a PIN is 4 to 8 digits'),
});
export type KioskExitRequest = z.infer<typeof kioskExitRequestSchema>;

export const kioskExitAnswerSchema = z.discriminatedUnion('ok', [
  /** The app quits right after sending this. */
  z.strictObject({ ok: z.literal(true) }),
  z.strictObject({
    ok: z.literal(false),
    /**
     * wrong-pin: no active manager has this PIN; locked: too many wrong PINs,
     * try again after `retryAfterMs`; not-configured: this till has no
     * manager PINs, so kiosk mode can only be left by stopping the service.
     */
    reason: z.enum(['wrong-pin', 'locked', 'not-configured', 'forbidden', 'bad-request']),
    retryAfterMs: z.number().int().nonnegative().optional(),
  }),
]);
export type KioskExitAnswer = z.infer<typeof kioskExitAnswerSchema>;

/** What the Electron preload exposes as `window.kioskShell`; absent in browser mode. */
export interface KioskShell {
  /** Sends a typed PIN to the main process; on `{ ok: true }` the app quits. */
  requestExit(pin: string): Promise<KioskExitAnswer>;
}
