import { uuidV7Schema } from '../../../src/core/ids/uuid-v7';
import type { ServerShiftTotals } from '../../../src/core/shifts/server-shift-totals';
import type { TillPrincipal } from '../auth/access-token';
import { revokedTillMayOnlyPushJournal } from '../auth/authenticate';
import type { Database } from '../db/database';
import { badRequest, HttpProblem } from '../http/errors';
import { serverShiftTotals } from './shift-totals-sql';

/**
 * GET /sync/v1/shifts/<shiftId>/totals: the server's totals of one of the
 * calling till's shifts. 404 until its opening entry has arrived; another
 * till's shift is not found either (a till sees only its own).
 */
export async function shiftTotalsRoute(
  db: Database,
  till: TillPrincipal,
  params: unknown,
): Promise<ServerShiftTotals> {
  revokedTillMayOnlyPushJournal(till, 'other');
  const shiftId = uuidV7Schema.safeParse((params as { shiftId?: unknown }).shiftId);
  if (!shiftId.success) throw badRequest('shift id: a lower-case UUIDv7');
  const totals = await serverShiftTotals(db, till.tillId, shiftId.data);
  if (!totals) throw new HttpProblem(404, 'not-found', 'no such shift of this till on the server yet');
  return totals;
}
