import { defaultScanConfig, parseScan, type ScanConfig } from '../core/barcodes';
import type { Measure, ScanError } from '../core/barcodes/scan';
import type { Product } from '../core/catalog/product';

export type ScanLookup =
  | { readonly kind: 'product'; readonly product: Product; readonly measure: Measure | undefined }
  | { readonly kind: 'not-a-product'; readonly scanKind: string }
  | { readonly kind: 'unknown-product'; readonly code: string }
  | { readonly kind: 'rejected'; readonly error: ScanError };

/**
 * From a raw scan to a catalog product: the core parses and checks the code
 * (check digits, scale labels), the till's own database answers, so this
 * works offline. Receipt, order and pickup codes are not products.
 */
export async function lookupScan(
  raw: string,
  findByBarcode: (barcode: string) => Promise<Product | undefined>,
  config: ScanConfig = defaultScanConfig,
): Promise<ScanLookup> {
  const scan = parseScan(raw, config);
  if (!scan.ok) return { kind: 'rejected', error: scan.error };
  const { value } = scan;
  const key =
    value.kind === 'gtin'
      ? value.gtin
      : value.kind === 'variable-measure'
        ? value.articleKey
        : value.kind === 'gs1'
          ? value.gtin
          : undefined;
  if (!key) return { kind: 'not-a-product', scanKind: value.kind };
  const product = await findByBarcode(key);
  if (!product) return { kind: 'unknown-product', code: key };
  return { kind: 'product', product, measure: value.kind === 'variable-measure' ? value.measure : undefined };
}
