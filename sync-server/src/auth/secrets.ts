import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

// Pairing codes are typed by a person: no look-alike characters (0/O, 1/I/L).
const PAIRING_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

export function newPairingCode(): string {
  const chars: string[] = [];
  while (chars.length < 12) {
    for (const byte of randomBytes(16)) {
      // Skip bytes past the largest multiple of the alphabet size: no modulo bias.
      if (byte >= 256 - (256 % PAIRING_ALPHABET.length) || chars.length === 12) continue;
      chars.push(PAIRING_ALPHABET[byte % PAIRING_ALPHABET.length] ?? '');
    }
  }
  return `${chars.slice(0, 4).join('')}-${chars.slice(4, 8).join('')}-${chars.slice(8).join('')}`;
}

/** 32 random bytes, base64url: 43 characters. */
export const newCredential = (): string => randomBytes(32).toString('base64url');

export const sha256Hex = (text: string): string => createHash('sha256').update(text).digest('hex');

export function sameHash(a: string, b: string): boolean {
  const left = Buffer.from(a, 'hex');
  const right = Buffer.from(b, 'hex');
  return left.length === right.length && left.length > 0 && timingSafeEqual(left, right);
}
