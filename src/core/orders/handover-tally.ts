import type { HandoverLine } from './handover';
import type { OrderLine } from './order-line';

// How much of each order line the handover records add up to. Everything
// about handovers (what may still be handed over, the status, conflicts)
// is derived from the records, never stored as a separate counter that
// could drift from them.

export interface LineHandoverCount {
  readonly lineId: string;
  readonly ordered: number;
  readonly handedOver: number;
}

export interface HandoverTally {
  /** One entry per order line, in order-line order. */
  readonly lines: readonly LineHandoverCount[];
  /** Lines handed over beyond what was ordered (only concurrent offline handovers can do this). */
  readonly overHanded: readonly LineHandoverCount[];
  /** Line ids named by a handover but absent from the order. */
  readonly unknownLineIds: readonly string[];
  /** Every line handed over in full. */
  readonly complete: boolean;
}

export function tallyHandovers(
  lines: readonly Pick<OrderLine, 'lineId' | 'quantity'>[],
  handovers: readonly { readonly lines: readonly HandoverLine[] }[],
): HandoverTally {
  const handed = new Map<string, number>(lines.map((line) => [line.lineId, 0]));
  const unknown = new Set<string>();
  for (const handover of handovers) {
    for (const { lineId, quantity } of handover.lines) {
      const sofar = handed.get(lineId);
      if (sofar === undefined) unknown.add(lineId);
      else handed.set(lineId, sofar + quantity);
    }
  }
  const counts = lines.map((line) => ({
    lineId: line.lineId,
    ordered: line.quantity,
    handedOver: handed.get(line.lineId) ?? 0,
  }));
  return {
    lines: counts,
    overHanded: counts.filter((c) => c.handedOver > c.ordered),
    unknownLineIds: [...unknown],
    complete: counts.every((c) => c.handedOver >= c.ordered),
  };
}

/** Pieces of each line still to hand over (never negative), by line id. */
export function remainingQuantities(tally: HandoverTally): ReadonlyMap<string, number> {
  return new Map(tally.lines.map((c) => [c.lineId, Math.max(0, c.ordered - c.handedOver)]));
}
