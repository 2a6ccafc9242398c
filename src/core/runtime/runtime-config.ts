import { z } from 'zod';
import { pairingCodeSchema } from '../sync/wire';
import { storeCodeSchema, tillCodeSchema } from '../values/identifiers';
import { syncUrlSchema } from './sync-url';

// What the renderer needs to know about where it runs. The host (the
// hardware agent in browser mode, the app:// protocol in Electron) serves it
// as /runtime-config.json, so one build runs in every store.

export const runtimeConfigSchema = z.object({
  /** Base URL of the sync server: https, or http only to this machine (e.g. http://127.0.0.1:8787). */
  syncUrl: syncUrlSchema,
  /** WebSocket URL of the local hardware agent; absent under Electron. */
  agentUrl: z.url().optional(),
  /** Token the agent requires on its WebSocket; served same-origin only. */
  agentToken: z.string().min(16).max(200).optional(),
  storeCode: storeCodeSchema,
  tillCode: tillCodeSchema,
  /**
   * One-time pairing codes for screen sets that are not enrolled yet (the
   * demo store issues them at start). A screen set already enrolled ignores them.
   */
  pairingCodes: z
    .strictObject({
      cashier: pairingCodeSchema.optional(),
      kiosk: pairingCodeSchema.optional(),
      pickup: pairingCodeSchema.optional(),
    })
    .optional(),
});
export type RuntimeConfig = z.infer<typeof runtimeConfigSchema>;
