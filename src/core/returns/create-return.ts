import { z } from 'zod';
import { staffIdSchema, storeCodeSchema, tillCodeSchema, timestampSchema } from '../cart/record-values';
import { uuidV7Schema } from '../ids';
import { sumMoney } from '../money';
import { err, ok, type Result } from '../result';
import { deepFreeze } from '../sale/deep-freeze';
import { toVatTable } from '../sale/vat-table';
import { vatBreakdown } from '../tax';
import { type CompletedReturn, completedReturnSchema, type ReturnLine } from './completed-return';
import { capacitiesLeft, type RefundPolicy, refundPolicySchema, routeRefund } from './refund-policy';
import type { ReturnError } from './return-errors';
import { type ReturnReason, returnReasonSchema } from './return-reason';
import { type ReturnableSource, returnableSourceSchema } from './returnable-source';
import { refundForUnits } from './unit-refund';

// A return, line by line, against a sale or an online order. The caller
// passes every earlier return of the same source: what was already returned
// bounds what can still come back, and what was already refunded per payment
// bounds where the refund can go. Returns made at other tills of the store
// that the caller knows only as counts (the store sales feed) come as
// `elsewhere`: the larger of the two counts is the one that binds. Ids and
// timestamps come from the caller.

export const returnDetailsSchema = z.strictObject({
  returnId: uuidV7Schema,
  storeCode: storeCodeSchema,
  tillCode: tillCodeSchema,
  staffId: staffIdSchema,
  createdAt: timestampSchema,
});
export type ReturnDetails = z.infer<typeof returnDetailsSchema>;

export interface ReturnLineRequest {
  readonly sourceLineId: string;
  readonly quantity: number;
  readonly restock: boolean;
  readonly reason: ReturnReason;
}

/**
 * What the store as a whole has already returned of the source, counting this
 * till's returns too: units per source line, and minor units refunded per
 * source tender (the store sales feed's `returned` and `refunded`, merged with
 * this till's returns the feed has not counted yet).
 */
export interface ReturnedElsewhere {
  readonly units: Readonly<Record<string, number>>;
  readonly refundedMinor: Readonly<Record<string, number>>;
}

export interface ReturnRequest {
  readonly details: ReturnDetails;
  readonly source: ReturnableSource;
  readonly previousReturns: readonly CompletedReturn[];
  readonly elsewhere?: ReturnedElsewhere | undefined;
  readonly lines: readonly ReturnLineRequest[];
  readonly policy: RefundPolicy;
}

/** Units of each source line already returned, or an error if a previous return does not belong here. */
function returnedSoFar(
  source: ReturnableSource,
  previous: readonly CompletedReturn[],
): Result<Map<string, number>, ReturnError> {
  const returned = new Map(source.lines.map((l) => [l.lineId, 0]));
  for (const r of previous) {
    if (r.source.type !== source.source.type || r.source.id !== source.source.id) {
      return err({ code: 'previous-return-of-another-source', returnId: r.returnId });
    }
    for (const line of r.lines) {
      const before = returned.get(line.sourceLineId);
      if (before === undefined) {
        return err({ code: 'previous-return-unknown-line', returnId: r.returnId, lineId: line.sourceLineId });
      }
      returned.set(line.sourceLineId, before + line.quantity);
    }
  }
  return ok(returned);
}

function returnLines(
  source: ReturnableSource,
  requests: readonly ReturnLineRequest[],
  returned: ReadonlyMap<string, number>,
): Result<ReturnLine[], ReturnError> {
  if (requests.length === 0) return err({ code: 'empty-return' });
  const seen = new Set<string>();
  const lines: ReturnLine[] = [];
  for (const request of requests) {
    const lineId = request.sourceLineId;
    const line = source.lines.find((l) => l.lineId === lineId);
    if (!line) return err({ code: 'unknown-line', lineId });
    if (seen.has(lineId)) return err({ code: 'duplicate-line', lineId });
    seen.add(lineId);
    if (!Number.isInteger(request.quantity) || request.quantity < 1) {
      return err({ code: 'invalid-quantity', lineId, quantity: request.quantity });
    }
    const reason = returnReasonSchema.safeParse(request.reason);
    if (!reason.success) return err({ code: 'invalid-reason', lineId, message: reason.error.message });
    const before = returned.get(lineId) ?? 0;
    const returnable = line.quantity - before;
    if (request.quantity > returnable) {
      return err({ code: 'quantity-exceeds-returnable', lineId, requested: request.quantity, returnable });
    }
    lines.push({
      sourceLineId: lineId,
      productId: line.productId,
      name: line.name,
      vatRateBps: line.vatRateBps,
      quantity: request.quantity,
      restock: request.restock,
      reason: reason.data,
      refund: refundForUnits(line.netPaid, line.quantity, before, request.quantity),
    });
  }
  return ok(lines);
}

/** The completed return, or why it is refused. */
export function createReturn(request: ReturnRequest): Result<CompletedReturn, ReturnError> {
  const details = returnDetailsSchema.safeParse(request.details);
  if (!details.success) return err({ code: 'invalid-return-details', message: details.error.message });
  const parsedSource = returnableSourceSchema.safeParse(request.source);
  if (!parsedSource.success) return err({ code: 'invalid-source', message: parsedSource.error.message });
  const policy = refundPolicySchema.safeParse(request.policy);
  if (!policy.success) return err({ code: 'invalid-policy', message: policy.error.message });
  const source = parsedSource.data;

  const returned = returnedSoFar(source, request.previousReturns);
  if (!returned.ok) return returned;
  for (const [lineId, units] of returned.value) {
    returned.value.set(lineId, Math.max(units, request.elsewhere?.units[lineId] ?? 0));
  }
  const lines = returnLines(source, request.lines, returned.value);
  if (!lines.ok) return lines;

  const total = sumMoney(
    lines.value.map((l) => l.refund),
    source.currency,
  );
  const previousRefunds = request.previousReturns.flatMap((r) => r.refunds);
  const refunds = routeRefund(
    total,
    capacitiesLeft(source.payments, previousRefunds, request.elsewhere?.refundedMinor),
    policy.data,
  );
  if (!refunds.ok) return refunds;

  const record = {
    ...details.data,
    source: source.source,
    currency: source.currency,
    lines: lines.value,
    policy: policy.data,
    refunds: refunds.value,
    total,
    vat: toVatTable(
      vatBreakdown(
        lines.value.map((l) => ({ grossMinor: l.refund.minor, vatRateBps: l.vatRateBps })),
        source.currency,
      ),
    ),
  };
  // The builder and the validator the server runs must agree; if they do not, that is a bug to report.
  const valid = completedReturnSchema.safeParse(record);
  if (!valid.success) return err({ code: 'invalid-return-record', message: valid.error.message });
  return ok(deepFreeze(valid.data));
}
