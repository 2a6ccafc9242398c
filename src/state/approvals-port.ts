import type { ApprovalRequest, ApprovalResult } from './approval-store';
import type { SignedInStaff } from './staff-sign-in';

// What the sale's flows ask of the approvals store (approval-store.ts):
// `require` resolves at once when the signed-in role may act alone, and
// otherwise asks a supervisor's or manager's PIN, journalling who approved
// what. The flows need only this one call, so they take it as a port (and
// their tests give an approvals double that answers as the test says).

export type { ApprovalRequest, ApprovalResult } from './approval-store';

export interface Approvals {
  require(staff: SignedInStaff, request: ApprovalRequest): Promise<ApprovalResult>;
}
