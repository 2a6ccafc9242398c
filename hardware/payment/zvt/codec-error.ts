// Every decoder in this folder reports hostile or truncated input as a value:
// bytes come from a device we do not control, and a throw there would take
// the whole hardware agent down in the middle of a payment.
export type ZvtCodecError = {
  readonly code:
    | 'amount-out-of-range'
    | 'bad-bcd'
    | 'truncated'
    | 'bad-length'
    | 'unknown-bmp'
    | 'bad-frame'
    | 'bad-crc';
  readonly message: string;
  readonly retryable: false;
};

export const codecError = (code: ZvtCodecError['code'], message: string): ZvtCodecError => ({
  code,
  message,
  retryable: false,
});
