import { z } from 'zod';
import { reasonCodeSchema } from '../cart/record-values';
import { productIdSchema } from '../catalog/product';
import { sha256HexSchema } from '../journal/journal-values';
import { receiptNumberSchema } from '../journal/receipt-number';
import { receiptLocaleSchema, receiptTextSchema } from './receipt-document';
import { isValidSiret } from './siret';
import { TILL_SOFTWARE } from './till-software';

// What a receipt needs beyond the sale or return record: who the store is,
// the receipt number (from the journal entry, see receiptNumberOf), language,
// footer and whether this is a reprint. Settings and the journal supply it;
// the schema applies the defaults.

const headerLineSchema = receiptTextSchema.min(1).max(64);

export const storeHeaderSchema = z.strictObject({
  name: headerLineSchema,
  /** Street, postcode and town, phone: printed centred, one per line. */
  addressLines: z.array(headerLineSchema).max(4),
  /** 14 digits, printed "123 456 789 00012". */
  siret: z.string().refine(isValidSiret, 'SIRET: 14 digits with a valid check digit'),
  /** Intra-community VAT number, e.g. "FR32123456789". */
  vatNumber: z
    .string()
    .regex(/^[A-Z]{2}[0-9A-Z]{2,13}$/, 'VAT number: country code and 2-13 letters or digits')
    .nullable(),
});
export type StoreHeader = z.infer<typeof storeHeaderSchema>;

const softwareSchema = z.strictObject({
  name: receiptTextSchema.min(1).max(40),
  version: receiptTextSchema.min(1).max(24),
});

const contextShape = {
  store: storeHeaderSchema,
  /** "PAR01-03-000123": must name the store and till of the sale or return. */
  receiptNumber: receiptNumberSchema,
  locale: receiptLocaleSchema.default('fr-FR'),
  /** The cashier's display name; the staff id is printed when absent. */
  cashierName: headerLineSchema.nullable().default(null),
  footerLines: z.array(receiptTextSchema.max(64)).max(8).default([]),
  logoAssetId: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{0,63}$/)
    .nullable()
    .default(null),
  /** A reprint of a receipt already handed over: printed with DUPLICATA and its count. */
  duplicate: z.boolean().default(false),
  /** Which reprint this is (1 = the first copy after the original), as journalled; required with `duplicate`. */
  reprintCount: z.number().int().min(1).max(9_999).nullable().default(null),
  /** `hash` of the journal entry that sealed the record: an excerpt is printed (NF525 block). */
  entryHash: sha256HexSchema,
  /** The software's name and version, printed on every receipt. */
  software: softwareSchema.default(TILL_SOFTWARE),
  /**
   * Products whose line carries the legal-guarantee mention (the catalog's
   * `legalGuarantee` attribute, read by the caller): durable goods.
   */
  legalGuaranteeProductIds: z.array(productIdSchema).max(500).default([]),
  /** Wording of the store's discount reason codes ('price-match' → "Alignement prix"). */
  reasonLabels: z.record(reasonCodeSchema, receiptTextSchema.min(1).max(40)).default({}),
  /**
   * The card terminal's own receipt lines (the customer's card slip), one list
   * per approved card payment, as the terminal sent them: the sale receipt
   * prints each after its own cut, controls removed. Sale receipts only.
   */
  terminalSlips: z
    .array(z.array(z.string().max(256)).max(200))
    .max(8)
    .default([]),
};

const isReprintCounted = (ctx: { duplicate: boolean; reprintCount: number | null }) =>
  ctx.duplicate === (ctx.reprintCount !== null);
const reprintRule = {
  message: 'a reprint (duplicate) carries its reprint count, and only a reprint does',
  path: ['reprintCount'],
};

export const receiptContextSchema = z.strictObject(contextShape).refine(isReprintCounted, reprintRule);
/** What the caller passes; omitted fields take their defaults. */
export type ReceiptContext = z.input<typeof receiptContextSchema>;
export type ResolvedReceiptContext = z.output<typeof receiptContextSchema>;

export const returnReceiptContextSchema = z
  .strictObject({
    ...contextShape,
    /** The receipt number of the sale returned against, when the till knows it. */
    originalReceiptNumber: receiptNumberSchema.nullable().default(null),
  })
  .refine(isReprintCounted, reprintRule);
export type ReturnReceiptContext = z.input<typeof returnReceiptContextSchema>;
export type ResolvedReturnReceiptContext = z.output<typeof returnReceiptContextSchema>;

export type ReceiptError =
  | { readonly code: 'invalid-receipt-context'; readonly message: string }
  /** The receipt number names another store or till than the record: a wiring bug worth stopping on. */
  | {
      readonly code: 'receipt-number-of-another-till';
      readonly receiptNumber: string;
      readonly storeCode: string;
      readonly tillCode: string;
    }
  /** The builder produced a document its own schema refuses: a bug to report. */
  | { readonly code: 'invalid-receipt-document'; readonly message: string };
