import type { RxCollection, RxJsonSchema } from 'rxdb';
import type { StockLevel } from '../../core/catalog/stock-level';

export const inventoryCollectionSchema: RxJsonSchema<StockLevel> = {
  title: 'inventory',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: { type: 'string', maxLength: 160 },
    storeCode: { type: 'string', maxLength: 8 },
    productId: { type: 'string', maxLength: 64 },
    location: {
      type: 'object',
      properties: { kind: { type: 'string' }, code: { type: 'string' } },
      required: ['kind', 'code'],
    },
    quantity: { type: 'integer' },
    updatedAt: { type: 'string' },
  },
  required: ['id', 'storeCode', 'productId', 'location', 'quantity', 'updatedAt'],
  indexes: ['productId'],
};

export type InventoryCollection = RxCollection<StockLevel>;
