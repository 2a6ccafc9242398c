import type { OutboxEntry } from '../state/sync-status-store';

const STATE_LABEL = { pending: 'En attente', failed: 'Refusé' } as const;
const COLLECTION_LABEL: Readonly<Record<string, string>> = { journal: 'Journal', orders: 'Commande' };

/**
 * What this till has not yet delivered to the server, record by record:
 * pending ones go out by themselves when the link allows; refused ones carry
 * the server's reason and need someone to look at them.
 */
export function OutboxPanel({ items, onClose }: { items: readonly OutboxEntry[]; onClose: () => void }) {
  return (
    <section className="outbox-panel" data-testid="outbox-panel" aria-label="Envois en attente">
      <header>
        <h2>Envois vers le serveur</h2>
        <button type="button" className="secondary" onClick={onClose}>
          Fermer
        </button>
      </header>
      {items.length === 0 ? (
        <p data-testid="outbox-empty">Tout est envoyé.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th>État</th>
              <th>Type</th>
              <th>Enregistrement</th>
              <th>Depuis</th>
              <th>Motif</th>
            </tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <tr key={item.id} data-testid="outbox-item" data-state={item.state}>
                <td>{STATE_LABEL[item.state]}</td>
                <td>{COLLECTION_LABEL[item.collection] ?? item.collection}</td>
                <td className="mono">{item.documentId.slice(0, 13)}…</td>
                <td>{new Date(item.updatedAt).toLocaleTimeString('fr-FR')}</td>
                <td>{item.error ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
