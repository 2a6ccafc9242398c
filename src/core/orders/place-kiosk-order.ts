import { err, ok, type Result } from '../result';
import { createKioskOrder, type KioskOrderInput } from './create-kiosk-order';
import type { KioskOrder, KioskPaymentProof } from './kiosk-order';
import type { OrderIssue } from './order-issues';
import { type KioskTransitionError, transitionKioskOrder } from './transition-kiosk-order';

// The order the kiosk journals when the customer confirms: built as a draft,
// submitted, and paid when the kiosk's terminal already took the money. One
// function so the kiosk screen, the tests and the server's schema agree on
// what "placed" means (`kiosk-order.placed` in src/core/journal).

export type PlaceKioskOrderError =
  | { readonly code: 'invalid-order'; readonly issues: readonly OrderIssue[] }
  | { readonly code: 'refused-move'; readonly reason: KioskTransitionError };

export interface KioskOrderPlacement {
  /** The kiosk's clock when the customer confirmed. */
  readonly placedAt: string;
  /** The terminal's proof for `at-kiosk` orders paid on the spot; absent for `at-till`. */
  readonly payment?: KioskPaymentProof;
}

export function placeKioskOrder(
  input: KioskOrderInput,
  placement: KioskOrderPlacement,
): Result<KioskOrder, PlaceKioskOrderError> {
  const draft = createKioskOrder(input);
  if (!draft.ok) return err({ code: 'invalid-order', issues: draft.error });
  const submitted = transitionKioskOrder(draft.value, { type: 'submit', at: placement.placedAt });
  if (!submitted.ok) return err({ code: 'refused-move', reason: submitted.error });
  if (placement.payment === undefined) return ok(submitted.value);
  const paid = transitionKioskOrder(submitted.value, {
    type: 'pay',
    at: placement.placedAt,
    payment: placement.payment,
  });
  return paid.ok ? ok(paid.value) : err({ code: 'refused-move', reason: paid.error });
}
