import { describe, expect, it } from 'vitest';
import { cardBrandOf } from './card-brands';

describe('card brand from the ZVT card type (8A) and card name (8B)', () => {
  it('maps the specification card-type ids to brand names', () => {
    expect(cardBrandOf(5, undefined)).toBe('girocard');
    expect(cardBrandOf(6, undefined)).toBe('Mastercard');
    expect(cardBrandOf(10, undefined)).toBe('Visa');
    expect(cardBrandOf(46, undefined)).toBe('Maestro');
    expect(cardBrandOf(8, undefined)).toBe('American Express');
  });
  it('prefers the terminal’s card name, written as the brand writes it', () => {
    expect(cardBrandOf(46, 'Debit Mastercard')).toBe('Debit Mastercard');
    expect(cardBrandOf(10, 'VISA')).toBe('Visa');
    expect(cardBrandOf(undefined, 'CB')).toBe('CB');
    expect(cardBrandOf(undefined, 'CARTE BANCAIRE')).toBe('CB');
  });
  it('says nothing rather than a code for an unknown type and no name', () => {
    expect(cardBrandOf(250, undefined)).toBeUndefined();
    expect(cardBrandOf(undefined, undefined)).toBeUndefined();
    expect(cardBrandOf(250, '\u0001\u0002')).toBeUndefined();
  });
});

describe('terminal display texts for the cashier', () => {
  it('are words in French (English beside them), never a status code', async () => {
    const { displayText } = await import('./display-texts');
    expect(displayText(0x0a)).toBe('Insérez ou présentez la carte');
    expect(displayText(0x0a, 'en')).toBe('Insert or tap the card');
    expect(displayText(0x99)).toBe('Paiement en cours sur le terminal…');
    expect(displayText(0x99)).not.toMatch(/0x|99/);
  });
});

describe('why a card was not approved, for the cashier', () => {
  it('words from the ZVT result code, never the code', async () => {
    const { declineReason } = await import('./display-texts');
    expect(declineReason(0x05)).toBe('refusé par la banque');
    expect(declineReason(0x78)).toBe('carte expirée');
    expect(declineReason(0x6c, 'en')).toBe('aborted on the terminal');
    expect(declineReason(0xee)).toBe('refusé par le terminal');
  });
});
