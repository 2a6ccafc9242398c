import { z } from 'zod';

// The store's rules for endless-aisle orders at the kiosk, in the store
// settings (`kioskOrdering`, optional: every field has a default here, so a
// store that sets nothing gets sensible behaviour):
// - when a stock figure is too old to be trusted ("to be confirmed");
// - when each source of stock lets the customer pick up or be delivered;
// - what home delivery costs, and where it does not go.

const MAX_MINOR = 100_000_000;
/** A French department: 01..95 (20 is split into 2A and 2B), or an overseas one (971..988). */
export const departmentSchema = z.string().regex(/^(0[1-9]|1\d|2[1-9AB]|[3-8]\d|9[0-5]|97[1-8]|98[4-8])$/);

export const homeDeliveryRulesSchema = z.strictObject({
  /** The delivery fee, VAT included, in minor units of the store's currency. */
  feeMinor: z.number().int().min(0).max(MAX_MINOR),
  /** An order whose goods reach this total (VAT included) is delivered free; absent: never free. */
  freeFromMinor: z.number().int().min(0).max(MAX_MINOR).optional(),
  /** Extra fees by department ("2A", "2B" for Corsica), added to `feeMinor`. */
  surcharges: z
    .array(
      z.strictObject({
        departments: z.array(departmentSchema).min(1).max(120),
        feeMinor: z.number().int().min(0).max(MAX_MINOR),
      }),
    )
    .max(20)
    .optional(),
  /** Departments not delivered at all (overseas ones by default). */
  excludedDepartments: z.array(departmentSchema).max(120).optional(),
});
export type HomeDeliveryRules = z.infer<typeof homeDeliveryRulesSchema>;

export const kioskOrderingSchema = z.strictObject({
  /** A stock figure older than this many minutes is shown "to be confirmed" (default 60). */
  stockStaleMinutes: z.number().int().min(1).max(10_080).optional(),
  /** Local time ("HH:MM") until which goods on a store's shelf can be picked up the same day (default "18:00"). */
  sameDayPickupUntil: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/)
    .optional(),
  /** Days the store is closed, 0 = Sunday … 6 = Saturday (default [0]): no pickup on them. */
  closedWeekdays: z.array(z.number().int().min(0).max(6)).max(6).optional(),
  /** Dates ("YYYY-MM-DD") with no pickup and no delivery (public holidays). */
  holidays: z.array(z.iso.date()).max(60).optional(),
  /** Calendar days to bring goods from another store for pickup here (default 2). */
  otherStoreTransferDays: z.number().int().min(0).max(60).optional(),
  /** Working days (Monday to Friday, holidays excepted) for a warehouse delivery to the customer's home (default 3). */
  warehouseDeliveryWorkingDays: z.number().int().min(0).max(60).optional(),
  /** Working days for goods from the warehouse to reach a store for pickup (default 3). */
  warehouseToStoreWorkingDays: z.number().int().min(0).max(60).optional(),
  /** Home delivery rules; DEFAULT_KIOSK_ORDERING's when absent. */
  homeDelivery: homeDeliveryRulesSchema.optional(),
});
export type KioskOrderingSettings = z.infer<typeof kioskOrderingSchema>;

/** Every rule with its value: what the functions of the kiosk use. */
export type KioskOrderingRules = Required<Omit<KioskOrderingSettings, 'homeDelivery'>> & {
  readonly homeDelivery: Required<
    Pick<HomeDeliveryRules, 'feeMinor' | 'surcharges' | 'excludedDepartments'>
  > &
    Pick<HomeDeliveryRules, 'freeFromMinor'>;
};

/** Overseas departments and territories (postal codes 971..988): not delivered unless the store says so. */
export const OVERSEAS_DEPARTMENTS = [
  '971',
  '972',
  '973',
  '974',
  '975',
  '976',
  '977',
  '978',
  '984',
  '986',
  '987',
  '988',
];

export const DEFAULT_KIOSK_ORDERING: KioskOrderingRules = {
  stockStaleMinutes: 60,
  sameDayPickupUntil: '18:00',
  closedWeekdays: [0],
  holidays: [],
  otherStoreTransferDays: 2,
  warehouseDeliveryWorkingDays: 3,
  warehouseToStoreWorkingDays: 3,
  homeDelivery: {
    feeMinor: 590,
    freeFromMinor: 6_000,
    surcharges: [{ departments: ['2A', '2B'], feeMinor: 1_000 }],
    excludedDepartments: OVERSEAS_DEPARTMENTS,
  },
};

/** The store's rules with the defaults filled in; a store's `homeDelivery` replaces the default whole. */
export function kioskOrderingRules(settings: KioskOrderingSettings | undefined): KioskOrderingRules {
  const given = settings ?? {};
  const delivery = given.homeDelivery;
  return {
    stockStaleMinutes: given.stockStaleMinutes ?? DEFAULT_KIOSK_ORDERING.stockStaleMinutes,
    sameDayPickupUntil: given.sameDayPickupUntil ?? DEFAULT_KIOSK_ORDERING.sameDayPickupUntil,
    closedWeekdays: given.closedWeekdays ?? DEFAULT_KIOSK_ORDERING.closedWeekdays,
    holidays: given.holidays ?? DEFAULT_KIOSK_ORDERING.holidays,
    otherStoreTransferDays: given.otherStoreTransferDays ?? DEFAULT_KIOSK_ORDERING.otherStoreTransferDays,
    warehouseDeliveryWorkingDays:
      given.warehouseDeliveryWorkingDays ?? DEFAULT_KIOSK_ORDERING.warehouseDeliveryWorkingDays,
    warehouseToStoreWorkingDays:
      given.warehouseToStoreWorkingDays ?? DEFAULT_KIOSK_ORDERING.warehouseToStoreWorkingDays,
    homeDelivery: delivery
      ? {
          feeMinor: delivery.feeMinor,
          ...(delivery.freeFromMinor === undefined ? {} : { freeFromMinor: delivery.freeFromMinor }),
          surcharges: delivery.surcharges ?? [],
          excludedDepartments: delivery.excludedDepartments ?? [],
        }
      : DEFAULT_KIOSK_ORDERING.homeDelivery,
  };
}
