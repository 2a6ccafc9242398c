import { z } from 'zod';
import { tillIdentitySchema } from './journal-entry';
import { journalIssueSchema } from './journal-issue';
import { sha256HexSchema } from './journal-values';

// What the verifier reports. The server stores these as incidents and acts on
// the code, so every break is plain data with a schema, and says where it is
// (index in the batch, claimed sequence, entry id) and what was expected.

const sequenceNumber = z.number().int();

const located = {
  /** Position in the array that was verified (0-based). */
  index: z.number().int().nonnegative(),
  /** The sequence the entry claims, null when it has none readable. */
  sequence: sequenceNumber.nullable(),
  entryId: z.string().nullable(),
  /** For people reading the incident; programs read the other fields. */
  message: z.string(),
};

export const chainBreakSchema = z.discriminatedUnion('code', [
  /** The entry is not a well-formed journal entry; nothing else about it is checked. */
  z.strictObject({
    ...located,
    code: z.literal('invalid-entry'),
    expected: z.null(),
    actual: z.null(),
    issues: z.array(journalIssueSchema),
  }),
  /** The entry belongs to another till; it takes no part in this chain's checks. */
  z.strictObject({
    ...located,
    code: z.literal('foreign-till'),
    expected: tillIdentitySchema,
    actual: tillIdentitySchema,
  }),
  /** Sequences missing between the previous entry and this one. */
  z.strictObject({
    ...located,
    code: z.literal('sequence-gap'),
    expected: sequenceNumber,
    actual: sequenceNumber,
    missing: z.strictObject({ from: sequenceNumber, to: sequenceNumber }),
  }),
  /** Another entry (in the batch, or at or before the known head) has this sequence. */
  z.strictObject({
    ...located,
    code: z.literal('sequence-duplicate'),
    expected: sequenceNumber,
    actual: sequenceNumber,
  }),
  /** The entry is in the batch, but not where its sequence says it belongs. */
  z.strictObject({
    ...located,
    code: z.literal('sequence-out-of-order'),
    expected: sequenceNumber,
    actual: sequenceNumber,
  }),
  /** prevHash does not match the hash of the entry before it (expected = that hash). */
  z.strictObject({
    ...located,
    code: z.literal('prev-hash-mismatch'),
    expected: sha256HexSchema,
    actual: sha256HexSchema,
  }),
  /** The content does not hash to the stored hash (expected = recomputed, actual = stored). */
  z.strictObject({
    ...located,
    code: z.literal('hash-mismatch'),
    expected: sha256HexSchema,
    actual: sha256HexSchema,
  }),
]);

export type ChainBreak = z.infer<typeof chainBreakSchema>;
export type ChainBreakCode = ChainBreak['code'];
