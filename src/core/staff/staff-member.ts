import { pbkdf2 } from '@noble/hashes/pbkdf2.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, hexToBytes, utf8ToBytes } from '@noble/hashes/utils.js';
import { z } from 'zod';
import { staffIdSchema, storeCodeSchema } from '../values/identifiers';

// Staff replicate to the tills of their store so a cashier can sign in with
// a PIN while the network is down. The PIN is never stored: a salted PBKDF2
// hash is. A 4-6 digit PIN can be brute-forced from its hash by anyone who
// holds the till's database; the hash only keeps PINs from being read at a
// glance, and the till's disk must be protected like its cash drawer.

export const STAFF_ROLES = ['cashier', 'supervisor', 'manager'] as const;
export const staffRoleSchema = z.enum(STAFF_ROLES);
export type StaffRole = z.infer<typeof staffRoleSchema>;

export const pinHashSchema = z.strictObject({
  algorithm: z.literal('pbkdf2-sha256'),
  iterations: z.number().int().min(1_000).max(10_000_000),
  salt: z.string().regex(/^[0-9a-f]{32}$/),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
});
export type PinHash = z.infer<typeof pinHashSchema>;

export const staffMemberSchema = z.strictObject({
  id: staffIdSchema,
  storeCode: storeCodeSchema,
  displayName: z.string().min(1).max(80),
  role: staffRoleSchema,
  pin: pinHashSchema,
  active: z.boolean(),
});
export type StaffMember = z.infer<typeof staffMemberSchema>;

const PIN = /^\d{4,8}$/;
export const DEFAULT_PIN_ITERATIONS = 60_000;

/** `salt` must be 16 random bytes from the caller (the core has no randomness). */
export function hashPin(pin: string, salt: Uint8Array, iterations = DEFAULT_PIN_ITERATIONS): PinHash {
  if (!PIN.test(pin)) throw new RangeError('a PIN is 4 to 8 digits');
  if (salt.length !== 16) throw new RangeError('PIN salt must be 16 bytes');
  const hash = pbkdf2(sha256, utf8ToBytes(pin), salt, { c: iterations, dkLen: 32 });
  return { algorithm: 'pbkdf2-sha256', iterations, salt: bytesToHex(salt), hash: bytesToHex(hash) };
}

export function verifyPin(pin: string, stored: PinHash): boolean {
  if (!PIN.test(pin)) return false;
  const candidate = pbkdf2(sha256, utf8ToBytes(pin), hexToBytes(stored.salt), {
    c: stored.iterations,
    dkLen: 32,
  });
  // Constant-time compare: a till is not a remote oracle, but it costs nothing.
  const expected = hexToBytes(stored.hash);
  let difference = candidate.length ^ expected.length;
  for (let i = 0; i < candidate.length; i++) difference |= (candidate[i] ?? 0) ^ (expected[i] ?? 0);
  return difference === 0;
}
