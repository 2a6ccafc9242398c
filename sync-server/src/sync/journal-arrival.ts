import { computeEntryHash, hashedMaterialOf } from '../../../src/core/journal/entry-hash';
import type { JournalEntry } from '../../../src/core/journal/journal-entry';
import type { TillPrincipal } from '../auth/access-token';
import type { Queryable } from '../db/database';
import { type DocumentWrite, documentWriteCtes, type StoredDocument } from './document-store';
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
  /** Where the till's head moves (the highest sequence received in range), if it moves. */
  readonly head?: { readonly sequence: number; readonly hash: string };
}

/**
 * What an arriving entry is checked against: its device's numbering range
 * (docs/sync-protocol.md, "Replacing a till") and the head of its chain.
 */
interface TillRange {
  readonly tillId: string;
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
 * What a push of journal entries is checked against, read in one statement
 * after the scope lock (readJournalPushContext): the stored documents of the
 * pushed ids, the till's range and head, and the stored entries around the
 * pushed sequences.
 */
export interface JournalPushContext {
  /** The stored document of each pushed id that is stored (any till: the push refuses another's). */
  readonly documents: ReadonlyMap<string, StoredDocument>;
  /** Undefined when the till has no row: only a push with new entries needs it (judgeJournalArrival). */
  readonly range: TillRange | undefined;
  /** Stored entries of the till at the pushed sequences and either side, the pushed ids left out. */
  readonly neighbours: readonly StoredDocument[];
}

/**
 * The sequences an entry is checked against: its own (a repeat) and either
 * side (its links). The push's read fetches what is stored at them, and the
 * judge looks there: one definition, so the read never fetches less.
 */
function sequencesAround(entries: readonly { readonly sequence: number }[]): Set<number> {
  return new Set(entries.flatMap((e) => [e.sequence - 1, e.sequence, e.sequence + 1]));
}

/**
 * One round trip for every read of a journal push: the documents by id (one
 * primary-key probe each, as readDocuments), the till's range and head (as
 * it was read apart), and the stored neighbours of every pushed sequence
 * (one probe of the sequence index each: written as `= ANY`, a plan made
 * without statistics read every stored entry of the till through the index
 * on its scope alone and took each one's sequence out of its TOASTed
 * document, 0.24 s per upload at 10,000 stored entries and growing with
 * them). Run after lockScope, so nothing commits into the till's
 * journal between this read and the push's write.
 */
export async function readJournalPushContext(
  tx: Queryable,
  tillId: string,
  pushed: readonly { readonly id: string; readonly sequence: number }[],
): Promise<JournalPushContext> {
  const sequences = [...sequencesAround(pushed)];
  const result = await tx.query<StoredDocument & { kind: 'document' | 'neighbour' | 'range' }>(
    `SELECT 'document' AS kind, d.id, d.scope, d.doc, d.deleted, d.seq FROM unnest($2::text[]) AS wanted(id)
     CROSS JOIN LATERAL (
       SELECT id, scope, doc, deleted, seq FROM sync_documents
        WHERE collection = 'journal' AND id = wanted.id OFFSET 0
     ) d
     UNION ALL
     SELECT 'neighbour', n.id, n.scope, n.doc, n.deleted, n.seq FROM unnest($3::bigint[]) AS around(sequence)
     CROSS JOIN LATERAL (
       SELECT id, scope, doc, deleted, seq FROM sync_documents
        WHERE collection = 'journal' AND scope = $1 AND (doc->>'sequence')::bigint = around.sequence OFFSET 0
     ) n
     WHERE NOT (n.id = ANY($2::text[]))
     UNION ALL
     SELECT 'range', t.id, NULL,
            jsonb_build_object('start_sequence', t.journal_start_sequence, 'start_hash', t.journal_start_hash,
                               'sequence_limit', t.sequence_limit, 'head_sequence', h.sequence),
            NULL, NULL
       FROM tills t LEFT JOIN journal_heads h ON h.till_id = t.id WHERE t.id = $1`,
    [tillId, pushed.map((e) => e.id), sequences],
  );
  const documents = new Map<string, StoredDocument>();
  const neighbours: StoredDocument[] = [];
  let range: TillRange | undefined;
  for (const { kind, ...row } of result.rows) {
    if (kind === 'document') documents.set(row.id, row);
    else if (kind === 'neighbour') neighbours.push(row);
    else range = rangeOf(row.doc as unknown as RangeRow, row.id);
  }
  return { documents, range, neighbours };
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
 * Nothing is written here: storeJournalPush writes the entries with what
 * this found.
 */
export function judgeJournalArrival(
  context: JournalPushContext,
  entries: readonly JournalEntry[],
  /** What some entries' content hashes to, already computed (by id): not encoded again. */
  computedHashes: ReadonlyMap<string, string> = new Map(),
): Arrival {
  if (entries.length === 0) return { incidents: [], held: new Set() };
  const sorted = [...entries].sort((a, b) => a.sequence - b.sequence);
  const { range } = context;
  if (!range) throw new Error('journal arrival: unknown till');
  const stored = storedAround(context, range.tillId, sorted);
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

  return { incidents, held, ...(headHash === null ? {} : { head: { sequence: head, hash: headHash } }) };
}

/**
 * Stored entries at the arriving entries' sequences and either side (the
 * arriving ones themselves are not stored yet): the neighbours read, and the
 * stored documents of pushed ids that are no new arrivals (re-sent entries,
 * rewrites), which the neighbours' read leaves out.
 */
function storedAround(
  context: JournalPushContext,
  tillId: string,
  arriving: readonly JournalEntry[],
): Map<number, (JournalEntry & Linkable)[]> {
  const wanted = sequencesAround(arriving);
  const arrivingIds = new Set(arriving.map((e) => e.id));
  // In the order they were stored (their seq), so incident details list other entries as they always did.
  const candidates = [
    ...context.neighbours,
    ...[...context.documents.values()].filter((d) => d.scope === tillId && !arrivingIds.has(d.id)),
  ].sort((a, b) => Number(a.seq) - Number(b.seq));
  const bySequence = new Map<number, (JournalEntry & Linkable)[]>();
  for (const { doc: stored } of candidates) {
    const doc = stored as unknown as JournalEntry;
    if (!wanted.has(doc.sequence)) continue;
    const list = bySequence.get(doc.sequence) ?? [];
    list.push({ ...doc, computedHash: contentHashOf(doc) });
    bySequence.set(doc.sequence, list);
  }
  return bySequence;
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

interface RangeRow {
  readonly start_sequence: string | number;
  readonly start_hash: string;
  readonly sequence_limit: string | number | null;
  readonly head_sequence: string | number | null;
}

function rangeOf(row: RangeRow, tillId: string): TillRange {
  const startSequence = Number(row.start_sequence);
  return {
    tillId,
    startSequence,
    startHash: row.start_hash,
    limit: row.sequence_limit === null ? null : Number(row.sequence_limit),
    headSequence: row.head_sequence === null ? startSequence : Number(row.head_sequence),
  };
}

/** Incidents as the JSON array the incident inserts read (jsonb_array_elements, in order). */
function incidentRows(incidents: readonly Incident[]): string {
  return JSON.stringify(
    incidents.map((incident) => ({
      code: incident.code,
      from_sequence: incident.fromSequence,
      to_sequence: incident.toSequence,
      entry_id: incident.entryId,
      detail: { code: incident.code, ...incident.detail },
    })),
  );
}

export async function recordIncidents(
  tx: Queryable,
  till: TillPrincipal,
  incidents: readonly Incident[],
): Promise<void> {
  if (incidents.length === 0) return;
  // One statement however many: an upload of 1,000 entries after a long gap can record many.
  await tx.query(insertIncidentsSql({ tillId: '$1', storeCode: '$2', rows: '$3' }), [
    till.tillId,
    till.storeCode,
    incidentRows(incidents),
  ]);
}

/** The INSERT of incidents (`rows`: incidentRows' JSON), in order; the arguments are SQL expressions. */
function insertIncidentsSql(sql: {
  readonly tillId: string;
  readonly storeCode: string;
  readonly rows: string;
}) {
  return `INSERT INTO journal_incidents (till_id, store_code, code, from_sequence, to_sequence, entry_id, detail)
     SELECT ${sql.tillId}, ${sql.storeCode}, e->>'code', (e->>'from_sequence')::bigint, (e->>'to_sequence')::bigint,
            e->>'entry_id', e->'detail'
       FROM jsonb_array_elements(${sql.rows}::jsonb) WITH ORDINALITY AS t(e, n)
      ORDER BY n`;
}

/**
 * The write of a journal push, in one statement (the caller holds the scope
 * lock): the new entries with fresh sequence numbers (as writeDocuments
 * stores them; the journal is not announced on the stream), the till's head
 * moved forward, the incidents found in order, the held entries marked, and
 * the entries to project queued for the projector in sequence order (an
 * entry queued before is left alone; docs/projections.md, "The projector").
 * Nothing is sent when there is nothing to write.
 */
export async function storeJournalPush(
  tx: Queryable,
  till: TillPrincipal,
  writes: readonly DocumentWrite[],
  arrival: Arrival,
  toProject: readonly JournalEntry[] = [],
): Promise<void> {
  const { incidents, held, head } = arrival;
  if (writes.length === 0 && incidents.length === 0 && held.size === 0 && !head && toProject.length === 0)
    return;
  const queued = [...toProject].sort((a, b) => a.sequence - b.sequence).map((entry) => entry.id);
  const result = await tx.query<{ last: string | number | null }>(
    `WITH ${documentWriteCtes({ collection: `'journal'`, scope: '$1', count: '$3', writes: '$4' })}, head AS (
       INSERT INTO journal_heads (till_id, sequence, hash)
       SELECT $1, $5::bigint, $6::text WHERE $5::bigint IS NOT NULL
       ON CONFLICT (till_id) DO UPDATE SET sequence = EXCLUDED.sequence, hash = EXCLUDED.hash
         WHERE journal_heads.sequence < EXCLUDED.sequence
       RETURNING 1
     ), incidents AS (
       ${insertIncidentsSql({ tillId: '$1', storeCode: '$2', rows: '$7' })}
       RETURNING 1
     ), held AS (
       INSERT INTO journal_held_entries (entry_id, till_id)
       SELECT unnest($8::text[]), $1 ON CONFLICT (entry_id) DO NOTHING
       RETURNING 1
     ), queued AS (
       INSERT INTO journal_projection_queue (entry_id, till_id)
       SELECT id, $1 FROM unnest($9::text[]) WITH ORDINALITY AS t(id, n) ORDER BY n
       ON CONFLICT (entry_id) DO NOTHING
       RETURNING 1
     )
     SELECT (SELECT last FROM counter) AS last`,
    [
      till.tillId,
      till.storeCode,
      writes.length,
      JSON.stringify(writes),
      head?.sequence ?? null,
      head?.hash ?? null,
      incidentRows(incidents),
      [...held],
      queued,
    ],
  );
  if (writes.length > 0 && result.rows[0]?.last == null)
    throw new Error(`storeJournalPush without lockScope(journal, ${till.tillId})`);
}
