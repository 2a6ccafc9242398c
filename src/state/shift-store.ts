import { createStore } from 'zustand/vanilla';
import type { ShiftErrorCode } from '../core/error-codes';
import type { JournalDraft } from '../core/journal/append-entry';
import type { JournalEntry } from '../core/journal/journal-entry';
import { openedOnEarlierDay } from '../core/shifts/business-day';
import { cashCountOf, countedTotal } from '../core/shifts/denominations';
import { findOpenShift, findShift, type ShiftOpened } from '../core/shifts/shift-entries';
import {
  countLines,
  largestDifferenceMinor,
  type ShiftReport,
  shiftReport,
  type TenderCountLine,
} from '../core/shifts/shift-report';
import { staffPolicyOf } from '../core/staff/permissions';
import { journalEntries } from '../data/journal-query';
import { fetchServerShiftTotals } from '../data/server-shift-totals';
import { shiftErrorWords } from '../i18n/error-words';
import { t } from '../i18n/i18n';
import { openDrawer } from './drawer-kick';
import { newId } from './ids';
import { printReceipt, type ReceiptPrintState } from './receipt-printing';
import { type Reconciliation, reconcileShift } from './shift-reconciliation';
import { shiftReportDocument } from './shift-report-document';
import type { SignedInStaff } from './staff-sign-in';
import type { TillServices } from './till-services';

export type { Reconciliation } from './shift-reconciliation';

/** The approvals store's gate (src/state/approval-store.ts): resolves at once when the role may act alone. */
export interface ApprovalGate {
  require(
    staff: SignedInStaff,
    request: {
      readonly action: 'cash-difference';
      readonly subject: { readonly type: 'cash-difference'; readonly shiftId: string };
      readonly reason: string;
      readonly amountMinor?: number;
    },
  ): Promise<{ ok: true; approverStaffId: string } | { ok: false; reason: 'cancelled' | 'locked' }>;
}

/** The shift's screen or dialog on show, over the till. */
export type ShiftPanel = 'none' | 'menu' | 'cash-in' | 'cash-out' | 'close';

export interface ShiftState {
  readonly panel: ShiftPanel;
  /** `none`: no shift open on this till (selling waits for one). */
  readonly status: 'loading' | 'none' | 'open';
  /** The opening entry of the open shift. */
  readonly opened: ShiftOpened | undefined;
  /**
   * The shift found open at start was opened on an earlier business day (it
   * was not closed that day): the till offers to close it now. One of today's
   * is simply carried on (a reload, a restart).
   */
  readonly fromEarlierDay: boolean;
  /** The X or Z report on screen. */
  readonly report: ShiftReport | undefined;
  readonly reconciliation: Reconciliation | undefined;
  readonly print: ReceiptPrintState | undefined;
  readonly problem: string | undefined;
}

export type ShiftServices = Pick<TillServices, 'db' | 'journal' | 'sync' | 'bridge'> & {
  /** The clock (tests set it); Date.now by default. */
  readonly now?: () => number;
  /** The till's local offset from UTC at an instant, in minutes; the machine's time zone by default. */
  readonly utcOffsetAt?: (epochMs: number) => number;
};

export type ShiftStepResult = { ok: true } | { ok: false; code: ShiftErrorCode };

/** What the cashier counted at the close: cash by denomination, other tenders as amounts. */
export interface CloseCount {
  readonly cashPieces: Readonly<Record<number, number>>;
  readonly otherTenders: Readonly<Record<string, number>>;
}

/**
 * The till's shift: open with a counted float, cash in and out, X report,
 * close with a count, a manager's approval over the threshold, the printed
 * Z report, and its reconciliation with the server. Everything but the
 * reconciliation works offline: the reports come from the till's journal.
 */
