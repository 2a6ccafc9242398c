import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { OutboxPanel } from './OutboxPanel';

const withoutDetails = (html: string) => html.replace(/<details[\s\S]*?<\/details>/g, '');

describe('outbox panel', () => {
  it('gives a refused record’s reason in words; the server’s text only under the details', () => {
    const html = renderToStaticMarkup(
      <OutboxPanel
        onClose={() => {}}
        items={[
          {
            id: 'journal:1',
            collection: 'journal',
            documentId: '0193a0b0-0000-7000-8000-000000000001',
            state: 'failed',
            error: '400 bad-request: journal entry 12: hash does not match its content',
            updatedAt: Date.UTC(2026, 11, 6, 18, 0, 0),
          },
        ]}
      />,
    );
    expect(withoutDetails(html)).toContain('refusé par le serveur, données non valables');
    expect(withoutDetails(html)).not.toMatch(/bad-request|hash does not match|400/);
    expect(html).toContain('<summary>Détails pour le support</summary>');
    expect(html).toContain('hash does not match its content');
  });
});
