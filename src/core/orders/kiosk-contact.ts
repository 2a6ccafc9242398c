import { err, ok, type Result } from '../result';
import { type Contact, type ContactInput, normalizeContact } from './contact';
import type { OrderIssue } from './order-issues';

// The kiosk's contact step: the order's contact (contact.ts: a name, and an
// email or a phone, normalised), plus the customer's consent to be told
// about this order by those means. Nothing more is asked: no address
// unless the order is delivered, no account, no marketing opt-in.

export interface KioskContactInput extends ContactInput {
  /** Ticked by the customer: « I agree to receive messages about this order ». */
  readonly consent?: boolean;
}

export type KioskContactIssue = OrderIssue | { readonly code: 'consent-missing' };

/** The contact issues a kiosk screen shows next to its fields (words under `kiosk.contact.<code>`). */
export const KIOSK_CONTACT_ISSUE_CODES = [
  'missing-contact-name',
  'missing-email-and-phone',
  'invalid-email',
  'invalid-phone',
  'consent-missing',
] as const satisfies readonly KioskContactIssue['code'][];

/** Every problem at once; the contact in its stored form when there is none. */
export function checkKioskContact(
  input: KioskContactInput,
  callingCode = '33',
): Result<Contact, KioskContactIssue[]> {
  const contact = normalizeContact(input, callingCode);
  const issues: KioskContactIssue[] = contact.ok ? [] : [...contact.error];
  if (input.consent !== true) issues.push({ code: 'consent-missing' });
  if (issues.length > 0 || !contact.ok) return err(issues);
  return ok(contact.value);
}
