import { type CanonicalJsonError, canonicalJson } from '../../../src/core/journal/canonical-json';
import { computeEntryHash, hashedMaterialOf } from '../../../src/core/journal/entry-hash';
import type { JournalEntry } from '../../../src/core/journal/journal-entry';
import { kioskOrderOwnerIssue } from '../../../src/core/journal/kiosk-order-payload';
import type { ClickCollectOrder } from '../../../src/core/orders/click-collect-order';
import { mergeHandovers } from '../../../src/core/orders/merge-handovers';
import { err, type Result } from '../../../src/core/result';
import { SYNC_COLLECTIONS, type SyncCollectionName, scopeKeyOf } from '../../../src/core/sync/collections';
import { pushBodySchema } from '../../../src/core/sync/wire';
import type { TillPrincipal } from '../auth/access-token';
import type { Database } from '../db/database';
import { badRequest, forbidden, issueDetails } from '../http/errors';
import {
  type DocumentWrite,
  lockScope,
  readDocuments,
  type StoredDocument,
  writeDocuments,
} from './document-store';
import {
  type Arrival,
  type Incident,
  judgeJournalArrival,
  readJournalPushContext,
  storeJournalPush,
} from './journal-arrival';
import { nodeSha256Hex } from './node-sha256';
import { sameDocument, withoutDeletedFlag } from './same-document';

export interface PushHooks {
  /**
   * Queue the journal entries stored for the first time (not held) for the
   * projector, in the push's own write (docs/projections.md, "The projector").
   */
  readonly queueProjections?: boolean;
}

export interface PushResult {
  /** The server's state of each conflicting row, as the protocol answers. */
  readonly conflicts: Record<string, unknown>[];
  readonly written: number;
  readonly incidents: readonly Incident[];
}

interface CheckedRow {
  readonly id: string;
  readonly doc: Record<string, unknown>;
  readonly assumed: Record<string, unknown> | null;
  /** A journal entry's content digest, computed while checking its canonical JSON. */
  readonly computedHash: string | undefined;
}

/**
 * RxDB push with conflict detection (docs/sync-protocol.md section 6). The
 * whole body is validated before anything is written: one bad row rejects
 * the request and nothing is stored.
 */
export async function handlePush(
  db: Database,
  collection: SyncCollectionName,
  till: TillPrincipal,
  body: unknown,
  hooks: PushHooks = {},
): Promise<PushResult> {
  const definition = SYNC_COLLECTIONS[collection];
  if (definition.push === 'none')
    throw forbidden(`${collection} is owned by the server: tills cannot push it`);
  const scope = definition.scope === 'till' ? till.tillId : till.storeCode;
  const rows = validateRows(collection, till, scope, body);

  return db.transaction(async (tx) => {
    await lockScope(tx, collection, scope);
    // A journal push reads everything its checks need in one round trip (journal-arrival.ts).
    const journal =
      collection === 'journal'
        ? await readJournalPushContext(
            tx,
            till.tillId,
            rows.map((row) => ({ id: row.id, sequence: (row.doc as unknown as JournalEntry).sequence })),
          )
        : undefined;
    const stored =
      journal?.documents ??
      (await readDocuments(
        tx,
        collection,
        rows.map((row) => row.id),
      ));
    const conflicts: Record<string, unknown>[] = [];
    const writes: DocumentWrite[] = [];
    const rewriteIncidents: Incident[] = [];
    rows.forEach((row, index) => {
      const current = stored.get(row.id);
      if (current && current.scope !== scope) {
        throw forbidden(`row ${index}: document ${row.id} belongs to another ${definition.scope}`);
      }
      const decision =
        definition.push === 'insert-only'
          ? decideInsertOnly(row, current)
          : decideHandover(row, current, index);
      if (decision === 'write') writes.push({ id: row.id, doc: row.doc, deleted: false });
      if (decision === 'conflict' && current) {
        conflicts.push({ ...current.doc, _deleted: current.deleted });
        if (collection === 'journal') {
          rewriteIncidents.push({
            code: 'entry-rewritten',
            fromSequence: numberField(row.doc, 'sequence'),
            toSequence: numberField(row.doc, 'sequence'),
            entryId: row.id,
            detail: {
              message: 'a different entry was pushed under an id already stored; the stored one is kept',
            },
          });
        }
      }
    });
    if (!journal) {
      await writeDocuments(tx, collection, scope, writes);
      return { conflicts, written: writes.length, incidents: [] };
    }
    const entries = writes.map((write) => write.doc as unknown as JournalEntry);
    const computedHashes = new Map<string, string>();
    for (const row of rows) if (row.computedHash !== undefined) computedHashes.set(row.id, row.computedHash);
    const arrival = judgeJournalArrival(journal, entries, computedHashes);
    // The rewrites first, then what the arrival checks found: the order they were always recorded in.
    const incidents = [...rewriteIncidents, ...arrival.incidents];
    const found: Arrival = { ...arrival, incidents };
    // Held entries are kept for audit but reach no back-office table until a person accepts them.
    const projectable = hooks.queueProjections ? entries.filter((entry) => !arrival.held.has(entry.id)) : [];
    // The entries, the head, the incidents, the held marks and the projection queue: one statement.
    await storeJournalPush(tx, till, writes, found, projectable);
    return { conflicts, written: writes.length, incidents };
  });
}

