import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import '../../../i18n/i18n';
import type { ReturnIncident } from '../../../state/return-incidents';
import { ReturnIncidentsView } from './ReturnIncidents';

const incident: ReturnIncident = {
  incidentId: 12,
  saleId: '0193f0c0-0000-7000-8000-000000000100',
  receiptNumber: 'PAR01-01-000042',
  soldAt: '2026-12-01T09:30:00.000Z',
  recordedAt: '2026-12-03T15:00:00.000Z',
  lines: [{ lineId: 'l1', name: 'Écharpe laine', sold: 1, returned: 2 }],
  returns: [
    {
      returnId: 'r1',
      receiptNumber: 'PAR01-02-000007',
      tillCode: '02',
      createdAt: '2026-12-03T10:00:00.000Z',
    },
    {
      returnId: 'r2',
      receiptNumber: 'PAR01-03-000011',
      tillCode: '03',
      createdAt: '2026-12-03T11:00:00.000Z',
    },
  ],
};

describe('double returns banner', () => {
  it('names the sale, the line and both returns, with a Seen button per incident', () => {
    const html = renderToStaticMarkup(<ReturnIncidentsView incidents={[incident]} onSeen={() => {}} />);
    expect(html).toContain('Retours en double à vérifier');
    expect(html).toContain('1 vente a été retournée plus qu’elle n’a été vendue');
    expect(html).toContain('Ticket PAR01-01-000042');
    expect(html).toContain('Écharpe laine : 2 retournés pour 1 vendus');
    expect(html).toContain('Retour PAR01-02-000007 (caisse 02)');
    expect(html).toContain('Retour PAR01-03-000011 (caisse 03)');
    expect(html).toContain('aria-label="Marquer comme vu le retour en double du ticket PAR01-01-000042"');
  });

  it('shows nothing when there is nothing to check', () => {
    expect(renderToStaticMarkup(<ReturnIncidentsView incidents={[]} onSeen={() => {}} />)).toBe('');
  });
});
