import { describe, expect, it } from 'vitest';
import { MAX_CATALOG_PAGE_SIZE } from '../../../src/core/sync/catalog-wire';
import { autoPageCounts, evenPageCounts, PAGE_GRAIN } from './catalog-page-plan';

const sum = (counts: number[]) => counts.reduce((a, b) => a + b, 0);

describe('autoPageCounts', () => {
  it.each([1, 499, 500, 3_000, 9_999, 14_999, 15_000, 100_000, 100_001, 1_000_000, 1_234_567])(
    'covers %i products exactly, in pages of at most the maximum, each but the last a multiple of the grain',
    (total) => {
      const counts = autoPageCounts(total);
      expect(sum(counts)).toBe(total);
      expect(Math.max(...counts)).toBeLessThanOrEqual(MAX_CATALOG_PAGE_SIZE);
      expect(counts.every((n) => n > 0)).toBe(true);
      for (const n of counts.slice(0, -1)) expect(n % PAGE_GRAIN).toBe(0);
    },
  );

  it('starts and ends a large catalog with small pages, the bulk as large as allowed', () => {
    const counts = autoPageCounts(100_000);
    expect(counts.slice(0, 4)).toEqual([500, 1_000, 2_000, 3_500]);
    expect(counts.slice(-2)).toEqual([2_000, 1_000]);
    expect(counts.slice(4, -2).every((n) => n === MAX_CATALOG_PAGE_SIZE)).toBe(true);
    expect(counts).toHaveLength(24);
    // At 1M the pages stay few: each costs a request and a transaction whatever its size.
    expect(autoPageCounts(1_000_000).length).toBeLessThan(210);
  });

  it('cuts a small catalog into about eight even pages, none under the grain', () => {
    expect(autoPageCounts(12_000)).toEqual(Array.from({ length: 8 }, () => 1_500));
    expect(autoPageCounts(2_000)).toEqual([500, 500, 500, 500]);
    expect(autoPageCounts(0)).toEqual([]);
  });
});

describe('evenPageCounts', () => {
  it('cuts into pages of the size, the last holding the rest', () => {
    expect(evenPageCounts(249, 100)).toEqual([100, 100, 49]);
    expect(evenPageCounts(200, 100)).toEqual([100, 100]);
  });
});
