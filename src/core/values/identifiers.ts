import { z } from 'zod';

// Identifiers shared by the journal, the sale and return records, orders,
// staff and settings. Each is defined once: a record hashed by one module and
// validated by another must be read by the very same rule, or a valid entry
// could be refused (or a forged one accepted) depending on who reads it.

/** An id minted elsewhere (staff, till or kiosk registration, order line): opaque, bounded, printable. */
export const opaqueIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/, 'id: 1-64 characters A-Z a-z 0-9 . _ : -');

/** Staff ids are opaque, and spelt the same in approvals and in the records they approve. */
export const staffIdSchema = opaqueIdSchema;

/** The store part of a receipt number ("PAR01"); orders and settings name a store the same way. */
export const storeCodeSchema = z.string().regex(/^[A-Z0-9]{2,8}$/, 'store code: 2-8 characters A-Z 0-9');

/** The till part of a receipt number ("03"). */
export const tillCodeSchema = z.string().regex(/^[A-Z0-9]{1,4}$/, 'till code: 1-4 characters A-Z 0-9');
