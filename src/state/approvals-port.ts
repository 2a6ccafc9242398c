import type { SignedInStaff } from './staff-sign-in';

// What the sale's flows ask of the approvals store (approval-store.ts):
// `require` resolves at once when the signed-in role may act alone, and
// otherwise asks a supervisor's or manager's PIN, journalling who approved
// what. The flows only need this one call, so they take it as a port.

export type ApprovalAction =
  | 'discount'
  | 'price-override'
  | 'void-after-payment'
  | 'refund-without-receipt'
  | 'refund-over-limit'
  | 'cash-difference'
  | 'no-sale';

export interface ApprovalRequest {
  readonly action: ApprovalAction;
  /** What it is about, in words (a line's product name, "the basket"). */
  readonly subject: string;
  /** Why, in words (the reason chosen, or typed). */
  readonly reason: string;
  readonly amountMinor?: number;
  readonly percentBps?: number;
}

export type ApprovalOutcome =
  | { readonly ok: true; readonly approverStaffId: string }
  | { readonly ok: false; readonly reason: 'cancelled' | 'locked' };

export interface Approvals {
  require(staff: SignedInStaff, request: ApprovalRequest): Promise<ApprovalOutcome>;
}
