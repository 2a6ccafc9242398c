import type { JournalEntryOf } from '../../../src/core/journal/journal-entry';
import { formatReceiptNumber } from '../../../src/core/journal/receipt-number';
import type { GiftVoucher } from '../../../src/core/vouchers/gift-voucher';
import type { Queryable } from '../db/database';
import { lockScope, writeDocuments } from '../sync/document-store';
import { entryIncident } from './entry-incident';

type SaleEntry = JournalEntryOf<'sale.completed'>;

interface VoucherRow {
  code: string;
  store_code: string;
  face_minor: string | number;
  currency: string;
  sale_id: string;
  entry_id: string;
  till_id: string;
  issued_at: Date | string;
}
interface RedemptionRow {
  entry_id: string;
  code: string;
  sale_id: string;
  tender_id: string;
  till_id: string;
  receipt_number: string;
  amount_minor: string | number;
  currency: string;
  completed_at: Date | string;
}

/**
 * Gift vouchers from the sales of one push (docs/gift-vouchers.md): each
 * voucher a sale issued gets a row and a `vouchers` document in the store
 * that sold it, so every till of that store can take it offline; each
 * voucher tender is recorded as a spend of its code. When the spends of a
 * voucher add up to more than its value (two tills took it offline), the
 * spend that arrived last gets a `voucher-over-redeemed` incident naming
 * every sale that spent it. A code issued twice keeps its first sale and
 * gets a `voucher-code-reused` incident. Idempotent: every row is keyed.
 */
export async function projectVouchers(tx: Queryable, sales: readonly SaleEntry[]): Promise<void> {
  const touched = new Map<string, SaleEntry>();
  for (const entry of sales) {
    const sale = entry.payload;
    for (const issued of sale.vouchersIssued ?? []) {
      const line = sale.lines.find((l) => l.lineId === issued.lineId);
      if (!line) continue;
      const inserted = await tx.query(
        `INSERT INTO gift_vouchers (code, store_code, face_minor, currency, sale_id, entry_id, till_id, issued_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (code) DO NOTHING RETURNING code`,
        [
          issued.code,
          entry.storeCode,
          line.net.minor,
          line.net.currency,
          sale.saleId,
          entry.id,
          entry.tillId,
          sale.completedAt,
        ],
      );
      if (inserted.rows.length > 0) touched.set(issued.code, entry);
      else {
        const first = await tx.query<{ entry_id: string; sale_id: string }>(
          'SELECT entry_id, sale_id FROM gift_vouchers WHERE code = $1',
          [issued.code],
        );
        if (first.rows[0]?.entry_id !== entry.id)
          await entryIncident(tx, entry, 'voucher-code-reused', {
            message: 'a gift voucher code was sold again; the first sale keeps it',
            code: issued.code,
            firstSaleId: first.rows[0]?.sale_id ?? null,
            saleId: sale.saleId,
          });
      }
    }
    for (const [index, tender] of sale.tenders.entries()) {
      if (tender.type !== 'voucher') continue;
      const code = tender.code.toUpperCase();
      const inserted = await tx.query(
        `INSERT INTO gift_voucher_redemptions (entry_id, tender_index, code, sale_id, tender_id, store_code,
           till_id, receipt_number, amount_minor, currency, completed_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) ON CONFLICT DO NOTHING RETURNING code`,
        [
          entry.id,
          index,
          code,
          sale.saleId,
          tender.tenderId,
          entry.storeCode,
          entry.tillId,
          formatReceiptNumber(entry),
          tender.amount.minor,
          tender.amount.currency,
          sale.completedAt,
        ],
      );
      if (inserted.rows.length > 0) touched.set(code, entry);
    }
  }
  if (touched.size === 0) return;
  const vouchers = await tx.query<VoucherRow>(
    'SELECT * FROM gift_vouchers WHERE code = ANY($1::text[]) ORDER BY store_code, code',
    [[...touched.keys()]],
  );
  const byStore = new Map<string, VoucherRow[]>();
  for (const row of vouchers.rows) byStore.set(row.store_code, [...(byStore.get(row.store_code) ?? []), row]);
  for (const [storeCode, rows] of [...byStore.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
    await lockScope(tx, 'vouchers', storeCode);
    const docs: GiftVoucher[] = [];
    for (const row of rows) {
      const spends = await tx.query<RedemptionRow>(
        'SELECT * FROM gift_voucher_redemptions WHERE code = $1 ORDER BY projected_at, entry_id, tender_index',
        [row.code],
      );
      const doc = voucherDocument(row, spends.rows);
      docs.push(doc);
      const arrived = touched.get(row.code);
      if (doc.overRedeemed && arrived) {
        await entryIncident(tx, arrived, 'voucher-over-redeemed', {
          message: 'a gift voucher was spent beyond its value, on tills that did not know of each other',
          code: row.code,
          faceValueMinor: doc.faceValue.minor,
          spentMinor: doc.faceValue.minor - doc.remaining.minor,
          sales: spends.rows.map((s) => ({
            saleId: s.sale_id,
            receiptNumber: s.receipt_number,
            tillId: s.till_id,
            amountMinor: Number(s.amount_minor),
          })),
        });
      }
    }
    await writeDocuments(
      tx,
      'vouchers',
      storeCode,
      docs.map((doc) => ({ id: doc.id, doc: { ...doc }, deleted: false })),
    );
  }
}

const iso = (value: Date | string) => new Date(value).toISOString();

function voucherDocument(row: VoucherRow, spends: readonly RedemptionRow[]): GiftVoucher {
  const face = Number(row.face_minor);
  const spent = spends.reduce((sum, s) => sum + Number(s.amount_minor), 0);
  return {
    id: row.code,
    storeCode: row.store_code,
    faceValue: { minor: face, currency: row.currency },
    issuedAt: iso(row.issued_at),
    issuedSaleId: row.sale_id,
    issuedTillId: row.till_id,
    redemptions: spends.slice(0, 500).map((s) => ({
      saleId: s.sale_id,
      tenderId: s.tender_id,
      tillId: s.till_id,
      amount: { minor: Number(s.amount_minor), currency: s.currency },
      at: iso(s.completed_at),
    })),
    remaining: { minor: face - spent, currency: row.currency },
    overRedeemed: spent > face,
  };
}
