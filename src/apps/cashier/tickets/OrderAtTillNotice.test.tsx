import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { OrderAtTillNotice, type OrderAtTillNoticeProps } from './OrderAtTillNotice';

const render = (props: Partial<OrderAtTillNoticeProps>) =>
  renderToStaticMarkup(
    <OrderAtTillNotice
      testId="pickup-order"
      locked={false}
      onClear={() => {}}
      onDismiss={() => {}}
      {...props}
    />,
  );

const loaded = {
  label: 'Commande web',
  summary: 'Commande WEB-1 · 2 articles · 12,00 €',
  clearLabel: 'Retirer',
};

describe('an order brought to the till, above the basket', () => {
  it('shows nothing while no order is there', () => {
    expect(render({})).toBe('');
  });

  it('shows the order with the way to drop it, under the given test ids', () => {
    const html = render({ loaded });
    expect(html).toContain('data-testid="pickup-order"');
    expect(html).toContain('aria-label="Commande web"');
    expect(html).toContain('data-testid="pickup-order-summary">Commande WEB-1 · 2 articles · 12,00 €');
    expect(html).toContain('data-testid="pickup-order-clear"');
  });

  it('keeps the order shown on a locked till, without the button that drops it', () => {
    const html = render({ loaded, locked: true });
    expect(html).toContain('Commande WEB-1');
    expect(html).not.toContain('pickup-order-clear');
  });

  it('says a code is being checked, and why one was refused', () => {
    expect(render({ checking: 'Vérification du ticket…' })).toContain(
      'data-testid="pickup-order-checking">Vérification du ticket…',
    );
    const refused = render({ refused: { title: 'Code refusé', reason: 'Ce code a été modifié.' } });
    expect(refused).toContain('Code refusé');
    expect(refused).toContain('data-testid="pickup-order-refusal">Ce code a été modifié.');
  });
});
