import { createStore } from 'zustand/vanilla';
import type { ApprovalSubject } from '../core/journal/manager-approval-payload';
import {
  type GuardedAction,
  type PermissionRequest,
  permissionFor,
  staffPolicyOf,
} from '../core/staff/permissions';
import type { StaffMember, StaffRole } from '../core/staff/staff-member';
import { journalErrorWords } from '../i18n/error-words';
import { t } from '../i18n/i18n';
import { newId } from './ids';
import { createPinGuard, type PinGuard } from './pin-guard';
import type { SignedInStaff } from './staff-sign-in';
import type { TillServices } from './till-services';

// Approvals at the till. `require` answers at once when the signed-in role
// may act alone (the policy is data in the store settings, read by the core's
// `permissionFor`); otherwise it opens the PIN prompt (ApprovalPrompt.tsx):
// the approver is chosen from the supervisors and managers allowed to approve
// it, types a PIN, and the approval is journalled (`manager.approval`, naming
// approver, requester and action) before the caller hears yes.

/** The subject that goes with each action (the journal entry's `subject.type` is the action). */
export type SubjectFor<A extends GuardedAction> = Extract<ApprovalSubject, { type: A }>;

/** What is asked: the action, its subject (of the same type), why, and the measures the policy limits. */
export type ApprovalRequest = {
  readonly [A in GuardedAction]: {
    readonly action: A;
    readonly subject: SubjectFor<A>;
    /** Why, in words: written in the journal entry (1-200 characters, no surrounding spaces). */
    readonly reason: string;
    /** The money at stake, in minor units of the store's currency (sign ignored). */
    readonly amountMinor?: number;
    /** A discount's share, in basis points (1000 = 10 %). */
    readonly percentBps?: number;
  };
}[GuardedAction];

export type ApprovalResult =
  | { readonly ok: true; readonly approverStaffId: string }
  | { readonly ok: false; readonly reason: 'cancelled' | 'locked' };

export interface ApproverChoice {
  readonly id: string;
  readonly displayName: string;
  readonly role: StaffRole;
}

export interface PendingApproval {
  readonly requestId: string;
  readonly action: GuardedAction;
  readonly reason: string;
  readonly amountMinor: number | undefined;
  readonly percentBps: number | undefined;
  readonly requester: SignedInStaff;
  /** The active staff who may approve it, for the list of large rows. */
  readonly approvers: readonly ApproverChoice[];
  /** The person chosen in that list; undefined = the PIN alone says who (PINs are unique per store). */
  readonly approverId: string | undefined;
  /** A PIN is being checked or the approval written. */
  readonly checking: boolean;
  /** The last problem, in words. */
  readonly problem: string | undefined;
}

export interface ApprovalState {
  readonly pending: PendingApproval | undefined;
}

export type ApprovalServices = Pick<TillServices, 'db' | 'journal'> & {
  /** Shared with sign-in and unlock so wrong PINs count per person wherever typed. */
  readonly pinGuard?: PinGuard;
  readonly now?: () => number;
};

export function createApprovalStore(services: ApprovalServices) {
  const now = services.now ?? Date.now;
  const guard = services.pinGuard ?? createPinGuard(services, { now });
  const store = createStore<ApprovalState>()(() => ({ pending: undefined }));
  let current: { request: ApprovalRequest; resolve: (result: ApprovalResult) => void } | undefined;

  const settle = (result: ApprovalResult) => {
    const open = current;
    current = undefined;
    store.setState({ pending: undefined });
    open?.resolve(result);
  };
  const patch = (change: Partial<PendingApproval>) =>
    store.setState((s) => (s.pending ? { pending: { ...s.pending, ...change } } : {}));
  const staffList = async () =>
    (await services.db.staff.find().exec()).map((doc) => doc.toMutableJSON() as StaffMember);

  return {
    store,

    async require(staff: SignedInStaff, request: ApprovalRequest): Promise<ApprovalResult> {
      if (request.subject.type !== request.action)
        throw new TypeError(`approval: subject ${request.subject.type} for action ${request.action}`);
      const settings = (await services.db.settings.findOne().exec())?.toMutableJSON();
      const asked: PermissionRequest = {
        action: request.action,
        ...(request.amountMinor !== undefined ? { amountMinor: request.amountMinor } : {}),
        ...(request.percentBps !== undefined ? { percentBps: request.percentBps } : {}),
      };
      const permission = permissionFor(staffPolicyOf(settings), staff.role, asked);
      if (permission.kind === 'allowed') return { ok: true, approverStaffId: staff.id };
      // One prompt at a time: a new request replaces the one left open.
      if (current) settle({ ok: false, reason: 'cancelled' });
      const approvers = (await staffList())
        .filter((m) => m.active && m.id !== staff.id && permission.approverRoles.includes(m.role))
        .map(({ id, displayName, role }) => ({ id, displayName, role }));
      return new Promise<ApprovalResult>((resolve) => {
        current = { request, resolve };
        store.setState({
          pending: {
            requestId: newId(),
            action: request.action,
            reason: request.reason,
            amountMinor: request.amountMinor,
            percentBps: request.percentBps,
            requester: staff,
            approvers,
            approverId: approvers.length === 1 ? approvers[0]?.id : undefined,
            checking: false,
            problem: approvers.length === 0 ? t('approvals.noApprover') : undefined,
          },
        });
      });
    },

    /** The approver, picked in the list before the PIN is typed. */
    chooseApprover(staffId: string | undefined): void {
      const pending = store.getState().pending;
      if (!pending || (staffId !== undefined && !pending.approvers.some((a) => a.id === staffId))) return;
      patch({ approverId: staffId, problem: undefined });
    },

    async submitPin(pin: string): Promise<void> {
      const pending = store.getState().pending;
      const open = current;
      if (!pending || !open || pending.checking) return;
      patch({ checking: true, problem: undefined });
      const eligible = (await staffList()).filter(
        (m) => m.active && pending.approvers.some((a) => a.id === m.id),
      );
      const chosen = eligible.find((m) => m.id === pending.approverId);
      const check = chosen
        ? await guard.checkPerson(chosen, pin, 'approval')
        : await guard.checkAnyone(eligible, pin, 'approval');
      if (current !== open) return;
      if (check.kind === 'locked') {
        if (pending.approverId === undefined) return patch({ checking: false, problem: check.words });
        return settle({ ok: false, reason: 'locked' });
      }
      if (check.kind === 'wrong') return patch({ checking: false, problem: check.words });
      const approver = check.member;
      const entry = await services.journal.append({
        kind: 'manager.approval',
        payload: {
          approverStaffId: approver.id,
          requestedByStaffId: pending.requester.id,
          subject: open.request.subject,
          reason: open.request.reason,
        },
        id: newId(),
        recordedAt: new Date(now()).toISOString(),
      });
      if (current !== open) return;
      if (!entry.ok)
        return patch({
          checking: false,
          problem: t('approvals.notRecorded', { words: journalErrorWords(entry.error) }),
        });
      settle({ ok: true, approverStaffId: approver.id });
    },

    cancel(): void {
      if (current) settle({ ok: false, reason: 'cancelled' });
    },
  };
}

export type ApprovalStore = ReturnType<typeof createApprovalStore>;
