import { DELIVERY_ADDRESS_ISSUE_CODES } from '../core/orders/french-delivery';
import { KIOSK_CONTACT_ISSUE_CODES } from '../core/orders/kiosk-contact';
import { KIOSK_RESERVATION_REFUSAL_CODES } from '../core/orders/stock-reservation';
import { t } from './i18n';

// The kiosk's data paths in the customer's words (docs/kiosk-data.md):
// a reservation the server refused, a delivery address it cannot take, a
// contact step not complete. Each code has a sentence under
// `kiosk.<group>.<code>` in every language; a code this build does not know
// gets its group's general sentence, never the code.

export const KIOSK_WORD_GROUPS = {
  refusal: KIOSK_RESERVATION_REFUSAL_CODES,
  delivery: DELIVERY_ADDRESS_ISSUE_CODES,
  contact: KIOSK_CONTACT_ISSUE_CODES,
} as const;
export type KioskWordGroup = keyof typeof KIOSK_WORD_GROUPS;

/** What to tell the customer for a code of `group`. */
export function kioskWords(group: KioskWordGroup, code: string): string {
  const known = (KIOSK_WORD_GROUPS[group] as readonly string[]).includes(code);
  const fallback: Record<KioskWordGroup, string> = {
    refusal: 'server-unreachable',
    delivery: 'postcode-unknown',
    contact: 'missing-email-and-phone',
  };
  return t(`kiosk.${group}.${known ? code : fallback[group]}` as never);
}
