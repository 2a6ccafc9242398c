import { z } from 'zod';
import { opaqueIdSchema, tillCodeSchema } from '../values/identifiers';

// The public keys of a store's devices (tills and kiosks), as the server
// distributes them in the store settings. A device holds its own Ed25519
// private key and registers the public half with the server once enrolled
// (PUT /sync/v1/device-key); a kiosk signs the tickets it prints with it, and
// every till of the store checks a ticket against this list with no network
// (docs/kiosk-tickets.md). A revoked device's key leaves the list.

export const deviceKeySchema = z.strictObject({
  /** The device's till id, as enrolled: a ticket names its signer by it. */
  tillId: opaqueIdSchema,
  tillCode: tillCodeSchema,
  kty: z.literal('OKP'),
  crv: z.literal('Ed25519'),
  /** The 32-byte public key, base64url without padding (JWK `x`). */
  x: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
});
export type DeviceKey = z.infer<typeof deviceKeySchema>;

export const MAX_DEVICE_KEYS = 500;
export const deviceKeysSchema = z.array(deviceKeySchema).max(MAX_DEVICE_KEYS);

/** The key `tillId` signs with, if the store knows one. */
export function deviceKeyOf(keys: readonly DeviceKey[] | undefined, tillId: string): DeviceKey | undefined {
  return keys?.find((key) => key.tillId === tillId);
}

/** What a device sends to register its public key (PUT /sync/v1/device-key): a public Ed25519 JWK. */
export const deviceKeyRequestSchema = z.strictObject({
  kty: z.literal('OKP'),
  crv: z.literal('Ed25519'),
  x: deviceKeySchema.shape.x,
});
export type DeviceKeyRequest = z.infer<typeof deviceKeyRequestSchema>;
