import { z } from 'zod';
import { err, ok, type Result } from '../result';
import { fieldIssues, type OrderIssue } from './order-issues';
import { personTextSchema } from './order-values';

// How the store reaches the customer about an order ("your order is ready").
// A name plus an email and/or a phone: at least one of the two, or nobody can
// be told. Phones are stored in E.164 (+33612345678) so an SMS gateway never
// has to guess the country; `normalizeContact` turns what a customer types on
// the kiosk ("06 12 34 56 78") into that form.

export const emailSchema = z.email().max(254);
export const phoneSchema = z.string().regex(/^\+[1-9]\d{6,14}$/, 'phone: E.164 such as +33612345678');

export const contactSchema = z
  .strictObject({
    name: personTextSchema(100),
    email: emailSchema.optional(),
    phone: phoneSchema.optional(),
  })
  .refine((contact) => contact.email !== undefined || contact.phone !== undefined, {
    message: 'contact: an email or a phone is required',
  });
export type Contact = z.infer<typeof contactSchema>;

/** What a person typed; every field may be missing or padded. */
export interface ContactInput {
  readonly name?: string;
  readonly email?: string;
  readonly phone?: string;
}

/**
 * "06 12 34 56 78", "+33 6 12 34 56 78" or "0033612345678" -> "+33612345678".
 * A national number (leading 0) gets `callingCode` (the store's country,
 * 33 for France). Returns undefined when the result is not a plausible E.164.
 */
export function normalizePhone(raw: string, callingCode = '33'): string | undefined {
  const compact = raw.replace(/[\s.\-()/]/g, '');
  let international = compact;
  if (compact.startsWith('00')) international = `+${compact.slice(2)}`;
  else if (/^0[1-9]/.test(compact)) international = `+${callingCode}${compact.slice(1)}`;
  return phoneSchema.safeParse(international).success ? international : undefined;
}

/** Trims and normalises typed contact details, then validates them; all problems at once. */
export function normalizeContact(input: ContactInput, callingCode = '33'): Result<Contact, OrderIssue[]> {
  const issues: OrderIssue[] = [];
  const name = (input.name ?? '').trim().replace(/\s+/g, ' ');
  const email = (input.email ?? '').trim();
  const phoneText = (input.phone ?? '').trim();

  const nameCheck = contactSchema.shape.name.safeParse(name);
  if (name === '') issues.push({ code: 'missing-contact-name' });
  // Too long, or text the journal could not hash (a lone surrogate): the schema says which.
  else if (!nameCheck.success) issues.push(...fieldIssues(nameCheck.error, 'contact.name'));
  if (email === '' && phoneText === '') issues.push({ code: 'missing-email-and-phone' });
  if (email !== '' && !emailSchema.safeParse(email).success)
    issues.push({ code: 'invalid-email', value: email });
  const phone = phoneText === '' ? undefined : normalizePhone(phoneText, callingCode);
  if (phoneText !== '' && phone === undefined) issues.push({ code: 'invalid-phone', value: phoneText });
  if (issues.length > 0) return err(issues);

  return ok({
    name,
    ...(email === '' ? {} : { email }),
    ...(phone === undefined ? {} : { phone }),
  });
}
