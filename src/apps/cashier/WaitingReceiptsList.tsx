import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { queuedPrintJobWords } from '../../state/device-words';
import { receiptLabel, type WaitingReceipts, type WaitingReceiptsState } from '../../state/waiting-receipts';

/** Receipts waiting in the host's print queue, each with Réimprimer, and Tout réimprimer (oldest first). */
export function WaitingReceiptsList({ waiting }: { waiting: WaitingReceipts }) {
  const state = useStore(waiting.store);
  return (
    <WaitingReceiptsView
      {...state}
      onRetry={(jobId) => void waiting.retry(jobId)}
      onRetryAll={() => void waiting.retryAll()}
    />
  );
}

export function WaitingReceiptsView({
  jobs,
  busy,
  message,
  onRetry,
  onRetryAll,
}: WaitingReceiptsState & { onRetry: (jobId: string) => void; onRetryAll: () => void }) {
  const { t } = useTranslation();
  if (jobs.length === 0 && !message) return null;
  return (
    <section className="waiting-receipts" data-testid="waiting-receipts" aria-label={t('till.waiting.label')}>
      {jobs.length > 0 && (
        <>
          <h2>{t('till.waiting.title', { count: jobs.length })}</h2>
          <ul>
            {jobs.map((job) => (
              <li key={job.jobId} data-testid="waiting-receipt" data-job-id={job.jobId}>
                {t('till.waiting.job', { label: receiptLabel(job.jobId), words: queuedPrintJobWords(job) })}{' '}
                <button
                  type="button"
                  data-testid="retry-receipt"
                  disabled={busy}
                  onClick={() => onRetry(job.jobId)}
                >
                  {t('till.reprint')}
                </button>
              </li>
            ))}
          </ul>
          <button type="button" data-testid="retry-all-receipts" disabled={busy} onClick={onRetryAll}>
            {t('till.waiting.retryAll')}
          </button>
        </>
      )}
      {message && (
        <p role="status" data-testid="waiting-receipts-message">
          {message}
        </p>
      )}
    </section>
  );
}
