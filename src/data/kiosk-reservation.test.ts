import { describe, expect, it } from 'vitest';
import type { KioskReservationRequest } from '../core/orders/stock-reservation';
import { releaseKioskStock, reserveKioskStock } from './kiosk-reservation';

const REQUEST: KioskReservationRequest = {
  orderId: '0195509a-6c00-7001-8000-00000000b001',
  fulfilment: { type: 'home-delivery' },
  lines: [{ productId: 'P-LAST', quantity: 1 }],
};

const answering = (answer: unknown) => {
  const calls: unknown[][] = [];
  return {
    calls,
    session: {
      request: async <T>(...args: unknown[]): Promise<T> => {
        calls.push(args);
        if (answer instanceof Error) throw answer;
        return answer as T;
      },
    },
  };
};

describe('reserveKioskStock', () => {
  it('posts the request and returns the places the server reserved', async () => {
    const { session, calls } = answering({
      reserved: true,
      orderId: REQUEST.orderId,
      lines: [{ productId: 'P-LAST', quantity: 1, locationCode: 'WH01' }],
      repeated: false,
    });
    expect(await reserveKioskStock(session, REQUEST)).toEqual({
      ok: true,
      value: { lines: [{ productId: 'P-LAST', quantity: 1, locationCode: 'WH01' }], repeated: false },
    });
    expect(calls[0]?.slice(0, 3)).toEqual(['POST', '/sync/v1/kiosk-reservations', REQUEST]);
  });

  it('returns the server’s refusal as a value', async () => {
    const refusal = { code: 'stock-short', shortages: [{ productId: 'P-LAST', wanted: 1, available: 0 }] };
    const { session } = answering({ reserved: false, refusal });
    expect(await reserveKioskStock(session, REQUEST)).toEqual({ ok: false, error: refusal });
  });

  it('says the server is unreachable when there is no answer, or none it can read', async () => {
    expect(await reserveKioskStock(answering(new Error('offline')).session, REQUEST)).toEqual({
      ok: false,
      error: { code: 'server-unreachable' },
    });
    expect(await reserveKioskStock(answering({ reserved: 'maybe' }).session, REQUEST)).toEqual({
      ok: false,
      error: { code: 'server-unreachable' },
    });
  });

  it('lets go of an order’s holds, and says whether the server heard it', async () => {
    const { session, calls } = answering({ released: 1 });
    expect(await releaseKioskStock(session, REQUEST.orderId)).toBe(true);
    expect(calls[0]?.slice(0, 3)).toEqual([
      'POST',
      '/sync/v1/kiosk-reservations/release',
      { orderId: REQUEST.orderId },
    ]);
    expect(await releaseKioskStock(answering(new Error('offline')).session, REQUEST.orderId)).toBe(false);
  });
});
