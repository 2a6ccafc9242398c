import { describe, expect, it } from 'vitest';
import { encodePrinterText } from './printer-text';

const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex');

describe('encodePrinterText', () => {
  it('puts French letters, œ and € where Windows-1252 has them', () => {
    expect(hex(encodePrinterText('é è ç à ù œ Œ €', 'windows-1252'))).toBe(
      ['e9', 'e8', 'e7', 'e0', 'f9', '9c', '8c', '80'].join('20'),
    );
  });

  it('puts œ and € where ISO-8859-15 has them, not where Latin-1 or 1252 do', () => {
    expect(hex(encodePrinterText('é œ Œ € Ÿ', 'iso-8859-15'))).toBe(
      ['e9', 'bd', 'bc', 'a4', 'be'].join('20'),
    );
    // ¤ was replaced by € in Latin-9: it has no byte any more.
    expect(hex(encodePrinterText('¤', 'iso-8859-15'))).toBe('3f');
  });

  it('never lets a control character through', () => {
    expect(hex(encodePrinterText('a\u001b@\u0007', 'windows-1252'))).toBe('613f403f');
  });
});
