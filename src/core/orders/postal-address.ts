import { z } from 'zod';
import { err, ok, type Result } from '../result';
import { fieldIssues, type OrderIssue } from './order-issues';
import { countryCodeSchema, personTextSchema } from './order-values';

// A delivery address for home delivery. French by default (5-digit code
// postal, which also covers Corsica and the overseas departments), but the
// shape is the common international one: street lines, postcode, city,
// country. Countries we know get their exact postcode format; any other gets
// a loose check, because refusing a real foreign address at the kiosk is worse
// than a carrier asking for a correction.
//
// A Map, not an object literal: the country is user input, and "toString" or
// "__proto__" would find a member of Object.prototype in a plain object.
const POSTCODE_FORMATS: ReadonlyMap<string, RegExp> = new Map([
  ['FR', /^\d{5}$/],
  ['MC', /^980\d{2}$/],
  ['DE', /^\d{5}$/],
  ['ES', /^\d{5}$/],
  ['IT', /^\d{5}$/],
  ['BE', /^\d{4}$/],
  ['LU', /^\d{4}$/],
  ['CH', /^\d{4}$/],
  ['AT', /^\d{4}$/],
  ['NL', /^\d{4} [A-Z]{2}$/],
  ['PT', /^\d{4}-\d{3}$/],
]);
const ANY_POSTCODE = /^[A-Z0-9](?:[A-Z0-9 -]{0,8}[A-Z0-9])?$/;

export function isValidPostcode(postcode: string, country: string): boolean {
  return (POSTCODE_FORMATS.get(country) ?? ANY_POSTCODE).test(postcode);
}

export const postalAddressSchema = z
  .strictObject({
    /** Who receives the parcel; may differ from the contact. */
    name: personTextSchema(100),
    /** Street, building, floor: one to three lines as printed on the label. */
    lines: z.array(personTextSchema(100)).min(1).max(3).readonly(),
    postcode: z.string().max(10),
    city: personTextSchema(100),
    country: countryCodeSchema,
  })
  .refine((address) => isValidPostcode(address.postcode, address.country), {
    path: ['postcode'],
    message: 'postcode: not valid for the country',
  });
export type PostalAddress = z.infer<typeof postalAddressSchema>;

export interface PostalAddressInput {
  readonly name?: string;
  readonly lines?: readonly string[];
  readonly postcode?: string;
  readonly city?: string;
  /** Defaults to FR: the kiosk is in a French store. */
  readonly country?: string;
}

const tidy = (text: string | undefined): string => (text ?? '').trim().replace(/\s+/g, ' ');

/** Trims typed address fields (blank street lines dropped, postcode upper-cased), then validates. */
export function normalizeAddress(input: PostalAddressInput): Result<PostalAddress, OrderIssue[]> {
  const candidate = {
    name: tidy(input.name),
    lines: (input.lines ?? []).map(tidy).filter((line) => line !== ''),
    postcode: tidy(input.postcode).toUpperCase(),
    city: tidy(input.city),
    country: tidy(input.country ?? 'FR').toUpperCase(),
  };
  const parsed = postalAddressSchema.safeParse(candidate);
  if (parsed.success) return ok(parsed.data);
  const postcodeBad =
    countryCodeSchema.safeParse(candidate.country).success &&
    !isValidPostcode(candidate.postcode, candidate.country);
  const issues = fieldIssues(parsed.error, 'address').filter(
    (issue) => !(postcodeBad && issue.code === 'invalid-field' && issue.path === 'address.postcode'),
  );
  if (postcodeBad) {
    issues.push({ code: 'invalid-postcode', postcode: candidate.postcode, country: candidate.country });
  }
  return err(issues);
}
