import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { i18n } from '../i18n/i18n';
import { StartScreen, type StartScreenProps } from './StartScreen';

const render = (state: StartScreenProps['state']) =>
  renderToStaticMarkup(
    <StartScreen screenSet="cashier" state={state} onRetry={() => {}} onPairingCode={() => {}} />,
  );

/** What the cashier reads without opening the support details. */
const visibleText = (html: string) =>
  html
    .replace(/<details[\s\S]*?<\/details>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ');

describe('start screen', () => {
  it('shows each step and the first catalog sync’s progress', () => {
    const html = render({
      step: 'catalog',
      skipped: [],
      catalog: { have: 500, remaining: 1500, serverFailing: false },
      failure: undefined,
    });
    expect(visibleText(html)).toContain('Ouverture des données locales terminé');
    expect(visibleText(html)).toContain('Première synchronisation du catalogue en cours…');
    expect(visibleText(html)).toContain('500 articles reçus sur environ 2');
    expect(html).toContain('<progress');
    expect(visibleText(html)).toContain('Connexion des périphériques à venir');
  });

  it('a used pairing code: French words, what to do, where to type a new code, details folded away', () => {
    const html = render({
      step: 'enrolment',
      skipped: [],
      catalog: undefined,
      failure: {
        code: 'code-used',
        step: 'enrolment',
        detail: 'Error: 401 unauthenticated: pairing code already used',
      },
    });
    const text = visibleText(html);
    expect(text).toContain('Ce code d’appairage a déjà servi');
    expect(text).toContain('Demandez au responsable un nouveau code');
    expect(text).toContain('back-office');
    expect(html).toContain('data-testid="pairing-code-input"');
    expect(text).not.toMatch(/code-used|unauthenticated|already used|Error/);
    expect(html).toContain('pairing code already used');
  });

  it('in English when switched to it', async () => {
    await i18n.changeLanguage('en');
    try {
      const html = render({
        step: 'enrolment',
        skipped: [],
        catalog: undefined,
        failure: { code: 'server-unreachable', step: 'enrolment', detail: 'TypeError: Failed to fetch' },
      });
      expect(visibleText(html)).toContain('The sync server does not answer');
      expect(visibleText(html)).not.toContain('Failed to fetch');
      expect(html).toContain('data-testid="start-retry"');
    } finally {
      await i18n.changeLanguage('fr');
    }
  });
});
