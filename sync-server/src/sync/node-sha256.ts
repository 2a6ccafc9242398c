import { createHash } from 'node:crypto';

/**
 * node:crypto's SHA-256 as lower-case hex, for the server's hash-chain check:
 * the same digest as the core's pure-JS sha256Hex (canonical JSON is always
 * well-formed text, so both hash the same UTF-8 bytes), about ten times faster.
 */
export function nodeSha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