function validateRows(
  collection: SyncCollectionName,
  till: TillPrincipal,
  scope: string,
  body: unknown,
): CheckedRow[] {
  const parsed = pushBodySchema.safeParse(body);
  if (!parsed.success)
    throw badRequest(
      'push body must be an array of { assumedMasterState, newDocumentState }',
      issueDetails(parsed.error.issues),
    );
  const { schema } = SYNC_COLLECTIONS[collection];
  const seen = new Set<string>();
  return parsed.data.map((row, index) => {
    if (row.newDocumentState._deleted === true)
      throw forbidden(`row ${index}: tills cannot delete ${collection} documents`);
    const doc = withoutDeletedFlag(row.newDocumentState);
    // Documents are compared by their canonical JSON (an identical re-send
    // is a no-op): one that has none (-0, a float, nesting past the bound)
    // could never be recognised again, so it is refused before anything else.
    // A journal entry's is checked through the text its hash covers: the
    // chain check needs that digest, and the encoding is done once.
    const computedHash = collection === 'journal' ? entryHashOf(doc) : undefined;
    for (const [name, state] of [
      ['newDocumentState', doc],
      ['assumedMasterState', row.assumedMasterState],
    ] as const) {
      const canonical =
        name === 'newDocumentState' && computedHash
          ? computedHash.ok
            ? null
            : computedHash
          : state
            ? canonicalJson(state)
            : null;
      if (canonical && !canonical.ok)
        throw badRequest(
          `row ${index}: ${name} has no canonical JSON (${canonical.error.reason} at ${canonical.error.path})`,
        );
    }
    const checked = schema.safeParse(doc);
    if (!checked.success) {
      throw badRequest(
        `row ${index}: not a valid ${collection} document`,
        issueDetails(checked.error.issues, [index]),
      );
    }
    const id = doc.id;
    if (typeof id !== 'string') throw badRequest(`row ${index}: missing id`);
    if (seen.has(id)) throw badRequest(`row ${index}: document ${id} appears twice in one push`);
    seen.add(id);
    if (scopeKeyOf(collection, doc) !== scope)
      throw forbidden(`row ${index}: document ${id} belongs to another store or till`);
    if (collection === 'journal' && (doc.storeCode !== till.storeCode || doc.tillCode !== till.tillCode)) {
      throw forbidden(`row ${index}: journal entry ${id} names another store or till code`);
    }
    const entry = collection === 'journal' ? (doc as unknown as JournalEntry) : undefined;
    const owner = entry?.kind === 'kiosk-order.placed' ? kioskOrderOwnerIssue(entry, entry.payload) : null;
    if (owner) throw forbidden(`row ${index}: the kiosk order in entry ${id} names ${owner}`);
    const assumed = row.assumedMasterState ? withoutDeletedFlag(row.assumedMasterState) : null;
    return { id, doc, assumed, computedHash: computedHash?.ok ? computedHash.value : undefined };
  });
}

/**
 * What a journal entry's content hashes to (SHA-256 of the canonical JSON of
 * every member but `hash`), or why the entry has no canonical JSON: the
 * entry has one exactly when its hashed material and its `hash` member do.
 */
function entryHashOf(doc: Record<string, unknown>): Result<string, CanonicalJsonError> {
  const computed = computeEntryHash(hashedMaterialOf(doc), nodeSha256Hex);
  if (!computed.ok || !('hash' in doc)) return computed;
  const hash = canonicalJson(doc.hash);
  return hash.ok ? computed : err({ ...hash.error, path: `$.hash${hash.error.path.slice(1)}` });
}

type Decision = 'write' | 'no-op' | 'conflict';

/** Immutable records: new ids are stored, identical re-sends are no-ops, anything else conflicts. */
function decideInsertOnly(row: CheckedRow, current: StoredDocument | undefined): Decision {
  if (!current) return 'write';
  return sameDocument(current.doc, row.doc) ? 'no-op' : 'conflict';
}

/**
 * Orders: a till may only add handovers. The change is accepted when the till
 * saw the stored state and merging its copy into the stored one gives its
 * copy back (nothing removed, nothing else changed).
 */
function decideHandover(row: CheckedRow, current: StoredDocument | undefined, index: number): Decision {
  if (!current) throw forbidden(`row ${index}: tills cannot create orders`);
  if (sameDocument(current.doc, row.doc)) return 'no-op';
  if (!row.assumed || !sameDocument(current.doc, row.assumed)) return 'conflict';
  if (current.doc.kind !== 'click-and-collect' || row.doc.kind !== 'click-and-collect') {
    throw forbidden(`row ${index}: only click-and-collect orders can be handed over at a till`);
  }
  const merged = mergeHandovers(
    current.doc as unknown as ClickCollectOrder,
    row.doc as unknown as ClickCollectOrder,
  );
  if (!merged.ok || !sameDocument(merged.value, row.doc)) {
    throw forbidden(`row ${index}: a till may only add handovers to an order`);
  }
  return 'write';
}

function numberField(doc: Record<string, unknown>, field: string): number | null {
  const value = doc[field];
  return typeof value === 'number' ? value : null;
}
