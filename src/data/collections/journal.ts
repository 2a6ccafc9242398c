import type { RxCollection, RxJsonSchema } from 'rxdb';
import type { JournalEntry } from '../../core/journal/journal-entry';

// The till's own append-only journal. Entries are sealed by the core
// (hash chain) before they are inserted and never updated afterwards.
export const journalCollectionSchema: RxJsonSchema<JournalEntry> = {
  title: 'journal',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: { type: 'string', maxLength: 36 },
    storeCode: { type: 'string', maxLength: 8 },
    tillCode: { type: 'string', maxLength: 4 },
    tillId: { type: 'string', maxLength: 64 },
    sequence: { type: 'integer', minimum: 1, maximum: 1_000_000_000_000, multipleOf: 1 },
    kind: { type: 'string', maxLength: 32 },
    recordedAt: { type: 'string', maxLength: 40 },
    payload: { type: 'object' },
    prevHash: { type: 'string', maxLength: 64 },
    hash: { type: 'string', maxLength: 64 },
  },
  required: [
    'id',
    'storeCode',
    'tillCode',
    'tillId',
    'sequence',
    'kind',
    'recordedAt',
    'payload',
    'prevHash',
    'hash',
  ],
  indexes: ['sequence'],
};

export type JournalCollection = RxCollection<JournalEntry>;
