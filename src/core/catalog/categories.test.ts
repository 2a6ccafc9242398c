import { describe, expect, it } from 'vitest';
import { aProduct } from '../cart/test-builders';
import { catalogCategories, categoryIconOf, categoryIconSchema } from './categories';
import { productSchema } from './product';

describe('catalog categories', () => {
  it('lists the active products’ categories in French order, with their icon and count', () => {
    const products = [
      aProduct({ id: 'a', category: 'Épicerie salée', categoryIcon: 'pantry' }),
      aProduct({ id: 'b', category: 'Boissons', categoryIcon: 'drinks' }),
      aProduct({ id: 'c', category: 'Épicerie salée', categoryIcon: 'pantry' }),
      aProduct({ id: 'd', category: 'Fromages' }),
      aProduct({ id: 'e', category: 'Retirés', active: false }),
      aProduct({ id: 'f', category: 'Épicerie salée', categoryIcon: 'deli' }),
    ];
    expect(catalogCategories(products)).toEqual([
      { name: 'Boissons', icon: 'drinks', count: 1 },
      { name: 'Épicerie salée', icon: 'pantry', count: 3 },
      { name: 'Fromages', icon: 'other', count: 1 },
    ]);
  });

  it('draws a generic icon for a key this build does not know, and the schema accepts such keys', () => {
    expect(categoryIconOf('bakery')).toBe('bakery');
    expect(categoryIconOf('garden-tools')).toBe('other');
    expect(categoryIconOf(undefined)).toBe('other');
    expect(categoryIconOf('toString')).toBe('other');
    expect(categoryIconSchema.safeParse('garden-tools').success).toBe(true);
    for (const bad of ['Bakery', '', 'a b', '-x', 'x'.repeat(33)])
      expect(categoryIconSchema.safeParse(bad).success).toBe(false);
    expect(productSchema.safeParse(aProduct({ categoryIcon: 'Bakery' })).success).toBe(false);
    expect(productSchema.parse(aProduct({ categoryIcon: 'bakery' })).categoryIcon).toBe('bakery');
  });
});
