import { z } from 'zod';
import { instantSchema } from '../values/instant';
import { opaqueIdSchema, sequenceSchema, sha256HexSchema, uuidV7Schema } from './journal-values';
import { type JournalKind, journalPayloadSchemas, RECEIPTED_KINDS } from './payload-registry';
import { formatReceiptNumber, storeCodeSchema, tillCodeSchema } from './receipt-number';

// The envelope every journal entry travels in. `hash` seals everything else,
// including `prevHash`, which is what chains the entries: changing any entry
// changes its hash and so breaks the link from the next one.
//
// All objects are strict and no schema transforms its input: the value a
// parse returns is exactly the value that was hashed, and a field the schema
// does not know cannot hide in the hashed material.

export type DeepReadonly<T> = T extends (infer U)[]
  ? readonly DeepReadonly<U>[]
  : T extends object
    ? { readonly [K in keyof T]: DeepReadonly<T[K]> }
    : T;

export const tillIdentitySchema = z.strictObject({
  storeCode: storeCodeSchema,
  tillCode: tillCodeSchema,
  /** The till's registration id; codes can be reassigned, this cannot. */
  tillId: opaqueIdSchema,
});
export type TillIdentity = z.infer<typeof tillIdentitySchema>;

const unsealedShape = {
  /** UUIDv7 minted by the till: unique without a network. */
  id: uuidV7Schema,
  ...tillIdentitySchema.shape,
  /** 1-based, per till, no gaps: the only order the journal trusts. */
  sequence: sequenceSchema,
  /** The till's clock at the time of recording. Informational: clocks drift and get set wrong. */
  recordedAt: instantSchema,
  /** `hash` of the previous entry of this till; GENESIS_PREV_HASH for sequence 1. */
  prevHash: sha256HexSchema,
};

function unsealedOf<K extends JournalKind>(kind: K) {
  return z.strictObject({ ...unsealedShape, kind: z.literal(kind), payload: journalPayloadSchemas[kind] });
}

function sealedOf<K extends JournalKind>(kind: K) {
  return unsealedOf(kind).extend({ hash: sha256HexSchema });
}

/** An entry before its hash is computed: exactly the material the hash covers. */
export const unsealedJournalEntrySchema = z.discriminatedUnion('kind', [
  unsealedOf('sale.completed'),
  unsealedOf('return.completed'),
  unsealedOf('cash.movement'),
  unsealedOf('shift.opened'),
  unsealedOf('shift.closed'),
  unsealedOf('order.handover'),
  unsealedOf('manager.approval'),
  unsealedOf('kiosk-order.placed'),
  unsealedOf('receipt.reprinted'),
  unsealedOf('staff.locked-out'),
  unsealedOf('drawer.no-sale'),
  unsealedOf('pickup.code-refused'),
]);
export type UnsealedJournalEntry = DeepReadonly<z.infer<typeof unsealedJournalEntrySchema>>;

export const journalEntrySchema = z.discriminatedUnion('kind', [
  sealedOf('sale.completed'),
  sealedOf('return.completed'),
  sealedOf('cash.movement'),
  sealedOf('shift.opened'),
  sealedOf('shift.closed'),
  sealedOf('order.handover'),
  sealedOf('manager.approval'),
  sealedOf('kiosk-order.placed'),
  sealedOf('receipt.reprinted'),
  sealedOf('staff.locked-out'),
  sealedOf('drawer.no-sale'),
  sealedOf('pickup.code-refused'),
]);
/** A sealed entry: `hash` = SHA-256 of the canonical JSON of all other fields. */
export type JournalEntry = DeepReadonly<z.infer<typeof journalEntrySchema>>;
export type JournalEntryOf<K extends JournalKind> = Extract<JournalEntry, { readonly kind: K }>;

/** Where a chain stands: what the next entry must continue from. */
export const chainHeadSchema = z.strictObject({ sequence: sequenceSchema, hash: sha256HexSchema });
export type ChainHead = z.infer<typeof chainHeadSchema>;

const receipted: ReadonlySet<JournalKind> = new Set(RECEIPTED_KINDS);

/**
 * The printed receipt number of a sale or return, null for other kinds. It is
 * derived, not stored: store code, till code and sequence are all sealed by the
 * hash, so the number on paper is bound to the chain without a field that
 * could disagree with them.
 */
export function receiptNumberOf(
  entry: Pick<JournalEntry, 'kind' | 'storeCode' | 'tillCode' | 'sequence'>,
): string | null {
  if (!receipted.has(entry.kind)) return null;
  return formatReceiptNumber({
    storeCode: entry.storeCode,
    tillCode: entry.tillCode,
    sequence: entry.sequence,
  });
}
