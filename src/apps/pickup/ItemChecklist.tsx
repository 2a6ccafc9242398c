import { useTranslation } from 'react-i18next';
import type { ClickCollectOrder } from '../../core/orders/click-collect-order';
import type { ItemCounts, WantedPieces } from '../../core/orders/pickup-scan';

/** The lines to scan, how many are scanned, and what is still missing. */
export function ItemChecklist({
  order,
  wanted,
  counts,
  doneKey,
}: {
  order: ClickCollectOrder;
  wanted: WantedPieces;
  counts: ItemCounts;
  doneKey: 'pickupApp.prepare.picked' | 'pickupApp.items.scanned';
}) {
  const { t } = useTranslation();
  return (
    <ul className="pickup-checklist" data-testid="pickup-checklist">
      {order.lines
        .filter((line) => wanted.has(line.lineId))
        .map((line) => {
          const want = wanted.get(line.lineId) ?? 0;
          const counted = Math.min(want, counts[line.lineId] ?? 0);
          const missing = want - counted;
          return (
            <li
              key={line.lineId}
              className={missing === 0 ? 'complete' : 'missing'}
              data-testid={`pickup-item-${line.lineId}`}
            >
              <span className="pickup-item-name">{line.name}</span>
              <span className="pickup-item-count">{t(doneKey, { counted, wanted: want })}</span>
              {missing > 0 ? (
                <span className="pickup-item-missing">
                  {t('pickupApp.items.missing', { count: missing })}
                </span>
              ) : (
                <span className="pickup-item-ok" aria-hidden="true">
                  ✓
                </span>
              )}
            </li>
          );
        })}
    </ul>
  );
}
