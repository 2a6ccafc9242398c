import { describe, expect, it } from 'vitest';
import { displayLinesSchema } from '../bridge/bridge-methods';
import { money } from '../money/money';
import {
  changeLines,
  fitName,
  itemLines,
  labelled,
  type PoleWords,
  poleAmount,
  totalLines,
  welcomeLines,
} from './pole-display-lines';

// The renderer passes its translations (src/state/pole-words.ts); these are the French ones.
const WORDS: PoleWords = {
  total: 'Total',
  toPay: 'Total à payer',
  received: 'Reçu',
  change: 'Rendu',
  locale: 'fr-FR',
};

describe('pole display lines', () => {
  it('formats euros with plain spaces', () => {
    expect(poleAmount(money(123450))).toBe('1 234,50 €');
    expect(poleAmount(money(-5))).toBe('-0,05 €');
  });

  it('shows the item and its price, then the running total', () => {
    expect(itemLines('Yaourt nature', money(120), money(1234), WORDS)).toEqual({
      upper: 'Yaourt nature 1,20 €',
      lower: 'Total        12,34 €',
    });
  });

  it('shortens a long name at a word when that keeps most of the room', () => {
    expect(itemLines('Confiture de fraises extra 370 g', money(349), money(349), WORDS).upper).toBe(
      'Confiture de. 3,49 €',
    );
    expect(fitName('Camembert de Normandie AOP', 12)).toBe('Camembert.');
    expect(fitName('Saucissonsecpurporc', 12)).toBe('Saucissonse.');
  });

  it('cleans control characters and runs of spaces from names', () => {
    expect(fitName('  Pain\t de\u001Dmie  ', 20)).toBe('Pain de mie');
  });

  it('keeps the amount when label and amount cannot both fit', () => {
    expect(labelled('Total', '12 345 678 901,23 €')).toBe(' 12 345 678 901,23 €');
    expect(labelled('Total', '1 234 567 890 123,45 €')).toBe('1 234 567 890 123,45');
  });

  it('shows the total to pay and the change', () => {
    expect(totalLines(money(4210), WORDS)).toEqual({ upper: 'Total à payer', lower: '             42,10 €' });
    expect(changeLines(money(5000), money(790), WORDS)).toEqual({
      upper: 'Reçu         50,00 €',
      lower: 'Rendu         7,90 €',
    });
    expect(welcomeLines('Bienvenue')).toEqual({ upper: '     Bienvenue', lower: '' });
    expect(welcomeLines('Bienvenue', 'Ticket sur demande')).toEqual({
      upper: '     Bienvenue',
      lower: ' Ticket sur demande',
    });
  });

  it('always produces lines the bridge accepts', () => {
    const names = ['', 'x', 'Très long nom de produit avec accents éèà', 'a'.repeat(80)];
    const amounts = [0, 1, 99, 123456, 99_999_999, -4500];
    for (const name of names)
      for (const minor of amounts) {
        const all = [
          itemLines(name, money(minor), money(minor * 3), WORDS),
          totalLines(money(minor), WORDS),
          changeLines(money(minor), money(minor), WORDS),
          welcomeLines(name),
        ];
        for (const lines of all) expect(displayLinesSchema.safeParse(lines).success).toBe(true);
      }
  });
});
