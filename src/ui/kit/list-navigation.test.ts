import { describe, expect, it } from 'vitest';
import { foldForSearch, moveSelection, typeAhead } from './list-navigation';

describe('list navigation', () => {
  it('moves with the arrows and stops at the ends', () => {
    expect(moveSelection(3, 0, 'ArrowDown')).toBe(1);
    expect(moveSelection(3, 2, 'ArrowDown')).toBe(2);
    expect(moveSelection(3, 0, 'ArrowUp')).toBe(0);
    expect(moveSelection(3, 2, 'ArrowUp')).toBe(1);
  });

  it('with nothing selected, down goes to the first row and up to the last', () => {
    expect(moveSelection(3, -1, 'ArrowDown')).toBe(0);
    expect(moveSelection(3, -1, 'ArrowUp')).toBe(2);
  });

  it('Home, End, and pages', () => {
    expect(moveSelection(20, 7, 'Home')).toBe(0);
    expect(moveSelection(20, 7, 'End')).toBe(19);
    expect(moveSelection(20, 7, 'PageDown', 5)).toBe(12);
    expect(moveSelection(20, 17, 'PageDown', 5)).toBe(19);
    expect(moveSelection(20, 3, 'PageUp', 5)).toBe(0);
  });

  it('an empty list has nothing to select', () => {
    expect(moveSelection(0, -1, 'ArrowDown')).toBe(-1);
  });

  it('folds accents and case', () => {
    expect(foldForSearch('Crème BRÛLÉE')).toBe('creme brulee');
  });

  const labels = ['Baguette', 'Brioche', 'Crème brûlée', 'Croissant', 'Éclair'];

  it('type-ahead lands on the first row starting with the letters typed, accents folded', () => {
    expect(typeAhead(labels, -1, 'cr')).toBe(2);
    expect(typeAhead(labels, -1, 'cro')).toBe(3);
    expect(typeAhead(labels, 0, 'e')).toBe(4);
    expect(typeAhead(labels, -1, 'CREME')).toBe(2);
  });

  it('a longer query may stay on the current row; the same letter again goes to the next one, wrapping', () => {
    expect(typeAhead(labels, 2, 'cr')).toBe(2);
    expect(typeAhead(labels, 0, 'b')).toBe(1);
    expect(typeAhead(labels, 1, 'b')).toBe(0);
    expect(typeAhead(labels, 0, 'bb')).toBe(1);
  });

  it('finds nothing for letters no row starts with', () => {
    expect(typeAhead(labels, 0, 'z')).toBe(-1);
    expect(typeAhead([], -1, 'a')).toBe(-1);
  });
});
