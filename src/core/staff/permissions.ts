import { z } from 'zod';
import { STAFF_ROLES, type StaffRole } from './staff-member';

// Who may do what at the till without asking. The rights are data in the
// store settings (`staffPolicy`), so a store changes them without a release;
// this module only reads them. A manager may do everything: the policy sets
// the cashier's and the supervisor's limits only, so there is always someone
// who can approve.

/** The actions a role may be refused, each approved by a supervisor or a manager's PIN when it is. */
export const GUARDED_ACTIONS = [
  'discount',
  'price-override',
  'void-after-payment',
  'refund-without-receipt',
  'refund-over-limit',
  'cash-difference',
  'no-sale',
  /** Settling a card payment whose outcome the terminal cannot tell (payment.resolve). */
  'card-resolution',
] as const;
export const guardedActionSchema = z.enum(GUARDED_ACTIONS);
export type GuardedAction = z.infer<typeof guardedActionSchema>;

/**
 * One role's right to one action: 'never' (always asks), 'always' (never asks),
 * or limits: a request over any limit asks. A limit judges the measure it
 * names (`percentBps` of a discount, `amountMinor` in the store's currency,
 * taken in absolute value so a cash shortfall counts like a surplus); a
 * request that does not give the measure a limit needs is over it.
 */
export const actionRightSchema = z.union([
  z.literal('never'),
  z.literal('always'),
  z.strictObject({
    maxPercentBps: z.number().int().min(0).max(10_000).optional(),
    maxAmountMinor: z.number().int().min(0).max(100_000_000).optional(),
  }),
]);
export type ActionRight = z.infer<typeof actionRightSchema>;

/** A role's rights; an action left out is 'never'. */
export const roleRightsSchema = z.strictObject(
  Object.fromEntries(GUARDED_ACTIONS.map((action) => [action, actionRightSchema.optional()])) as {
    [A in GuardedAction]: z.ZodOptional<typeof actionRightSchema>;
  },
);
export type RoleRights = z.infer<typeof roleRightsSchema>;

export const staffPolicySchema = z.strictObject({
  /** The cashier's and the supervisor's rights; a manager may do everything. */
  rights: z.strictObject({ cashier: roleRightsSchema, supervisor: roleRightsSchema }),
  /** Seconds without a touch or a key before the till locks; 0 = never. */
  idleLockSeconds: z.number().int().min(0).max(86_400),
  /** Wrong PINs in a row that lock a person (or, unattributed, the sign-in pad). */
  wrongPinLimit: z.number().int().min(1).max(20),
  /** How long such a lock lasts, in seconds. */
  lockoutSeconds: z.number().int().min(1).max(86_400),
});
export type StaffPolicy = z.infer<typeof staffPolicySchema>;

/** The policy of a store whose settings give none. Amounts are minor units (cents of the store's currency). */
export const DEFAULT_STAFF_POLICY: StaffPolicy = {
  rights: {
    cashier: {
      discount: { maxPercentBps: 1_000 },
      'price-override': 'never',
      'void-after-payment': 'never',
      'refund-without-receipt': 'never',
      'refund-over-limit': { maxAmountMinor: 10_000 },
      'cash-difference': { maxAmountMinor: 500 },
      'no-sale': 'never',
      'card-resolution': 'never',
    },
    supervisor: {
      discount: { maxPercentBps: 3_000 },
      'price-override': 'always',
      'void-after-payment': 'always',
      'refund-without-receipt': { maxAmountMinor: 5_000 },
      'refund-over-limit': { maxAmountMinor: 50_000 },
      'cash-difference': { maxAmountMinor: 2_000 },
      'no-sale': 'always',
      'card-resolution': 'never',
    },
  },
  idleLockSeconds: 300,
  wrongPinLimit: 5,
  lockoutSeconds: 300,
};

/** The store's policy, or the default when its settings carry none. */
export function staffPolicyOf(settings: { readonly staffPolicy?: StaffPolicy | undefined } | undefined) {
  return settings?.staffPolicy ?? DEFAULT_STAFF_POLICY;
}

export interface PermissionRequest {
  readonly action: GuardedAction;
  /** The money at stake, in minor units (sign ignored). */
  readonly amountMinor?: number;
  /** A discount's share of what it applies to, in basis points (1000 = 10 %). */
  readonly percentBps?: number;
}

export type Permission =
  | { readonly kind: 'allowed' }
  | { readonly kind: 'approval-needed'; readonly approverRoles: readonly StaffRole[] };

/** Whether `right` covers `request` on its own. */
export function rightCovers(right: ActionRight | undefined, request: PermissionRequest): boolean {
  if (right === undefined || right === 'never') return false;
  if (right === 'always') return true;
  const within = (limit: number | undefined, measure: number | undefined) =>
    limit === undefined || (measure !== undefined && Number.isFinite(measure) && Math.abs(measure) <= limit);
  return within(right.maxPercentBps, request.percentBps) && within(right.maxAmountMinor, request.amountMinor);
}

function roleMay(policy: StaffPolicy, role: StaffRole, request: PermissionRequest): boolean {
  if (role === 'manager') return true;
  return rightCovers(policy.rights[role][request.action], request);
}

/**
 * Whether `role` may do `request` alone, or which roles may approve it: every
 * role above the requester's whose rights cover it (a manager always does).
 */
export function permissionFor(policy: StaffPolicy, role: StaffRole, request: PermissionRequest): Permission {
  if (roleMay(policy, role, request)) return { kind: 'allowed' };
  const above = STAFF_ROLES.slice(STAFF_ROLES.indexOf(role) + 1);
  return { kind: 'approval-needed', approverRoles: above.filter((r) => roleMay(policy, r, request)) };
}
