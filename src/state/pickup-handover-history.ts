import type { ClickCollectOrder } from '../core/orders/click-collect-order';
import { t } from '../i18n/i18n';

// An order's handovers as the desk lists them in the order's details (who,
// at which desk, when, what, why the rest waits), and its conflict flag in
// words: two desks that worked offline handed over more than was ordered, or
// handed over after a cancel or a return (docs/orders.md, "Two desks offline:
// the result").

export interface HandoverRow {
  readonly id: string;
  /** When, who, which desk. */
  readonly heading: string;
  /** "1 × Bouilloire inox 1,7 L", one per line handed over. */
  readonly items: readonly string[];
  readonly reason: string | undefined;
}

export interface HistoryContext {
  /** This desk's registration id: its own handovers say "this desk". */
  readonly tillId: string;
  /** The name of a staff member known to this desk. */
  readonly staffName: (staffId: string) => string | undefined;
  /** Date and time in the desk's language. */
  readonly dateTime: (at: number) => string;
}

/** Oldest first (the order of `handovers`: by UUIDv7 id, so by time). */
export function handoverHistory(order: ClickCollectOrder, context: HistoryContext): HandoverRow[] {
  const names = new Map(order.lines.map((line) => [line.lineId, line.name]));
  return order.handovers.map((handover) => ({
    id: handover.id,
    heading: t('pickupApp.history.row', {
      when: context.dateTime(Date.parse(handover.handedOverAt)),
      staff:
        context.staffName(handover.staffId) ?? t('pickupApp.history.unknownStaff', { id: handover.staffId }),
      desk:
        handover.tillId === context.tillId
          ? t('pickupApp.history.thisDesk')
          : t('pickupApp.history.otherDesk', { id: handover.tillId.slice(-4) }),
    }),
    items: handover.lines.map((line) =>
      t('pickupApp.history.what', { count: line.quantity, name: names.get(line.lineId) ?? line.lineId }),
    ),
    reason:
      handover.remainderReason === undefined
        ? undefined
        : t('pickupApp.history.reason', {
            reason: t(`pickupApp.remainderReasons.${handover.remainderReason}`),
          }),
  }));
}

/** What the conflict flag says, line by line; empty when the order is not flagged. */
export function conflictDetails(order: ClickCollectOrder): string[] {
  const conflict = order.handoverConflict;
  if (!conflict) return [];
  const names = new Map(order.lines.map((line) => [line.lineId, line.name]));
  const lines = conflict.overHandedLines.map((line) =>
    t('pickupApp.conflictDetail.overHanded', {
      name: names.get(line.lineId) ?? line.lineId,
      handedOver: line.handedOver,
      ordered: line.ordered,
    }),
  );
  const after = conflict.handoversAfterClosure.length;
  return after > 0 ? [...lines, t('pickupApp.conflictDetail.afterClosure', { count: after })] : lines;
}
