import { isExchangeAccount } from '../returns/exchange-account';
import type { CompletedSale } from '../sale/completed-sale';
import type { Tender } from '../sale/tender';
import type { ReceiptBlock, ReceiptLocale } from './receipt-document';
import { formatAmount, maskCardNumber, singleLine } from './receipt-format';
import type { ReceiptLabels } from './receipt-labels';
import { columns, DETAIL_INDENT } from './receipt-sections';

// How the sale was paid. Cash shows what was handed over; the change and any
// cash rounding follow the tenders, so card + cash given − change (± rounding)
// reads back to the total.

const indent = { indent: DETAIL_INDENT };

function tenderBlocks(tender: Tender, locale: ReceiptLocale, labels: ReceiptLabels): ReceiptBlock[] {
  switch (tender.type) {
    case 'cash':
      return [columns(labels.cash, formatAmount(tender.given, locale))];
    case 'card': {
      const pan = tender.terminal?.maskedPan ?? null;
      const scheme = tender.terminal?.scheme ?? null;
      const schemeText = scheme === null ? null : singleLine(scheme, 20);
      const reference = [schemeText, pan === null ? null : maskCardNumber(pan)].filter(
        (part) => part !== null,
      );
      return [
        columns(labels.card, formatAmount(tender.amount, locale)),
        ...(reference.length > 0 ? [columns(reference.join(' '), '', indent)] : []),
      ];
    }
    case 'voucher':
      return [
        columns(labels.voucher, formatAmount(tender.amount, locale)),
        columns(tender.code, '', indent),
        // A voucher gives no change: show its face value when part of it was forfeited.
        ...(tender.faceValue.minor > tender.amount.minor
          ? [columns(labels.voucherFaceValue, formatAmount(tender.faceValue, locale), indent)]
          : []),
      ];
    case 'store-credit':
      // Paid with the articles brought back (an exchange): no credit note, no account to show.
      if (isExchangeAccount(tender.accountId))
        return [columns(labels.exchangeTender, formatAmount(tender.amount, locale))];
      return [
        columns(labels.storeCredit, formatAmount(tender.amount, locale)),
        columns(labels.account(tender.accountId), '', indent),
      ];
  }
}

export function paymentBlocks(
  sale: CompletedSale,
  locale: ReceiptLocale,
  labels: ReceiptLabels,
): ReceiptBlock[] {
  return [
    ...sale.tenders.flatMap((tender) => tenderBlocks(tender, locale, labels)),
    ...(sale.cashRounding.minor !== 0
      ? [columns(labels.cashRounding, formatAmount(sale.cashRounding, locale))]
      : []),
    ...(sale.change.minor > 0 ? [columns(labels.change, formatAmount(sale.change, locale))] : []),
  ];
}
