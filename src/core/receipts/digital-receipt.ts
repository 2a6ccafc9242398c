import { z } from 'zod';
import { sha256HexSchema, uuidV7Schema } from '../journal/journal-values';

// The address of a sale's digital receipt on the sync server. It is derived
// from the journal entry that sealed the sale: its id, and the first 128 bits
// of its hash, which nobody can guess without the entry itself (the id alone
// is partly a timestamp). The server finds the entry by id and answers only
// when the hash matches, so a receipt can be opened by whoever holds the code
// and by no one else.

export const DIGITAL_RECEIPT_PREFIX = '/receipts/v1/';
const KEY_HEX_DIGITS = 32;

export const digitalReceiptTokenSchema = z
  .string()
  .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}\.[0-9a-f]{32}$/);

export function digitalReceiptToken(entry: { readonly id: string; readonly hash: string }): string {
  uuidV7Schema.parse(entry.id);
  sha256HexSchema.parse(entry.hash);
  return `${entry.id}.${entry.hash.slice(0, KEY_HEX_DIGITS)}`;
}

/** The entry id and hash prefix a token names, or null when it is not a token. */
export function parseDigitalReceiptToken(token: string): { entryId: string; hashPrefix: string } | null {
  if (!digitalReceiptTokenSchema.safeParse(token).success) return null;
  const [entryId = '', hashPrefix = ''] = token.split('.');
  return { entryId, hashPrefix };
}

/** The full URL on a sync server ("http://host:8787" with or without its trailing slash). */
export function digitalReceiptUrl(
  syncUrl: string,
  entry: { readonly id: string; readonly hash: string },
): string {
  return `${syncUrl.replace(/\/+$/, '')}${DIGITAL_RECEIPT_PREFIX}${digitalReceiptToken(entry)}`;
}
