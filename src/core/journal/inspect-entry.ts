import { computeEntryHash, hashedMaterialOf, type Sha256Hex, sha256Hex } from './entry-hash';
import {
  type JournalEntry,
  journalEntrySchema,
  type TillIdentity,
  tillIdentitySchema,
} from './journal-entry';
import { type JournalIssue, journalIssuesOf } from './journal-issue';
import { sequenceSchema, sha256HexSchema } from './journal-values';

// First step of verification: what one stored entry says about itself, read
// as leniently as possible. An entry that fails its schema is still reported
// with whatever sequence, id and hashes can be read from it, so that the
// entries around it can be checked against it instead of being blamed too.

export type InspectedEntry = {
  readonly index: number;
  /** The typed entry, or null when it is invalid (see `issues`). */
  readonly entry: JournalEntry | null;
  readonly issues: readonly JournalIssue[];
  readonly sequence: number | null;
  readonly entryId: string | null;
  readonly till: TillIdentity | null;
  readonly storedHash: string | null;
  /** What the content hashes to; null when it cannot be canonically encoded. */
  readonly computedHash: string | null;
};

export function inspectEntry(raw: unknown, index: number, hashHex: Sha256Hex = sha256Hex): InspectedEntry {
  if (!isPlainObject(raw)) {
    const issues = [{ path: '', message: 'an entry must be a JSON object' }];
    return {
      index,
      entry: null,
      issues,
      sequence: null,
      entryId: null,
      till: null,
      storedHash: null,
      computedHash: null,
    };
  }
  const readable = readLeniently(raw);
  const hash = computeEntryHash(hashedMaterialOf(raw), hashHex);
  const computedHash = hash.ok ? hash.value : null;
  const parsed = journalEntrySchema.safeParse(raw);
  if (!parsed.success) {
    return { index, entry: null, issues: journalIssuesOf(parsed.error), ...readable, computedHash };
  }
  if (!hash.ok) {
    // Schema-valid yet not encodable, e.g. a lone surrogate inside a payload string.
    const issue = {
      path: hash.error.path.replace(/^\$\.?/, ''),
      message: `not canonical JSON: ${hash.error.reason}`,
    };
    return { index, entry: null, issues: [issue], ...readable, computedHash };
  }
  return { index, entry: parsed.data, issues: [], ...readable, computedHash };
}

function readLeniently(raw: object): Pick<InspectedEntry, 'sequence' | 'entryId' | 'till' | 'storedHash'> {
  const sequence = sequenceSchema.safeParse(memberOf(raw, 'sequence'));
  const id = memberOf(raw, 'id');
  const till = tillIdentitySchema.safeParse({
    storeCode: memberOf(raw, 'storeCode'),
    tillCode: memberOf(raw, 'tillCode'),
    tillId: memberOf(raw, 'tillId'),
  });
  const storedHash = sha256HexSchema.safeParse(memberOf(raw, 'hash'));
  return {
    sequence: sequence.success ? sequence.data : null,
    entryId: typeof id === 'string' ? id : null,
    till: till.success ? till.data : null,
    storedHash: storedHash.success ? storedHash.data : null,
  };
}

function isPlainObject(value: unknown): value is object {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** Own data members only: reading a stored entry must not run a getter or reach the prototype. */
function memberOf(raw: object, key: string): unknown {
  return Object.getOwnPropertyDescriptor(raw, key)?.value;
}
