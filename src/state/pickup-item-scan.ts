import { defaultScanConfig, parseScan, type ScanConfig } from '../core/barcodes';
import type { ClickCollectOrder } from '../core/orders/click-collect-order';
import { countScannedPiece, type ItemCounts, type WantedPieces } from '../core/orders/pickup-scan';
import { t } from '../i18n/i18n';
import type { PickupPort } from './pickup-port';

// One item scanned at the desk, to pick it or to hand it over: counted on its
// line, or refused in words: an item that is not in the order by its name
// (from the catalog), one piece too many of a line by the line's name.

export type ItemScanOutcome =
  | { readonly ok: true; readonly counts: ItemCounts; readonly words: string }
  | { readonly ok: false; readonly words: string };

/** The scanned text and the GTIN the core reads in it (an EAN-13 read as GTIN-14 is the same item). */
function candidates(raw: string, config: ScanConfig): string[] {
  const text = raw.trim();
  const scan = parseScan(text, config);
  const gtin =
    scan.ok && (scan.value.kind === 'gtin' || scan.value.kind === 'gs1') ? scan.value.gtin : undefined;
  return gtin ? [gtin, text] : [text];
}

export async function scanOrderItem(
  port: PickupPort,
  order: ClickCollectOrder,
  wanted: WantedPieces,
  counts: ItemCounts,
  raw: string,
): Promise<ItemScanOutcome> {
  const config = (await port.settings())?.scanConfig ?? defaultScanConfig;
  const counted = countScannedPiece(order.lines, wanted, counts, candidates(raw, config));
  const nameOf = (lineId: string) => order.lines.find((l) => l.lineId === lineId)?.name ?? '';
  if (counted.ok) {
    const { lineId } = counted.value;
    return {
      ok: true,
      counts: counted.value.counts,
      words: t('pickupApp.items.counted', {
        name: nameOf(lineId),
        counted: counted.value.counts[lineId] ?? 0,
        wanted: wanted.get(lineId) ?? 0,
      }),
    };
  }
  if (counted.error.code === 'line-complete') {
    return { ok: false, words: t('pickupApp.items.lineComplete', { name: nameOf(counted.error.lineId) }) };
  }
  const name = await port.productName(raw.trim());
  return {
    ok: false,
    words: name
      ? t('pickupApp.items.wrongItem', { name })
      : t('pickupApp.items.unknownItem', { code: raw.trim() }),
  };
}
