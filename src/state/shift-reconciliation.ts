import type { Result } from '../core/result';
import type { ServerShiftTotals } from '../core/shifts/server-shift-totals';
import type { ShiftReport } from '../core/shifts/shift-report';
import { compareShiftTotals, type TotalsDifference } from '../core/shifts/shift-totals';
import type { ServerTotalsFailure } from '../data/server-shift-totals';

/** Where the Z report stands against the server's own totals of the shift. */
export type Reconciliation =
  | { readonly state: 'checking' }
  /** The server does not hold the whole shift yet (not synced, offline): asked again shortly. */
  | { readonly state: 'waiting'; readonly why: ServerTotalsFailure | 'incomplete' }
  | { readonly state: 'reconciled'; readonly server: ServerShiftTotals }
  | {
      readonly state: 'differs';
      readonly server: ServerShiftTotals;
      readonly differences: readonly TotalsDifference[];
    };

export const RECONCILE_RETRY_MS = 2_000;

/**
 * Asks the server for the shift's totals until it holds the whole shift
 * (its closing arrived, every entry of the range stored and projected),
 * then compares them with the Z report's, figure by figure, to the cent.
 * Returns the function that stops asking.
 */
export function reconcileShift(
  report: ShiftReport,
  fetchTotals: (shiftId: string) => Promise<Result<ServerShiftTotals, ServerTotalsFailure>>,
  tell: (reconciliation: Reconciliation) => void,
  retryMs = RECONCILE_RETRY_MS,
): () => void {
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const attempt = async () => {
    if (stopped) return;
    const answer = await fetchTotals(report.shiftId);
    if (stopped) return;
    if (answer.ok && answer.value.complete) {
      const differences = compareShiftTotals(report.totals, answer.value.totals);
      tell(
        differences.length === 0
          ? { state: 'reconciled', server: answer.value }
          : { state: 'differs', server: answer.value, differences },
      );
      return;
    }
    // A refusal will not change by asking again: say so and stop.
    if (!answer.ok && answer.error === 'refused') return tell({ state: 'waiting', why: 'refused' });
    tell({ state: 'waiting', why: answer.ok ? 'incomplete' : answer.error });
    timer = setTimeout(() => void attempt(), retryMs);
  };
  tell({ state: 'checking' });
  void attempt();
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}
