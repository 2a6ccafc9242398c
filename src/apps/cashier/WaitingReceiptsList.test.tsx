import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { QueuedPrintJob } from '../../core/bridge/bridge-methods';
import { WaitingReceiptsView } from './WaitingReceiptsList';

const render = (jobs: QueuedPrintJob[]) =>
  renderToStaticMarkup(
    <WaitingReceiptsView
      jobs={jobs}
      busy={false}
      message={undefined}
      onRetry={() => {}}
      onRetryAll={() => {}}
    />,
  );

describe('receipts waiting for the printer', () => {
  it('say why in the cashier’s words, not the driver’s error text', () => {
    const html = render([
      {
        jobId: 'receipt:PAR01-01-000007',
        code: 'printer-unreachable',
        reason: 'connect ECONNREFUSED 127.0.0.1:9100',
      },
      { jobId: 'receipt:PAR01-01-000008', code: 'paper-out', reason: 'Plus de papier dans l’imprimante' },
    ]);
    expect(html).toContain('Ticket PAR01-01-000007 · imprimante injoignable');
    expect(html).toContain('Ticket PAR01-01-000008 · plus de papier');
    expect(html).not.toContain('ECONNREFUSED');
  });

  it('a host that sends no code yet: general words, still not its text', () => {
    const html = render([{ jobId: 'receipt:PAR01-01-000009', reason: 'EPIPE write after end' }]);
    expect(html).toContain('Ticket PAR01-01-000009 · erreur de l’appareil');
    expect(html).not.toContain('EPIPE');
  });
});
