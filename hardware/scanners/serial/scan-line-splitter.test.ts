import { describe, expect, it } from 'vitest';
import { MAX_SCAN_LINE, ScanLineSplitter } from './scan-line-splitter';

const bytes = (text: string) => Buffer.from(text, 'latin1');

describe('ScanLineSplitter', () => {
  it('cuts at CR, across chunks, keeping GS separators', () => {
    const splitter = new ScanLineSplitter('CR');
    expect(splitter.push(bytes('301762042200'))).toEqual([]);
    expect(splitter.push(bytes('3\r]d2010376012345678910ABC\x1d17'))).toEqual(['3017620422003']);
    expect(splitter.push(bytes('261231\r'))).toEqual([']d2010376012345678910ABC\x1d17261231']);
  });

  it('cuts at CR LF only when set to, and then keeps a lone CR inside', () => {
    const splitter = new ScanLineSplitter('CRLF');
    expect(splitter.push(bytes('ABC\r'))).toEqual([]);
    expect(splitter.push(bytes('\nDEF\r\n'))).toEqual(['ABC', 'DEF']);
  });

  it('drops the LF of a CR LF scanner on a till set to CR', () => {
    const splitter = new ScanLineSplitter('CR');
    expect(splitter.push(bytes('12345670\r\n96385074\r\n'))).toEqual(['12345670', '96385074']);
  });

  it('throws away a line that never ends', () => {
    const splitter = new ScanLineSplitter('CRLF');
    expect(splitter.push(bytes('9'.repeat(MAX_SCAN_LINE)))).toEqual([]);
    expect(splitter.overflows).toBe(1);
    expect(splitter.push(bytes('42\r\n'))).toEqual(['42']);
    expect(splitter.push(bytes(`${'7'.repeat(MAX_SCAN_LINE + 1)}\r\n43\r\n`))).toEqual(['43']);
    expect(splitter.overflows).toBe(2);
  });
});
