import { describe, expect, it } from 'vitest';
import { hasValidGtinCheckDigit } from '../../../src/core/barcodes/gtin';
import { catalogCategories } from '../../../src/core/catalog/categories';
import { FRENCH_VAT_RATES_BPS, productSchema } from '../../../src/core/catalog/product';
import { sha256Hex } from '../../../src/core/journal/entry-hash';
import { generateFrenchCatalog } from './french-catalog';

describe('demo French catalog', () => {
  const catalog = generateFrenchCatalog();

  it('has at least 2,000 valid products with unique ids and EAN-13 barcodes', () => {
    expect(catalog.length).toBeGreaterThanOrEqual(2000);
    for (const product of catalog) {
      expect(productSchema.parse(product)).toEqual(product);
      expect(product.barcode).toMatch(/^\d{13}$/);
      expect(hasValidGtinCheckDigit(product.barcode)).toBe(true);
    }
    expect(new Set(catalog.map((p) => p.id)).size).toBe(catalog.length);
    expect(new Set(catalog.map((p) => p.barcode)).size).toBe(catalog.length);
  });

  it('uses each French VAT rate and EUR prices', () => {
    const rates = new Set(catalog.map((p) => p.vatRateBps));
    expect([...rates].sort()).toEqual([...FRENCH_VAT_RATES_BPS].sort());
    expect(
      catalog.every((p) => p.currency === 'EUR' && Number.isInteger(p.priceMinor) && p.priceMinor > 0),
    ).toBe(true);
  });

  it('prices loose goods per kg under a zeroed scale-label key', () => {
    const loose = catalog.filter((p) => p.unit === 'kg');
    expect(loose.length).toBeGreaterThan(0);
    expect(loose.every((p) => p.barcode.startsWith('26') && p.barcode.slice(7, 12) === '00000')).toBe(true);
  });

  it('flags the durable goods (home, toys) for the legal guarantee, and nothing else', () => {
    const flagged = catalog.filter((p) => p.legalGuarantee === true);
    expect(new Set(flagged.map((p) => p.category))).toEqual(
      new Set(['Maison et bazar', 'Jouets et loisirs']),
    );
    expect(flagged).toHaveLength(
      catalog.filter((p) => ['Maison et bazar', 'Jouets et loisirs'].includes(p.category)).length,
    );
    expect(catalog.filter((p) => p.legalGuarantee !== true).every((p) => !('legalGuarantee' in p))).toBe(
      true,
    );
  });

  it('gives every category its own icon, one the kiosk draws', () => {
    const categories = catalogCategories(catalog);
    expect(categories).toHaveLength(17);
    expect(categories.every((c) => c.icon !== 'other')).toBe(true);
    expect(new Set(categories.map((c) => c.icon)).size).toBe(categories.length);
    expect(catalog.every((p) => p.categoryIcon !== undefined)).toBe(true);
  });

  it('is the same on every machine', () => {
    expect(generateFrenchCatalog()).toEqual(catalog);
  });

  // Pinned: tills, tests and printed labels know these products by barcode, so
  // the catalog's size, order and codes must not drift. Prices are integer
  // arithmetic only, so they are pinned too: no platform may round them apart.
  it('keeps its 2,556 products, their ids and barcodes, and integer-derived prices', () => {
    expect(catalog).toHaveLength(2556);
    const codes = catalog.map((p) => `${p.id} ${p.barcode}`).join('\n');
    expect(sha256Hex(codes)).toBe('c10fc56b1fd7713e104478bf2de781bd89097606407d8af3b1fb4b741619ac8e');
    expect(sha256Hex(catalog.map((p) => p.priceMinor).join(','))).toBe(
      '14bf8ce3be0a05b4c36cbf620faf32b5323a752d06b37b6ea71d87f41b0786fd',
    );
    expect(catalog.every((p) => p.priceMinor % 10 === 9)).toBe(true);
  });
});
