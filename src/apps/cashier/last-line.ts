import type { PricedLine } from '../../core/cart';

// Which line of the basket the cashier touched last (a scan adds a line; a
// quantity or price change alters one): the screen keeps it in view and
// highlighted. Pure, from the lines before and after a change.

export interface LineSnapshot {
  readonly lineId: string;
  /** What changes when the line does (measure, price, discount). */
  readonly shape: string;
}

export const snapshotLines = (lines: readonly PricedLine[]): LineSnapshot[] =>
  lines.map(({ line, net }) => ({
    lineId: line.lineId,
    shape: `${JSON.stringify(line.measure)}|${line.unitPrice.minor}|${net.minor}`,
  }));

/**
 * The last touched line: a line that is new, else the last line whose shape
 * changed, else the one touched before if it is still there, else the
 * basket's last line (a restored basket, a voided line). Undefined for an
 * empty basket.
 */
export function lastTouchedLine(
  before: readonly LineSnapshot[] | undefined,
  after: readonly LineSnapshot[],
  touched: string | undefined,
): string | undefined {
  if (after.length === 0) return undefined;
  const last = after[after.length - 1]?.lineId;
  if (before === undefined) return last;
  const previous = new Map(before.map((line) => [line.lineId, line.shape]));
  for (let i = after.length - 1; i >= 0; i--) {
    const line = after[i];
    if (line && previous.get(line.lineId) !== line.shape) return line.lineId;
  }
  return touched !== undefined && after.some((line) => line.lineId === touched) ? touched : last;
}
