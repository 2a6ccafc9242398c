import { describe, expect, it } from 'vitest';
import { demoQuickKeys } from './demo-quick-keys';
import { generateFrenchCatalog } from './french-catalog';

describe('demo quick keys', () => {
  it('finds every key in the demo catalog: bread by the piece, fruit by weight', () => {
    const catalog = generateFrenchCatalog();
    const keys = demoQuickKeys(catalog);
    expect(keys.map((k) => k.label)).toEqual([
      'Baguette',
      'Pain de campagne',
      'Croissants x4',
      'Pommes Golden',
      'Bananes',
      'Tomates grappe',
    ]);
    const units = keys.map((k) => catalog.find((p) => p.id === k.productId)?.unit);
    expect(units).toEqual(['piece', 'piece', 'piece', 'kg', 'kg', 'kg']);
  });
});
