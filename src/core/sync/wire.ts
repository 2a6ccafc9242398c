import { z } from 'zod';
import { uuidV7Schema } from '../ids';
import { MAX_SEQUENCE, sha256HexSchema } from '../journal/journal-values';
import { receiptNumberSchema, storeCodeSchema, tillCodeSchema } from '../journal/receipt-number';
import { storeSaleSchema } from '../returns/store-sale';
import { textSchema } from '../values/text';
import { MAX_PULL_LIMIT, MAX_PUSH_ROWS, MAX_UPLOAD_ENTRIES } from './protocol';

/** The server's per-(collection, scope) sequence; never a till clock. */
export const checkpointSchema = z.strictObject({ seq: z.number().int().min(0) });
export type Checkpoint = z.infer<typeof checkpointSchema>;

export const pullQuerySchema = z.strictObject({
  checkpoint: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(MAX_PULL_LIMIT).default(1000),
});

/** A document on the wire: the collection's document plus RxDB's tombstone flag. */
export type WireDocument<T> = T & { readonly _deleted: boolean };

export interface PullResponse<T> {
  readonly documents: WireDocument<T>[];
  readonly checkpoint: Checkpoint;
  /** Upper bound of documents still to pull after this page (0 when caught up): for progress only. */
  readonly remaining: number;
}

export const pushRowSchema = z.strictObject({
  assumedMasterState: z.record(z.string(), z.unknown()).nullable().optional(),
  newDocumentState: z.record(z.string(), z.unknown()),
});
export const pushBodySchema = z.array(pushRowSchema).max(MAX_PUSH_ROWS);
export type PushRow = z.infer<typeof pushRowSchema>;

/**
 * The journal upload (docs/sync-protocol.md, 6.1): a till's own entries, in
 * sequence order, each checked as a journal push row would be.
 */
export const journalUploadBodySchema = z.strictObject({
  entries: z.array(z.record(z.string(), z.unknown())).min(1).max(MAX_UPLOAD_ENTRIES),
});

/** What the server did with each entry of an upload. */
export const journalUploadAnswerSchema = z.strictObject({
  /** New entries stored now. */
  stored: z.number().int().min(0),
  /** Entries already stored with the same content: no-ops. */
  unchanged: z.number().int().min(0),
  /** Ids stored with a different content: the stored one is kept, an `entry-rewritten` incident recorded. */
  conflicts: z.array(z.string()),
  /** Incidents recorded by this upload (section 6). */
  incidents: z.number().int().min(0),
});
export type JournalUploadAnswer = z.infer<typeof journalUploadAnswerSchema>;

export const errorBodySchema = z.object({
  error: z.enum([
    'bad-request',
    'unauthenticated',
    'forbidden',
    'not-found',
    'conflict',
    'payload-too-large',
    'upgrade-required',
    'unavailable',
    'internal',
  ]),
  message: z.string(),
  details: z.unknown().optional(),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;

export const pairingCodeSchema = z
  .string()
  .regex(/^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/, 'pairing code: XXXX-XXXX-XXXX');

export const pairingCodeRequestSchema = z.strictObject({
  storeCode: storeCodeSchema,
  tillCode: tillCodeSchema,
  ttlMinutes: z
    .number()
    .int()
    .min(1)
    .max(7 * 24 * 60)
    .default(24 * 60),
});

export const enrolRequestSchema = z.strictObject({
  pairingCode: pairingCodeSchema,
  /** Shown to administrators: one line, no control character, no lone surrogate. */
  deviceName: textSchema('one-line', { min: 1, max: 80 }),
});

/**
 * Where a newly enrolled device's journal starts: after the head the server
 * holds for its till code (sequence 0 and GENESIS_PREV_HASH for a new code).
 * Its first entry has `sequence + 1` and `prevHash`, so receipt numbers stay
 * unique and continuous per till code across replaced devices.
 */
export const journalStartSchema = z.strictObject({
  sequence: z.number().int().min(0).max(MAX_SEQUENCE),
  prevHash: sha256HexSchema,
});
export type JournalStart = z.infer<typeof journalStartSchema>;

export const enrolResponseSchema = z.strictObject({
  tillId: z.string().min(1).max(64),
  storeCode: storeCodeSchema,
  tillCode: tillCodeSchema,
  credential: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
  /** Always sent since migration 006; optional only so identities stored before it still load. */
  journalStart: journalStartSchema.optional(),
});
export type EnrolResponse = z.infer<typeof enrolResponseSchema>;

export const tokenResponseSchema = z.strictObject({
  accessToken: z.string().min(20).max(4096),
  expiresAt: z.iso.datetime(),
});
export type TokenResponse = z.infer<typeof tokenResponseSchema>;

/** What the live stream says: pull these collections again from your checkpoint. */
export const resyncEventSchema = z.strictObject({ collections: z.array(z.string()).min(1) });

/**
 * The collections a live stream can send as deltas (`?deltas=inventory,sales`):
 * the store-scoped ones every sale rewrites and every till of the store reads.
 */
export const DELTA_COLLECTIONS = ['inventory', 'sales'] as const;
export type DeltaCollection = (typeof DELTA_COLLECTIONS)[number];

/** A `delta` event of a stream opened with `?deltas=…` (docs/sync-protocol.md, section 8). */
export const deltaEventSchema = z.strictObject({
  delta: z.strictObject({
    collection: z.enum(DELTA_COLLECTIONS),
    from: z.number().int().min(0),
    to: z.number().int().min(0),
    documents: z.array(z.record(z.string(), z.unknown())),
  }),
});
export type DeltaEvent = z.infer<typeof deltaEventSchema>['delta'];

/** The collections a `?deltas=` query asks for: a comma-separated list; names it does not know are left out. */
export function deltaCollectionsOf(query: unknown): DeltaCollection[] {
  if (typeof query !== 'string') return [];
  const asked = new Set(query.split(','));
  return DELTA_COLLECTIONS.filter((name) => asked.has(name));
}

/** GET /sync/v1/sale-lookup: a sale of the till's store by its receipt number or its sale id (one of them). */
export const saleLookupQuerySchema = z
  .strictObject({ receiptNumber: receiptNumberSchema.optional(), saleId: uuidV7Schema.optional() })
  .refine((q) => (q.receiptNumber === undefined) !== (q.saleId === undefined), {
    message: 'give either receiptNumber or saleId',
  });
export type SaleLookupQuery = z.infer<typeof saleLookupQuerySchema>;

/** The sale as the store's feed would carry it, with what the server has seen returned of it. */
export const saleLookupResponseSchema = z.strictObject({ sale: storeSaleSchema });
