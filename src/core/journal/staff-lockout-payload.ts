import { z } from 'zod';
import { instantSchema } from '../values/instant';
import { staffIdSchema } from './journal-values';

// Too many wrong PINs in a row: the person (or, when nobody was named, the
// sign-in pad) is locked for the delay the store settings give. Journalled so
// that guessing at someone's PIN leaves a trace the office sees.

export const PIN_PLACES = ['sign-in', 'unlock', 'approval'] as const;
export const pinPlaceSchema = z.enum(PIN_PLACES);
export type PinPlace = z.infer<typeof pinPlaceSchema>;

export const staffLockedOutPayloadSchema = z.strictObject({
  /** The person whose PIN was guessed at; null = PINs typed with no name chosen (the pad is locked). */
  staffId: staffIdSchema.nullable(),
  /** Where the PINs were typed. */
  place: pinPlaceSchema,
  failedAttempts: z.number().int().min(1).max(100),
  lockedUntil: instantSchema,
});
export type StaffLockedOutPayload = z.infer<typeof staffLockedOutPayloadSchema>;
