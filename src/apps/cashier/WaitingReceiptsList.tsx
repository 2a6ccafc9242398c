import { useStore } from 'zustand';
import { receiptLabel, type WaitingReceipts } from '../../state/waiting-receipts';

/** Receipts waiting in the host's print queue, each with Réimprimer, and Tout réimprimer (oldest first). */
export function WaitingReceiptsList({ waiting }: { waiting: WaitingReceipts }) {
  const { jobs, busy, message } = useStore(waiting.store);
  if (jobs.length === 0 && !message) return null;
  return (
    <section className="waiting-receipts" data-testid="waiting-receipts" aria-label="Tickets en attente">
      {jobs.length > 0 && (
        <>
          <h2>Tickets en attente d’impression ({jobs.length})</h2>
          <ul>
            {jobs.map((job) => (
              <li key={job.jobId} data-testid="waiting-receipt" data-job-id={job.jobId}>
                Ticket {receiptLabel(job.jobId)} · {job.reason}{' '}
                <button
                  type="button"
                  data-testid="retry-receipt"
                  disabled={busy}
                  onClick={() => void waiting.retry(job.jobId)}
                >
                  Réimprimer
                </button>
              </li>
            ))}
          </ul>
          <button
            type="button"
            data-testid="retry-all-receipts"
            disabled={busy}
            onClick={() => void waiting.retryAll()}
          >
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
