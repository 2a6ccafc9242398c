import { formatReceiptNumber } from '../core/journal/receipt-number';
import { formatMoney } from '../core/money';
import {
  RECEIPT_DOCUMENT_FORMAT,
  type ReceiptBlock,
  type ReceiptDocument,
  type ReceiptLocale,
} from '../core/receipts/receipt-document';
import { columns, rule, text } from '../core/receipts/receipt-sections';
import type { ShiftReport } from '../core/shifts/shift-report';
import { activeLanguage, INTL_LOCALE, t } from '../i18n/i18n';

// The X or Z report on paper, in the till's language: the same figures as
// the screen, as receipt blocks the printer host lays out like a receipt.

/** A tender code in words; a code this build does not know is printed as configured. */
export function tenderWords(tender: string): string {
  const key = `shifts.tenders.${tender}`;
  const words = t(key as never);
  return words === key ? tender : words;
}

export function shiftReportDocument(report: ShiftReport, storeName: string): ReceiptDocument {
  const locale = INTL_LOCALE[activeLanguage()] as ReceiptLocale;
  const currency = report.totals.currency;
  const amount = (minor: number) => formatMoney({ minor, currency }, locale);
  const when = (iso: string) =>
    new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short' }).format(new Date(iso));
  const n = report.totals;
  const blocks: ReceiptBlock[] = [
    text(storeName.slice(0, 200), { align: 'center', bold: true }),
    text(report.kind === 'Z' ? t('shifts.report.titleZ') : t('shifts.report.titleX'), {
      align: 'center',
      bold: true,
      size: 'double-height',
    }),
    columns(t('shifts.report.till'), report.tillCode),
    columns(t('shifts.report.openedAt'), when(report.openedAt)),
    ...(report.closedAt ? [columns(t('shifts.report.closedAt'), when(report.closedAt))] : []),
    rule(),
    columns(t('shifts.report.sales', { count: n.salesCount }), amount(n.salesMinor), { bold: true }),
    columns(t('shifts.report.discounts'), amount(n.discountsMinor)),
    columns(t('shifts.report.voids', { count: n.voidedLines }), amount(n.voidedMinor)),
    columns(t('shifts.report.returns', { count: n.returnsCount }), amount(n.returnsMinor)),
    columns(t('shifts.report.cashMovements'), amount(n.cashMovementsMinor)),
    columns(t('shifts.report.openingFloat'), amount(n.openingFloatMinor)),
    rule(),
  ];
  for (const tender of n.tenders) {
    const count = report.counts.find((c) => c.tender === tender.tender);
    blocks.push(
      text(tenderWords(tender.tender), { bold: true }),
      columns(t('shifts.report.taken'), amount(tender.takenMinor), { indent: 2 }),
      columns(t('shifts.report.refunded'), amount(tender.refundedMinor), { indent: 2 }),
      columns(t('shifts.report.expected'), amount(tender.expectedMinor), { indent: 2 }),
      ...(count
        ? [
            columns(t('shifts.report.counted'), amount(count.countedMinor), { indent: 2 }),
            columns(t('shifts.report.difference'), amount(count.differenceMinor), { indent: 2, bold: true }),
          ]
        : []),
    );
  }
  if (report.salesByHour.length > 0) {
    blocks.push(rule(), text(t('shifts.report.salesByHour'), { bold: true }));
    for (const bucket of report.salesByHour)
      blocks.push(
        columns(
          t('shifts.report.hourRow', { hour: bucket.hour, count: bucket.salesCount }),
          amount(bucket.salesMinor),
        ),
      );
  }
  const sequence = report.closedSequence ?? report.openedSequence;
  const number = formatReceiptNumber({ storeCode: report.storeCode, tillCode: report.tillCode, sequence });
  blocks.push(
    rule(),
    columns(t('shifts.report.number'), number),
    { type: 'feed', lines: 3 },
    { type: 'cut' },
  );
  return {
    format: RECEIPT_DOCUMENT_FORMAT,
    kind: 'shift-report',
    receiptNumber: number,
    locale,
    duplicate: false,
    blocks,
  };
}
