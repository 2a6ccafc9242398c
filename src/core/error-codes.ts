import type { Scan, ScanError } from './barcodes/scan';
import type { CartError } from './cart/cart-errors';
import type { AppendError } from './journal/append-entry';
import type { ReceiptError } from './receipts/receipt-context';
import type { KioskExitAnswer } from './runtime/kiosk-exit';
import type { CompleteSaleError, TenderError } from './sale/sale-errors';
import type { StoreSiretError } from './settings/store-settings';
import { type ErrorBody, errorBodySchema } from './sync/wire';

// Every error code that can reach a screen, as lists the words' test walks
// (src/i18n/error-words.test.ts). Each list is checked against its union at
// compile time: a code added to a union but not to its list fails `tsc`, and
// a code listed here without words in both languages fails the test.

/** Compiles only when `Listed` holds every member of `Union` (and nothing else). */
export type ListsExactly<Union extends string, Listed extends string> = [Exclude<Union, Listed>] extends [
  never,
]
  ? [Exclude<Listed, Union>] extends [never]
    ? true
    : { readonly listedButNotInUnion: Exclude<Listed, Union> }
  : { readonly missingFromList: Exclude<Union, Listed> };
type Assert<T extends true> = T;

export const SCAN_ERROR_CODES = [
  'empty',
  'too-long',
  'invalid-characters',
  'bad-check-digit',
  'bad-price-check-digit',
  'bad-number-system',
  'unknown-ai',
  'ambiguous-element-string',
  'truncated-element',
  'element-too-long',
  'invalid-element-value',
  'duplicate-ai',
  'unsupported-symbology',
  'invalid-project-code',
  'unknown-format',
] as const;
export type ScanErrorCodesListed = Assert<ListsExactly<ScanError['code'], (typeof SCAN_ERROR_CODES)[number]>>;

export const CART_ERROR_CODES = [
  'product-inactive',
  'invalid-product',
  'currency-mismatch',
  'invalid-quantity',
  'invalid-weight',
  'invalid-embedded-price',
  'unit-mismatch',
  'invalid-line-id',
  'invalid-scanned-code',
  'duplicate-line-id',
  'line-not-found',
  'line-voided',
  'not-a-pieces-line',
  'invalid-void',
  'invalid-discount',
  'invalid-approval',
  'no-discount-to-approve',
] as const;
export type CartErrorCodesListed = Assert<ListsExactly<CartError['code'], (typeof CART_ERROR_CODES)[number]>>;

export const TENDER_ERROR_CODES = [
  'invalid-tender',
  'currency-mismatch',
  'duplicate-tender-id',
  'tender-not-found',
  'payment-already-settled',
  'tender-amount-not-positive',
  'tender-exceeds-remaining',
  'voucher-amount-exceeds-face-value',
] as const;
export type TenderErrorCodesListed = Assert<
  ListsExactly<TenderError['code'], (typeof TENDER_ERROR_CODES)[number]>
>;

export const COMPLETE_SALE_ERROR_CODES = [
  'invalid-sale-details',
  'empty-sale',
  'discount-awaiting-approval',
  'payment-due-mismatch',
  'tenders-do-not-cover-total',
  'invalid-sale-record',
] as const;
export type CompleteSaleErrorCodesListed = Assert<
  ListsExactly<CompleteSaleError['code'], (typeof COMPLETE_SALE_ERROR_CODES)[number]>
>;

export const JOURNAL_APPEND_ERROR_CODES = [
  'unknown-kind',
  'invalid-payload',
  'invalid-till',
  'invalid-head',
  'invalid-entry',
  'not-canonical',
] as const;
export type JournalAppendErrorCodesListed = Assert<
  ListsExactly<AppendError['code'], (typeof JOURNAL_APPEND_ERROR_CODES)[number]>
>;

