import { useTranslation } from 'react-i18next';
import { syncFailureWords } from '../i18n/error-words';
import { useFormat } from '../i18n/use-format';
import type { OutboxEntry } from '../state/sync-status-store';

const collectionKey = (collection: string) =>
  collection === 'journal' || collection === 'orders'
    ? (`outbox.collection.${collection}` as const)
    : 'outbox.collection.other';

/**
 * What this till has not yet delivered to the server, record by record:
 * pending ones go out by themselves when the link allows; refused ones carry
 * the server's reason and need someone to look at them.
 */
export function OutboxPanel({ items, onClose }: { items: readonly OutboxEntry[]; onClose: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <section className="outbox-panel" data-testid="outbox-panel" aria-label={t('outbox.label')}>
      <header>
        <h2>{t('outbox.title')}</h2>
        <button type="button" className="secondary" onClick={onClose}>
          {t('common.close')}
        </button>
      </header>
      {items.length === 0 ? (
        <p data-testid="outbox-empty">{t('outbox.empty')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th>{t('outbox.columns.state')}</th>
              <th>{t('outbox.columns.type')}</th>
              <th>{t('outbox.columns.record')}</th>
              <th>{t('outbox.columns.since')}</th>
              <th>{t('outbox.columns.reason')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <tr key={item.id} data-testid="outbox-item" data-state={item.state}>
                <td>{t(`outbox.state.${item.state}`)}</td>
                <td>{t(collectionKey(item.collection))}</td>
                <td className="mono">{item.documentId.slice(0, 13)}…</td>
                <td>{format.time(item.updatedAt)}</td>
                <td>
                  {item.error && (
                    <>
                      {syncFailureWords(item.error)}
                      <details className="outbox-detail">
                        <summary>{t('common.details')}</summary>
                        {item.error}
                      </details>
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
