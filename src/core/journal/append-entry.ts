import { z } from 'zod';
import { err, ok, type Result } from '../result';
import { type CanonicalJsonError, canonicalJson } from './canonical-json';
import { sha256Hex } from './entry-hash';
import {
  type ChainHead,
  chainHeadSchema,
  type DeepReadonly,
  type JournalEntry,
  journalEntrySchema,
  receiptNumberOf,
  type TillIdentity,
  tillIdentitySchema,
  unsealedJournalEntrySchema,
} from './journal-entry';
import { type JournalIssue, journalIssuesOf } from './journal-issue';
import { GENESIS_PREV_HASH } from './journal-values';
import {
  JOURNAL_KINDS,
  type JournalKind,
  type JournalPayload,
  journalPayloadSchemas,
} from './payload-registry';

// Sealing one new entry onto a till's chain. Pure: the caller persists the
// result and only then treats it as the new head, so a failed write never
// leaves a hole in the sequence.

/** What the till decides; sequence, prevHash and hash are the journal's to set. */
export type JournalDraft = {
  [K in JournalKind]: {
    readonly kind: K;
    readonly payload: DeepReadonly<JournalPayload<K>>;
    /** UUIDv7 minted by the till. */
    readonly id: string;
    /** ISO-8601 with offset, from the till clock. */
    readonly recordedAt: string;
  };
}[JournalKind];

export type AppendedEntry = {
  readonly entry: JournalEntry;
  /** STORE-TILL-000123 for sales and returns, to print; null for other kinds. */
  readonly receiptNumber: string | null;
};

export type AppendError =
  | { readonly code: 'unknown-kind'; readonly kind: unknown }
  | { readonly code: 'invalid-payload'; readonly issues: readonly JournalIssue[] }
  | { readonly code: 'invalid-till'; readonly issues: readonly JournalIssue[] }
  | { readonly code: 'invalid-head'; readonly issues: readonly JournalIssue[] }
  /** id, recordedAt, or a sequence past MAX_SEQUENCE. */
  | { readonly code: 'invalid-entry'; readonly issues: readonly JournalIssue[] }
  | { readonly code: 'not-canonical'; readonly error: CanonicalJsonError };

const kindSchema = z.enum(JOURNAL_KINDS);

export function appendEntry(
  head: ChainHead | null,
  draft: JournalDraft,
  till: TillIdentity,
): Result<AppendedEntry, AppendError> {
  // The payload is checked first and on its own, so the error points at the
  // payload fields rather than at a mismatch among seven envelope variants.
  const kind = kindSchema.safeParse(draft.kind);
  if (!kind.success) return err({ code: 'unknown-kind', kind: draft.kind });
  const payload = journalPayloadSchemas[kind.data].safeParse(draft.payload);
  if (!payload.success)
    return err({ code: 'invalid-payload', issues: journalIssuesOf(payload.error, 'payload') });
  const tillCheck = tillIdentitySchema.safeParse(till);
  if (!tillCheck.success) return err({ code: 'invalid-till', issues: journalIssuesOf(tillCheck.error) });
  // Only sequence and hash are read, so the previous entry itself can serve as the head.
  const headCheck = chainHeadSchema
    .nullable()
    .safeParse(head && { sequence: head.sequence, hash: head.hash });
  if (!headCheck.success) return err({ code: 'invalid-head', issues: journalIssuesOf(headCheck.error) });
  const previous = headCheck.data;

  const material = {
    id: draft.id,
    storeCode: till.storeCode,
    tillCode: till.tillCode,
    tillId: till.tillId,
    sequence: previous === null ? 1 : previous.sequence + 1,
    kind: draft.kind,
    recordedAt: draft.recordedAt,
    payload: draft.payload,
    prevHash: previous === null ? GENESIS_PREV_HASH : previous.hash,
  };
  const unsealed = unsealedJournalEntrySchema.safeParse(material);
  if (!unsealed.success) return err({ code: 'invalid-entry', issues: journalIssuesOf(unsealed.error) });

  // The caller's material is encoded, not zod's output: the hash must cover
  // exactly what was handed in, whatever a schema might have dropped.
  const text = canonicalJson(material);
  if (!text.ok) return err({ code: 'not-canonical', error: text.error });

  // Rebuilt from the hashed text rather than from the caller's objects: the
  // stored entry is then exactly what was hashed and shares no reference the
  // caller could still mutate.
  const decoded: unknown = JSON.parse(text.value);
  const hashed = typeof decoded === 'object' && decoded !== null ? decoded : {};
  const sealed = journalEntrySchema.safeParse({ ...hashed, hash: sha256Hex(text.value) });
  if (!sealed.success) return err({ code: 'invalid-entry', issues: journalIssuesOf(sealed.error) });

  deepFreeze(sealed.data);
  return ok(Object.freeze({ entry: sealed.data, receiptNumber: receiptNumberOf(sealed.data) }));
}

function deepFreeze(value: unknown): void {
  if (typeof value !== 'object' || value === null) return;
  for (const member of Object.values(value)) deepFreeze(member);
  Object.freeze(value);
}
