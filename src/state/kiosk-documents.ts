import { formatMoney, type Money, money } from '../core/money';
import type { KioskOrder } from '../core/orders/kiosk-order';
import { kioskOrderTotals } from '../core/orders/kiosk-order-totals';
import { lineTotal } from '../core/orders/order-line';
import type { ReceiptBlock, ReceiptDocument, ReceiptLocale } from '../core/receipts';
import { receiptToPlainText } from '../core/receipts/plain-text';
import { RECEIPT_DOCUMENT_FORMAT } from '../core/receipts/receipt-document';
import { singleLine } from '../core/receipts/receipt-format';
import { t } from '../i18n/i18n';
import type { KioskLanguage } from './kiosk-path';

// What the kiosk prints: the ticket to pay at the till (its QR code holds the
// signed order, docs/kiosk-tickets.md) and the receipt of an order paid at
// the kiosk. Worded in the customer's language; the printer host renders the
// blocks (src/core/receipts/receipt-document.ts).

const LOCALE: Readonly<Record<KioskLanguage, ReceiptLocale>> = { fr: 'fr-FR', en: 'en-GB' };

const text = (
  words: string,
  options: Partial<{
    bold: boolean;
    size: 'normal' | 'double-height' | 'double';
    align: 'left' | 'center';
  }> = {},
): ReceiptBlock => ({
  type: 'text',
  text: singleLine(words, 256),
  align: options.align ?? 'center',
  bold: options.bold ?? false,
  size: options.size ?? 'normal',
});

const columns = (left: string, right: string, bold = false): ReceiptBlock => ({
  type: 'columns',
  left: singleLine(left, 256),
  right,
  indent: 0,
  bold,
  size: 'normal',
});

/** The short order number customers and staff say aloud: the id's last 8 hex digits (as the till's ticket flow). */
export const kioskOrderNumber = (orderId: string): string =>
  orderId.replace(/-/g, '').slice(-8).toUpperCase();

function lineBlocks(order: KioskOrder, locale: ReceiptLocale): ReceiptBlock[] {
  const amount = (m: Money) => formatMoney(m, locale);
  const totals = kioskOrderTotals(order);
  const fee = totals.deliveryFee;
  return [
    { type: 'rule' },
    ...order.lines.map((line) => columns(`${line.quantity} × ${line.name}`, amount(lineTotal(line)))),
    ...(fee
      ? [
          columns(
            t('kioskApp.totals.deliveryFee', { lng: langOf(locale) }),
            fee.minor === 0 ? t('kioskApp.totals.free', { lng: langOf(locale) }) : amount(fee),
          ),
        ]
      : []),
    { type: 'rule' },
    columns(t('kioskApp.print.total', { lng: langOf(locale) }), amount(totals.total), true),
    ...totals.vat.rates.map((rate) =>
      columns(
        t('kioskApp.print.vat', {
          lng: langOf(locale),
          rate: new Intl.NumberFormat(locale).format(rate.rateBps / 100),
        }),
        amount(money(rate.vat.minor, rate.vat.currency)),
      ),
    ),
  ];
}

const langOf = (locale: ReceiptLocale): KioskLanguage => (locale === 'en-GB' ? 'en' : 'fr');

/** The ticket to pay at the till: the QR code of the signed order and its number. */
export function kioskTicketDocument(
  order: KioskOrder,
  ticket: string,
  receiptNumber: string,
  language: KioskLanguage,
): ReceiptDocument {
  const locale = LOCALE[language];
  const lng = language;
  return {
    format: RECEIPT_DOCUMENT_FORMAT,
    kind: 'kiosk-ticket',
    receiptNumber,
    locale,
    duplicate: false,
    blocks: [
      text(t('kioskApp.print.ticketTitle', { lng }), { bold: true, size: 'double' }),
      text(t('kioskApp.print.orderNumber', { lng, number: kioskOrderNumber(order.id) }), { bold: true }),
      ...lineBlocks(order, locale),
      { type: 'feed', lines: 1 },
      { type: 'barcode', symbology: 'qr', data: ticket },
      text(t('kioskApp.print.ticketHint', { lng })),
      { type: 'feed', lines: 2 },
      { type: 'cut' },
    ],
  };
}

/** The receipt of an order paid by card at the kiosk, with the terminal's slip. */
export function kioskOrderReceiptDocument(
  order: KioskOrder,
  receiptNumber: string,
  readyWords: string,
  terminalReceipt: readonly string[],
  language: KioskLanguage,
): ReceiptDocument {
  const locale = LOCALE[language];
  const lng = language;
  return {
    format: RECEIPT_DOCUMENT_FORMAT,
    kind: 'kiosk-order',
    receiptNumber,
    locale,
    duplicate: false,
    blocks: [
      text(t('kioskApp.print.receiptTitle', { lng }), { bold: true, size: 'double-height' }),
      text(t('kioskApp.print.orderNumber', { lng, number: kioskOrderNumber(order.id) }), { bold: true }),
      text(receiptNumber),
      ...lineBlocks(order, locale),
      text(t('kioskApp.print.paidByCard', { lng }), { align: 'left' }),
      text(readyWords, { align: 'left' }),
      ...(terminalReceipt.length > 0
        ? [
            { type: 'rule' } as const,
            ...terminalReceipt.map(
              (line): ReceiptBlock => ({ type: 'preformatted', text: singleLine(line, 256) }),
            ),
          ]
        : []),
      { type: 'feed', lines: 2 },
      { type: 'cut' },
    ],
  };
}

/** The receipt of an order paid at the kiosk as an e-mail: the printed receipt's text, without the card slip. */
export function kioskReceiptMail(
  order: KioskOrder,
  receiptNumber: string,
  readyWords: string,
  storeName: string,
  language: KioskLanguage,
): { readonly subject: string; readonly text: string } {
  const lng = language;
  const receipt = receiptToPlainText(
    kioskOrderReceiptDocument(order, receiptNumber, readyWords, [], language),
    42,
  );
  return {
    subject: singleLine(
      t('kioskApp.print.mailSubject', { lng, number: kioskOrderNumber(order.id), store: storeName }),
      200,
    ),
    text: `${t('kioskApp.print.mailGreeting', { lng })}\n\n${receipt}\n`,
  };
}
