import type { z } from 'zod';

// What a builder reports when it refuses an order: every problem at once, as
// values a kiosk screen can map to a message next to the right field.

export type OrderIssue =
  | { readonly code: 'empty-order' }
  | { readonly code: 'too-many-lines'; readonly max: number }
  | { readonly code: 'duplicate-line-id'; readonly lineId: string }
  | { readonly code: 'line-currency-mismatch'; readonly lineId: string; readonly currency: string }
  | { readonly code: 'missing-contact-name' }
  | { readonly code: 'missing-email-and-phone' }
  | { readonly code: 'invalid-email'; readonly value: string }
  | { readonly code: 'invalid-phone'; readonly value: string }
  | { readonly code: 'missing-address' }
  | { readonly code: 'invalid-postcode'; readonly postcode: string; readonly country: string }
  | {
      /** Any other field that failed its schema; `path` is dotted ("lines.2.quantity"). */
      readonly code: 'invalid-field';
      readonly path: string;
      readonly message: string;
    };

/** Turns zod issues into `invalid-field` issues, prefixing `prefix` to their paths. */
export function fieldIssues(error: z.ZodError, prefix: string): OrderIssue[] {
  return error.issues.map((issue) => ({
    code: 'invalid-field',
    path: [prefix, ...issue.path.map(String)].filter((part) => part !== '').join('.'),
    message: issue.message,
  }));
}
