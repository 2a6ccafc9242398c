import { computeEntryHash, hashedMaterialOf } from '../../../src/core/journal/entry-hash';
import type { JournalEntry } from '../../../src/core/journal/journal-entry';
import type { TillPrincipal } from '../auth/access-token';
import type { Queryable } from '../db/database';
import { nodeSha256Hex } from './node-sha256';

export interface Incident {
  readonly code: string;
  readonly fromSequence: number | null;
  readonly toSequence: number | null;
  readonly entryId: string | null;
  readonly detail: Record<string, unknown>;
}

export interface Arrival {
  readonly incidents: readonly Incident[];
  /** Entries kept for audit but not projected until a person accepts them. */
  readonly held: ReadonlySet<string>;
}

/**
 * What an arriving entry is checked against: its device's numbering range
 * (docs/sync-protocol.md, "Replacing a till") and the head of its chain.
 */
interface TillRange {
  /** The sequence before this device's first; its first entry links to `startHash`. */
  readonly startSequence: number;
  readonly startHash: string;
  /** The last sequence this device may number (set when it is revoked or replaced). */
  readonly limit: number | null;
  /** The highest sequence stored in range, or startSequence. */
  readonly headSequence: number;
}

interface Linkable {
  readonly hash: string;
  /** What the entry's content hashes to, when it differs from `hash` (a tampered entry). */
  readonly computedHash?: string | null;
}

/**
 * Checks newly arrived journal entries of one till, each against its
 * neighbours in the chain, whether they were stored before or arrive with
 * it. Every entry is kept; every gap or break becomes an incident row for
 * the back office. An entry that is itself suspect (its content does not
 * hash to its hash, it does not link to its predecessor or its stored
 * successor, it repeats a sequence or a receipt number of another device)
 * is held: stored, never projected until accepted. An entry that arrives
 * after its successors (filling a gap) and links both ways is recorded as
 * a `late-entry`. The head moves to the highest sequence received in range.
 */
export async function checkJournalArrival(
  tx: Queryable,
  till: TillPrincipal,
  entries: readonly JournalEntry[],
  /** What some entries' content hashes to, already computed (by id): not encoded again. */
  computedHashes: ReadonlyMap<string, string> = new Map(),
): Promise<Arrival> {
  if (entries.length === 0) return { incidents: [], held: new Set() };
  const sorted = [...entries].sort((a, b) => a.sequence - b.sequence);
  const range = await readRange(tx, till.tillId);
  const stored = await storedNeighbours(tx, till.tillId, sorted);
  const arrived = new Map<number, (JournalEntry & Linkable)[]>();
  const incidents: Incident[] = [];
  const held = new Set<string>();
  let head = range.headSequence;
  let headHash: string | null = null;

  for (const entry of sorted) {
    const found: Incident[] = [];
    const at = (code: string, detail: Record<string, unknown>, from = entry.sequence, to = entry.sequence) =>
      found.push({ code, fromSequence: from, toSequence: to, entryId: entry.id, detail });
    const s = entry.sequence;
    const computedHash = computedHashes.get(entry.id) ?? contentHashOf(entry);
    let suspect = false;
    if (computedHash !== entry.hash) {
      suspect = true;
      at('hash-mismatch', {
        expected: computedHash,
        actual: entry.hash,
        message: 'content does not hash to the stored hash',
      });
    }
    const outOfRange = s <= range.startSequence || (range.limit !== null && s > range.limit);
    if (outOfRange) {
      suspect = true;
      at('receipt-number-reused', {
        range: { after: range.startSequence, upTo: range.limit },
        message:
          s <= range.startSequence
            ? `sequence ${s} belongs to the device this till code had before (this one starts after ${range.startSequence})`
            : `sequence ${s} is past ${range.limit}, the last sequence the server held when this till was revoked or replaced`,
      });
    } else {
      const same = [...(stored.get(s) ?? []), ...(arrived.get(s) ?? [])];
      if (same.length > 0) {
        suspect = true;
        at('sequence-duplicate', {
          otherEntryIds: same.map((e) => e.id),
          message: `sequence ${s} is already taken by another entry of this till`,
        });
      }
      const predecessors: Linkable[] =
        s - 1 === range.startSequence
          ? [{ hash: range.startHash }]
          : [...(stored.get(s - 1) ?? []), ...(arrived.get(s - 1) ?? [])];
      if (predecessors.length > 0) {
        if (!predecessors.some((p) => linksTo(entry.prevHash, p))) {
          suspect = true;
          at('prev-hash-mismatch', {
            expected: predecessors.map((p) => p.hash),
            actual: entry.prevHash,
            message: `prevHash does not match the hash of sequence ${s - 1}`,
          });
        }
      } else if (s > head + 1) {
        at(
          'sequence-gap',
          { missing: { from: head + 1, to: s - 1 }, message: gapMessage(head + 1, s - 1, s) },
          head + 1,
          s - 1,
        );
      }
      const late = s <= head;
      if (late) {
        const successors = stored.get(s + 1) ?? [];
        if (
          successors.length > 0 &&
          !successors.some((next) => linksTo(next.prevHash, { hash: entry.hash, computedHash }))
        ) {
          suspect = true;
          at('successor-link-mismatch', {
            expected: successors.map((next) => next.prevHash),
            actual: entry.hash,
            message: `sequence ${s} arrived late, and the stored sequence ${s + 1} does not link to it`,
          });
        }
        if (found.length === 0) {
          at('late-entry', {
            message: `sequence ${s} arrived after later entries and links to its stored neighbours: the gap at ${s} is filled`,
          });
        }
      }
      if (s > head) {
        head = s;
        headHash = entry.hash;
      }
    }
    arrived.set(s, [...(arrived.get(s) ?? []), { ...entry, computedHash }]);
    if (suspect) held.add(entry.id);
    incidents.push(...found);
  }

  if (headHash !== null) {
    await tx.query(
      `INSERT INTO journal_heads (till_id, sequence, hash) VALUES ($1, $2, $3)
       ON CONFLICT (till_id) DO UPDATE SET sequence = EXCLUDED.sequence, hash = EXCLUDED.hash
         WHERE journal_heads.sequence < EXCLUDED.sequence`,
      [till.tillId, head, headHash],
    );
  }
  await recordIncidents(tx, till, incidents);
  return { incidents, held };
}

