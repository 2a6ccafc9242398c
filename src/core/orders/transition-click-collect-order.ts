import { err, ok, type Result } from '../result';
import type { ClickCollectOrder } from './click-collect-order';
import {
  type ClickCollectEventType,
  type ClickCollectStatus,
  type HandoverEventType,
  nextClickCollectStatus,
} from './click-collect-status';

// Status moves of a click-and-collect order other than handovers (those go
// through `recordHandover`, which needs the handover record).

export type ClickCollectEvent = {
  readonly type: Exclude<ClickCollectEventType, HandoverEventType>;
  /**
   * When it happened (the caller's clock). `mark-ready` with a time records it
   * as the order's `readyAt`, from which "not collected" is counted.
   */
  readonly at?: string;
};

export type ClickCollectTransitionError = {
  readonly code: 'illegal-transition';
  readonly from: ClickCollectStatus;
  readonly event: ClickCollectEventType;
};

export function transitionClickCollectOrder(
  order: ClickCollectOrder,
  event: ClickCollectEvent,
): Result<ClickCollectOrder, ClickCollectTransitionError> {
  const next = nextClickCollectStatus(order.status, event.type);
  if (next === undefined) return err({ code: 'illegal-transition', from: order.status, event: event.type });
  // The signature covers what the server decided, not the store's progress, so it stays valid.
  const readyAt = next === 'ready-for-pickup' && event.at !== undefined ? { readyAt: event.at } : {};
  return ok({ ...order, status: next, ...readyAt });
}
