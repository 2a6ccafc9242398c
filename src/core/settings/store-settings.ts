import { z } from 'zod';
import { scanConfigSchema } from '../barcodes/scan-config';
import { promotionSchema } from '../cart/promotion';
import { productIdSchema } from '../catalog/product';
import { currencyCodeSchema } from '../money/currency';
import { isValidSiret } from '../receipts/siret';
import { err, ok, type Result } from '../result';
import { returnPolicySchema } from '../returns/return-policy';
import { staffPolicySchema } from '../staff/permissions';
import { storeCodeSchema } from '../values/identifiers';
import { deviceKeysSchema } from './device-keys';
import { kioskBehaviourSchema } from './kiosk-behaviour';
import { kioskOrderingSchema } from './kiosk-ordering';
import { stockLocationNamesSchema } from './stock-location-names';

// Everything a till of one store needs to know that the server decides:
// identity for receipts, scan layouts, promotions in force, and the public key
// that signs online orders (so a till verifies an order with no network).

export const ed25519PublicJwkSchema = z.strictObject({
  kty: z.literal('OKP'),
  crv: z.literal('Ed25519'),
  x: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
  kid: z.string().max(64).optional(),
});

/** Whether the till prints the customer's receipt: ask the customer (AGEC law), always, or never. */
export const RECEIPT_PRINT_MODES = ['ask', 'always', 'never'] as const;
export const receiptPrintModeSchema = z.enum(RECEIPT_PRINT_MODES);
export type ReceiptPrintMode = z.infer<typeof receiptPrintModeSchema>;

/** The SIRET in `legalIds` ("SIRET 552 100 554 00021"): spaces allowed, the 14 digits checked. */
const SIRET_ENTRY = /^SIRET\s*([\d\s]+)$/;

export type StoreSiretError =
  | { readonly code: 'siret-missing' }
  | { readonly code: 'siret-malformed'; readonly value: string };

/**
 * The store's SIRET, 14 digits, or why the settings have none a receipt may
 * print. Never a made-up number: a receipt without a real SIRET is not issued.
 */
export function storeSiretOf(settings: Pick<StoreSettings, 'legalIds'>): Result<string, StoreSiretError> {
  const entry = settings.legalIds.find((id) => /^SIRET\b/i.test(id.trim()));
  if (entry === undefined) return err({ code: 'siret-missing' });
  const digits = SIRET_ENTRY.exec(entry.trim())?.[1]?.replace(/\s/g, '') ?? '';
  return isValidSiret(digits) ? ok(digits) : err({ code: 'siret-malformed', value: entry });
}

/**
 * A key of the till's quick-key grid, for items without a label (bread, loose
 * fruit, bags): it sells the catalog product `productId`. A product sold by
 * weight asks for the scale's reading, or for the weight typed on the numpad.
 */
export const quickKeySchema = z.strictObject({
  productId: productIdSchema,
  /** Short words on the key; the product's name when absent. */
  label: z.string().min(1).max(24).optional(),
});
export type QuickKey = z.infer<typeof quickKeySchema>;

export const storeSettingsSchema = z
  .strictObject({
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
    /** The logo printed at the top of receipts: the printer host's `<logoDir>/<id>.png`. */
    logoAssetId: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]{0,63}$/)
      .nullable()
      .optional(),
    /** Print the receipt: 'ask' (default, AGEC law), 'always' or 'never'; legal exceptions print regardless. */
    receiptPrintMode: receiptPrintModeSchema.optional(),
    /** The till's quick keys, in grid order; none when absent. */
    quickKeys: z.array(quickKeySchema).max(48).optional(),
    /** Who may do what without a supervisor's or manager's PIN, idle lock, wrong-PIN lock; default in core/staff/permissions.ts. */
    staffPolicy: staffPolicySchema.optional(),
    /** Days a sale stays in the store's sales feed, found offline by every till for a return (default 30). */
    storeSalesDays: z.number().int().min(1).max(400).optional(),
    /** Returns at the till: refund limit, refunds without receipt, voucher parts (DEFAULT_RETURN_POLICY when absent). */
    returnPolicy: returnPolicySchema.optional(),
    /** Public keys of the store's devices: a till checks a kiosk's ticket offline with them (device-keys.ts). */
    deviceKeys: deviceKeysSchema.optional(),
    /** Kiosk orders: stock staleness, pickup and delivery dates, delivery fees (kiosk-ordering.ts; defaults there). */
    kioskOrdering: kioskOrderingSchema.optional(),
    /** Kiosk idle time and warning (kiosk-behaviour.ts; defaults in src/state/kiosk-idle.ts). */
    kiosk: kioskBehaviourSchema.optional(),
    /** The names of the region's stores and warehouses, kept by the server (stock-location-names.ts). */
    stockLocations: stockLocationNamesSchema.optional(),
  })
  .superRefine((settings, ctx) => {
    // A receipt must carry the store's real SIRET: settings without one are a configuration error.
    const siret = storeSiretOf(settings);
    if (!siret.ok)
      ctx.addIssue({
        code: 'custom',
        path: ['legalIds'],
        message:
          siret.error.code === 'siret-missing'
            ? 'legalIds: no SIRET entry ("SIRET 552 100 554 00021")'
            : `legalIds: malformed SIRET "${siret.error.value}" (14 digits with a valid check digit)`,
      });
  });
export type StoreSettings = z.infer<typeof storeSettingsSchema>;

export const storeSettingsId = (storeCode: string) => `store:${storeCode}`;
