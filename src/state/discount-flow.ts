import { createStore } from 'zustand/vanilla';
import {
  activeLines,
  approveDiscount,
  type Cart,
  type DiscountValue,
  discountAmount,
  findActiveLine,
  removeBasketDiscount,
  removeLineDiscount,
  setBasketDiscount,
  setLineDiscount,
} from '../core/cart';
import { type Money, money, sumMoney } from '../core/money';
import { ok } from '../core/result';
import { t } from '../i18n/i18n';
import type { Approvals } from './approvals-port';
import { discountLines } from './sale-display';
import { checkedReason, describedReason, type ReasonChoice } from './sale-reasons';
import type { SaleStore } from './sale-store';

// Line and basket discounts, as a percentage or an amount, each with a
// reason. The approvals store decides who may give it (the store's policy
// for the signed-in role); the cart flags a discount beyond its own limits
// (requiresManagerApproval) and refuses to complete until an approval is
// attached. Both agree here: whenever the cart flags the discount, the
// approval `require` gave (the supervisor's, or the cashier's own when the
// policy lets the role decide alone) is attached to it.

/** null: the basket. */
export type DiscountTarget = { readonly lineId: string } | null;

export type DiscountInput =
  | { readonly type: 'percentage'; readonly bps: number }
  | { readonly type: 'amount'; readonly minor: number };

export interface DiscountFlowState {
  /** The discount dialog open: on a line, or on the basket (null); undefined when closed. */
  readonly open: DiscountTarget | undefined;
  readonly busy: boolean;
}

function discountValueOf(input: DiscountInput, currency: Cart['currency']): DiscountValue | undefined {
  if (input.type === 'percentage') {
    return Number.isInteger(input.bps) && input.bps >= 1 && input.bps <= 10_000
      ? { type: 'percentage', bps: input.bps }
      : undefined;
  }
  return Number.isSafeInteger(input.minor) && input.minor >= 1
    ? { type: 'amount', amount: money(input.minor, currency) }
    : undefined;
}

/** What the discount is judged on, as the cart judges it: the line gross, or the basket gross. */
function baseOf(cart: Cart, target: DiscountTarget): Money | undefined {
  if (target === null) {
    return sumMoney(
      activeLines(cart).map((l) => l.gross),
      cart.currency,
    );
  }
  const line = findActiveLine(cart, target.lineId);
  return line.ok ? line.value.gross : undefined;
}

export function createDiscountFlow(sale: SaleStore, approvals: Approvals) {
  const store = createStore<DiscountFlowState>()(() => ({ open: undefined, busy: false }));
  const tell = (words: string) => sale.tell(words);

  return {
    store,

    openFor(target: DiscountTarget): void {
      store.setState({ open: target });
    },

    close(): void {
      store.setState({ open: undefined, busy: false });
    },

    /** Gives the discount; true once it is on the basket. */
    async apply(target: DiscountTarget, input: DiscountInput, choice: ReasonChoice): Promise<boolean> {
      const { staff, cart } = sale.store.getState();
      if (!staff) return false;
      const value = discountValueOf(input, cart.currency);
      if (!value) {
        tell(t('saleEdit.discount.invalid'));
        return false;
      }
      const reason = checkedReason(choice);
      if (!reason.ok) {
        tell(reason.error);
        return false;
      }
      const base = baseOf(cart, target);
      if (!base || base.minor <= 0) {
        tell(t('saleEdit.discount.nothingToDiscount'));
        return false;
      }
      const removed = discountAmount(value, base);
      // The dialog closes before approvals are asked: their PIN prompt is a dialog of its own.
      store.setState({ open: undefined, busy: true });
      const approved = await approvals.require(staff, {
        action: 'discount',
        subject: {
          type: 'discount',
          saleId: sale.saleIdNow(),
          lineId: target === null ? null : target.lineId,
        },
        reason: describedReason(reason.value),
        amountMinor: removed.minor,
        percentBps:
          value.type === 'percentage' ? value.bps : Math.round((removed.minor * 10_000) / base.minor),
      });
      store.setState({ busy: false });
      if (!approved.ok) {
        tell(t(approved.reason === 'locked' ? 'saleEdit.approvalLocked' : 'saleEdit.approvalCancelled'));
        return false;
      }
      const request = { value, ...reason.value, grantedByStaffId: staff.id };
      const lineId = target === null ? null : target.lineId;
      const done = sale.editCart(
        (current) => {
          const set =
            lineId === null ? setBasketDiscount(current, request) : setLineDiscount(current, lineId, request);
          if (!set.ok) return set;
          const given =
            lineId === null
              ? set.value.basketDiscount
              : set.value.lines.find((l) => l.lineId === lineId)?.discount;
          // The cart's own flag, or a supervisor who approved: the approval stays on the discount.
          const approvedByOther = approved.approverStaffId !== staff.id;
          if (!given || (!given.requiresManagerApproval && !approvedByOther)) return set;
          return approveDiscount(set.value, lineId, {
            approverStaffId: approved.approverStaffId,
            approvedAt: new Date().toISOString(),
          });
        },
        (current) => discountLines(current, lineId),
      );
      if (done) store.setState({ open: undefined });
      return done;
    },

    /** Takes the discount off the line or the basket. */
    remove(target: DiscountTarget): boolean {
      return sale.editCart(
        (cart) =>
          target === null ? ok(removeBasketDiscount(cart)) : removeLineDiscount(cart, target.lineId),
        (cart) => discountLines(cart, target === null ? null : target.lineId),
      );
    },
  };
}

export type DiscountFlow = ReturnType<typeof createDiscountFlow>;
