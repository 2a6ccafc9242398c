import type { RxCollection, RxJsonSchema } from 'rxdb';

// Local only (never replicated): the upload state of every record this till
// created, so the app can show what is pending, synced, or failed and why.
export interface OutboxItem {
  /** `${sourceCollection}:${documentId}` */
  readonly id: string;
  readonly sourceCollection: string;
  readonly documentId: string;
  readonly state: 'pending' | 'synced' | 'failed';
  readonly error: string | null;
  readonly attempts: number;
  /** Milliseconds since epoch of the last change, for ordering. */
  readonly updatedAt: number;
}

export const outboxCollectionSchema: RxJsonSchema<OutboxItem> = {
  title: 'outbox',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: { type: 'string', maxLength: 120 },
    sourceCollection: { type: 'string', maxLength: 20 },
    documentId: { type: 'string', maxLength: 100 },
    state: { type: 'string', enum: ['pending', 'synced', 'failed'], maxLength: 8 },
    error: { type: ['string', 'null'] },
    attempts: { type: 'integer', minimum: 0, maximum: 1_000_000, multipleOf: 1 },
    updatedAt: { type: 'integer', minimum: 0, maximum: 10_000_000_000_000, multipleOf: 1 },
  },
  required: ['id', 'sourceCollection', 'documentId', 'state', 'error', 'attempts', 'updatedAt'],
  indexes: ['state', ['state', 'updatedAt']],
};

export type OutboxCollection = RxCollection<OutboxItem>;
