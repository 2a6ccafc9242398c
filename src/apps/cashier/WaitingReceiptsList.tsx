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
  if (jobs.length === 0 && !message) return null;
  return (
    <section className="waiting-receipts" data-testid="waiting-receipts" aria-label="Tickets en attente">
      {jobs.length > 0 && (
        <>
          <h2>Tickets en attente d’impression ({jobs.length})</h2>
          <ul>
            {jobs.map((job) => (
              <li key={job.jobId} data-testid="waiting-receipt" data-job-id={job.jobId}>
                Ticket {receiptLabel(job.jobId)} · {queuedPrintJobWords(job)}{' '}
                <button
                  type="button"
                  data-testid="retry-receipt"
                  disabled={busy}
                  onClick={() => onRetry(job.jobId)}
                >
                  Réimprimer
                </button>
              </li>
            ))}
          </ul>
          <button type="button" data-testid="retry-all-receipts" disabled={busy} onClick={onRetryAll}>
            Tout réimprimer
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