/** What an entry's content hashes to, null when it has no canonical JSON. */
function contentHashOf(entry: JournalEntry): string | null {
  const computed = computeEntryHash(hashedMaterialOf(entry), nodeSha256Hex);
  return computed.ok ? computed.value : null;
}

function linksTo(prevHash: string, predecessor: Linkable): boolean {
  // A successor may hold either hash of a tampered predecessor: the stored
  // one (its content was edited) or the content's (its hash was edited).
  // Either way the break is the predecessor's, reported there.
  return prevHash === predecessor.hash || (predecessor.computedHash ?? null) === prevHash;
}

function gapMessage(from: number, to: number, before: number): string {
  return from === to
    ? `sequence ${from} is missing before ${before}`
    : `sequences ${from}-${to} are missing before ${before}`;
}

async function readRange(tx: Queryable, tillId: string): Promise<TillRange> {
  const result = await tx.query<{
    start_sequence: string | number;
    start_hash: string;
    sequence_limit: string | number | null;
    head_sequence: string | number | null;
  }>(
    `SELECT t.journal_start_sequence AS start_sequence, t.journal_start_hash AS start_hash,
            t.sequence_limit, h.sequence AS head_sequence
     FROM tills t LEFT JOIN journal_heads h ON h.till_id = t.id WHERE t.id = $1`,
    [tillId],
  );
  const row = result.rows[0];
  if (!row) throw new Error(`journal arrival: unknown till ${tillId}`);
  const startSequence = Number(row.start_sequence);
  return {
    startSequence,
    startHash: row.start_hash,
    limit: row.sequence_limit === null ? null : Number(row.sequence_limit),
    headSequence: row.head_sequence === null ? startSequence : Number(row.head_sequence),
  };
}

/** Entries stored before this push at the sequences around the arriving ones. */
export async function storedNeighbours(
  tx: Queryable,
  tillId: string,
  arriving: readonly JournalEntry[],
): Promise<Map<number, (JournalEntry & Linkable)[]>> {
  const sequences = [...new Set(arriving.flatMap((e) => [e.sequence - 1, e.sequence, e.sequence + 1]))];
  const result = await tx.query<{ doc: JournalEntry }>(
    `SELECT doc FROM sync_documents
     WHERE collection = 'journal' AND scope = $1
       AND (doc->>'sequence')::bigint = ANY($2::bigint[]) AND NOT (id = ANY($3::text[]))`,
    [tillId, sequences, arriving.map((e) => e.id)],
  );
  const bySequence = new Map<number, (JournalEntry & Linkable)[]>();
  for (const { doc } of result.rows) {
    const list = bySequence.get(doc.sequence) ?? [];
    list.push({ ...doc, computedHash: contentHashOf(doc) });
    bySequence.set(doc.sequence, list);
  }
  return bySequence;
}

export async function recordIncidents(
  tx: Queryable,
  till: TillPrincipal,
  incidents: readonly Incident[],
): Promise<void> {
  if (incidents.length === 0) return;
  // One statement however many: an upload of 1,000 entries after a long gap can record many.
  await tx.query(
    `INSERT INTO journal_incidents (till_id, store_code, code, from_sequence, to_sequence, entry_id, detail)
     SELECT $1, $2, e->>'code', (e->>'from_sequence')::bigint, (e->>'to_sequence')::bigint,
            e->>'entry_id', e->'detail'
       FROM jsonb_array_elements($3::jsonb) WITH ORDINALITY AS t(e, n)
      ORDER BY n`,
    [
      till.tillId,
      till.storeCode,
      JSON.stringify(
        incidents.map((incident) => ({
          code: incident.code,
          from_sequence: incident.fromSequence,
          to_sequence: incident.toSequence,
          entry_id: incident.entryId,
          detail: { code: incident.code, ...incident.detail },
        })),
      ),
    ],
  );
}

/** Marks entries as held: stored for audit, not projected until accepted. */
export async function holdEntries(
  tx: Queryable,
  tillId: string,
  entryIds: ReadonlySet<string>,
): Promise<void> {
  if (entryIds.size === 0) return;
  await tx.query(
    `INSERT INTO journal_held_entries (entry_id, till_id)
     SELECT unnest($1::text[]), $2 ON CONFLICT (entry_id) DO NOTHING`,
    [[...entryIds], tillId],
  );
}
