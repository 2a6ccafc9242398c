import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { i18n } from '../../i18n/i18n';
import { AmountKeypad } from './AmountKeypad';
import { Busy } from './Busy';
import { Dialog } from './Dialog';
import { LargeRowList } from './LargeRowList';
import { Numpad } from './Numpad';
import { PinPad } from './PinPad';
import { ToastRegions, Toasts } from './Toasts';
import { createToastStore } from './toast-store';

const none = () => undefined;

describe('Numpad markup', () => {
  it('is a named group of buttons: ten digits, 00, clear and backspace named in words, enter', () => {
    const html = renderToStaticMarkup(<Numpad label="Quantité" onKey={none} onEnter={none} />);
    expect(html).toContain('<fieldset aria-label="Quantité"');
    expect(html).toContain('tabindex="0"');
    for (const digit of ['0', '1', '5', '9', '00'])
      expect(html).toContain(`data-testid="numpad-key-${digit}"`);
    expect(html).toContain('aria-label="Tout effacer"');
    expect(html).toContain('aria-label="Effacer le dernier chiffre"');
    expect(html).toContain('data-testid="numpad-enter">Valider</button>');
    expect(html.match(/type="button"/g)).toHaveLength(14);
  });

  it('without 00 nor enter when asked; a field’s pad keys stay out of the tab order', () => {
    const html = renderToStaticMarkup(<Numpad label="x" onKey={none} doubleZero={false} forField />);
    expect(html).not.toContain('numpad-key-00');
    expect(html).not.toContain('numpad-enter');
    expect(html).not.toContain('tabindex="0"');
    expect(html.match(/tabindex="-1"/g)).toHaveLength(12);
  });
});

describe('AmountKeypad markup', () => {
  it('shows the amount formatted in the active language, labelled, with quick buttons', async () => {
    const html = renderToStaticMarkup(
      <AmountKeypad
        value={125}
        onChange={none}
        currency="EUR"
        exactMinor={1234}
        quickNotes={[500, 1000]}
        testId="cash-given"
        quickTestId="pay"
        onEnter={none}
      />,
    );
    expect(html).toMatch(/<label for="([^"]+)" class="kit-field-label">Montant<\/label><input id="\1"/);
    expect(html).toContain(`value="1,25${'\u00a0'}€"`);
    expect(html).toContain('data-minor="125"');
    expect(html).toContain('inputMode="none"');
    expect(html).toContain('data-testid="pay-exact"');
    expect(html).toContain(`data-testid="pay-note-500">5${'\u00a0'}€</button>`);
    expect(html).toContain('data-testid="cash-given-pad-enter"');
    await i18n.changeLanguage('en');
    try {
      const en = renderToStaticMarkup(<AmountKeypad value={125} onChange={none} currency="EUR" />);
      expect(en).toContain('value="€1.25"');
      expect(en).toContain('>Amount</label>');
    } finally {
      await i18n.changeLanguage('fr');
    }
  });
});

describe('PinPad markup', () => {
  it('is a password field (dots, never digits) with a phone pad and a submit key', () => {
    const html = renderToStaticMarkup(<PinPad onSubmit={none} submitTestId="sign-in" />);
    expect(html).toContain('type="password"');
    expect(html).toContain('data-testid="pin-input" data-digits="0"');
    expect(html).toContain('>Code PIN</label>');
    expect(html).toContain('aria-label="Pavé du code PIN"');
    expect(html).not.toContain('pin-input-pad-key-00');
    expect(html).toMatch(/data-testid="sign-in"[^>]*disabled=""/);
    // Phone layout: 1 before 9.
    expect(html.indexOf('pin-input-pad-key-1')).toBeLessThan(html.indexOf('pin-input-pad-key-9'));
  });
});

describe('Dialog markup', () => {
  it('is a native dialog named by its title, with Cancel', () => {
    const html = renderToStaticMarkup(
      <Dialog title="Remise" onClose={none} testId="discount">
        {null}
      </Dialog>,
    );
    expect(html).toMatch(/<dialog class="kit-dialog" aria-labelledby="([^"]+)" aria-modal="true"/);
    const id = html.match(/aria-labelledby="([^"]+)"/)?.[1];
    expect(html).toContain(`<h2 id="${id}" class="kit-dialog-title">Remise</h2>`);
    expect(html).toContain('data-testid="discount-cancel">Annuler</button>');
  });
});

describe('LargeRowList markup', () => {
  const rows = [
    { id: 'a', label: 'Baguette' },
    { id: 'b', label: 'Croissant' },
  ];
  it('is a focusable listbox whose active option is the selected row', () => {
    const html = renderToStaticMarkup(
      <LargeRowList rows={rows} label="Articles" selectedId="b" onSelect={none} />,
    );
    expect(html).toContain('role="listbox" tabindex="0" aria-label="Articles"');
    const active = html.match(/aria-activedescendant="([^"]+)"/)?.[1];
    expect(html).toContain(`id="${active}" role="option" aria-selected="true"`);
    expect(html.match(/role="option"/g)).toHaveLength(2);
    expect(html.match(/aria-selected="false"/g)).toHaveLength(1);
  });

  it('says when there is nothing to choose', () => {
    const html = renderToStaticMarkup(
      <LargeRowList rows={[]} label="x" selectedId={undefined} onSelect={none} />,
    );
    expect(html).toContain('Aucun élément');
    expect(html).not.toContain('listbox');
  });
});

describe('Toasts markup', () => {
  it('keeps a status region and an alert region; errors go in the alert one', () => {
    const toasts = createToastStore({ timers: { set: () => 0, clear: none } });
    toasts.info('Ticket imprimé');
    toasts.error('Imprimante sans papier');
    const html = renderToStaticMarkup(
      <ToastRegions shown={toasts.store.getState().toasts} onDismiss={none} />,
    );
    const status = html.indexOf('role="status"');
    const alert = html.indexOf('role="alert"');
    expect(status).toBeGreaterThanOrEqual(0);
    expect(html.indexOf('Ticket imprimé')).toBeGreaterThan(status);
    expect(html.indexOf('Ticket imprimé')).toBeLessThan(alert);
    expect(html.indexOf('Imprimante sans papier')).toBeGreaterThan(alert);
    expect(html).toContain('aria-label="Fermer le message"');
  });

  it('renders both regions empty when there is nothing to say', () => {
    const html = renderToStaticMarkup(<Toasts toasts={createToastStore()} />);
    expect(html).toContain('role="status"');
    expect(html).toContain('role="alert"');
    expect(html).not.toContain('data-testid="toast"');
  });
});

describe('Busy markup', () => {
  it('marks what it covers busy and says what is under way', () => {
    const html = renderToStaticMarkup(
      <Busy active label="Paiement en cours sur le terminal">
        {'x'}
      </Busy>,
    );
    expect(html).toContain('aria-busy="true"');
    expect(html).toContain('inert=""');
    expect(html).toContain('role="status"');
    expect(html).toContain('Paiement en cours sur le terminal');
  });

  it('idle: not busy, no status, the content usable', () => {
    const html = renderToStaticMarkup(<Busy active={false}>{'x'}</Busy>);
    expect(html).toContain('aria-busy="false"');
    expect(html).not.toContain('role="status"');
    expect(html).not.toContain('inert');
  });

  it('alone, the default words', () => {
    expect(renderToStaticMarkup(<Busy active />)).toContain('Veuillez patienter…');
  });
});
