import type { RxCollection, RxJsonSchema } from 'rxdb';
import type { StoreSale } from '../../core/returns/store-sale';

// The store's recent sales, compact (src/core/returns/store-sale.ts), pulled
// from the server: a till finds another till's sale here with no network.
// Found by id (the sale id) or by receipt number; flagged ones by incidentCount.
export const salesCollectionSchema: RxJsonSchema<StoreSale> = {
  title: 'sales',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: { type: 'string', maxLength: 36 },
    storeCode: { type: 'string', maxLength: 8 },
    tillCode: { type: 'string', maxLength: 4 },
    receiptNumber: { type: 'string', maxLength: 32 },
    soldAt: { type: 'string', maxLength: 40 },
    expiresAt: { type: 'string', maxLength: 40 },
    currency: { type: 'string', maxLength: 3 },
    lines: { type: 'array', items: { type: 'object' } },
    payments: { type: 'array', items: { type: 'object' } },
    returnIds: { type: 'array', items: { type: 'string' } },
    incidents: { type: 'array', items: { type: 'object' } },
    incidentCount: { type: 'integer', minimum: 0, maximum: 100, multipleOf: 1 },
  },
  required: [
    'id',
    'storeCode',
    'tillCode',
    'receiptNumber',
    'soldAt',
    'expiresAt',
    'currency',
    'lines',
    'payments',
    'returnIds',
    'incidents',
    'incidentCount',
  ],
  indexes: ['receiptNumber', 'incidentCount'],
};

export type SalesCollection = RxCollection<StoreSale>;
