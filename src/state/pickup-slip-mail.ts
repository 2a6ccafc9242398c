import type { ClickCollectOrder } from '../core/orders/click-collect-order';
import type { OrderHandover } from '../core/orders/handover';
import type { ReceiptMailRequest } from '../core/orders/receipt-mail';
import { receiptToPlainText } from '../core/receipts';
import { singleLine } from '../core/receipts/receipt-format';
import { t } from '../i18n/i18n';
import { pickupSlipDocument } from './pickup-slip';

// The handover slip by e-mail (docs/pickup.md), sent like a kiosk receipt
// (POST /sync/v1/receipt-mails, with the handover's id; waiting in the
// desk's outbox while the link is down), only to the e-mail the order
// carries. In the customer's language: web orders carry none, so French,
// the store's default.

export const SLIP_MAIL_LANGUAGE = 'fr';

export function pickupSlipMail(
  order: ClickCollectOrder,
  handover: OrderHandover,
  receiptNumber: string,
  storeName: string,
  language: string = SLIP_MAIL_LANGUAGE,
): ReceiptMailRequest | undefined {
  const to = order.customer.email;
  if (!to) return undefined;
  const lng = language;
  const slip = receiptToPlainText(pickupSlipDocument(order, handover, receiptNumber, lng), 42);
  return {
    orderId: order.id,
    handoverId: handover.id,
    to,
    subject: singleLine(
      t('pickupApp.mail.subject', { lng, number: order.webOrderId, store: storeName }),
      200,
    ),
    text: `${t('pickupApp.mail.greeting', { lng, name: order.customer.name })}\n\n${slip}\n`,
  };
}
