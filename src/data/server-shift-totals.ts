import { err, ok, type Result } from '../core/result';
import { type ServerShiftTotals, serverShiftTotalsSchema } from '../core/shifts/server-shift-totals';
import type { RunningSync } from './sync/start-sync';
import { SyncRequestError } from './sync/sync-http';

export type ServerTotalsFailure =
  /** The server has not received the shift's opening yet (404). */
  | 'not-synced'
  /** No answer: offline, or the server is down. */
  | 'unreachable'
  /** An answer this till cannot read. */
  | 'refused';

/** The sync server's own totals of one of this till's shifts (docs/sync-protocol.md, 9.1). */
export async function fetchServerShiftTotals(
  sync: Pick<RunningSync, 'request'>,
  shiftId: string,
): Promise<Result<ServerShiftTotals, ServerTotalsFailure>> {
  try {
    const body = await sync.request<unknown>('GET', `/sync/v1/shifts/${encodeURIComponent(shiftId)}/totals`);
    const parsed = serverShiftTotalsSchema.safeParse(body);
    return parsed.success ? ok(parsed.data) : err('refused');
  } catch (error) {
    if (error instanceof SyncRequestError && error.failure.kind === 'http') {
      return err(
        error.failure.status === 404 ? 'not-synced' : error.failure.status >= 500 ? 'unreachable' : 'refused',
      );
    }
    return err('unreachable');
  }
}
