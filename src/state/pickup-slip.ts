import type { ClickCollectOrder } from '../core/orders/click-collect-order';
import type { OrderHandover } from '../core/orders/handover';
import { piecesLeft } from '../core/orders/pickup-queue';
import type { ReceiptBlock, ReceiptDocument, ReceiptLocale } from '../core/receipts';
import { RECEIPT_DOCUMENT_FORMAT } from '../core/receipts/receipt-document';
import { singleLine } from '../core/receipts/receipt-format';
import { activeLanguage, t } from '../i18n/i18n';

// The handover slip the desk prints for the customer: the order, what was
// handed over now, what stays at the desk and why, how the customer was
// identified (the kind of ID only), and that they signed on the screen.
// Numbered like a receipt by the handover's journal entry.

const text = (words: string, bold = false): ReceiptBlock => ({
  type: 'text',
  text: singleLine(words, 256),
  align: 'left',
  bold,
  size: 'normal',
});

const row = (left: string, right: string): ReceiptBlock => ({
  type: 'columns',
  left: singleLine(left, 256),
  right,
  indent: 0,
  bold: false,
  size: 'normal',
});

export function pickupSlipDocument(
  order: ClickCollectOrder,
  handover: OrderHandover,
  receiptNumber: string,
  /** The slip's language: the desk's, or the customer's for an e-mail. */
  language: string = activeLanguage(),
): ReceiptDocument {
  const lng = language;
  const locale: ReceiptLocale = lng === 'en' ? 'en-GB' : 'fr-FR';
  const nameOf = (lineId: string) => order.lines.find((l) => l.lineId === lineId)?.name ?? lineId;
  const left = piecesLeft(order);
  const how = handover.identification;
  const identified =
    how.method === 'id-checked'
      ? t('pickupApp.slip.idChecked', { lng, document: t(`pickupApp.idDocuments.${how.document}`, { lng }) })
      : how.method === 'pickup-code-scanned'
        ? t('pickupApp.slip.byCode', { lng })
        : t('pickupApp.slip.byNumber', { lng });
  return {
    format: RECEIPT_DOCUMENT_FORMAT,
    kind: 'pickup-slip',
    receiptNumber,
    locale,
    duplicate: false,
    blocks: [
      {
        type: 'text',
        text: singleLine(t('pickupApp.slip.title', { lng }), 256),
        align: 'center',
        bold: true,
        size: 'double-height',
      },
      text(t('pickupApp.slip.order', { lng, number: order.webOrderId }), true),
      text(order.customer.name),
      text(new Date(handover.handedOverAt).toLocaleString(locale)),
      { type: 'rule' },
      text(t('pickupApp.slip.handedOver', { lng }), true),
      ...handover.lines.map((line) => row(nameOf(line.lineId), `× ${line.quantity}`)),
      ...(left.size > 0
        ? [
            { type: 'rule' } as const,
            text(t('pickupApp.slip.stillWaiting', { lng }), true),
            ...[...left].map(([lineId, n]) => row(nameOf(lineId), `× ${n}`)),
            ...(handover.remainderReason
              ? [text(t(`pickupApp.remainderReasons.${handover.remainderReason}`, { lng }))]
              : []),
          ]
        : []),
      { type: 'rule' },
      text(identified),
      text(handover.signature ? t('pickupApp.slip.signed', { lng }) : t('pickupApp.slip.notSigned', { lng })),
      { type: 'feed', lines: 2 },
      { type: 'cut' },
    ],
  };
}
