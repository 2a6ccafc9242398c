import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { ok, type Result } from '../result';
import { type CanonicalJsonError, canonicalJson } from './canonical-json';

// The one hash rule of the journal, shared by the till that seals and the
// server that verifies: hash = lower-case hex SHA-256 of the UTF-8 bytes of
// the canonical JSON of the entry without its `hash` member.

export function sha256Hex(text: string): string {
  return bytesToHex(sha256(utf8ToBytes(text)));
}

/**
 * A SHA-256 of text as lower-case hex. The core's own is pure JS; a server
 * may pass its platform's (node:crypto is about ten times faster), which
 * must give the same digest.
 */
export type Sha256Hex = (text: string) => string;

/** Hash of an unsealed entry (an entry object without `hash`). */
export function computeEntryHash(
  unsealed: unknown,
  hashHex: Sha256Hex = sha256Hex,
): Result<string, CanonicalJsonError> {
  const text = canonicalJson(unsealed);
  return text.ok ? ok(hashHex(text.value)) : text;
}

/** The hashed material of a stored entry: every own member except `hash`. */
export function hashedMaterialOf(entry: object): Record<string, unknown> {
  // fromEntries defines own members, so even a "__proto__" member parsed from
  // JSON is kept (an assignment would hit the prototype setter and drop it).
  return Object.fromEntries(Object.entries(entry).filter(([key]) => key !== 'hash'));
}
