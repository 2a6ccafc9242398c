import { describe, expect, it } from 'vitest';
import { aProduct } from '../core/cart/test-builders';
import { type Product, toSearchName } from '../core/catalog/product';
import { createKioskSearchIndex } from './kiosk-search-index';

const named = (id: string, name: string, extra: Partial<Product> = {}): Product =>
  aProduct({ id, name, searchName: toSearchName(name), category: 'Épicerie sucrée', ...extra });

const CATALOG = [
  named('brulee', 'Crème brûlée x2 – Maison Durand', { category: 'Desserts' }),
  named('fraiche', 'Crème fraîche épaisse 250 g – Laiterie du Val', { category: 'Crèmerie' }),
  named('choco-noir', 'Chocolat noir 70 % 250 g – Bonne Maman'),
  named('choco-lait', 'Chocolat au lait noisettes – Confiserie du Roy'),
  named('cafe', 'Café en grains 500 g – Éco+'),
  named('lait', 'Lait demi-écrémé 1 l', { category: 'Crèmerie' }),
  named('boeuf', 'Entrecôte de bœuf Label Rouge – Boucherie Moreau', { category: 'Boucherie' }),
  named('spaghetti', 'Pâtes spaghetti 500 g – Terroir de France', { category: 'Épicerie salée' }),
  named('sel', 'Sel de Guérande 1 kg', { category: 'Épicerie salée' }),
  named('sole', 'Sole meunière – Marée du jour', { category: 'Poissonnerie' }),
  named('retire', 'Chocolat blanc retiré', { active: false }),
];

const ids = (products: readonly Product[]) => products.map((p) => p.id);

describe('kiosk search index', () => {
  const index = createKioskSearchIndex(CATALOG);

  it('folds accents and case: « creme brulee » finds « Crème brûlée », « boeuf » finds « Bœuf »', () => {
    expect(ids(index.search('creme brulee'))).toEqual(['brulee']);
    expect(ids(index.search('CRÈME BRÛLÉE'))).toEqual(['brulee']);
    expect(ids(index.search('boeuf'))).toEqual(['boeuf']);
    expect(ids(index.search('bœuf'))).toEqual(['boeuf']);
  });

  it('tolerates typos: « chocolta » finds the chocolates, « spagetti » the spaghetti', () => {
    expect(ids(index.search('chocolta'))).toEqual(expect.arrayContaining(['choco-noir', 'choco-lait']));
    expect(ids(index.search('chocolta noir'))).toEqual(['choco-noir']);
    expect(ids(index.search('spagetti'))).toEqual(['spaghetti']);
    expect(ids(index.search('confitrue'))).toEqual([]);
  });

  it('matches words being typed as prefixes, in any order', () => {
    expect(ids(index.search('cr'))).toEqual(expect.arrayContaining(['brulee', 'fraiche']));
    expect(ids(index.search('fraiche cre'))).toEqual(['fraiche']);
    expect(ids(index.search('choc noir'))).toEqual(['choco-noir']);
    expect(ids(index.search('choc noi')).sort()).toEqual(['choco-lait', 'choco-noir']);
  });

  it('ranks exact words before typo matches, then names that start with the first word', () => {
    // « sel » is also the skeleton of « sole »: the salt comes first.
    expect(ids(index.search('sel'))[0]).toBe('sel');
    // Three names have a word that starts with « lait »; the one whose name starts with it comes first.
    expect(ids(index.search('lait'))[0]).toBe('lait');
    expect(ids(index.search('lait')).sort()).toEqual(['choco-lait', 'fraiche', 'lait']);
    // « creme » starts both creams' names and appears nowhere else.
    expect(ids(index.search('creme')).slice(0, 2).sort()).toEqual(['brulee', 'fraiche']);
  });

  it('respects the limit and the category, and never shows an inactive product', () => {
    expect(index.search('c', { limit: 2 })).toHaveLength(2);
    expect(index.search('chocolat', { limit: 0 })).toEqual([]);
    expect(ids(index.search('creme', { category: 'Desserts' }))).toEqual(['brulee']);
    expect(ids(index.search('blanc'))).toEqual([]);
    expect(index.search('   ')).toEqual([]);
    expect(index.size).toBe(CATALOG.length - 1);
  });

  it('follows changes: a renamed product is found under its new name, a removed one no more', () => {
    const live = createKioskSearchIndex(CATALOG);
    live.put(named('cafe', 'Café moulu pur arabica 250 g'));
    expect(ids(live.search('arabica'))).toEqual(['cafe']);
    expect(ids(live.search('grains'))).toEqual([]);
    live.put(named('cafe', 'Café moulu pur arabica 250 g', { priceMinor: 499 }));
    expect(live.search('arabica')[0]?.priceMinor).toBe(499);
    live.remove('boeuf');
    expect(live.search('boeuf')).toEqual([]);
    live.put(named('retire', 'Chocolat blanc retiré', { active: true }));
    expect(ids(live.search('blanc'))).toEqual(['retire']);
    live.put(named('retire', 'Chocolat blanc retiré', { active: false }));
    expect(ids(live.search('blanc'))).toEqual([]);
    live.put(named('new', 'Galettes bretonnes pur beurre'));
    expect(ids(live.search('galetes'))).toEqual(['new']);
    expect(live.size).toBe(CATALOG.length - 1);
  });

  it('lists its categories, and a category’s products in name order, page by page', () => {
    const live = createKioskSearchIndex(CATALOG);
    expect(live.categories().map((c) => [c.name, c.count])).toEqual([
      ['Boucherie', 1],
      ['Crèmerie', 2],
      ['Desserts', 1],
      ['Épicerie salée', 2],
      ['Épicerie sucrée', 3],
      ['Poissonnerie', 1],
    ]);
    expect(ids(live.inCategory('Épicerie sucrée'))).toEqual(['cafe', 'choco-lait', 'choco-noir']);
    expect(ids(live.inCategory('Épicerie sucrée', { offset: 1, limit: 1 }))).toEqual(['choco-lait']);
    live.put(named('miel', 'Miel de lavande'));
    expect(ids(live.inCategory('Épicerie sucrée'))).toEqual(['cafe', 'choco-lait', 'choco-noir', 'miel']);
    expect(live.categories().find((c) => c.name === 'Épicerie sucrée')?.count).toBe(4);
    live.remove('sole');
    expect(live.categories().map((c) => c.name)).not.toContain('Poissonnerie');
    expect(live.inCategory('Poissonnerie')).toEqual([]);
  });

  it('answers within its limit over thousands of similar names', () => {
    const many = Array.from({ length: 5_000 }, (_, i) =>
      named(`p${i}`, `Chocolat noir ${i % 100} % – réf. ${String(i).padStart(6, '0')}`),
    );
    const big = createKioskSearchIndex(many);
    const found = big.search('chocolat noir', { limit: 20 });
    expect(found).toHaveLength(20);
    expect(ids(big.search('ref 004242'))).toEqual(['p4242']);
  });
});
