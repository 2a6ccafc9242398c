import { describe, expect, it } from 'vitest';
import { DISPLAY_LINE_WIDTH, displayLinesSchema } from '../bridge/bridge-methods';
import { money } from '../money';
import { amountDueLines, changeLines, itemLines, labelledLine, welcomeLines } from './pole-display-lines';

const eur = (minor: number) => money(minor, 'EUR');

describe('pole display lines', () => {
  it('shows the scanned item and its price above the running total, 20 characters each', () => {
    const lines = itemLines('Pâte à tartiner noisettes 750 g', eur(499), eur(1_234));
    expect(lines).toEqual({ upper: 'Pâte à tartin 4,99 €', lower: 'Total        12,34 €' });
    expect(lines.upper).toHaveLength(DISPLAY_LINE_WIDTH);
    expect(displayLinesSchema.safeParse(lines).success).toBe(true);
  });

  it('shows the change at the end', () => {
    expect(changeLines(eur(1_234), eur(3_766))).toEqual({
      upper: 'Total        12,34 €',
      lower: 'Rendu        37,66 €',
    });
  });

  it('never cuts an amount, even a large one; the label gives way', () => {
    const line = labelledLine('Un article au nom très long', '1 234 567,89 €');
    expect(line).toHaveLength(DISPLAY_LINE_WIDTH);
    expect(line.endsWith('1 234 567,89 €')).toBe(true);
    const lines = itemLines('X', eur(99_999_999), eur(99_999_999));
    expect(displayLinesSchema.safeParse(lines).success).toBe(true);
    expect(lines.lower).toContain('999 999,99');
  });

  it('strips control characters a product name could carry', () => {
    const lines = itemLines('Lait\u001b[2J\tdemi-écrémé\n1 L', eur(109), eur(109));
    expect(displayLinesSchema.safeParse(lines).success).toBe(true);
    expect(lines.upper.startsWith('Lait [2J demi')).toBe(true);
  });

  it('shows the amount due and a welcome', () => {
    expect(amountDueLines(eur(250))).toEqual({ upper: 'A payer       2,50 €', lower: '' });
    expect(welcomeLines('Épicerie du Marché — Paris 11e')).toEqual({
      upper: 'Bienvenue',
      lower: 'Épicerie du Marché —',
    });
  });
});
