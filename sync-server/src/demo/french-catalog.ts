import { withGtinCheckDigit } from '../../../src/core/barcodes/gtin';
import { type Product, toSearchName } from '../../../src/core/catalog/product';
import { type Money, money, multiplyRatio } from '../../../src/core/money';
import { CATEGORY_TEMPLATES } from './catalog-categories';

// The demo store's catalog: every category × item × size × brand, so the
// demo and the tests have a realistic volume (2,000+ products) with valid
// EAN-13 barcodes. Deterministic, so every fresh machine gets the same store.
// Prices follow the house rule even here: integers only. Factors are in
// per-mille and the one rounding is done by the core's money code, so a demo
// price never depends on how a platform rounds a float.

/** Mulberry32: a tiny seeded PRNG, enough to vary demo prices reproducibly. Yields uint32s. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
}

/** Per-mille steps between sizes: loose goods +15 % per size, packs +80 %. */
function sizePerMille(byWeight: boolean, sizeIndex: number): number {
  return 1000 + sizeIndex * (byWeight ? 150 : 800);
}

/** The discount brand sits at 75 %; other brands between 90 % and 124.9 % of the reference. */
function brandPerMille(brand: string, random: () => number): number {
  return brand === 'Éco+' ? 750 : 900 + (random() % 350);
}

/**
 * reference × size × brand, to the nearest 10 cents (half up), minus one cent:
 * shelf prices end in 9. Never below 0,09 €.
 */
function shelfPrice(reference: Money, sizeFactor: number, brandFactor: number): number {
  const dimes = multiplyRatio(reference, sizeFactor * brandFactor, 10_000_000, 'half-up');
  return Math.max(9, dimes.minor * 10 - 1);
}

/**
 * EAN-13 of a packaged product: French GS1 prefix 37, a 5-digit company
 * number per brand, a 5-digit item reference.
 */
function packagedBarcode(companyNumber: number, itemReference: number): string {
  return withGtinCheckDigit(
    `37${String(companyNumber).padStart(5, '0')}${String(itemReference).padStart(5, '0')}`,
  );
}

/**
 * Key of a loose product: the EAN-13 printed by the scale, with the weight
 * digits zeroed (layout 2X AAAAA VVVVV C, prefix 26 = weight in grams, as in defaultScanConfig).
 */
function scaleArticleBarcode(articleNumber: number): string {
  return withGtinCheckDigit(`26${String(articleNumber).padStart(5, '0')}00000`);
}

export function generateFrenchCatalog(): Product[] {
  const random = seededRandom(2026);
  const products: Product[] = [];
  let scaleArticle = 100;
  CATEGORY_TEMPLATES.forEach((category, categoryIndex) => {
    category.brands.forEach((brand, brandIndex) => {
      const companyNumber = 10_000 + categoryIndex * 100 + brandIndex;
      let itemReference = 0;
      for (const [itemName, referenceCents] of category.items) {
        category.sizes.forEach((size, sizeIndex) => {
          itemReference += 1;
          const barcode = category.byWeight
            ? scaleArticleBarcode(scaleArticle++)
            : packagedBarcode(companyNumber, itemReference);
          const sizeFactor = sizePerMille(category.byWeight === true, sizeIndex);
          const brandFactor = brandPerMille(brand, random);
          const name = `${itemName} ${size} – ${brand}`;
          products.push({
            id: `prd-${barcode}`,
            barcode,
            name,
            searchName: toSearchName(name),
            category: category.name,
            categoryIcon: category.icon,
            priceMinor: shelfPrice(money(referenceCents, 'EUR'), sizeFactor, brandFactor),
            currency: 'EUR',
            vatRateBps: category.vatRateBps,
            unit: category.byWeight ? 'kg' : 'piece',
            active: true,
            ...(category.durable ? { legalGuarantee: true } : {}),
          });
        });
      }
    });
  });
  return products;
}
