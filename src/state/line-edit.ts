import { createStore } from 'zustand/vanilla';
import {
  type Cart,
  type CartLine,
  changeQuantity,
  findActiveLine,
  isActive,
  MAX_LINE_QUANTITY,
  overrideLinePrice,
} from '../core/cart';
import { money } from '../core/money';
import { t } from '../i18n/i18n';
import type { Approvals } from './approvals-port';
import { lineChangedLines } from './sale-display';
import { checkedReason, describedReason, type ReasonChoice } from './sale-reasons';
import type { SaleStore } from './sale-store';

// The cashier's changes to one line: its quantity ("3 ×" before a scan, a
// number on the numpad, + and −) and its price (with a reason, and a
// supervisor's approval where the store's policy asks for one). The line
// acted on is the one selected, else the last line rung up.

export interface LineEditState {
  /** The line the cashier picked; the last active line when none (or when it was voided). */
  readonly selectedLineId: string | undefined;
  /** "3 ×" typed before a scan or a quick key: how many pieces the next item is. */
  readonly pendingQuantity: number | undefined;
  /** A price change waiting for its approval. */
  readonly busy: boolean;
}

/** "3*", "3x", "3×" (then a scan), or "3*3017620422003" typed whole. */
const MULTIPLIER = /^\s*(\d{1,4})\s*[*xX×]\s*(\S*)\s*$/;

