import { mkdirSync } from 'node:fs';
import pg from 'pg';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoDevices } from '../../hardware/simulators/demo-devices';
import { issueDemoPairingCodes } from '../../scripts/lib/demo-enrolment';
import type { ServiceProcess } from '../../scripts/lib/service-process';
import type { Product } from '../../src/core/catalog/product';
import type { JournalEntry } from '../../src/core/journal/journal-entry';
import { type ClickCollectOrder, clickCollectOrderSchema } from '../../src/core/orders/click-collect-order';
import { recordHandover } from '../../src/core/orders/record-handover';
import { transitionClickCollectOrder } from '../../src/core/orders/transition-click-collect-order';
import type { CompletedReturn } from '../../src/core/returns/completed-return';
import type { CompletedSale } from '../../src/core/sale';
import { openPostgres } from '../../sync-server/src/db/pg-database';
import { generateFrenchCatalog } from '../../sync-server/src/demo/french-catalog';
import { lockScope, writeDocuments } from '../../sync-server/src/sync/document-store';
import { axeViolations } from '../support/axe';
import { launchChromium, openSignedInCashier } from '../support/browser';
import { createScratchDatabase, type ScratchDatabase } from '../support/postgres';
import {
  startHardwareAgent,
  startSyncServer,
  startTestDevices,
  stopAll,
  TEST_ADMIN_TOKEN,
} from '../support/processes';
import { waitForProjections } from '../support/projections';
import { tillDocuments } from '../support/till-idb';
import { eventually, issuePairingCode } from '../support/till-in-node';
import { ApprovalPrompt } from './pages/approval-prompt';
import { CashierPage } from './pages/cashier-page';
import { LockScreenPage } from './pages/lock-screen-page';
import { ReturnsPage } from './pages/returns-page';
import { ShiftPage } from './pages/shift-page';

// Returns and exchanges at the till (issue 12, "Returns and exchanges"), end
// to end with the real parts: the sync server on a scratch PostgreSQL (with
// the web shop API on), two tills of store PAR01 in two browser contexts,
// each with its own hardware agent and devices (printer and drawer, ZVT card
// terminal, serial scanner), each enrolled with its own pairing code.
// With the store's link down (the sync server stopped), till 01 returns an
// online order collected in the store, found by its confirmation's QR and
// trusted through its signature, refunded to the card once a manager agrees;
// and the same sale of till 01 is returned on both tills. When the link
// comes back every return reaches the server once, and the server records
// one double-return incident, which till 02 shows to the manager. Online
// again: an exchange that gives money back, a cash refund and a card refund
// naming the original payment, each checked in the till's journal and in
// what the server holds. axe-core runs on every state; TILL_SCREENSHOTS=docs/screens
// saves the return screens at 1024×768 and 1920×1080.

const SHOP_KEY = 'e2e-shop-key-0123456789abcdef';
const WEB_ORDER = 'WEB-770412';
const MANAGER = { id: 'staff-sophie', pin: '9876' };

type Entry = JournalEntry & { payload: unknown };

/** French money as the screen writes it, with plain spaces. */
const euros = (minor: number) => `${Math.floor(minor / 100)},${String(minor % 100).padStart(2, '0')} €`;

