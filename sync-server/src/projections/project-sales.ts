import type { JournalEntryOf } from '../../../src/core/journal/journal-entry';
import { formatReceiptNumber } from '../../../src/core/journal/receipt-number';
import type { Tender } from '../../../src/core/sale/tender';
import type { Queryable } from '../db/database';
import { envelopeOf } from './entry-envelope';
import { insertRowsOfTables, rowsOf } from './insert-rows';
import { vatPerLine } from './line-vat';
import {
  PAYMENTS,
  type PaymentRow,
  SALE_LINES,
  SALES,
  type SaleLineRow,
  type SaleRow,
  type StockMovementRow,
} from './projection-tables';
import { type CatalogUnit, stockQuantityOfSaleLine } from './stock-quantity';

type SaleEntry = JournalEntryOf<'sale.completed'>;

/**
 * Projects sales into sales, sale_lines and payments, and returns the stock
 * each one took off its store's shelves (one movement per line that was not
 * voided); the caller applies those.
 */
export async function projectSales(
  tx: Queryable,
  entries: readonly SaleEntry[],
  catalog: ReadonlyMap<string, CatalogUnit>,
): Promise<StockMovementRow[]> {
  const projected = entries.map((entry) => saleRows(entry, catalog));
  await insertRowsOfTables(tx, [
    rowsOf(
      SALES,
      projected.map((p) => p.sale),
    ),
    rowsOf(
      SALE_LINES,
      projected.flatMap((p) => p.lines),
    ),
    rowsOf(
      PAYMENTS,
      projected.flatMap((p) => p.payments),
    ),
  ]);
  return projected.flatMap((p) => p.stock);
}

function saleRows(entry: SaleEntry, catalog: ReadonlyMap<string, CatalogUnit>) {
  const sale = entry.payload;
  const envelope = envelopeOf(entry);
  const saleRow: SaleRow = {
    ...envelope,
    sale_id: sale.saleId,
    receipt_number: formatReceiptNumber(entry),
    staff_id: sale.staffId,
    started_at: sale.startedAt,
    completed_at: sale.completedAt,
    currency: sale.currency,
    gross_minor: sale.totals.gross.minor,
    promotion_discount_minor: sale.totals.promotionDiscount.minor,
    line_discount_minor: sale.totals.lineDiscount.minor,
    basket_discount_minor: sale.totals.basketDiscount.minor,
    total_discount_minor: sale.totals.totalDiscount.minor,
    total_minor: sale.totals.total.minor,
    vat_minor: sale.vat.total.vat.minor,
    change_minor: sale.change.minor,
    cash_rounding_minor: sale.cashRounding.minor,
  };
  const vat = vatPerLine(
    sale.lines.map((line) => ({ vatRateBps: line.vatRateBps, amountMinor: line.net.minor })),
    sale.vat,
  );
  const lines: SaleLineRow[] = [];
  const stock: StockMovementRow[] = [];
  // A gift voucher is not goods; a kiosk order's goods come from where the
  // order is fulfilled, not from this store's shelves (docs/kiosk-tickets.md);
  // a click-and-collect order's goods move no stock either, as its handovers
  // do not (order stock is not projected yet: docs/projections.md).
  const voucherLines = new Set((sale.vouchersIssued ?? []).map((v) => v.lineId));
  sale.lines.forEach((line, index) => {
    const leavesShelf = !(
      line.voided !== null ||
      sale.kioskOrder !== undefined ||
      sale.clickCollectOrder !== undefined ||
      voucherLines.has(line.lineId)
    );
    const moved = stockQuantityOfSaleLine(line, catalog.get(line.productId));
    lines.push({
      entry_id: entry.id,
      line_index: index,
      sale_id: sale.saleId,
      line_id: line.lineId,
      product_id: line.productId,
      name: line.name,
      barcode: line.barcode,
      scanned_code: line.scannedCode,
      category: line.category,
      measure: line.measure.kind,
      quantity: line.measure.kind === 'pieces' ? line.measure.quantity : null,
      weight_grams: line.measure.kind === 'weight' ? line.measure.grams : null,
      unit_price_minor: line.unitPrice.minor,
      gross_minor: line.gross.minor,
      promotion_discount_minor: line.promotionDiscount.minor,
      line_discount_minor: line.lineDiscount.minor,
      basket_discount_share_minor: line.basketDiscountShare.minor,
      net_minor: line.net.minor,
      vat_rate_bps: line.vatRateBps,
      vat_minor: vat[index] ?? 0,
      voided: line.voided !== null,
      stock_quantity: leavesShelf ? moved.quantity : 0,
      stock_unit: moved.unit,
      stock_estimated: moved.estimated,
      original_unit_price_minor: line.priceOverride?.originalUnitPrice.minor ?? null,
      price_override_reason: line.priceOverride?.reasonCode ?? null,
      price_override_by: line.priceOverride?.byStaffId ?? null,
      price_override_approved_by: line.priceOverride?.approval?.approverStaffId ?? null,
    });
    if (leavesShelf && moved.quantity !== 0) {
      stock.push({
        entry_id: entry.id,
        line_index: index,
        store_code: entry.storeCode,
        location_code: entry.storeCode,
        product_id: line.productId,
        delta: -moved.quantity,
        unit: moved.unit,
        estimated: moved.estimated,
        reason: 'sale',
        recorded_at: entry.recordedAt,
      });
    }
  });
  const payments = sale.tenders.map((tender, index) => paymentRow(entry, tender, index));
  return { sale: saleRow, lines, payments, stock };
}

function paymentRow(entry: SaleEntry, tender: Tender, index: number): PaymentRow {
  const row: PaymentRow = {
    entry_id: entry.id,
    tender_index: index,
    sale_id: entry.payload.saleId,
    tender_id: tender.tenderId,
    kind: tender.type,
    currency: tender.amount.currency,
    amount_minor: tender.amount.minor,
    tendered_minor: tender.amount.minor,
    rounding_minor: 0,
    change_minor: 0,
    card_terminal_id: null,
    card_transaction_ref: null,
    card_authorisation_code: null,
    card_masked_pan: null,
    card_scheme: null,
    voucher_code: null,
    voucher_face_value_minor: null,
    store_credit_account_id: null,
  };
  switch (tender.type) {
    case 'cash':
      return {
        ...row,
        tendered_minor: tender.given.minor,
        rounding_minor: tender.rounding.minor,
        change_minor: tender.change.minor,
      };
    case 'card':
      return {
        ...row,
        card_terminal_id: tender.terminal?.terminalId ?? null,
        card_transaction_ref: tender.terminal?.transactionRef ?? null,
        card_authorisation_code: tender.terminal?.authorisationCode ?? null,
        card_masked_pan: tender.terminal?.maskedPan ?? null,
        card_scheme: tender.terminal?.scheme ?? null,
      };
    case 'voucher':
      return { ...row, voucher_code: tender.code, voucher_face_value_minor: tender.faceValue.minor };
    case 'store-credit':
      return { ...row, store_credit_account_id: tender.accountId };
  }
}