export function createLineEdit(sale: SaleStore, approvals: Approvals) {
  const store = createStore<LineEditState>()(() => ({
    selectedLineId: undefined,
    pendingQuantity: undefined,
    busy: false,
  }));
  const tell = (words: string) => sale.tell(words);

  /** The line acted on: the one selected if still active, else the last active line. */
  const target = (cart: Cart): CartLine | undefined => {
    const { selectedLineId } = store.getState();
    const chosen = selectedLineId ? findActiveLine(cart, selectedLineId) : undefined;
    if (chosen?.ok) return chosen.value;
    return cart.lines.filter(isActive).at(-1);
  };

  const validQuantity = (n: number) => Number.isInteger(n) && n >= 1 && n <= MAX_LINE_QUANTITY;

  function setQuantityOf(line: CartLine, quantity: number): boolean {
    if (line.measure.kind !== 'pieces') {
      tell(t('saleEdit.quantity.notPieces', { name: line.name }));
      return false;
    }
    if (!validQuantity(quantity)) {
      tell(t('saleEdit.quantity.outOfRange', { max: MAX_LINE_QUANTITY }));
      return false;
    }
    return sale.editCart(
      (cart) => changeQuantity(cart, line.lineId, quantity),
      (cart) => lineChangedLines(cart, line.lineId),
    );
  }

  function setPendingQuantity(quantity: number): boolean {
    if (!validQuantity(quantity)) {
      tell(t('saleEdit.quantity.outOfRange', { max: MAX_LINE_QUANTITY }));
      return false;
    }
    store.setState({ pendingQuantity: quantity });
    sale.tell(undefined);
    return true;
  }

  function takePendingQuantity(): number {
    const quantity = store.getState().pendingQuantity ?? 1;
    store.setState({ pendingQuantity: undefined });
    return quantity;
  }

  async function scan(code: string): Promise<void> {
    await sale.scan(code, takePendingQuantity());
    store.setState({ selectedLineId: undefined });
  }

  /** + or − on the line; − stops at one piece (voiding is its own action). */
  function step(delta: 1 | -1): boolean {
    const line = target(sale.store.getState().cart);
    if (!line) return false;
    if (line.measure.kind !== 'pieces') {
      tell(t('saleEdit.quantity.notPieces', { name: line.name }));
      return false;
    }
    if (delta < 0 && line.measure.quantity === 1) {
      tell(t('saleEdit.quantity.atOne'));
      return false;
    }
    return setQuantityOf(line, line.measure.quantity + delta);
  }

  return {
    store,

    select(lineId: string | undefined): void {
      store.setState({ selectedLineId: lineId });
    },

    /** The line + / −, the numpad and the price act on. */
    targetLine(): CartLine | undefined {
      return target(sale.store.getState().cart);
    },

    /** "3 ×": the next scan or quick key sells that many pieces. */
    setPendingQuantity,

    clearPendingQuantity(): void {
      store.setState({ pendingQuantity: undefined });
    },

    /** The pending quantity, used once. */
    takePendingQuantity,

    /**
     * What the cashier is typing in the scan field: "3*" (or "3x", "3×") sets the next quantity,
     * "+" or "−" alone changes the line's; true when taken.
     */
    typed(text: string): boolean {
      // + or − typed in the empty scan field acts on the line, as anywhere else on the screen.
      if (text === '+' || text === '-') {
        step(text === '+' ? 1 : -1);
        return true;
      }
      const found = MULTIPLIER.exec(text);
      if (!found || found[2]) return false;
      setPendingQuantity(Number(found[1]));
      return true;
    },

    /** The scan field submitted: "3*<code>" sells 3 of that code; anything else is a scan. */
    async submit(text: string): Promise<void> {
      const found = MULTIPLIER.exec(text);
      if (!found) return scan(text.trim());
      if (!setPendingQuantity(Number(found[1]))) return;
      if (found[2]) await scan(found[2]);
    },

    /** A scan (scanner or scan field), carrying the pending quantity if any. */
    scan,

    /** The quantity typed on the numpad for the line. */
    setQuantity(quantity: number): boolean {
      const line = target(sale.store.getState().cart);
      if (!line) return false;
      return setQuantityOf(line, quantity);
    },

    /** + or − on the line; − stops at one piece (voiding is its own action). */
    step,

    /**
     * A new unit price for the line, with a reason. The approvals store decides whether the
     * cashier may alone; a supervisor's approval is kept on the line (and in the sale).
     */
    async overridePrice(
      unitPriceMinor: number,
      choice: ReasonChoice,
      /** Called once the input is valid, before approvals are asked (the screen closes its dialog). */
      beforeApproval: () => void = () => undefined,
    ): Promise<boolean> {
      const { staff, cart } = sale.store.getState();
      const line = target(cart);
      if (!staff || !line) return false;
      if (!Number.isSafeInteger(unitPriceMinor) || unitPriceMinor < 0) {
        tell(t('saleEdit.price.invalid'));
        return false;
      }
      const reason = checkedReason(choice);
      if (!reason.ok) {
        tell(reason.error);
        return false;
      }
      const original = line.priceOverride?.originalUnitPrice ?? line.unitPrice;
      const lowered = Math.max(0, original.minor - unitPriceMinor);
      beforeApproval();
      store.setState({ busy: true });
      const approved = await approvals.require(staff, {
        action: 'price-override',
        subject: { type: 'price-override', saleId: sale.saleIdNow(), lineId: line.lineId },
        reason: describedReason(reason.value),
        amountMinor: lowered,
        ...(original.minor > 0 ? { percentBps: Math.round((lowered * 10_000) / original.minor) } : {}),
      });
      store.setState({ busy: false });
      if (!approved.ok) {
        tell(t(approved.reason === 'locked' ? 'saleEdit.approvalLocked' : 'saleEdit.approvalCancelled'));
        return false;
      }
      const approval =
        approved.approverStaffId === staff.id
          ? null
          : { approverStaffId: approved.approverStaffId, approvedAt: new Date().toISOString() };
      return sale.editCart(
        (current) =>
          overrideLinePrice(current, line.lineId, {
            unitPrice: money(unitPriceMinor, current.currency),
            ...reason.value,
            byStaffId: staff.id,
            approval,
          }),
        (current) => lineChangedLines(current, line.lineId),
      );
    },
  };
}

export type LineEdit = ReturnType<typeof createLineEdit>;
