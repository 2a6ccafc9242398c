import { describe, expect, it } from 'vitest';
import {
  MAX_REFUSED_INPUT,
  pickupCodeRefusedPayloadSchema,
  refusedInputText,
} from './pickup-refusal-payload';

describe('pickup.code-refused payload', () => {
  it('keeps the refused code as typed, one line, cut to the bound, never splitting a character', () => {
    expect(refusedInputText('  POS1:P:ZZZZ2222 ')).toBe('POS1:P:ZZZZ2222');
    expect(refusedInputText('POS1:P:\u001dAB\nCD')).toBe('POS1:P: AB CD');
    const long = `POS1:P:${'A'.repeat(200)}`;
    expect(refusedInputText(long)).toHaveLength(MAX_REFUSED_INPUT);
    // 39 letters then an emoji (two UTF-16 units): the emoji would pass the bound, so it is left out whole.
    const astral = `${'B'.repeat(39)}😀tail`;
    expect(refusedInputText(astral)).toBe('B'.repeat(39));
    for (const input of [long, astral, 'x\u2028y']) {
      const payload = {
        input: refusedInputText(input),
        reason: 'unknown-code',
        orderId: null,
        staffId: 'S1',
      };
      expect(pickupCodeRefusedPayloadSchema.safeParse(payload).success).toBe(true);
    }
  });

  it('refuses a payload with more than the code: a longer input, another field, an unknown reason', () => {
    const ok = { input: 'POS1:P:0O1IL0O1', reason: 'malformed-code', orderId: null, staffId: 'S1' };
    expect(pickupCodeRefusedPayloadSchema.safeParse(ok).success).toBe(true);
    expect(pickupCodeRefusedPayloadSchema.safeParse({ ...ok, input: 'x'.repeat(41) }).success).toBe(false);
    expect(pickupCodeRefusedPayloadSchema.safeParse({ ...ok, customerName: 'Léa' }).success).toBe(false);
    expect(pickupCodeRefusedPayloadSchema.safeParse({ ...ok, reason: 'because' }).success).toBe(false);
    expect(pickupCodeRefusedPayloadSchema.safeParse({ ...ok, input: 'a\nb' }).success).toBe(false);
  });
});
