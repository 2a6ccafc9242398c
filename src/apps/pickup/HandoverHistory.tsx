import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClickCollectOrder } from '../../core/orders/click-collect-order';
import { activeLanguage, INTL_LOCALE } from '../../i18n/i18n';
import { handoverHistory } from '../../state/pickup-handover-history';
import type { PickupDesk } from './use-pickup-desk';

/** Every handover of the order: when, who, at which desk, what, and why the rest waited. */
export function HandoverHistory({ parts, order }: { parts: PickupDesk; order: ClickCollectOrder }) {
  const { t } = useTranslation();
  const [names, setNames] = useState<ReadonlyMap<string, string>>(new Map());
  useEffect(() => {
    let live = true;
    void parts.port.staffNames().then((found) => live && setNames(found));
    return () => {
      live = false;
    };
  }, [parts.port]);
  if (order.handovers.length === 0) return null;
  const rows = handoverHistory(order, {
    tillId: parts.port.till.tillId,
    staffName: (id) => names.get(id),
    dateTime: (at) =>
      new Intl.DateTimeFormat(INTL_LOCALE[activeLanguage()], {
        dateStyle: 'short',
        timeStyle: 'short',
      }).format(at),
  });
  return (
    <>
      <h3>{t('pickupApp.history.title')}</h3>
      <ol className="pickup-history" data-testid="pickup-history">
        {rows.map((row) => (
          <li key={row.id} data-testid="pickup-history-row">
            <span className="pickup-history-heading">{row.heading}</span>
            <span>{row.items.join(', ')}</span>
            {row.reason ? <span className="pickup-line-note">{row.reason}</span> : null}
          </li>
        ))}
      </ol>
    </>
  );
}
