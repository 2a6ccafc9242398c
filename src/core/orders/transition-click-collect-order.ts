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
  return ok({ ...order, status: next });
}
