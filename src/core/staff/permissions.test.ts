import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type ActionRight,
  DEFAULT_STAFF_POLICY,
  GUARDED_ACTIONS,
  type PermissionRequest,
  permissionFor,
  type StaffPolicy,
  staffPolicyOf,
  staffPolicySchema,
} from './permissions';
import { STAFF_ROLES } from './staff-member';

const policy = DEFAULT_STAFF_POLICY;

describe('who may act alone (the default policy)', () => {
  it('a cashier discounts up to 10 % alone; over it, a supervisor or a manager approves', () => {
    expect(permissionFor(policy, 'cashier', { action: 'discount', percentBps: 1_000 })).toEqual({
      kind: 'allowed',
    });
    expect(permissionFor(policy, 'cashier', { action: 'discount', percentBps: 1_001 })).toEqual({
      kind: 'approval-needed',
      approverRoles: ['supervisor', 'manager'],
    });
  });

  it('beyond the supervisor’s own limit only a manager approves', () => {
    expect(permissionFor(policy, 'cashier', { action: 'discount', percentBps: 5_000 })).toEqual({
      kind: 'approval-needed',
      approverRoles: ['manager'],
    });
    expect(permissionFor(policy, 'supervisor', { action: 'discount', percentBps: 5_000 })).toEqual({
      kind: 'approval-needed',
      approverRoles: ['manager'],
    });
  });

  it('a cash difference counts in absolute value: a shortfall of 6 € is over the cashier’s 5 €', () => {
    expect(permissionFor(policy, 'cashier', { action: 'cash-difference', amountMinor: -500 }).kind).toBe(
      'allowed',
    );
    expect(permissionFor(policy, 'cashier', { action: 'cash-difference', amountMinor: -600 }).kind).toBe(
      'approval-needed',
    );
  });

  it('an action with a limit and no measure given asks (nothing is allowed by omission)', () => {
    // The supervisor's limit cannot judge it either: only a manager approves.
    expect(permissionFor(policy, 'cashier', { action: 'refund-over-limit' })).toEqual({
      kind: 'approval-needed',
      approverRoles: ['manager'],
    });
    expect(
      permissionFor(policy, 'cashier', { action: 'refund-over-limit', amountMinor: Number.NaN }).kind,
    ).toBe('approval-needed');
  });

  it('opening the drawer without a sale: the cashier asks, the supervisor does it alone', () => {
    expect(permissionFor(policy, 'cashier', { action: 'no-sale' })).toEqual({
      kind: 'approval-needed',
      approverRoles: ['supervisor', 'manager'],
    });
    expect(permissionFor(policy, 'supervisor', { action: 'no-sale' }).kind).toBe('allowed');
  });

  it('an action left out of a role’s rights is never done alone', () => {
    const sparse: StaffPolicy = { ...policy, rights: { cashier: {}, supervisor: {} } };
    expect(permissionFor(sparse, 'cashier', { action: 'discount', percentBps: 1 })).toEqual({
      kind: 'approval-needed',
      approverRoles: ['manager'],
    });
  });

  it('the store’s settings carry the policy, or the default applies', () => {
    expect(staffPolicyOf(undefined)).toBe(DEFAULT_STAFF_POLICY);
    const custom = { ...policy, idleLockSeconds: 30 };
    expect(staffPolicyOf({ staffPolicy: custom })).toBe(custom);
    expect(staffPolicySchema.parse(DEFAULT_STAFF_POLICY)).toEqual(DEFAULT_STAFF_POLICY);
    // A manager's rights are not data: a policy cannot take them away.
    expect(
      staffPolicySchema.safeParse({ ...policy, rights: { ...policy.rights, manager: {} } }).success,
    ).toBe(false);
  });

  it('refuses a policy with an unknown action or a negative limit', () => {
    expect(
      staffPolicySchema.safeParse({
        ...policy,
        rights: { ...policy.rights, cashier: { 'open-safe': 'always' } },
      }).success,
    ).toBe(false);
    expect(
      staffPolicySchema.safeParse({
        ...policy,
        rights: { ...policy.rights, cashier: { discount: { maxPercentBps: -1 } } },
      }).success,
    ).toBe(false);
  });
});

const rightArb: fc.Arbitrary<ActionRight | undefined> = fc.oneof(
  fc.constant(undefined),
  fc.constant('never' as const),
  fc.constant('always' as const),
  fc.record(
    { maxPercentBps: fc.integer({ min: 0, max: 10_000 }), maxAmountMinor: fc.integer({ min: 0, max: 1e6 }) },
    { requiredKeys: [] },
  ),
);
const rightsArb = fc.record(
  Object.fromEntries(GUARDED_ACTIONS.map((a) => [a, rightArb])) as Record<
    (typeof GUARDED_ACTIONS)[number],
    typeof rightArb
  >,
);
const policyArb: fc.Arbitrary<StaffPolicy> = fc.record({
  rights: fc.record({ cashier: rightsArb, supervisor: rightsArb }),
  idleLockSeconds: fc.integer({ min: 0, max: 3600 }),
  wrongPinLimit: fc.integer({ min: 1, max: 20 }),
  lockoutSeconds: fc.integer({ min: 1, max: 3600 }),
});
const requestArb: fc.Arbitrary<PermissionRequest> = fc.record(
  {
    action: fc.constantFrom(...GUARDED_ACTIONS),
    amountMinor: fc.integer({ min: -1e6, max: 1e6 }),
    percentBps: fc.integer({ min: 0, max: 10_000 }),
  },
  { requiredKeys: ['action'] },
);

describe('permissionFor, for any policy', () => {
  it('a manager may always act alone, and someone can always approve what another may not', () => {
    fc.assert(
      fc.property(policyArb, fc.constantFrom(...STAFF_ROLES), requestArb, (p, role, request) => {
        expect(permissionFor(p, 'manager', request)).toEqual({ kind: 'allowed' });
        const permission = permissionFor(p, role, request);
        if (permission.kind === 'approval-needed') {
          expect(permission.approverRoles).toContain('manager');
          // Approvers rank above the requester and may do it alone themselves.
          for (const approver of permission.approverRoles) {
            expect(STAFF_ROLES.indexOf(approver)).toBeGreaterThan(STAFF_ROLES.indexOf(role));
            expect(permissionFor(p, approver, request)).toEqual({ kind: 'allowed' });
          }
        }
      }),
    );
  });

  it('asking for less never turns an allowed action into one that needs approval', () => {
    fc.assert(
      fc.property(
        policyArb,
        fc.constantFrom(...STAFF_ROLES),
        requestArb,
        fc.double({ min: 0, max: 1, noNaN: true }),
        (p, role, request, share) => {
          fc.pre(permissionFor(p, role, request).kind === 'allowed');
          const smaller: PermissionRequest = {
            action: request.action,
            ...(request.amountMinor !== undefined
              ? { amountMinor: Math.trunc(request.amountMinor * share) }
              : {}),
            ...(request.percentBps !== undefined
              ? { percentBps: Math.trunc(request.percentBps * share) }
              : {}),
          };
          expect(permissionFor(p, role, smaller).kind).toBe('allowed');
        },
      ),
    );
  });

  it('every policy built from rights, limits and delays is valid settings data', () => {
    fc.assert(fc.property(policyArb, (p) => staffPolicySchema.safeParse(p).success));
  });
});
