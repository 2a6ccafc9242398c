import { afterEach, describe, expect, it } from 'vitest';
import type { GiftVoucher } from '../core/vouchers/gift-voucher';
import type { TillDatabase } from '../data/till-database';
import { findVoucher, storePulledVouchers } from '../data/vouchers';
import { memoryTill, YAOURT } from './test-till';
import { createVoucherFlow } from './voucher-flow';

// Gift vouchers at the till, with the real database, journal and sale store
// in memory: sold as an open-price line under a code, then taken as a tender
// with the balance the till knows (the server's copy plus its own journal).

const FIXED = (n: number) => Uint8Array.from({ length: n }, (_, i) => (i * 7) % 240);

describe('gift vouchers at the till', () => {
  let db: TillDatabase | undefined;
  afterEach(async () => db?.close());

  it('sells a voucher under a minted code, then spends it in two parts; the rest stays on it', async () => {
    const t = await memoryTill([]);
    db = t.db;
    const flow = createVoucherFlow({ db: t.db, basket: t.basket, randomBytes: FIXED });
    expect(await flow.sell(99)).toBe(false);
    expect(flow.store.getState().problem).toMatch(/1,00/);
    expect(await flow.sell(5_000)).toBe(true);
    const code = flow.store.getState().sold?.code ?? '';
    expect(code).toMatch(/^GV[2-9A-HJKMNP-TV-Z]{8}$/);
    t.sale.startPayment();
    await t.sale.payCash(5_000);
    const [sold] = await t.sales();
    expect(sold?.vouchersIssued).toEqual([{ lineId: sold?.lines[0]?.lineId, code }]);
    expect(sold?.lines[0]).toMatchObject({
      vatRateBps: 0,
      net: { minor: 5_000 },
      measure: { kind: 'embedded-price' },
    });
    // The same code cannot be sold twice.
    expect(await flow.sell(1_000, code.toLowerCase())).toBe(false);

    // A 12,00 € basket: the voucher pays it all, 38,00 € stay on it.
    await t.sale.scan(YAOURT.barcode);
    expect(await flow.redeem(code)).toBe(false); // not paying yet
    t.sale.startPayment();
    expect(await flow.redeem(` ${code.toLowerCase()} `)).toBe(true);
    expect(flow.store.getState().balance?.remaining.minor).toBe(3_800);
    // 3 yaourts, 36,00 €: 30,00 € from the voucher at the customer's wish, the rest by cash.
    await t.sale.scan(YAOURT.barcode);
    await t.sale.scan(YAOURT.barcode);
    await t.sale.scan(YAOURT.barcode);
    t.sale.startPayment();
    expect(await flow.redeem(code, 3_000)).toBe(true);
    await t.sale.payCash(600);
    const spends = (await t.sales()).flatMap((s) => s.tenders.filter((x) => x.type === 'voucher'));
    expect(spends.map((x) => [x.amount.minor, x.type === 'voucher' && x.faceValue.minor])).toEqual([
      [1_200, 5_000],
      [3_000, 3_800],
    ]);
    expect(await flow.check(code)).toBe(true);
    expect(flow.store.getState().balance?.remaining.minor).toBe(800);
  });

  it('takes a voucher another till sold once the server copy is here, and refuses unknown or empty ones', async () => {
    const t = await memoryTill([], 'till-b');
    db = t.db;
    const flow = createVoucherFlow({ db: t.db, basket: t.basket });
    await t.sale.scan(YAOURT.barcode);
    t.sale.startPayment();
    expect(await flow.redeem('GVAAAA2222')).toBe(false);
    expect(flow.store.getState().problem).toMatch(/inconnu/i);
    expect(await flow.redeem('#?')).toBe(false);
    const voucher: GiftVoucher = {
      id: 'GVAAAA2222',
      storeCode: 'PAR01',
      faceValue: { minor: 2_000, currency: 'EUR' },
      issuedAt: '2026-12-06T10:00:00.000Z',
      issuedSaleId: '0195509c-0000-7006-8000-000000000006',
      issuedTillId: 'till-a',
      redemptions: [
        {
          saleId: '0195509c-0000-7006-8000-000000000007',
          tenderId: '0195509c-0000-7006-8000-000000000008',
          tillId: 'till-a',
          amount: { minor: 1_500, currency: 'EUR' },
          at: '2026-12-06T11:00:00.000Z',
        },
      ],
      remaining: { minor: 500, currency: 'EUR' },
      overRedeemed: false,
    };
    await storePulledVouchers(t.db)([{ ...voucher, _deleted: false }]);
    expect(await findVoucher(t.db, 'GVAAAA2222')).toEqual(voucher);
    expect(await flow.redeem('gvaaaa2222')).toBe(true);
    expect(t.sale.store.getState().payment?.tenders.map((x) => x.amount.minor)).toEqual([500]);
    expect(await flow.redeem('GVAAAA2222')).toBe(false);
    expect(flow.store.getState().problem).toMatch(/épuisé/);
  });
});
