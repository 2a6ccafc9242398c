import { describe, expect, it } from 'vitest';
import { FRENCH_VAT_RATES_BPS } from '../catalog/product';
import { FRENCH_VAT_RATES, formatVatRate, frenchVatRate, vatRateInfoSchema } from './vat-rates';

const NBSP = '\u00A0'; // ICU puts a no-break space (not U+202F) before % in French

describe('French VAT rates', () => {
  it('are the rates products may carry, highest first, each a valid record', () => {
    expect(FRENCH_VAT_RATES.map((r) => r.rateBps)).toEqual([...FRENCH_VAT_RATES_BPS]);
    for (const rate of FRENCH_VAT_RATES) expect(vatRateInfoSchema.parse(rate)).toEqual(rate);
    expect(frenchVatRate(550)?.label).toBe('Taux réduit');
    expect(frenchVatRate(1960)).toBeUndefined();
  });

  it.each([
    [2000, 'fr-FR', `20${NBSP}%`],
    [1000, 'fr-FR', `10${NBSP}%`],
    [550, 'fr-FR', `5,5${NBSP}%`],
    [210, 'fr-FR', `2,1${NBSP}%`],
    [0, 'fr-FR', `0${NBSP}%`],
    [1, 'fr-FR', `0,01${NBSP}%`],
    [550, 'en-GB', '5.5%'],
  ])('%i bps in %s reads %j', (bps, locale, text) => {
    expect(formatVatRate(bps, locale)).toBe(text);
  });

  it('refuses something that is not a rate', () => {
    expect(() => formatVatRate(5.5, 'fr-FR')).toThrow(RangeError);
  });
});
