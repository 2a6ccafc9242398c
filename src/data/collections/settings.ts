import type { RxCollection, RxJsonSchema } from 'rxdb';
import type { StoreSettings } from '../../core/settings/store-settings';

export const settingsCollectionSchema: RxJsonSchema<StoreSettings> = {
  title: 'settings',
  // 1: `logoAssetId` and `receiptPrintMode` (both optional).
  // 2: `staffPolicy` (optional). 3: `storeSalesDays`, `returnPolicy`, `deviceKeys`, `quickKeys` (optional fields of issue 12).
  // 4: `kioskOrdering` (optional, issue 13). 5: `kiosk` (idle time and warning) and `stockLocations` (names), optional.
  version: 5,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: { type: 'string', maxLength: 20 },
    storeCode: { type: 'string', maxLength: 8 },
    storeName: { type: 'string' },
    addressLines: { type: 'array', items: { type: 'string' } },
    legalIds: { type: 'array', items: { type: 'string' } },
    currency: { type: 'string' },
    receiptFooter: { type: 'array', items: { type: 'string' } },
    scanConfig: { type: 'object' },
    promotions: { type: 'array' },
    orderSigningKey: { type: 'object' },
    logoAssetId: { type: ['string', 'null'] },
    receiptPrintMode: { type: 'string', enum: ['ask', 'always', 'never'] },
    staffPolicy: { type: 'object' },
    storeSalesDays: { type: 'integer', minimum: 1, maximum: 400 },
    returnPolicy: { type: 'object' },
    deviceKeys: { type: 'array', items: { type: 'object' } },
    quickKeys: { type: 'array' },
    kioskOrdering: { type: 'object' },
    kiosk: { type: 'object' },
    stockLocations: { type: 'array', items: { type: 'object' } },
  },
  required: ['id', 'storeCode', 'storeName', 'currency', 'scanConfig', 'promotions', 'orderSigningKey'],
};

export type SettingsCollection = RxCollection<StoreSettings>;
