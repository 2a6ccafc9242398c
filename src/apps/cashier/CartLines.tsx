import type { TFunction } from 'i18next';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { PricedCart } from '../../core/cart';
import { useFormat } from '../../i18n/use-format';
import { type LineSnapshot, lastTouchedLine, snapshotLines } from './last-line';
import { LineDetails } from './sale/LineDetails';

type Measure = PricedCart['lines'][number]['line']['measure'];

const quantityOf = (measure: Measure, t: TFunction, count: (n: number) => string): string => {
  if (measure.kind === 'pieces') return t('till.pieces', { count: measure.quantity });
  if (measure.kind === 'weight') return t('till.kilograms', { weight: count(measure.grams / 1000) });
  return t('till.labelPrice');
};

/**
 * The basket's lines in their own scrolling pane. The line touched last (the
 * last scan, or a line whose quantity changed) is highlighted and always
 * scrolled into view.
 */
export function CartLines({
  priced,
  onVoid,
  locked,
  selectedLineId,
  onSelect,
}: {
  priced: PricedCart;
  onVoid: (lineId: string) => void;
  locked: boolean;
  /** The line the line actions act on (sale/LineActions.tsx), highlighted. */
  selectedLineId?: string | undefined;
  onSelect?: (lineId: string) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const seen = useRef<{ lines: LineSnapshot[] | undefined; touched: string | undefined }>({
    lines: undefined,
    touched: undefined,
  });
  const lines = snapshotLines(priced.lines);
  const touched = lastTouchedLine(seen.current.lines, lines, seen.current.touched);
  const pane = useRef<HTMLOListElement>(null);
  useEffect(() => {
    seen.current = { lines, touched };
  });
  // Scrolled after every change of the lines, so the touched line is in view even when it did not change (a void).
  const shape = lines.map((line) => `${line.lineId}:${line.shape}`).join(',');
  const showTouched = useRef(() => {});
  showTouched.current = () => {
    if (touched === undefined) return;
    pane.current
      ?.querySelector<HTMLElement>(`[data-line-id="${touched}"]`)
      ?.scrollIntoView({ block: 'nearest' });
  };
  useEffect(() => {
    if (shape !== '') showTouched.current();
  }, [shape]);
  // The pane shrinks when a message or a toast appears above it, or the window changes: the line stays in view.
  const hasLines = shape !== '';
  useEffect(() => {
    const element = pane.current;
    if (!hasLines || !element || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => showTouched.current());
    observer.observe(element);
    return () => observer.disconnect();
  }, [hasLines]);
  if (priced.lines.length === 0)
    return (
      <div className="cart-pane cart-empty">
        <p className="empty-cart">{t('till.scanToStart')}</p>
      </div>
    );
  return (
    <ol
      className="cart-pane cart-lines"
      data-testid="cart-lines"
      ref={pane}
      aria-label={t('cashierLayout.basket')}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling pane must be reachable to scroll it from the keyboard
      tabIndex={0}
    >
      {priced.lines.map((pricedLine) => {
        const { line, net } = pricedLine;
        const last = line.lineId === touched;
        const selected = line.lineId === selectedLineId;
        return (
          <li
            key={line.lineId}
            data-testid="cart-line"
            data-line-id={line.lineId}
            data-last={last ? 'true' : undefined}
            data-selected={selected ? 'true' : undefined}
            aria-current={last ? 'true' : undefined}
            className={['cart-line', last ? 'cart-line-last' : '', selected ? 'line-selected' : '']
              .filter(Boolean)
              .join(' ')}
          >
            {onSelect && !locked ? (
              <button
                type="button"
                className="line-name line-select"
                aria-pressed={selected}
                onClick={() => onSelect(line.lineId)}
              >
                {line.name}
              </button>
            ) : (
              <span className="line-name">{line.name}</span>
            )}
            <span className="line-quantity">{quantityOf(line.measure, t, format.count)}</span>
            <span className="line-amount">{format.money(net)}</span>
            {!locked && (
              <button
                type="button"
                className="void"
                onClick={() => onVoid(line.lineId)}
                aria-label={t('till.voidLine', { name: line.name })}
              >
                ✕
              </button>
            )}
            <LineDetails priced={pricedLine} />
          </li>
        );
      })}
    </ol>
  );
}