export const RECEIPT_ERROR_CODES = [
  'invalid-receipt-context',
  'receipt-number-of-another-till',
  'invalid-receipt-document',
] as const;
export type ReceiptErrorCodesListed = Assert<
  ListsExactly<ReceiptError['code'], (typeof RECEIPT_ERROR_CODES)[number]>
>;

/** Store settings the till cannot issue a receipt from (the server refuses them too). */
export const STORE_SETTINGS_ERROR_CODES = ['siret-missing', 'siret-malformed'] as const;
export type StoreSettingsErrorCodesListed = Assert<
  ListsExactly<StoreSiretError['code'], (typeof STORE_SETTINGS_ERROR_CODES)[number]>
>;

/** The `error` field of every error the sync server answers with. */
export const SYNC_HTTP_ERROR_CODES = errorBodySchema.shape.error.options;
export type SyncHttpErrorCodesListed = Assert<
  ListsExactly<ErrorBody['error'], (typeof SYNC_HTTP_ERROR_CODES)[number]>
>;

/**
 * Codes a device host (Electron main, the hardware agent, their drivers) or
 * the renderer's bridge client puts in a BridgeError. The wire type stays a
 * string, so a host newer than this renderer can still send a code it does
 * not know (it gets general words); a test reads the hosts' sources and
 * fails on a code they send that is not listed here.
 */
export const BRIDGE_ERROR_CODES = [
  // the host itself and the channel to it
  'host-unreachable',
  'host-error',
  'timeout',
  'bad-request',
  'bad-response',
  'forbidden',
  'unknown-method',
  // any device
  'device-not-configured',
  'device-misconfigured',
  'device-disconnected',
  'device-write-failed',
  'device-closed',
  'busy',
  'protocol-error',
  // receipt printer
  'paper-out',
  'cover-open',
  'printer-offline',
  'printer-unreachable',
  'printer-no-reply',
  'printer-bad-reply',
  'printer-error',
  'receipt-unprintable',
  'unknown-print-job',
  // card terminal
  'terminal-unreachable',
  'terminal-busy',
  'terminal-refused',
  'outcome-unknown',
  'recovery-pending',
  'nothing-to-abort',
  'nothing-to-resolve',
  'already-resolved',
  'payment-id-reused',
  'invalid-amount',
] as const;
export type BridgeErrorCode = (typeof BRIDGE_ERROR_CODES)[number];

/** Why the sync server refused a pairing code (sent as `details.reason` of its 401 on /sync/v1/enrol). */
export const ENROLMENT_REFUSAL_CODES = ['unknown-code', 'code-used', 'code-expired'] as const;
export type EnrolmentRefusal = (typeof ENROLMENT_REFUSAL_CODES)[number];

/** What a scan can be; the ones that are not a product each get their own words at the till. */
export const SCAN_KINDS = ['gtin', 'variable-measure', 'gs1', 'receipt', 'kiosk-order', 'pickup'] as const;
export type ScanKindsListed = Assert<ListsExactly<Scan['kind'], (typeof SCAN_KINDS)[number]>>;

/** Why the Electron shell refused to leave kiosk mode (the kiosk's exit dialog). */
export const KIOSK_EXIT_REFUSAL_CODES = [
  'wrong-pin',
  'locked',
  'not-configured',
  'forbidden',
  'bad-request',
] as const;
export type KioskExitRefusalCodesListed = Assert<
  ListsExactly<Extract<KioskExitAnswer, { ok: false }>['reason'], (typeof KIOSK_EXIT_REFUSAL_CODES)[number]>
>;

/**
 * Why a sale brought back for a return cannot be found (src/data/returnable-sales.ts):
 * query-malformed: neither a receipt number nor a sale id; other-store: a
 * receipt of another store; not-found: the server says the store has no such
 * sale; online-only: not held on this till, and the server cannot be reached.
 */
export const SALE_LOOKUP_ERROR_CODES = [
  'query-malformed',
  'other-store',
  'not-found',
  'online-only',
] as const;
export type SaleLookupErrorCode = (typeof SALE_LOOKUP_ERROR_CODES)[number];
