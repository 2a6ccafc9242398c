import { describe, expect, it } from 'vitest';
import { packSizeOf, unitPriceOf } from './unit-price';

const piece = (name: string, priceMinor: number) =>
  ({ name, priceMinor, currency: 'EUR', unit: 'piece' }) as const;

describe('unitPriceOf', () => {
  it('reads grams, kilograms, centilitres, millilitres and litres from the name', () => {
    expect(packSizeOf('Pâtes penne 500 g – Barilla')).toEqual({ per: 'kg', amount: 500 });
    expect(packSizeOf('Riz 1 kg')).toEqual({ per: 'kg', amount: 1000 });
    expect(packSizeOf('Eau minérale 1,5 L')).toEqual({ per: 'l', amount: 1500 });
    expect(packSizeOf('Vin rouge 75 cl')).toEqual({ per: 'l', amount: 750 });
    expect(packSizeOf('Lessive 500 ml')).toEqual({ per: 'l', amount: 500 });
    expect(packSizeOf('Jouet 3 ans et +')).toBeUndefined();
    expect(packSizeOf('Glace 4 goûts')).toBeUndefined();
  });

  it('gives the price per kg or per litre, rounded half up to the cent', () => {
    expect(unitPriceOf(piece('Pâtes 500 g', 199))).toEqual({
      per: 'kg',
      price: { minor: 398, currency: 'EUR' },
    });
    expect(unitPriceOf(piece('Eau 1,5 L', 79))).toEqual({ per: 'l', price: { minor: 53, currency: 'EUR' } });
    expect(unitPriceOf(piece('Bière 33 cl', 125))).toEqual({
      per: 'l',
      price: { minor: 379, currency: 'EUR' },
    });
  });

  it('a product sold by weight is already priced per kg; no size, no unit price', () => {
    expect(unitPriceOf({ name: 'Pommes', priceMinor: 249, currency: 'EUR', unit: 'kg' })).toEqual({
      per: 'kg',
      price: { minor: 249, currency: 'EUR' },
    });
    expect(unitPriceOf(piece('Roman poche', 799))).toBeUndefined();
  });
});
