import { z } from 'zod';
import { scanConfigSchema } from '../barcodes/scan-config';
import { promotionSchema } from '../cart/promotion';
import { currencyCodeSchema } from '../money/currency';
import { storeCodeSchema } from '../values/identifiers';

// Everything a till of one store needs to know that the server decides:
// identity for receipts, scan layouts, promotions in force, and the public key
// that signs online orders (so a till verifies an order with no network).

export const ed25519PublicJwkSchema = z.strictObject({
  kty: z.literal('OKP'),
  crv: z.literal('Ed25519'),
  x: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
  kid: z.string().max(64).optional(),
});

export const storeSettingsSchema = z.strictObject({
  /** `store:<storeCode>`: one settings document per store. */
  id: z.string().regex(/^store:[A-Z0-9]{2,8}$/),
  storeCode: storeCodeSchema,
  storeName: z.string().min(1).max(80),
  addressLines: z.array(z.string().min(1).max(60)).max(4),
  /** SIRET and intra-EU VAT number, printed on receipts. */
  legalIds: z.array(z.string().min(1).max(60)).max(3),
  currency: currencyCodeSchema,
  receiptFooter: z.array(z.string().max(60)).max(6),
  scanConfig: scanConfigSchema,
  promotions: z.array(promotionSchema).max(500),
  orderSigningKey: ed25519PublicJwkSchema,
});
export type StoreSettings = z.infer<typeof storeSettingsSchema>;

export const storeSettingsId = (storeCode: string) => `store:${storeCode}`;
