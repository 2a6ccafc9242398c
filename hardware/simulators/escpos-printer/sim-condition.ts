// What the simulated printer can be switched to, and what DLE EOT 1, 2, 3, 4
// then answers (the real bit patterns; n=3 error causes: none).

export type PrinterSimCondition = 'ok' | 'paper-near-end' | 'paper-out' | 'cover-open' | 'offline';

export const PRINTER_SIM_CONDITIONS: readonly PrinterSimCondition[] = [
  'ok',
  'paper-near-end',
  'paper-out',
  'cover-open',
  'offline',
];

export const STATUS_REPLIES: Readonly<
  Record<PrinterSimCondition, readonly [number, number, number, number]>
> = {
  ok: [0x12, 0x12, 0x12, 0x12],
  'paper-near-end': [0x12, 0x12, 0x12, 0x1e],
  'paper-out': [0x1a, 0x32, 0x12, 0x72],
  'cover-open': [0x1a, 0x16, 0x12, 0x12],
  offline: [0x1a, 0x12, 0x12, 0x12],
};

/** Print data is taken only while the printer is online. */
export const printsIn = (c: PrinterSimCondition): boolean => c === 'ok' || c === 'paper-near-end';
