// What a scan can turn out to be, and every way it can fail. Both cross into
// the UI and the sale logic, so they are plain serialisable data.

/** Fields every scan carries, for the journal and for troubleshooting scanners. */
interface ScanSource {
  /** The input after CR/LF/TAB terminators were trimmed, AIM prefix included. */
  readonly raw: string;
  /** The AIM symbology identifier the scanner sent (e.g. "]E0"), or null. */
  readonly aim: string | null;
}

export type RetailFormat = 'ean13' | 'ean8' | 'upca' | 'upce';

export interface GtinScan extends ScanSource {
  readonly kind: 'gtin';
  /** What the scanner transmitted: 13, 8 or 12 digits, or an 8-digit UPC-E. */
  readonly format: RetailFormat;
  /** Lookup key, see `normaliseGtin`: GTIN-13 for EAN-13/UPC-A/UPC-E, GTIN-8 for EAN-8. */
  readonly gtin: string;
  /** In-store number (prefixes 02, 04, 20-29; EAN-8 0 and 2): unique only within this retailer. */
  readonly restrictedCirculation: boolean;
  /** 2- or 5-digit add-on symbol (periodical issue, book price) when sent with AIM ]E3. */
  readonly addOn?: string;
}

export type Measure =
  | { readonly type: 'price'; readonly minor: number }
  | { readonly type: 'weight'; readonly grams: number };

export interface VariableMeasureScan extends ScanSource {
  readonly kind: 'variable-measure';
  /** The EAN-13 as scanned (UPC-A number system 2 is zero-prefixed). */
  readonly gtin: string;
  /** The configured prefix that matched. */
  readonly prefix: string;
  /** The article digits alone. */
  readonly article: string;
  /** The catalog key: the EAN-13 with value (and price check) digits zeroed and its check digit recomputed. */
  readonly articleKey: string;
  readonly measure: Measure;
}

export interface Gs1Element {
  readonly ai: string;
  readonly value: string;
}

export interface Gs1Scan extends ScanSource {
  readonly kind: 'gs1';
  /** AI 01, normalised like `GtinScan.gtin` (GTIN-14 kept when its indicator is non-zero). */
  readonly gtin?: string;
  /** AI 10. */
  readonly batch?: string;
  /** AI 17 use-by date as YYYY-MM-DD; day 00 means the last day of the month. */
  readonly expiry?: string;
  /** AI 15 best-before date as YYYY-MM-DD, same rule. */
  readonly bestBefore?: string;
  /** AI 21. */
  readonly serial?: string;
  /** AI 310n, rounded to the nearest gram when n > 3. */
  readonly netWeightGrams?: number;
  /** AI 392n amount payable, in cents. */
  readonly priceMinor?: number;
  /** Every element, in the order scanned. */
  readonly elements: readonly Gs1Element[];
}

export interface ReceiptScan extends ScanSource {
  readonly kind: 'receipt';
  /** Canonical receipt number, e.g. "PAR01-03-000123". */
  readonly receiptNumber: string;
}

export interface KioskOrderScan extends ScanSource {
  readonly kind: 'kiosk-order';
  /** Lower-case UUID. */
  readonly orderId: string;
}

export interface PickupScan extends ScanSource {
  readonly kind: 'pickup';
  /** Upper-case pickup code. */
  readonly pickupCode: string;
}

export type Scan = GtinScan | VariableMeasureScan | Gs1Scan | ReceiptScan | KioskOrderScan | PickupScan;

interface Located {
  readonly message: string;
  /**
   * 0-based index in the trimmed input (what `Scan.raw` would have been)
   * where the problem starts; equal to its length when something is missing
   * at the end.
   */
  readonly position: number;
}

export type ScanError =
  | { readonly code: 'empty'; readonly message: string }
  | {
      readonly code: 'too-long';
      readonly message: string;
      readonly length: number;
      readonly maxLength: number;
    }
  | (Located & { readonly code: 'invalid-characters'; readonly codePoint: number })
  /** Position of the failing check digit (UPC-E: of the UPC-E's check digit). */
  | (Located & { readonly code: 'bad-check-digit' | 'bad-price-check-digit' | 'bad-number-system' })
  /** Position of the application identifier. */
  | (Located & { readonly code: 'unknown-ai' | 'ambiguous-element-string' })
  | (Located & {
      readonly code: 'truncated-element' | 'element-too-long' | 'invalid-element-value' | 'duplicate-ai';
      readonly ai: string;
    })
  | { readonly code: 'unsupported-symbology'; readonly message: string; readonly aim: string }
  | (Located & { readonly code: 'invalid-project-code' })
  | { readonly code: 'unknown-format'; readonly message: string };

export type ScanErrorCode = ScanError['code'];
