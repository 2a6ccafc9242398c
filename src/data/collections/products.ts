import type { RxCollection, RxJsonSchema } from 'rxdb';
import type { Product } from '../../core/catalog/product';

// Every indexed field is required and bounded: the Dexie storage needs
// maxLength on string indexes, and barcode lookup must never scan.
export const productCollectionSchema: RxJsonSchema<Product> = {
  title: 'products',
  // 1: `legalGuarantee` (optional), for the receipt's legal-guarantee mention.
  // 2: `categoryIcon` (optional), the kiosk's icon for the category.
  version: 2,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: { type: 'string', maxLength: 64 },
    barcode: { type: 'string', maxLength: 14 },
    name: { type: 'string', maxLength: 200 },
    searchName: { type: 'string', maxLength: 200 },
    category: { type: 'string', maxLength: 80 },
    categoryIcon: { type: 'string', maxLength: 32 },
    priceMinor: { type: 'integer', minimum: 0, maximum: 100_000_000, multipleOf: 1 },
    currency: { type: 'string', maxLength: 3 },
    vatRateBps: { type: 'integer', minimum: 0, maximum: 10_000, multipleOf: 1 },
    unit: { type: 'string', enum: ['piece', 'kg'] },
    active: { type: 'boolean' },
    legalGuarantee: { type: 'boolean' },
  },
  required: [
    'id',
    'barcode',
    'name',
    'searchName',
    'category',
    'priceMinor',
    'currency',
    'vatRateBps',
    'unit',
    'active',
  ],
  indexes: ['barcode', 'searchName'],
  additionalProperties: false,
};

export type ProductCollection = RxCollection<Product>;
