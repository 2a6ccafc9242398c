import { describe, expect, it } from 'vitest';
import { digitsFromText, editDigits, type NumpadKey, padKeyFromKeyboard } from './numpad-keys';

const typeKeys = (keys: NumpadKey[], rules: Parameters<typeof editDigits>[2]) =>
  keys.reduce((buffer, key) => editDigits(buffer, key, rules), '');

describe('numpad buffer', () => {
  it('types digits, 00, backspace and clear', () => {
    const rules = { maxLength: 6 };
    expect(typeKeys(['1', '2', '00', '3'], rules)).toBe('12003');
    expect(typeKeys(['1', '2', 'backspace', '5'], rules)).toBe('15');
    expect(typeKeys(['1', '2', 'clear', '7'], rules)).toBe('7');
    expect(typeKeys(['backspace'], rules)).toBe('');
  });

  it('drops leading zeros for quantities, keeps them for PINs and codes', () => {
    expect(typeKeys(['0', '0', '5'], { maxLength: 4 })).toBe('5');
    expect(typeKeys(['00', '5'], { maxLength: 4 })).toBe('5');
    expect(typeKeys(['0', '0', '1', '2'], { maxLength: 4, keepLeadingZeros: true })).toBe('0012');
  });

  it('a key past the limit changes nothing, a 00 that does not fit either', () => {
    expect(typeKeys(['1', '2', '3', '4', '5'], { maxLength: 4, keepLeadingZeros: true })).toBe('1234');
    expect(typeKeys(['1', '2', '3', '00'], { maxLength: 4 })).toBe('123');
  });

  it('reads physical keys: digits, Backspace, Delete as clear, Enter; nothing else', () => {
    expect(padKeyFromKeyboard('7')).toBe('7');
    expect(padKeyFromKeyboard('Backspace')).toBe('backspace');
    expect(padKeyFromKeyboard('Delete')).toBe('clear');
    expect(padKeyFromKeyboard('Enter')).toBe('enter');
    expect(padKeyFromKeyboard('a')).toBeUndefined();
    expect(padKeyFromKeyboard('Escape')).toBeUndefined();
    expect(padKeyFromKeyboard('F2')).toBeUndefined();
  });

  it('keeps only digits from pasted text, up to the limit', () => {
    expect(digitsFromText('12 34-5', 8)).toBe('12345');
    expect(digitsFromText('123456789', 4)).toBe('1234');
  });
});
