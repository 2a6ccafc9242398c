import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueDemoPairingCodes } from '../../scripts/lib/demo-enrolment';
import type { ServiceProcess } from '../../scripts/lib/service-process';
import type { Product } from '../../src/core/catalog/product';
import type { JournalEntry } from '../../src/core/journal/journal-entry';
import { money } from '../../src/core/money';
import type { CompletedSale } from '../../src/core/sale';
import { fromBase32, toBase32 } from '../../src/core/tickets/base32';
import { voucherStanding } from '../../src/core/vouchers/voucher-standing';
import { findVoucher, recentLocalSales } from '../../src/data/vouchers';
import { generateFrenchCatalog } from '../../sync-server/src/demo/french-catalog';
import { axeViolations } from '../support/axe';
import { launchChromium, openSignedInCashier } from '../support/browser';
import { type FaultProxy, startFaultProxy } from '../support/fault-proxy';
import { type KioskDevice, startKioskDevice } from '../support/kiosk-device';
import { createScratchDatabase, queryRows, type ScratchDatabase } from '../support/postgres';
import {
  serverIncidents,
  startHardwareAgent,
  startSyncServer,
  startTestDevices,
  stopAll,
  TEST_ADMIN_TOKEN,
} from '../support/processes';
import { idsFor, orderToPayAtTill, voucherSpendSale } from '../support/ticket-fixtures';
import { enrolNodeTill, eventually, type NodeTill } from '../support/till-in-node';
import { CashierPage } from './pages/cashier-page';
import { ShiftPage } from './pages/shift-page';
import { TicketDesk } from './pages/ticket-desk';

// Kiosk tickets and gift vouchers at the till (docs/kiosk-tickets.md,
// docs/gift-vouchers.md), one store set up once: the sync server on a
// scratch PostgreSQL (so the test reads the server's tables), the agent with
// the cashier till in Chromium, a kiosk on the wire with its own key, and a
// second till in this process behind a link the test can cut.

const ORDER_ID = '0195509a-6c00-7001-8000-00000000e2e1';

