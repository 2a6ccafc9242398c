import { err, ok, type Result } from '../result';
import { type ClickCollectOrder, clickCollectOrderSchema, webOrderImportSchema } from './click-collect-order';
import { fieldIssues, type OrderIssue } from './order-issues';
import { orderLinesIssues } from './order-line';

// The server's first import of a web order. It passes our id (UUIDv7) and a
// pickup code it minted with `pickupCodeFromBytes`; the web payload is
// checked in full, since it comes from another system.

export interface ClickCollectOrderInput {
  readonly id: string;
  readonly pickupCode: string;
  /** The web shop's order, already mapped to our field names; validated here. */
  readonly webOrder: unknown;
}

export function createClickCollectOrder(
  input: ClickCollectOrderInput,
): Result<ClickCollectOrder, readonly OrderIssue[]> {
  const web = webOrderImportSchema.safeParse(input.webOrder);
  if (!web.success) {
    // Name the order-level line problems precisely when the lines themselves parse.
    const lines = webOrderImportSchema.shape.lines.safeParse(
      typeof input.webOrder === 'object' && input.webOrder !== null && 'lines' in input.webOrder
        ? input.webOrder.lines
        : undefined,
    );
    const currency = webOrderImportSchema.shape.currency.safeParse(
      typeof input.webOrder === 'object' && input.webOrder !== null && 'currency' in input.webOrder
        ? input.webOrder.currency
        : undefined,
    );
    const lineIssues = lines.success && currency.success ? orderLinesIssues(lines.data, currency.data) : [];
    const other = fieldIssues(web.error, 'webOrder').filter(
      (issue) => issue.code !== 'invalid-field' || issue.path !== 'webOrder.lines',
    );
    return err([...lineIssues, ...other]);
  }
  const order = {
    kind: 'click-and-collect',
    id: input.id,
    ...web.data,
    pickupCode: input.pickupCode,
    // Cancelled online before we ever saw it: keep it, so a later copy is recognised.
    status: web.data.webStatus === 'cancelled' ? 'cancelled' : 'received',
    handovers: [],
    handoverConflict: null,
  } satisfies ClickCollectOrder;
  const parsed = clickCollectOrderSchema.safeParse(order);
  return parsed.success ? ok(parsed.data) : err(fieldIssues(parsed.error, ''));
}
