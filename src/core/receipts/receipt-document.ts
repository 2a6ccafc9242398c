import { z } from 'zod';
import type { Immutable } from '../cart/record-values';
import { receiptNumberSchema } from '../journal/receipt-number';

// A receipt as a list of simple blocks, already worded and formatted for one
// locale. The ESC/POS driver (hardware/) and the screen preview render the
// same document, each to its own width; neither knows about sales, and this
// description knows nothing about printers or HTML. It crosses the bridge to
// the printer host, hence the schema.

export const RECEIPT_LOCALES = ['fr-FR', 'en-GB'] as const;
export const receiptLocaleSchema = z.enum(RECEIPT_LOCALES);
export type ReceiptLocale = z.infer<typeof receiptLocaleSchema>;

/** One line of text, no control characters: a printer would obey them as commands. */
export const receiptTextSchema = z
  .string()
  .max(256)
  .regex(/^[^\p{Cc}\p{Zl}\p{Zp}]*$/u, 'receipt text: one line, no control characters');

export const textBlockSchema = z.strictObject({
  type: z.literal('text'),
  text: receiptTextSchema,
  align: z.enum(['left', 'center', 'right']),
  bold: z.boolean(),
  /** 'double' is double width and height: half as many characters fit on a line. */
  size: z.enum(['normal', 'double-height', 'double']),
});

/**
 * A label and an amount on one line: the renderer keeps the amount whole and
 * shortens the label at a word boundary. Without an amount the label wraps.
 */
export const columnsBlockSchema = z.strictObject({
  type: z.literal('columns'),
  left: receiptTextSchema,
  /** Right-aligned, never cut; empty for a detail line under an item. */
  right: receiptTextSchema.max(32),
  /** Leading cells, for the details and discounts under an item. */
  indent: z.number().int().min(0).max(4),
  bold: z.boolean(),
  size: z.enum(['normal', 'double-height']),
});

export const ruleBlockSchema = z.strictObject({ type: z.literal('rule') });

const vatCellsSchema = z.strictObject({
  rateLabel: receiptTextSchema.max(16),
  net: receiptTextSchema.max(24),
  vat: receiptTextSchema.max(24),
  gross: receiptTextSchema.max(24),
});
export type VatCells = Immutable<z.infer<typeof vatCellsSchema>>;

/** VAT by rate, cells formatted for the locale; the renderer lays them out in four columns. */
export const vatTableBlockSchema = z.strictObject({
  type: z.literal('vat-table'),
  headings: vatCellsSchema,
  rows: z.array(vatCellsSchema).min(1),
  total: vatCellsSchema,
});

const BARCODE_DATA: Readonly<Record<'qr' | 'ean13' | 'code128', RegExp>> = {
  // Up to a kiosk ticket's 1,800 characters (MAX_KIOSK_TICKET_CHARS, docs/kiosk-tickets.md).
  qr: /^[\x20-\x7e]{1,1800}$/,
  ean13: /^\d{13}$/,
  code128: /^[\x20-\x7e]{1,64}$/,
};

export const barcodeBlockSchema = z
  .strictObject({
    type: z.literal('barcode'),
    symbology: z.enum(['qr', 'ean13', 'code128']),
    /** What the code holds, printable ASCII; e.g. "POS1:R:PAR01-03-000123". */
    data: z.string(),
  })
  .refine((b) => BARCODE_DATA[b.symbology].test(b.data), {
    message: 'barcode data does not fit its symbology',
    path: ['data'],
  });

/** An image the renderer looks up by id (the printer host keeps it in the printer's memory). */
export const logoBlockSchema = z.strictObject({
  type: z.literal('logo'),
  assetId: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'asset id: a-z 0-9 -'),
});

export const feedBlockSchema = z.strictObject({
  type: z.literal('feed'),
  lines: z.number().int().min(1).max(10),
});

export const cutBlockSchema = z.strictObject({ type: z.literal('cut') });

/**
 * A line laid out by another device (the card terminal's slip): printed as
 * sent, spaces kept, left-aligned; a line wider than the paper breaks at the
 * width rather than at words, so the terminal's columns stay where it put them.
 */
export const preformattedBlockSchema = z.strictObject({
  type: z.literal('preformatted'),
  text: receiptTextSchema,
});

export const receiptBlockSchema = z.discriminatedUnion('type', [
  textBlockSchema,
  columnsBlockSchema,
  ruleBlockSchema,
  vatTableBlockSchema,
  barcodeBlockSchema,
  logoBlockSchema,
  feedBlockSchema,
  cutBlockSchema,
  preformattedBlockSchema,
]);
export type ReceiptBlock = Immutable<z.infer<typeof receiptBlockSchema>>;
export type ReceiptBlockOf<T extends ReceiptBlock['type']> = Extract<ReceiptBlock, { readonly type: T }>;

export const RECEIPT_DOCUMENT_FORMAT = 'receipt-document/1';

export const receiptDocumentSchema = z.strictObject({
  /** Versions the block vocabulary, so a printer host can refuse a document it cannot render. */
  format: z.literal(RECEIPT_DOCUMENT_FORMAT),
  /** A shift report (Z) is numbered by its closing entry, as receipts are by theirs. */
  kind: z.enum(['sale', 'return', 'shift-report', 'kiosk-order', 'kiosk-ticket', 'pickup-slip']),
  receiptNumber: receiptNumberSchema,
  locale: receiptLocaleSchema,
  /** A reprint: the blocks carry the DUPLICATA banner; the printer host may log it. */
  duplicate: z.boolean(),
  blocks: z.array(receiptBlockSchema).min(1).max(2000),
});
export type ReceiptDocument = Immutable<z.infer<typeof receiptDocumentSchema>>;
