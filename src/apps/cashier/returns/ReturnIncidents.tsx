import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import type { StaffRole } from '../../../core/staff/staff-member';
import { useFormat } from '../../../i18n/use-format';
import {
  incidentsToShow,
  type ReturnIncident,
  type ReturnIncidentsStore,
} from '../../../state/return-incidents';
import './return-incidents.css';

/**
 * Double returns the server found on this store's sales (the same line
 * returned on two tills while offline), shown to a supervisor or manager
 * signed in, until marked seen. Nothing for a cashier, nothing when none.
 */
export function ReturnIncidents({
  store,
  role,
  onSeen,
}: {
  store: ReturnIncidentsStore;
  role: StaffRole | undefined;
  onSeen: (incidentId: number) => void;
}) {
  const state = useStore(store);
  return <ReturnIncidentsView incidents={incidentsToShow(state, role)} onSeen={onSeen} />;
}

export function ReturnIncidentsView({
  incidents,
  onSeen,
}: {
  incidents: readonly ReturnIncident[];
  onSeen: (incidentId: number) => void;
}) {
  const { t } = useTranslation();
  const { locale } = useFormat();
  if (incidents.length === 0) return null;
  const when = (instant: string) =>
    new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short' }).format(Date.parse(instant));
  return (
    <section
      className="return-incidents"
      aria-labelledby="return-incidents-title"
      data-testid="return-incidents"
    >
      <h2 id="return-incidents-title">{t('storeSales.incidents.title')}</h2>
      <p role="status">{t('storeSales.incidents.summary', { count: incidents.length })}</p>
      <ul>
        {incidents.map((incident) => (
          <li key={incident.incidentId} data-testid="return-incident" data-incident-id={incident.incidentId}>
            <h3>
              {t('storeSales.incidents.sale', {
                receiptNumber: incident.receiptNumber,
                soldAt: when(incident.soldAt),
              })}
            </h3>
            <ul className="return-incident-lines">
              {incident.lines.map((line) => (
                <li key={line.lineId}>
                  {t('storeSales.incidents.line', {
                    name: line.name,
                    returned: line.returned,
                    sold: line.sold,
                  })}
                </li>
              ))}
            </ul>
            <ul className="return-incident-returns">
              {incident.returns.map((r) => (
                <li key={r.returnId}>
                  {t('storeSales.incidents.return', {
                    receiptNumber: r.receiptNumber,
                    tillCode: r.tillCode,
                    createdAt: when(r.createdAt),
                  })}
                </li>
              ))}
            </ul>
            <button
              type="button"
              data-testid="return-incident-seen"
              aria-label={t('storeSales.incidents.dismissLabel', { receiptNumber: incident.receiptNumber })}
              onClick={() => onSeen(incident.incidentId)}
            >
              {t('storeSales.incidents.dismiss')}
            </button>
          </li>
        ))}
      </ul>
      <p className="return-incidents-hint">{t('storeSales.incidents.hint')}</p>
    </section>
  );
}
