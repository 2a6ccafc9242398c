import type { PickupRefusalReason } from '../core/journal/pickup-refusal-payload';
import type { OrderHandoverError } from '../data/order-handover';
import type { OrderStatusMoveError } from '../data/order-status-move';
import { journalErrorWords, orderTokenWords } from '../i18n/error-words';
import { t } from '../i18n/i18n';

// The pickup desk's refusals in words: no code reaches the clerk.

export function handoverErrorWords(error: OrderHandoverError): string {
  switch (error.code) {
    case 'unknown-order':
    case 'not-click-and-collect':
      return t('pickupApp.refused.unknownOrder');
    case 'journal-refused':
      return journalErrorWords(error.reason);
    case 'order-changed':
      return t('pickupApp.refused.orderChanged');
    case 'handover-refused': {
      const reason = error.reason;
      switch (reason.code) {
        case 'order-cancelled':
          return t('pickupApp.refused.cancelled');
        case 'order-not-ready':
          return t('pickupApp.refused.notReady');
        case 'order-closed':
          return t('pickupApp.refused.closed');
        case 'exceeds-remaining':
          return t('pickupApp.refused.exceeds');
        case 'identification-mismatch':
          return t('pickupApp.refused.codeOfAnotherOrder');
        case 'invalid-handover':
        case 'wrong-order':
        case 'duplicate-handover':
        case 'too-many-handovers':
        case 'unknown-line':
          return t('pickupApp.refused.invalid');
      }
    }
  }
}

export function statusMoveWords(error: OrderStatusMoveError): string {
  switch (error.code) {
    case 'unknown-order':
    case 'not-click-and-collect':
      return t('pickupApp.refused.unknownOrder');
    case 'refused-move':
      if (error.reason.event === 'return')
        return error.reason.from === 'returned'
          ? t('pickupApp.restock.already')
          : t('pickupApp.restock.refused');
      return error.reason.from === 'ready-for-pickup'
        ? t('pickupApp.prepare.alreadyReady')
        : t('pickupApp.refused.cannotMove');
  }
}

/** A refused code's reason in words, as the desk said it when it refused (read back from the journal). */
export function refusalWords(reason: PickupRefusalReason): string {
  switch (reason) {
    case 'malformed-code':
      return t('pickupApp.find.malformedCode');
    case 'unknown-code':
      return t('pickupApp.find.unknownCode');
    case 'code-of-another-order':
      return t('pickupApp.identify.wrongCode');
    default:
      return orderTokenWords(reason);
  }
}