export function createShiftStore(services: ShiftServices, approvals: ApprovalGate) {
  const store = createStore<ShiftState>()(() => ({
    panel: 'none',
    status: 'loading',
    opened: undefined,
    fromEarlierDay: false,
    report: undefined,
    reconciliation: undefined,
    print: undefined,
    problem: undefined,
  }));
  const tillId = services.sync.identity.tillId;
  const now = services.now ?? Date.now;
  const utcOffsetAt = services.utcOffsetAt ?? ((epochMs: number) => -new Date(epochMs).getTimezoneOffset());
  const settings = async () => (await services.db.settings.findOne().exec())?.toMutableJSON();
  let stopReconciling: (() => void) | undefined;

  const refuse = (code: ShiftErrorCode, detail?: string): ShiftStepResult => {
    store.setState({ problem: detail ? `${shiftErrorWords(code)} : ${detail}` : shiftErrorWords(code) });
    return { ok: false, code };
  };

  /** This till's journal, in sequence order (entries pulled back from a previous device excluded). */
  async function journal(fromSequence = 0): Promise<JournalEntry[]> {
    return journalEntries(services.db, { fromSequence, tillId });
  }

  async function append(draft: Omit<JournalDraft, 'id' | 'recordedAt'>) {
    return services.journal.append({
      ...draft,
      id: newId(),
      recordedAt: new Date(now()).toISOString(),
    } as JournalDraft);
  }

  async function drawer(): Promise<void> {
    const problem = await openDrawer(services.bridge);
    if (problem) store.setState({ problem });
  }

  /** The open shift's report from the journal as it stands (an X report). */
  async function currentReport(): Promise<ShiftReport | undefined> {
    const { opened } = store.getState();
    if (!opened) return undefined;
    return shiftReport({ opened, closed: undefined }, await journal(opened.sequence));
  }

  return {
    store,

    /** Shows a shift screen or dialog (the till menu's entry, the close button…); 'none' goes back. */
    show(panel: ShiftPanel): void {
      store.setState({ panel, problem: undefined });
    },

    /**
     * On start: is a shift open on this till? One opened this business day
     * (business-day.ts) goes on silently, as after a reload; one from an
     * earlier day was not closed that day, and the till offers to close it.
     */
    async load(): Promise<void> {
      const entries = await journalEntries(services.db, { kinds: ['shift.opened', 'shift.closed'], tillId });
      const opened = findOpenShift(entries);
      const fromEarlierDay =
        opened !== undefined && openedOnEarlierDay(Date.parse(opened.recordedAt), now(), utcOffsetAt);
      store.setState({ status: opened ? 'open' : 'none', opened, fromEarlierDay });
    },

    /** Opens a shift with the float counted by denomination (value in cents → pieces). */
    async open(
      staff: SignedInStaff | undefined,
      pieces: Readonly<Record<number, number>>,
    ): Promise<ShiftStepResult> {
      if (!staff) return refuse('not-signed-in');
      if (store.getState().status === 'open') return refuse('shift-already-open');
      const count = cashCountOf(pieces);
      if (!count.ok) return refuse('count-invalid');
      const payload = {
        shiftId: newId(),
        staffId: staff.id,
        openingFloat: countedTotal(count.value),
        openingCount: count.value,
      };
      const entry = await append({ kind: 'shift.opened', payload });
      if (!entry.ok) return refuse('journal-refused');
      stopReconciling?.();
      store.setState({
        status: 'open',
        opened: entry.value as ShiftOpened,
        fromEarlierDay: false,
        report: undefined,
        reconciliation: undefined,
        print: undefined,
        problem: undefined,
      });
      await drawer();
      return { ok: true };
    },

    /** Cash in (paid-in) or out (paid-out) of the drawer outside a sale, with a reason; opens the drawer. */
    async cashMovement(
      staff: SignedInStaff | undefined,
      movement: { readonly direction: 'in' | 'out'; readonly amountMinor: number; readonly reason: string },
    ): Promise<ShiftStepResult> {
      if (!staff) return refuse('not-signed-in');
      const { opened } = store.getState();
      if (!opened) return refuse('no-open-shift');
      if (!Number.isSafeInteger(movement.amountMinor) || movement.amountMinor <= 0)
        return refuse('amount-invalid');
      const reason = movement.reason.trim();
      if (reason === '') return refuse('reason-missing');
      const entry = await append({
        kind: 'cash.movement',
        payload: {
          type: movement.direction === 'in' ? 'paid-in' : 'paid-out',
          amount: { minor: movement.amountMinor, currency: opened.payload.openingFloat.currency },
          staffId: staff.id,
          reason,
        },
      });
      if (!entry.ok) return refuse('journal-refused');
      store.setState({ problem: undefined, panel: 'none' });
      await drawer();
      return { ok: true };
    },

    /**
     * The largest difference `staff` may accept alone at the close (the
     * staff policy in the settings); undefined: no limit (a manager).
     */
    async differenceLimitMinor(staff: SignedInStaff): Promise<number | undefined> {
      if (staff.role === 'manager') return undefined;
      const right = staffPolicyOf(await settings()).rights[staff.role]['cash-difference'];
      if (right === 'always') return undefined;
      return right === undefined || right === 'never' ? 0 : (right.maxAmountMinor ?? 0);
    },

    /** Goes on with a shift left open from an earlier day (the notice is dismissed). */
    carryOn(): void {
      store.setState({ fromEarlierDay: false });
    },

    /** The X report: the open shift so far, from this till's journal. */
    async xReport(): Promise<void> {
      const report = await currentReport();
      if (!report) return void refuse('no-open-shift');
      store.setState({ report, panel: 'none', problem: undefined });
    },

    /** Expected, counted and difference per tender for the close screen; nothing journaled. */
    async closePreview(count: CloseCount): Promise<TenderCountLine[] | undefined> {
      const report = await currentReport();
      const cash = cashCountOf(count.cashPieces);
      if (!report || !cash.ok) return undefined;
      return countLines(report.totals, { ...count.otherTenders, cash: countedTotal(cash.value).minor });
    },

    /**
     * Closes the shift: the count is compared with what the journal expects;
     * a difference above what the signed-in role may accept alone (the staff
     * policy in the settings) needs a supervisor or manager (approvals);
     * the closing entry is journaled, the Z report printed, and the server's
     * totals fetched once the shift has synced.
     */
    async close(staff: SignedInStaff | undefined, count: CloseCount): Promise<ShiftStepResult> {
      if (!staff) return refuse('not-signed-in');
      const { opened } = store.getState();
      const report = await currentReport();
      if (!opened || !report) return refuse('no-open-shift');
      const cash = cashCountOf(count.cashPieces);
      if (!cash.ok) return refuse('count-invalid');
      const counted = { ...count.otherTenders, cash: countedTotal(cash.value).minor };
      if (Object.values(counted).some((minor) => !Number.isSafeInteger(minor) || minor < 0))
        return refuse('count-invalid');
      const lines = countLines(report.totals, counted);
      // The threshold is the store's staff policy (settings): the approvals
      // store answers at once when the signed-in role may accept this
      // difference alone, else asks a supervisor's or manager's PIN.
      const difference = largestDifferenceMinor(lines);
      if (difference > 0) {
        const approved = await approvals.require(staff, {
          action: 'cash-difference',
          subject: { type: 'cash-difference', shiftId: opened.payload.shiftId },
          reason: t('shifts.close.approvalReason'),
          amountMinor: difference,
        });
        if (!approved.ok)
          return refuse(approved.reason === 'locked' ? 'approval-locked' : 'approval-cancelled');
      }
      const currency = opened.payload.openingFloat.currency;
      const entry = await append({
        kind: 'shift.closed',
        payload: {
          shiftId: opened.payload.shiftId,
          staffId: staff.id,
          tenders: lines.map((line) => ({
            tender: line.tender,
            expected: { minor: line.expectedMinor, currency },
            counted: { minor: line.countedMinor, currency },
          })),
          cashCount: cash.value,
        },
      });
      if (!entry.ok) return refuse('journal-refused');
      const entries = await journal(opened.sequence);
      const range = findShift(entries, opened.payload.shiftId);
      const z = range ? shiftReport(range, entries) : report;
      store.setState({
        status: 'none',
        opened: undefined,
        fromEarlierDay: false,
        report: z,
        problem: undefined,
      });
      await drawer();
      await this.printReport();
      this.reconcile();
      return { ok: true };
    },

    /** Prints the report on screen (the Z report after a close); a reprint is the same job, printed once. */
    async printReport(): Promise<void> {
      const { report } = store.getState();
      if (!report) return;
      const storeSettings = await settings();
      const built = shiftReportDocument(report, storeSettings?.storeName ?? report.storeCode);
      const jobId = `shift-${report.kind}:${report.shiftId}:${report.closedSequence ?? 'x'}`.slice(0, 64);
      store.setState({ print: await printReceipt(services.bridge, jobId, built) });
    },

    /**
     * Asks the server for its totals of the Z report's shift until it holds
     * the whole shift, then compares: reconciled, or each figure that differs.
     */
    reconcile(): void {
      const { report } = store.getState();
      if (report?.kind !== 'Z') return;
      stopReconciling?.();
      stopReconciling = reconcileShift(
        report,
        (shiftId) => fetchServerShiftTotals(services.sync, shiftId),
        (reconciliation) => {
          if (store.getState().report?.shiftId === report.shiftId) store.setState({ reconciliation });
        },
      );
    },

    /** Back from the report to the till. */
    dismissReport(): void {
      stopReconciling?.();
      store.setState({ report: undefined, reconciliation: undefined, print: undefined, problem: undefined });
    },

    dispose(): void {
      stopReconciling?.();
    },
  };
}

export type ShiftStore = ReturnType<typeof createShiftStore>;