describe('kiosk tickets and gift vouchers at the till', () => {
  let database: ScratchDatabase;
  let sync: ServiceProcess;
  let browser: Browser;
  let page: Page;
  let cashier: CashierPage;
  let desk: TicketDesk;
  let kiosk: KioskDevice;
  let proxy: FaultProxy;
  let other: NodeTill;
  let voucherCode = '';
  const pageErrors: string[] = [];
  const catalog = generateFrenchCatalog().filter((p) => p.unit === 'piece' && p.active);
  const priced = (min: number, max: number, skip = 0): Product => {
    const found = catalog.filter((p) => p.priceMinor >= min && p.priceMinor <= max)[skip];
    if (!found) throw new Error('demo catalog has no such product');
    return found;
  };

  const query = <T extends object>(sql: string, params: unknown[] = []): Promise<T[]> =>
    queryRows<T>(database.url, sql, params);
  /** The sales the server holds in the till journals, by receipt-less id. */
  const serverSales = async (): Promise<CompletedSale[]> =>
    (
      await query<{ doc: JournalEntry }>(
        "SELECT doc FROM sync_documents WHERE collection = 'journal' AND doc->>'kind' = 'sale.completed'",
      )
    ).map((row) => row.doc.payload as CompletedSale);
  const incidents = () => serverIncidents(sync.url);
  const accessible = async () => expect(await axeViolations(page)).toEqual([]);

  beforeAll(async () => {
    const screens = process.env.TILL_SCREENSHOTS;
    if (screens) mkdirSync(screens, { recursive: true });
    const devices = await startTestDevices();
    database = await createScratchDatabase('till_tickets');
    sync = await startSyncServer({ databaseUrl: database.url });
    // The kiosk is enrolled and its key registered before the till opens: its first sync brings the key.
    kiosk = await startKioskDevice(sync.url, 'PAR01', 'K2');
    const pairingCodes = JSON.stringify(await issueDemoPairingCodes(sync.url, TEST_ADMIN_TOKEN, 'PAR01'));
    const agent = await startHardwareAgent({ syncUrl: sync.url, pairingCodes, devices: devices.configPath });
    proxy = await startFaultProxy(Number(new URL(sync.url).port));
    other = await enrolNodeTill(sync.url, proxy.url, 'PAR01', '02');
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1024, height: 768 } });
    page.on('pageerror', (error) => pageErrors.push(error.message));
    cashier = new CashierPage(page, screens);
    desk = new TicketDesk(page, screens);
    await openSignedInCashier(page, agent.url);
    await new ShiftPage(page).open({ float: { 1000: 10 } });
  });

  afterAll(async () => {
    await browser?.close();
    await other?.close();
    await proxy?.close();
    await stopAll();
    await database?.drop();
  });

  it('takes a kiosk ticket as the basket at its signed prices; once paid, the server marks the order paid, once', async () => {
    const order = orderToPayAtTill(ORDER_ID, kiosk.tillId);
    await kiosk.place(order);
    await desk.scanTicket(await kiosk.ticket(order));
    expect(await desk.kioskOrderSummary()).toContain('103,29 €');
    expect(await cashier.cartLines()).toBe(3);
    expect(await cashier.cartText()).toContain('Bouilloire inox 1,7 L');
    await accessible();
    await desk.screenshot('kiosk-order');

    await cashier.startPayment();
    expect(await cashier.amountDue()).toBe('103,29 €');
    await page.getByTestId('pay-exact').click();
    await cashier.waitForSaleCompleted();

    const paid = await eventually(async () => {
      const rows = await query<{ doc: { status: string; payment: { saleId: string } } }>(
        "SELECT doc FROM sync_documents WHERE collection = 'orders' AND id = $1",
        [ORDER_ID],
      );
      return rows[0]?.doc.status === 'paid' ? rows[0].doc : undefined;
    });
    const sales = (await serverSales()).filter((s) => s.kioskOrder?.orderId === ORDER_ID);
    expect(sales).toHaveLength(1);
    expect(paid.payment.saleId).toBe(sales[0]?.saleId);
    expect(sales[0]?.totals.total.minor).toBe(10_329);
    expect(
      await query('SELECT sale_id FROM kiosk_order_payments WHERE order_id = $1', [ORDER_ID]),
    ).toHaveLength(1);
    // The order's goods leave from where it is fulfilled, not this store's shelf.
    expect(
      await query('SELECT 1 FROM stock_movements m JOIN sales s USING (entry_id) WHERE s.sale_id = $1', [
        sales[0]?.saleId,
      ]),
    ).toEqual([]);

    // The same ticket again at this till: refused, nothing rung up.
    await desk.scanTicket(await kiosk.ticket(order));
    expect(await desk.refusal()).toContain('déjà payée');
    await desk.dismissRefusal();
  });

  it('refuses a forged ticket in words and rings nothing up', async () => {
    const order = orderToPayAtTill('0195509a-6c00-7001-8000-00000000e2e2', kiosk.tillId);
    const genuine = await kiosk.ticket(order);
    const [, , body = '', signature = ''] = genuine.split(':');
    const text = new TextDecoder().decode(fromBase32(body));
    // The kettle at 1 € instead of 39,99 €, the total adjusted to match: only the signature can tell.
    const cheaper = text.replace('3999,2000', '100,2000').replace('"n":10329', `"n":${10_329 - 3_899}`);
    await desk.scanTicket(`POS1:T:${toBase32(new TextEncoder().encode(cheaper))}:${signature}`);
    expect(await desk.refusal()).toContain('falsifié ou modifié');
    await accessible();
    await desk.screenshot('forged-ticket');
    await desk.dismissRefusal();
    expect(await cashier.cartLines()).toBe(0);
  });

  it('sells a gift voucher from the till menu, then takes it on another sale; the rest stays on it', async () => {
    await desk.openVoucherSale();
    await desk.typeVoucherAmount(5_000);
    await accessible();
    await desk.screenshot('voucher-sale');
    await desk.addVoucher();
    expect(await cashier.cartText()).toMatch(/Bon d'achat GV[2-9A-HJKMNP-TV-Z]{8}/);
    voucherCode = /GV[2-9A-HJKMNP-TV-Z]{8}/.exec(await cashier.cartText())?.[0] ?? '';
    await cashier.startPayment();
    expect(await cashier.amountDue()).toBe('50,00 €');
    await page.getByTestId('pay-exact').click();
    await cashier.waitForSaleCompleted();

    const cheap = priced(150, 900);
    await cashier.scan(cheap.barcode);
    await cashier.startPayment();
    expect(await desk.openVoucherTender(voucherCode)).toContain('50,00 € disponible sur 50,00 €');
    await accessible();
    await desk.screenshot('voucher-tender');
    await desk.takeVoucher();
    await cashier.waitForSaleCompleted();

    // The server: the voucher replicated with what is left on it; the spend in the till's journal.
    const doc = await eventually(async () => {
      const rows = await query<{ doc: { remaining: { minor: number }; redemptions: unknown[] } }>(
        "SELECT doc FROM sync_documents WHERE collection = 'vouchers' AND id = $1",
        [voucherCode],
      );
      return rows[0]?.doc.redemptions.length === 1 ? rows[0].doc : undefined;
    });
    expect(doc.remaining.minor).toBe(5_000 - cheap.priceMinor);
    const spend = (await serverSales()).find((s) => s.tenders.some((t) => t.type === 'voucher'));
    expect(spend?.tenders).toEqual([
      expect.objectContaining({ type: 'voucher', code: voucherCode, amount: money(cheap.priceMinor, 'EUR') }),
    ]);
    // The other till knows the voucher too, with its balance, for offline use.
    await eventually(async () =>
      (await findVoucher(other.db, voucherCode))?.redemptions.length === 1 ? true : undefined,
    );
  });

  it('flags the same voucher spent on two offline tills as an incident naming both sales', async () => {
    const before = (await incidents()).length;
    // The store's link goes down for both tills.
    await page.route(`${sync.url}/**`, (route) => route.abort('internetdisconnected'));
    proxy.setMode({ kind: 'offline' });
    const known = voucherStanding(
      voucherCode,
      await findVoucher(other.db, voucherCode),
      await recentLocalSales(other.db),
    );
    if (!known.known) throw new Error('the other till does not know the voucher');

    // Till 01 (the browser) takes what it believes is left on a second article.
    const second = priced(150, Math.min(known.remaining.minor, 2_000), 3);
    await cashier.scan(second.barcode);
    await cashier.startPayment();
    expect(await desk.openVoucherTender(voucherCode)).toContain('disponible');
    await desk.takeVoucher();
    await cashier.waitForSaleCompleted();

    // Till 02 takes all it knows is left, on a dearer basket, the rest by card.
    const ids = idsFor(42);
    const otherSale = voucherSpendSale(
      voucherCode,
      known.remaining.minor,
      known.remaining.minor,
      9_000,
      { storeCode: 'PAR01', tillCode: '02' },
      ids,
    );
    const journaled = await other.journal.append({
      kind: 'sale.completed',
      payload: otherSale,
      id: ids(),
      recordedAt: new Date().toISOString(),
    });
    expect(journaled.ok).toBe(true);

    // The link comes back; both push; the server sees more spent than the voucher held.
    await page.unroute(`${sync.url}/**`);
    proxy.setMode({ kind: 'pass' });
    const incident = await eventually(
      async () => (await incidents()).find((i) => i.code === 'voucher-over-redeemed'),
      60_000,
      'the over-redemption incident',
    );
    expect((await incidents()).length).toBe(before + 1);
    const browserSale = (await serverSales()).find(
      (s) =>
        s.tillCode === '01' &&
        s.tenders.some((t) => t.type === 'voucher' && t.amount.minor === second.priceMinor),
    );
    expect(incident.detail).toMatchObject({ code: voucherCode, faceValueMinor: 5_000 });
    const named = (incident.detail.sales as { saleId: string }[]).map((s) => s.saleId);
    expect(named).toEqual(expect.arrayContaining([otherSale.saleId, browserSale?.saleId]));
    expect(named).toHaveLength(3);
    const voucher = await query<{ doc: { overRedeemed: boolean; remaining: { minor: number } } }>(
      "SELECT doc FROM sync_documents WHERE collection = 'vouchers' AND id = $1",
      [voucherCode],
    );
    expect(voucher[0]?.doc.overRedeemed).toBe(true);
    expect(voucher[0]?.doc.remaining.minor).toBe(-second.priceMinor);
    expect(pageErrors).toEqual([]);
  });
});