describe('returns and exchanges at the till', () => {
  let database: ScratchDatabase;
  let sync: ServiceProcess;
  let restartSync: () => Promise<ServiceProcess>;
  let browser: Browser;
  const tills: {
    code: string;
    devices: DemoDevices;
    context: BrowserContext;
    page: Page;
    cashier: CashierPage;
    returns: ReturnsPage;
  }[] = [];
  const pageErrors: string[] = [];
  const screens = process.env.TILL_SCREENSHOTS;

  const catalog = generateFrenchCatalog().filter((p) => p.unit === 'piece' && p.active);
  const find = (test: (p: Product) => boolean, skip = 0): Product => {
    const found = catalog.filter(test)[skip];
    if (!found) throw new Error('demo catalog has no such product');
    return found;
  };
  // Everyday goods (the sale's receipt is asked for), and durable goods for the web order.
  const everyday = (min: number, max: number, skip = 0) =>
    find((p) => p.legalGuarantee !== true && p.priceMinor >= min && p.priceMinor <= max, skip);
  const candle = find((p) => p.name.startsWith('Bougie parfumée grand'));
  const tea = everyday(300, 600);
  const dearer = everyday(1_500, 2_000); // brought back in exchange for the cheaper one
  const cheaper = everyday(500, 900, 1);
  const soldTwice = everyday(200, 500, 2); // returned on both tills
  const cashBack = everyday(900, 1_400, 3);
  const cardBack = everyday(900, 1_400, 4);
  const CANDLES = 6;

  const query = async <R extends pg.QueryResultRow>(sql: string, params: unknown[] = []) => {
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      return (await client.query<R>(sql, params)).rows;
    } finally {
      await client.end();
    }
  };
  /** The journal entries of `kind` the server holds, every till, in arrival order. */
  const serverEntries = async <P>(kind: string): Promise<(JournalEntry & { payload: P })[]> =>
    (
      await query<{ doc: JournalEntry & { payload: P } }>(
        "SELECT doc FROM sync_documents WHERE collection = 'journal' AND doc->>'kind' = $1 ORDER BY seq",
        [kind],
      )
    ).map((r) => r.doc);
  const tillEntries = async <P>(page: Page, kind: string) =>
    (await tillDocuments<Entry>(page, 'journal'))
      .filter((e) => e.kind === kind)
      .sort((a, b) => a.sequence - b.sequence) as (JournalEntry & { payload: P })[];
  const incidents = async () =>
    (
      (await (
        await fetch(`${sync.url}/admin/v1/incidents`, {
          headers: { authorization: `Bearer ${TEST_ADMIN_TOKEN}` },
        })
      ).json()) as {
        incidents: {
          id: number;
          code: string;
          detail: { saleId: string; returns: { returnId: string; tillCode: string }[] };
        }[];
      }
    ).incidents;

  const till = (code: string) => {
    const found = tills.find((t) => t.code === code);
    if (!found) throw new Error(`no till ${code}`);
    return found;
  };
  const accessible = async (page: Page) => expect(await axeViolations(page)).toEqual([]);
  /** axe-clean, then saved as docs/screens/cashier-returns-<state>-<w>x<h>.png. */
  const shot = async (code: string, state: string) => {
    await accessible(till(code).page);
    await till(code).returns.screenshot(state);
  };

  /** Sells `products` at till `code`, paid with `pay`; the customer wants no receipt. Its receipt number. */
  async function sell(code: string, products: readonly Product[], pay: 'cash' | 'card'): Promise<string> {
    const { page, cashier } = till(code);
    for (const product of products) await cashier.scan(product.barcode);
    await cashier.startPayment();
    if (pay === 'card') await cashier.payByCard();
    else await page.getByTestId('pay-exact').click();
    const receiptNumber = await cashier.waitForSaleCompleted();
    await page.keyboard.press('n');
    await page.getByTestId('receipt-declined').waitFor();
    return receiptNumber;
  }

  /** The web shop sends an order paid by card online; the store hands it over at its pickup desk. */
  async function onlineOrderCollected(): Promise<ClickCollectOrder> {
    const lines = [
      {
        lineId: 'l1',
        productId: candle.id,
        name: candle.name,
        barcode: candle.barcode,
        quantity: CANDLES,
        unitPrice: { minor: candle.priceMinor, currency: 'EUR' },
        vatRateBps: candle.vatRateBps,
      },
      {
        lineId: 'l2',
        productId: tea.id,
        name: tea.name,
        barcode: tea.barcode,
        quantity: 1,
        unitPrice: { minor: tea.priceMinor, currency: 'EUR' },
        vatRateBps: tea.vatRateBps,
      },
    ];
    const total = CANDLES * candle.priceMinor + tea.priceMinor;
    const placedAt = new Date(Date.now() - 3 * 24 * 3600_000).toISOString();
    const imported = await fetch(`${sync.url}/shop/v1/orders/${WEB_ORDER}`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${SHOP_KEY}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        source: 'web',
        webOrderId: WEB_ORDER,
        webUpdatedAt: placedAt,
        webStatus: 'open',
        storeCode: 'PAR01',
        currency: 'EUR',
        lines,
        customer: { name: 'Léa Dubois', email: 'lea.dubois@example.fr' },
        placedAt,
        payments: [
          {
            paymentId: 'PAY-770412-1',
            type: 'card',
            amount: { minor: total, currency: 'EUR' },
            reference: 'PSP-5521-0093',
            accountId: null,
          },
        ],
      }),
    });
    expect(imported.status, await imported.clone().text()).toBe(201);
    const { orderId } = (await imported.json()) as { orderId: string };
    // Picked, ready, then collected with its pickup code at till 01: as the pickup desk writes it.
    const [stored] = await query<{ doc: ClickCollectOrder }>(
      "SELECT doc FROM sync_documents WHERE collection = 'orders' AND id = $1",
      [orderId],
    );
    const [tillRow] = await query<{ id: string }>("SELECT id FROM tills WHERE till_code = '01'");
    if (!stored || !tillRow) throw new Error('order or till 01 not on the server');
    const step = <T>(r: { ok: true; value: T } | { ok: false; error: unknown }): T => {
      if (!r.ok) throw new Error(JSON.stringify(r.error));
      return r.value;
    };
    const picking = step(transitionClickCollectOrder(stored.doc, { type: 'start-picking' }));
    const ready = step(transitionClickCollectOrder(picking, { type: 'mark-ready' }));
    const collected = clickCollectOrderSchema.parse(
      step(
        recordHandover(ready, {
          id: '0195509b-0000-7003-8000-0000000e2e01',
          orderId,
          staffId: 'staff-camille',
          tillId: tillRow.id,
          handedOverAt: new Date(Date.now() - 2 * 24 * 3600_000).toISOString(),
          lines: [
            { lineId: 'l1', quantity: CANDLES },
            { lineId: 'l2', quantity: 1 },
          ],
          identification: { method: 'pickup-code-scanned', pickupCode: stored.doc.pickupCode },
        }),
      ).order,
    );
    const db = openPostgres(database.url);
    try {
      await db.transaction(async (tx) => {
        await lockScope(tx, 'orders', 'PAR01');
        await writeDocuments(tx, 'orders', 'PAR01', [{ id: orderId, doc: { ...collected }, deleted: false }]);
      });
    } finally {
      await db.close();
    }
    return collected;
  }

  let order: ClickCollectOrder;

  beforeAll(async () => {
    if (screens) mkdirSync(screens, { recursive: true });
    database = await createScratchDatabase('till_returns');
    sync = await startSyncServer({ databaseUrl: database.url, shopApiKey: SHOP_KEY });
    const port = Number(new URL(sync.url).port);
    restartSync = () => startSyncServer({ databaseUrl: database.url, shopApiKey: SHOP_KEY, port });
    browser = await launchChromium();
    const pairing = {
      '01': JSON.stringify(await issueDemoPairingCodes(sync.url, TEST_ADMIN_TOKEN, 'PAR01')),
      '02': JSON.stringify({ cashier: await issuePairingCode(sync.url, 'PAR01', '02') }),
    };
    // Two tills, each its own agent, devices and browser profile, opened side by side.
    await Promise.all(
      (['01', '02'] as const).map(async (code) => {
        const { devices, configPath } = await startTestDevices();
        const agent = await startHardwareAgent({
          syncUrl: sync.url,
          pairingCodes: pairing[code],
          devices: configPath,
        });
        const context = await browser.newContext({ viewport: { width: 1024, height: 768 } });
        const page = await context.newPage();
        page.on('pageerror', (error) => pageErrors.push(`till ${code}: ${error.message}`));
        await openSignedInCashier(page, agent.url);
        await new ShiftPage(page).open({ float: { 1000: 10, 500: 10, 200: 10, 100: 10 } });
        tills.push({
          code,
          devices,
          context,
          page,
          cashier: new CashierPage(page),
          returns: new ReturnsPage(page, screens),
        });
      }),
    );
    order = await onlineOrderCollected();
    // Till 01 holds the collected order before the link goes down.
    await eventually(
      async () =>
        (await tillDocuments<ClickCollectOrder>(till('01').page, 'orders')).find(
          (o) => o.id === order.id && o.status === 'handed-over',
        ),
      30_000,
      'the collected order on till 01',
    );
    await eventually(
      async () => ((await till('01').cashier.deviceState('terminal')) === 'connected' ? true : undefined),
      20_000,
      'the card terminal of till 01',
    );
  });

  afterAll(async () => {
    for (const t of tills) await t.context.close();
    await browser?.close();
    await stopAll();
    await database?.drop();
  });

  let twiceReceipt = '';
  let twiceSale: CompletedSale;
  let orderReturn: CompletedReturn;

  it("a sale of till 01 reaches till 02 through the store's sales feed", async () => {
    twiceReceipt = await sell('01', [soldTwice], 'cash');
    const [entry] = await tillEntries<CompletedSale>(till('01').page, 'sale.completed');
    if (!entry) throw new Error('the sale is not in the journal of till 01');
    twiceSale = entry.payload;
    await expect
      .poll(
        async () =>
          (await tillDocuments<{ id: string }>(till('02').page, 'sales')).some(
            (s) => s.id === twiceSale.saleId,
          ),
        { timeout: 30_000 },
      )
      .toBe(true);
  });

  it('offline, an online order is found by its QR, verified by its signature, and refunded to the card once a manager agrees', async () => {
    await sync.stop();
    for (const code of ['01', '02'])
      await expect.poll(() => till(code).cashier.serverState(), { timeout: 20_000 }).toBe('offline');
    const { page, devices, returns } = till('01');
    const approval = new ApprovalPrompt(page);

    await returns.open();
    await shot('01', 'find');
    // The customer shows the order confirmation; the till's serial scanner reads its QR.
    await returns.scanCode(() => devices.scanner.scan(`POS1:P:${order.pickupCode}`));
    expect(await returns.problem()).toBeNull();
    expect(await returns.exchangeBasket()).toBeNull();
    expect(await returns.source()).toBe(`Commande en ligne ${WEB_ORDER} · Signature vérifiée`);
    expect(await returns.lines()).toEqual([
      `${candle.name} ${euros(CANDLES * candle.priceMinor)} | ${CANDLES} | 0`,
      `${tea.name} ${euros(tea.priceMinor)} | 1 | 0`,
    ]);
    await returns.take(candle.name, CANDLES);
    await returns.reason(candle.name, 'defective');
    // Defective goods are written off unless the cashier says otherwise.
    expect(await returns.restocks(candle.name)).toBe(false);
    expect(await returns.total()).toBe(euros(CANDLES * candle.priceMinor));
    await shot('01', 'lines-chosen');
    await returns.refundTo('store-credit');
    await shot('01', 'refund-choice');
    await returns.refundTo('original');

    // 6 × 28,99 € is above the 150 € a cashier may refund alone.
    await returns.refund();
    await approval.waitOpen();
    expect(await approval.reason()).toContain(euros(CANDLES * candle.priceMinor));
    await shot('01', 'approval');
    await approval.chooseApprover(MANAGER.id);
    await approval.typePin(MANAGER.pin);
    await approval.waitClosed();
    const done = await returns.waitDone();
    expect(done).toMatchObject({ card: euros(CANDLES * candle.priceMinor), cash: null, credit: null });
    // The card terminal refunded the amount (the order was paid online: no terminal payment to name).
    expect(devices.terminal.charges().at(-1)).toMatchObject({
      kind: 'refund',
      amountMinor: CANDLES * candle.priceMinor,
    });
    // A card refund prints its receipt, with the terminal's slip, whatever the customer says.
    await expect.poll(() => devices.printer.receipts().length, { timeout: 10_000 }).toBeGreaterThan(0);
    const printed = devices.printer.receipts().at(-1)?.text ?? '';
    expect(printed).toContain('REMBOURSEMENT');
    expect(printed).toContain(done.receiptNumber);
    await shot('01', 'done-card');
    await returns.close();

    const [entry] = await tillEntries<CompletedReturn>(page, 'return.completed');
    if (!entry) throw new Error('no return in the journal of till 01');
    orderReturn = entry.payload;
    expect(orderReturn).toMatchObject({
      source: { type: 'online-order', id: WEB_ORDER },
      total: { minor: CANDLES * candle.priceMinor },
      lines: [{ sourceLineId: 'l1', quantity: CANDLES, restock: false, reason: { code: 'defective' } }],
      refunds: [
        {
          sourceTenderId: 'PAY-770412-1',
          method: 'card',
          amount: { minor: CANDLES * candle.priceMinor },
          reference: 'PSP-5521-0093',
        },
      ],
    });
    const approvals = await tillEntries<{ approverStaffId: string; subject: unknown }>(
      page,
      'manager.approval',
    );
    expect(approvals.map((a) => a.payload)).toEqual([
      expect.objectContaining({
        approverStaffId: MANAGER.id,
        subject: { type: 'refund-over-limit', returnId: orderReturn.returnId },
      }),
    ]);
  });

  it('offline still, the same sale of till 01 is returned on till 01 and on till 02', async () => {
    for (const code of ['01', '02']) {
      const { returns, devices } = till(code);
      const kicks = devices.printer.drawerKicks();
      await returns.open();
      await returns.typeNumber(twiceReceipt);
      expect(await returns.problem()).toBeNull();
      expect(await returns.source()).toBe(`Ticket ${twiceReceipt}`);
      // Neither till knows of the other's return: each offers the one article bought.
      expect(await returns.lines()).toEqual([`${soldTwice.name} ${euros(soldTwice.priceMinor)} | 1 | 0`]);
      await returns.take(soldTwice.name, 1);
      expect(await returns.canTakeMore(soldTwice.name)).toBe(false);
      await returns.refund();
      const done = await returns.waitDone();
      expect(done.cash).toBe(euros(soldTwice.priceMinor));
      // The cash comes out of the drawer, which opens.
      await expect.poll(() => devices.printer.drawerKicks()).toBe(kicks + 1);
      await accessible(till(code).page);
      if (code === '02') await returns.screenshot('done-cash');
      // The question has the focus: N on the keyboard answers it.
      await returns.receiptKey('n');
      await returns.close();
      // This till now counts its own return: nothing is left to take back here.
      await returns.open();
      await returns.typeNumber(twiceReceipt);
      expect(await returns.problem()).toBe('Tout a déjà été repris sur ce ticket.');
      await returns.close();
    }
  });

  it('when the link returns, each return reaches the server once, and one incident names both; till 02 shows it to the manager', async () => {
    sync = await restartSync();
    for (const code of ['01', '02'])
      await expect.poll(() => till(code).cashier.pendingOutbox(), { timeout: 60_000 }).toBe('0');

    // Each return exactly once, in the journal rows and in the returns projection.
    // Projections follow the push within milliseconds, off its path (docs/projections.md, "The projector").
    await waitForProjections(query);
    const returnsOnServer = await serverEntries<CompletedReturn>('return.completed');
    const local = [
      ...(await tillEntries<CompletedReturn>(till('01').page, 'return.completed')),
      ...(await tillEntries<CompletedReturn>(till('02').page, 'return.completed')),
    ];
    expect(local).toHaveLength(3);
    expect(returnsOnServer.map((e) => e.id).sort()).toEqual(local.map((e) => e.id).sort());
    const orderRows = await query<{ n: string; total: string }>(
      'SELECT count(*) AS n, sum(total_minor) AS total FROM returns WHERE return_id = $1',
      [orderReturn.returnId],
    );
    expect(orderRows.map((r) => [Number(r.n), Number(r.total)])).toEqual([[1, CANDLES * candle.priceMinor]]);
    const refunds = await query<{ method: string; amount_minor: string; reference: string | null }>(
      `SELECT f.method, f.amount_minor, f.reference FROM return_refunds f JOIN returns r USING (entry_id)
        WHERE r.return_id = $1`,
      [orderReturn.returnId],
    );
    expect(refunds.map((r) => [r.method, Number(r.amount_minor), r.reference])).toEqual([
      ['card', CANDLES * candle.priceMinor, 'PSP-5521-0093'],
    ]);

    // One incident for the sale, naming the return of each till.
    const doubles = await eventually(
      async () => {
        const found = (await incidents()).filter((i) => i.code === 'double-return');
        return found.length > 0 ? found : undefined;
      },
      30_000,
      'the double-return incident',
    );
    expect(doubles).toHaveLength(1);
    const twiceReturns = local.filter((e) => e.payload.source.id === twiceSale.saleId);
    expect(doubles[0]?.detail.saleId).toBe(twiceSale.saleId);
    expect(doubles[0]?.detail.returns.map((r) => [r.returnId, r.tillCode]).sort()).toEqual(
      twiceReturns.map((e) => [e.payload.returnId, e.payload.tillCode]).sort(),
    );

    // Till 02: the cashier is not shown it; the manager, taking the till, is.
    const { page, returns } = till('02');
    const lock = new LockScreenPage(page);
    await expect
      .poll(
        async () =>
          (await tillDocuments<{ id: string; incidents: unknown[] }>(page, 'sales')).find(
            (s) => s.id === twiceSale.saleId,
          )?.incidents.length,
        { timeout: 30_000 },
      )
      .toBe(1);
    expect(await page.getByTestId('return-incidents').count()).toBe(0);
    await lock.lockWithShortcut();
    await lock.choose(MANAGER.id);
    await lock.unlock(MANAGER.pin);
    await returns.waitForIncidents();
    expect(await returns.incidentsShown()).toBe(1);
    const text = await returns.incidentText();
    expect(text).toContain('Retours en double à vérifier');
    expect(text).toContain(`Ticket ${twiceReceipt}`);
    expect(text).toContain(`${soldTwice.name} : 2 retournés pour 1 vendus`);
    for (const r of twiceReturns) expect(text).toContain(`(caisse ${r.payload.tillCode})`);
    await shot('02', 'incident-banner');
    await returns.markIncidentSeen();
    await page.getByTestId('return-incidents').waitFor({ state: 'detached' });
    await till('02').cashier.signOut();
  });

  it('an exchange gives money back: the dearer article returned pays the cheaper one, the rest in cash', async () => {
    const { page, cashier, returns, devices } = till('01');
    const receipt = await sell('01', [dearer], 'cash');
    // The customer brings the dearer article back and takes the cheaper one: scanned first, then the exchange.
    await cashier.scan(cheaper.barcode);
    await returns.open();
    await returns.typeNumber(receipt);
    await returns.take(dearer.name, 1);
    await returns.reason(dearer.name, 'wrong-size');
    expect(await returns.restocks(dearer.name)).toBe(true);
    expect(await returns.exchangeBasket()).toBe(`Panier de l'échange : ${euros(cheaper.priceMinor)}`);
    await shot('01', 'exchange-lines');
    const kicks = devices.printer.drawerKicks();
    await returns.exchange();
    const done = await returns.waitDone();
    expect(done).toMatchObject({
      exchangeCredit: euros(cheaper.priceMinor),
      cash: euros(dearer.priceMinor - cheaper.priceMinor),
      card: null,
    });
    await expect.poll(() => devices.printer.drawerKicks()).toBe(kicks + 1);
    await shot('01', 'exchange-done');
    await returns.receipt('none');
    await returns.close();
    // The basket was paid by the exchange: the sale is done, the till asks about its receipt.
    await cashier.waitForSaleCompleted();
    await accessible(page);
    await returns.screenshot('exchange-sale-paid');
    await page.keyboard.press('n');
    await page.getByTestId('receipt-declined').waitFor();

    // The till's journal: the return keeps the cheaper' price for the exchange and gives back the rest in cash.
    const exchangeReturn = (await tillEntries<CompletedReturn>(page, 'return.completed')).at(-1)?.payload;
    const exchangeSale = (await tillEntries<CompletedSale>(page, 'sale.completed')).at(-1)?.payload;
    if (!exchangeReturn || !exchangeSale) throw new Error('the exchange is not in the journal');
    const account = `exchange:${exchangeReturn.returnId}`;
    expect(exchangeReturn.total.minor).toBe(dearer.priceMinor);
    expect(exchangeReturn.refunds.map((r) => [r.method, r.amount.minor, r.accountId]).sort()).toEqual(
      [
        ['cash', dearer.priceMinor - cheaper.priceMinor, null],
        ['store-credit', cheaper.priceMinor, account],
      ].sort(),
    );
    expect(exchangeSale.lines.map((l) => l.productId)).toEqual([cheaper.id]);
    expect(exchangeSale.tenders).toEqual([
      expect.objectContaining({
        type: 'store-credit',
        accountId: account,
        amount: { minor: cheaper.priceMinor, currency: 'EUR' },
      }),
    ]);

    // The server: the same two entries, and its projections say the same.
    await expect.poll(() => cashier.pendingOutbox(), { timeout: 30_000 }).toBe('0');
    const stored = await serverEntries<CompletedReturn>('return.completed');
    expect(stored.find((e) => e.payload.returnId === exchangeReturn.returnId)?.payload).toEqual(
      exchangeReturn,
    );
    const sales = await serverEntries<CompletedSale>('sale.completed');
    expect(sales.find((e) => e.payload.saleId === exchangeSale.saleId)?.payload).toEqual(exchangeSale);
    const refunds = await query<{ method: string; amount_minor: string }>(
      `SELECT f.method, f.amount_minor FROM return_refunds f JOIN returns r USING (entry_id)
        WHERE r.return_id = $1 ORDER BY f.method`,
      [exchangeReturn.returnId],
    );
    expect(refunds.map((r) => [r.method, Number(r.amount_minor)])).toEqual([
      ['cash', dearer.priceMinor - cheaper.priceMinor],
      ['store-credit', cheaper.priceMinor],
    ]);
  });

  it('a cash refund and a card refund naming the original payment, as the server holds them', async () => {
    const { page, returns, devices } = till('01');
    const cashReceipt = await sell('01', [cashBack], 'cash');
    const cardReceipt = await sell('01', [cardBack], 'card');
    const cardSale = (await tillEntries<CompletedSale>(page, 'sale.completed')).at(-1)?.payload;
    const cardTender = cardSale?.tenders[0];
    if (cardTender?.type !== 'card' || !cardTender.terminal?.transactionRef)
      throw new Error('the card sale has no terminal reference');

    // Cash: the drawer opens, the customer takes a paper return receipt naming the sale.
    const kicks = devices.printer.drawerKicks();
    await returns.open();
    await returns.typeNumber(cashReceipt);
    await returns.take(cashBack.name, 1);
    await returns.refund();
    const cash = await returns.waitDone();
    expect(cash.cash).toBe(euros(cashBack.priceMinor));
    await expect.poll(() => devices.printer.drawerKicks()).toBe(kicks + 1);
    await returns.receipt('paper');
    await expect
      .poll(() => devices.printer.receipts().at(-1)?.text ?? '', { timeout: 10_000 })
      .toContain(cash.receiptNumber);
    expect(devices.printer.receipts().at(-1)?.text).toContain(cashReceipt);
    await shot('01', 'done-cash-paper');
    await returns.close();

    // Card: the terminal refunds, naming the original payment's receipt number.
    await returns.open();
    await returns.typeNumber(cardReceipt);
    await returns.take(cardBack.name, 1);
    await returns.refund();
    const card = await returns.waitDone();
    expect(card.card).toBe(euros(cardBack.priceMinor));
    const originalReceiptNo = Number(cardTender.terminal.transactionRef.split('/').at(-1));
    expect(devices.terminal.charges().at(-1)).toMatchObject({
      kind: 'refund',
      amountMinor: cardBack.priceMinor,
      originalReceiptNo,
    });
    await accessible(page);
    await returns.close();

    await expect.poll(() => till('01').cashier.pendingOutbox(), { timeout: 30_000 }).toBe('0');
    // Projections follow the push within milliseconds, off its path (docs/projections.md, "The projector").
    await waitForProjections(query);
    const stored = (await serverEntries<CompletedReturn>('return.completed')).slice(-2);
    const local = (await tillEntries<CompletedReturn>(page, 'return.completed')).slice(-2);
    expect(stored).toEqual(local);
    const [cashEntry, cardEntry] = stored;
    const saleIds = await query<{ receipt_number: string; sale_id: string }>(
      'SELECT receipt_number, sale_id FROM sales WHERE receipt_number = ANY($1)',
      [[cashReceipt, cardReceipt]],
    );
    const saleOf = (receipt: string) => saleIds.find((s) => s.receipt_number === receipt)?.sale_id;
    expect(cashEntry?.payload).toMatchObject({
      source: { type: 'sale', id: saleOf(cashReceipt) },
      refunds: [{ method: 'cash', amount: { minor: cashBack.priceMinor }, reference: null }],
    });
    expect(cardEntry?.payload).toMatchObject({
      source: { type: 'sale', id: saleOf(cardReceipt) },
      refunds: [
        {
          method: 'card',
          sourceTenderId: cardTender.tenderId,
          amount: { minor: cardBack.priceMinor },
          reference: cardTender.terminal.transactionRef,
        },
      ],
    });
    expect(pageErrors).toEqual([]);
  });
});
