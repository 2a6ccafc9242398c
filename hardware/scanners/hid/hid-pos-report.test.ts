import { describe, expect, it } from 'vitest';
import { reportBuffers } from '../../simulators/hid-scanner/recorded-hid-reports';
import { HidPosAssembler, MAX_HID_CODE } from './hid-pos-report';

const GS = '\u001d';

describe('HID POS report assembler', () => {
  it('reads a one-report EAN-13 with its AIM id', () => {
    const [report] = reportBuffers('ean13');
    expect(new HidPosAssembler().push(report as Buffer)).toEqual({
      kind: 'code',
      data: '3017620422003',
      symbology: ']E0',
    });
  });

  it('joins a GS1 DataMatrix spanning three reports, keeping the GS separators', () => {
    const assembler = new HidPosAssembler();
    const reports = reportBuffers('gs1DataMatrix');
    expect(reports).toHaveLength(3);
    const results = reports.map((report) => assembler.push(report));
    expect(results.slice(0, 2)).toEqual([{ kind: 'partial' }, { kind: 'partial' }]);
    expect(results[2]).toEqual({
      kind: 'code',
      symbology: ']d2',
      data: `01037601234567841126110117261231310300075010LOT-2026-11-23-A0042${GS}21SN7Q4Z0000123456789X${GS}22BIO-NATURE-500G-FR1${GS}3012${GS}39220549`,
    });
  });

  it('reads a code without AIM id when the scanner sends none', () => {
    const [report] = reportBuffers('ean13WithoutAim');
    expect(new HidPosAssembler().push(report as Buffer)).toEqual({ kind: 'code', data: '3017620422003' });
  });

  it('ignores reports of another id, too short, or with a length that overruns', () => {
    const assembler = new HidPosAssembler();
    const [report] = reportBuffers('ean8');
    const otherId = Buffer.from(report as Buffer);
    otherId[0] = 0x01;
    const overrun = Buffer.from(report as Buffer);
    overrun[1] = 57;
    expect(assembler.push(otherId)).toMatchObject({ kind: 'ignored', reason: 'report id 1' });
    expect(assembler.push(Buffer.from([2, 1, 0x5d]))).toMatchObject({ kind: 'ignored' });
    expect(assembler.push(overrun)).toMatchObject({ kind: 'ignored' });
    expect(assembler.push(report as Buffer)).toEqual({ kind: 'code', data: '96385074', symbology: ']E4' });
  });

  it('drops a half-received code on reset and starts clean', () => {
    const assembler = new HidPosAssembler();
    const [first] = reportBuffers('gs1DataMatrix');
    assembler.push(first as Buffer);
    assembler.reset();
    expect(assembler.push(reportBuffers('ean13')[0] as Buffer)).toMatchObject({ data: '3017620422003' });
  });

  it('gives up on a code whose continuation bit never clears', () => {
    const assembler = new HidPosAssembler();
    const [first] = reportBuffers('gs1DataMatrix');
    const pushes = Math.ceil(MAX_HID_CODE / 56) + 1;
    const results = Array.from({ length: pushes }, () => assembler.push(first as Buffer));
    // The first report that takes the code past the limit drops it; the next starts afresh.
    const dropped = results.findIndex((result) => result.kind === 'ignored');
    expect(dropped).toBe(Math.floor(MAX_HID_CODE / 56));
    expect(results[dropped]).toEqual({ kind: 'ignored', reason: `code longer than ${MAX_HID_CODE} bytes` });
    expect(results.at(-1)).toEqual({ kind: 'partial' });
  });
});
