import { mkdirSync } from 'node:fs';
import pg from 'pg';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoDevices } from '../../hardware/simulators/demo-devices';
import { issueDemoPairingCodes } from '../../scripts/lib/demo-enrolment';
import type { ServiceProcess } from '../../scripts/lib/service-process';
import type { Product } from '../../src/core/catalog/product';
import type { JournalEntry } from '../../src/core/journal/journal-entry';
import type { ClickCollectOrder } from '../../src/core/orders/click-collect-order';
import type { OrderHandover } from '../../src/core/orders/handover';
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
import { tillDocuments } from '../support/till-idb';
import { CashierPage } from './pages/cashier-page';
import { LockScreenPage } from './pages/lock-screen-page';
import { PickupDeskPage } from './pages/pickup-desk-page';
import { PickupFlowPage } from './pages/pickup-flow-page';
import { ShiftPage } from './pages/shift-page';

// The pickup desk (issue 14) end to end with the real parts: the sync server
// on a scratch PostgreSQL with the web shop API on, the desk (screen set
// /pickup, till P1 of PAR01) served by its hardware agent with the demo
// devices (serial scanner, receipt printer) in Chromium. Web orders come in
// through the shop API; the clerk prepares and hands them over by scanning
// with the serial scanner. Each result is checked in the desk's journal and
// in PostgreSQL (the order document and the order_handovers projection).
// axe-core runs on every state; TILL_SCREENSHOTS=docs/screens saves them.

const SHOP_KEY = 'e2e-shop-key-pickup-0123456789';

describe('the pickup desk', () => {
  let database: ScratchDatabase;
  let sync: ServiceProcess;
  let restartSync: () => Promise<ServiceProcess>;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let devices: DemoDevices;
  let desk: PickupDeskPage;
  let flow: PickupFlowPage;
  let lockScreen: LockScreenPage;
  const PIN = '1234';
  let agentUrl: string;
  const pageErrors: string[] = [];
  const screens = process.env.TILL_SCREENSHOTS;

  const catalog = generateFrenchCatalog().filter(
    (p) => p.unit === 'piece' && p.active && /^\d{13}$/.test(p.barcode),
  );
  const pick = (skip: number): Product => {
    const found = catalog[skip];
    if (!found) throw new Error('demo catalog too small');
    return found;
  };
  const [lamp, mug, notOrdered] = [pick(3), pick(11), pick(17)];

  const query = async <R extends pg.QueryResultRow>(sql: string, params: unknown[] = []) => {
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      return (await client.query<R>(sql, params)).rows;
    } finally {
      await client.end();
    }
  };
  const serverOrder = async (orderId: string): Promise<ClickCollectOrder | undefined> =>
    (
      await query<{ doc: ClickCollectOrder }>(
        "SELECT doc FROM sync_documents WHERE collection = 'orders' AND id = $1",
        [orderId],
      )
    )[0]?.doc;
  const deskHandovers = async (orderId: string): Promise<(JournalEntry & { payload: OrderHandover })[]> =>
    (await tillDocuments<JournalEntry & { payload: OrderHandover }>(page, 'journal', 'pickup'))
      .filter((e) => e.kind === 'order.handover' && e.payload.orderId === orderId)
      .sort((a, b) => a.sequence - b.sequence);
  /** The statuses the web shop's export lists for one order, in export order. */
  const exportedStatuses = async (orderId: string): Promise<string[]> => {
    const response = await fetch(`${sync.url}/shop/v1/order-status-changes?after=0&limit=5000`, {
      headers: { authorization: `Bearer ${SHOP_KEY}` },
    });
    expect(response.status).toBe(200);
    const { changes } = (await response.json()) as { changes: { orderId: string; status: string }[] };
    return changes.filter((c) => c.orderId === orderId).map((c) => c.status);
  };
  /** Journal entries of one kind the server holds (pushed by the desks). */
  const serverEntries = async <P>(kind: string) =>
    (
      await query<{ doc: JournalEntry & { payload: P } }>(
        "SELECT doc FROM sync_documents WHERE collection = 'journal' AND doc->>'kind' = $1",
        [kind],
      )
    ).map((r) => r.doc);
  const accessible = async () => expect(await axeViolations(page)).toEqual([]);
  const shot = async (state: string) => {
    await accessible();
    await desk.screenshot(state);
  };
  const line = (lineId: string, product: Product, quantity: number) => ({
    lineId,
    productId: product.id,
    name: product.name,
    barcode: product.barcode,
    quantity,
    unitPrice: { minor: product.priceMinor, currency: 'EUR' },
    vatRateBps: product.vatRateBps,
  });

  /**
   * The web shop sends an order for pickup at PAR01; the server's answer.
   * Paid online (signed `payments`) unless `paid` is false: then it is due at pickup.
   */
  async function importOrder(webOrderId: string, name: string, daysAgo = 0, { paid = true } = {}) {
    const placedAt = new Date(Date.now() - daysAgo * 24 * 3600_000).toISOString();
    const totalMinor = lamp.priceMinor * 2 + mug.priceMinor;
    const response = await fetch(`${sync.url}/shop/v1/orders/${webOrderId}`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${SHOP_KEY}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        source: 'web',
        webOrderId,
        webUpdatedAt: placedAt,
        webStatus: 'open',
        storeCode: 'PAR01',
        currency: 'EUR',
        lines: [line('l1', lamp, 2), line('l2', mug, 1)],
        customer: { name, email: `${webOrderId.toLowerCase()}@example.fr`, phone: '+33612345678' },
        placedAt,
        ...(paid
          ? {
              payments: [
                {
                  paymentId: `psp-${webOrderId}`,
                  type: 'card',
                  amount: { minor: totalMinor, currency: 'EUR' },
                  reference: `PSP-${webOrderId}`,
                  accountId: null,
                },
              ],
            }
          : {}),
      }),
    });
    expect(response.status, await response.clone().text()).toBe(201);
    return (await response.json()) as { orderId: string; pickupCode: string };
  }

  /** Writes an order document on the server as another desk's push would leave it. */
  async function writeServerOrder(order: ClickCollectOrder): Promise<void> {
    const db = openPostgres(database.url);
    try {
      await db.transaction(async (tx) => {
        await lockScope(tx, 'orders', 'PAR01');
        await writeDocuments(tx, 'orders', 'PAR01', [{ id: order.id, doc: { ...order }, deleted: false }]);
      });
    } finally {
      await db.close();
    }
  }

  const scan = (code: string) => devices.scanner.scan(code);

  beforeAll(async () => {
    if (screens) mkdirSync(screens, { recursive: true });
    database = await createScratchDatabase('till_pickup');
    sync = await startSyncServer({ databaseUrl: database.url, shopApiKey: SHOP_KEY });
    const port = Number(new URL(sync.url).port);
    restartSync = () => startSyncServer({ databaseUrl: database.url, shopApiKey: SHOP_KEY, port });
    const pairing = JSON.stringify(await issueDemoPairingCodes(sync.url, TEST_ADMIN_TOKEN, 'PAR01'));
    const started = await startTestDevices();
    devices = started.devices;
    const agent = await startHardwareAgent({
      syncUrl: sync.url,
      pairingCodes: pairing,
      devices: started.configPath,
    });
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1024, height: 768 } });
    page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    desk = new PickupDeskPage(page, screens);
    flow = new PickupFlowPage(page);
    lockScreen = new LockScreenPage(page);
    agentUrl = agent.url;
    await desk.open(agentUrl, PIN);
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await stopAll();
    await database?.drop();
  });

  it('prepares an order imported through the shop API by scanning, and hands it over by scanning its QR and items', async () => {
    const { orderId, pickupCode } = await importOrder('WEB-880101', 'Léa Dubois');
    await desk.waitInGroup('to-prepare', 'WEB-880101');
    expect(await desk.dataAge()).toMatch(/Données reçues (à l'instant|il y a \d+ min)/);
    await shot('list-to-prepare');

    await desk.openOrder('WEB-880101');
    expect(await desk.orderStatus()).toBe('Reçue');
    await shot('order-details');
    await desk.prepare();
    await expect.poll(async () => (await serverOrder(orderId))?.status, { timeout: 20_000 }).toBe('picking');
    await scan(lamp.barcode);
    await flow.waitCounted('l1', 1, 2);
    await scan(notOrdered.barcode);
    await expect
      .poll(() => flow.prepareProblem())
      .toBe(`Mauvais article : ${notOrdered.name} n'est pas dans cette commande.`);
    await shot('prepare-wrong-item');
    await scan(lamp.barcode);
    await scan(mug.barcode);
    await flow.waitCounted('l2', 1, 1);
    await flow.markReady();
    await shot('prepare-ready');
    await expect
      .poll(async () => (await serverOrder(orderId))?.status, { timeout: 20_000 })
      .toBe('ready-for-pickup');
    await page.getByTestId('pickup-back').click();
    await desk.waitInGroup('ready', 'WEB-880101');
    expect(await desk.waiting()).toBe('1 commande en attente du client');
    await shot('list-ready');

    // The customer shows the QR of their confirmation: the handover opens, the customer identified by it.
    await scan(`POS1:P:${pickupCode}`);
    await page.getByTestId('pickup-handover-panel').waitFor();
    expect(await flow.step()).toBe('items');
    await scan(mug.barcode);
    await flow.waitCounted('l2', 1, 1);
    await scan(lamp.barcode);
    await flow.waitCounted('l1', 1, 2);
    await shot('handover-items-missing');
    await scan(lamp.barcode);
    await flow.waitCounted('l1', 2, 2);
    await flow.toSignature();
    await flow.sign();
    await shot('handover-signature');
    await flow.confirm();
    expect(await flow.printSlip()).toContain('Bon de remise');
    await shot('handover-done');
    await expect
      .poll(() => devices.printer.receipts().at(-1)?.text ?? '', { timeout: 10_000 })
      .toContain('BON DE REMISE');
    expect(devices.printer.receipts().at(-1)?.text).toContain('WEB-880101');

    // The desk's journal holds the handover, with the code and the signature.
    const [entry, ...others] = await deskHandovers(orderId);
    expect(others).toEqual([]);
    expect(entry?.payload).toMatchObject({
      orderId,
      lines: [
        { lineId: 'l1', quantity: 2 },
        { lineId: 'l2', quantity: 1 },
      ],
      identification: { method: 'pickup-code-scanned', pickupCode },
    });
    expect(entry?.payload.signature?.path).toMatch(/^M\d+ \d+( L\d+ \d+)+/);
    // PostgreSQL: the order handed over with that one record, and its lines in the projection.
    await expect
      .poll(async () => (await serverOrder(orderId))?.status, { timeout: 20_000 })
      .toBe('handed-over');
    const onServer = await serverOrder(orderId);
    expect(onServer?.handovers.map((h) => h.id)).toEqual([entry?.payload.id]);
    expect(onServer?.handovers[0]?.signature).toEqual(entry?.payload.signature);
    await expect
      .poll(
        async () =>
          (
            await query<{ order_line_id: string; quantity: number; identification: string }>(
              'SELECT order_line_id, quantity, identification FROM order_handovers WHERE order_id = $1 ORDER BY order_line_id',
              [orderId],
            )
          ).map((r) => [r.order_line_id, Number(r.quantity), r.identification]),
        { timeout: 20_000 },
      )
      .toEqual([
        ['l1', 2, 'pickup-code-scanned'],
        ['l2', 1, 'pickup-code-scanned'],
      ]);
    // The web shop's export: each status change of the order once, in order.
    expect(await exportedStatuses(orderId)).toEqual([
      'received',
      'picking',
      'ready-for-pickup',
      'handed-over',
    ]);
    await flow.next();
    expect(pageErrors).toEqual([]);
  });

  it('hands over part of an order found by name, with an ID check and a reason, and the rest later by its code', async () => {
    const { orderId, pickupCode } = await importOrder('WEB-880202', 'Hugo Lefèvre', 1);
    // Prepared at another desk: the order reaches this one ready.
    await expect.poll(() => serverOrder(orderId), { timeout: 10_000 }).toBeDefined();
    const imported = await serverOrder(orderId);
    if (!imported) throw new Error('order not on the server');
    await writeServerOrder({ ...imported, status: 'ready-for-pickup' });
    await desk.waitInGroup('ready', 'WEB-880202');

    await desk.search('lefevre');
    await page.getByTestId('pickup-order-details').waitFor();
    await desk.handOver();
    expect(await flow.step()).toBe('identify');
    await shot('handover-identify');
    await flow.idChecked('passport');
    await scan(lamp.barcode);
    await flow.waitCounted('l1', 1, 2);
    await page.getByTestId('pickup-to-signature').click();
    await expect.poll(() => flow.handoverProblem()).toContain('choisissez pourquoi le reste attend');
    await flow.reason('customer-comes-back');
    await shot('handover-partial-reason');
    await flow.toSignature();
    await flow.sign();
    await flow.confirm();
    expect(await page.getByTestId('pickup-rest').textContent()).toBe('Reste en attente : 2 articles');
    expect(await page.locator('#pickup-handover-title').textContent()).toBe(
      'Commande WEB-880202 remise en partie',
    );
    await shot('handover-partial-done');
    await flow.next();

    await expect
      .poll(async () => (await serverOrder(orderId))?.status, { timeout: 20_000 })
      .toBe('partially-handed-over');
    await desk.waitInGroup('partly-handed-over', 'WEB-880202');
    const first = (await serverOrder(orderId))?.handovers[0];
    expect(first).toMatchObject({
      identification: { method: 'id-checked', document: 'passport' },
      remainderReason: 'customer-comes-back',
      lines: [{ lineId: 'l1', quantity: 1 }],
    });

    // Later: the customer comes back with their code, typed at the desk; only what is left is asked for.
    await desk.search(pickupCode);
    await page.getByTestId('pickup-handover-panel').waitFor();
    // The clerk steps away: the desk locks, nothing of the order shows, and the same PIN takes it back where it was.
    await desk.lock();
    expect(await page.getByTestId('pickup-handover-panel').count()).toBe(0);
    await shot('locked');
    await lockScreen.unlock(PIN);
    await page.getByTestId('pickup-handover-panel').waitFor();
    expect(await flow.checklist()).toHaveLength(2);
    await scan(lamp.barcode);
    await flow.waitCounted('l1', 1, 1);
    await scan(lamp.barcode);
    await expect
      .poll(() => flow.handoverProblem())
      .toContain('tous les articles de cette ligne sont déjà scannés');
    await scan(mug.barcode);
    await flow.waitCounted('l2', 1, 1);
    await flow.toSignature();
    await flow.sign();
    await flow.confirm();
    await flow.next();

    await expect
      .poll(async () => (await serverOrder(orderId))?.status, { timeout: 20_000 })
      .toBe('handed-over');
    const journaled = await deskHandovers(orderId);
    expect(journaled.map((e) => e.payload.lines)).toEqual([
      [{ lineId: 'l1', quantity: 1 }],
      [
        { lineId: 'l1', quantity: 1 },
        { lineId: 'l2', quantity: 1 },
      ],
    ]);
    expect((await serverOrder(orderId))?.handovers.map((h) => h.id)).toEqual(
      journaled.map((e) => e.payload.id),
    );
    const rows = await query<{ n: string }>('SELECT count(*) AS n FROM order_handovers WHERE order_id = $1', [
      orderId,
    ]);
    expect(Number(rows[0]?.n)).toBe(3);
    expect(pageErrors).toEqual([]);
  });

  it('refuses a forged QR and an altered order in words, logs the refusals, and hands nothing over', async () => {
    const { orderId, pickupCode } = await importOrder('WEB-880303', 'Inès Moreau');
    await expect.poll(() => serverOrder(orderId), { timeout: 10_000 }).toBeDefined();
    const imported = await serverOrder(orderId);
    if (!imported) throw new Error('order not on the server');
    // Someone with access to the data changes the order (another customer's name) but cannot re-sign it.
    await writeServerOrder({
      ...imported,
      status: 'ready-for-pickup',
      customer: { ...imported.customer, name: 'Someone Else' },
    });
    await desk.waitInGroup('ready', 'WEB-880303');

    await scan('POS1:P:0O1IL0O1');
    await expect
      .poll(() => desk.notice())
      .toBe("Ce code n'est pas un code de retrait valide : il a été refusé et noté.");
    await scan('POS1:P:ZZZZ2222');
    await expect
      .poll(() => desk.notice())
      .toBe("Aucune commande du magasin n'a ce code de retrait : il a été refusé et noté.");
    await scan(`POS1:P:${pickupCode}`);
    await expect
      .poll(() => desk.notice())
      .toBe('Cette commande a été modifiée depuis sa signature : elle ne peut pas être acceptée.');
    await shot('forged-refused');
    const log = await desk.refusals();
    expect(log).toContain('Codes refusés (3)');
    expect(log).toContain('modifiée depuis sa signature');
    expect(await deskHandovers(orderId)).toEqual([]);
    expect((await serverOrder(orderId))?.handovers).toEqual([]);
    // Journaled, pushed: the server holds the three refusals, the code cut short, no customer data.
    await expect
      .poll(
        async () =>
          (await serverEntries<{ input: string; reason: string }>('pickup.code-refused'))
            .map((e) => [e.payload.reason, e.payload.input])
            .sort(),
        { timeout: 30_000 },
      )
      .toEqual([
        ['content-changed', `POS1:P:${pickupCode}`],
        ['malformed-code', 'POS1:P:0O1IL0O1'],
        ['unknown-code', 'POS1:P:ZZZZ2222'],
      ]);
    // The desk restarts (the page loads again): the refusals are still listed.
    await desk.open(agentUrl, PIN);
    await expect.poll(() => desk.refusals(), { timeout: 10_000 }).toContain('Codes refusés (3)');
    expect(pageErrors).toEqual([]);
  });
  it('an order paid at pickup: not paid online, charged once by card on the desk terminal, handed over with an item refused (returned and refunded on the card), the slip e-mailed', async () => {
    const { orderId, pickupCode } = await importOrder('WEB-880505', 'Louis Garnier', 0, { paid: false });
    await expect.poll(() => serverOrder(orderId), { timeout: 10_000 }).toBeDefined();
    const imported = await serverOrder(orderId);
    if (!imported) throw new Error('order not on the server');
    await writeServerOrder({ ...imported, status: 'ready-for-pickup' });
    await desk.waitInGroup('ready', 'WEB-880505');
    const total = lamp.priceMinor * 2 + mug.priceMinor;
    const euros = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' })
      .format(total / 100)
      .replace(/[\u00a0\u202f]/g, ' ');
    const chargesBefore = devices.terminal.charges().length;

    // The customer's code opens the handover: the order is due, nothing can be handed over before it is paid.
    await scan(`POS1:P:${pickupCode}`);
    await page.getByTestId('pickup-pay').waitFor();
    expect(await flow.amountDue()).toBe(`À payer au retrait : ${euros}`);
    expect(await flow.toSignatureEnabled()).toBe(false);
    expect(await page.getByTestId('pickup-to-signature-why').textContent()).toBe(
      "Cette commande doit d'abord être payée : rien n'est remis avant le paiement.",
    );
    await shot('pay-due');
    // The customer would rather pay at the till: the desk gives the code and waits; they change their mind.
    expect(await flow.payAtTill()).toBe(`Code de retrait à donner en caisse : ${pickupCode}`);
    await shot('pay-at-till');
    await flow.backToPayChoice();

    expect(await flow.payByCard()).toMatch(/^Payée en magasin \(ticket PAR01-P1-\d{6}\)\.$/);
    await shot('pay-paid');
    // The terminal: one charge, of the order total.
    expect(devices.terminal.charges()).toHaveLength(chargesBefore + 1);
    expect(devices.terminal.charges().at(-1)?.amountMinor).toBe(total);
    // The desk's journal: one sale, paid by that card, naming the order.
    const sales = (await tillDocuments<JournalEntry>(page, 'journal', 'pickup')).filter(
      (e) =>
        e.kind === 'sale.completed' && (e.payload as CompletedSale).clickCollectOrder?.orderId === orderId,
    );
    expect(sales).toHaveLength(1);
    const sale = sales[0]?.payload as CompletedSale;
    expect(sale.totals.total.minor).toBe(total);
    expect(sale.tenders.map((t) => [t.type, t.amount.minor])).toEqual([['card', total]]);
    // PostgreSQL: the order paid once, by that sale; one sale row with one card tender.
    await expect
      .poll(async () => (await serverOrder(orderId))?.payment?.saleId, { timeout: 30_000 })
      .toBe(sale.saleId);
    const rows = await query<{ total_minor: string }>('SELECT total_minor FROM sales WHERE sale_id = $1', [
      sale.saleId,
    ]);
    expect(rows.map((r) => Number(r.total_minor))).toEqual([total]);
    const incidents = await query<{ code: string }>(
      "SELECT code FROM journal_incidents WHERE code LIKE 'pickup-order-%'",
    );
    expect(incidents).toEqual([]);

    // Paid: the handover goes on (the button waits only for a first scan now, and says so).
    expect(await page.getByTestId('pickup-to-signature-why').textContent()).toBe(
      'Scannez au moins un article avant de continuer.',
    );
    // The customer refuses the rice at the desk: handed over, then returned at once.
    await scan(lamp.barcode);
    await scan(lamp.barcode);
    await scan(mug.barcode);
    await flow.waitCounted('l2', 1, 1);
    expect(await flow.toSignatureEnabled()).toBe(true);
    await flow.refuseOne('l2');
    await shot('handover-refused');
    await flow.toSignature();
    await flow.sign();
    await flow.confirm();
    expect(await flow.refusedReturn()).toMatch(
      /^Retour enregistré \(ticket PAR01-P1-\d{6}\) : .+ remboursés sur la carte pour 1 article refusé\.$/,
    );
    // The slip by e-mail, to the order's own address.
    expect(await flow.mailSlip()).toBe('Bon envoyé à web-880505@example.fr.');
    await shot('handover-refused-returned');
    await flow.next();

    // The terminal: one charge of the order, one refund of the rice; nothing else.
    const done = devices.terminal.charges().slice(chargesBefore);
    expect(done.map((c) => [c.kind, c.amountMinor])).toEqual([
      ['authorization', total],
      ['refund', mug.priceMinor],
    ]);
    // The desk's journal: the sale, the handover, the return against that sale.
    const kinds = (await tillDocuments<JournalEntry>(page, 'journal', 'pickup'))
      .filter((e) => e.sequence > (sales[0]?.sequence ?? 0))
      .sort((a, b) => a.sequence - b.sequence)
      .map((e) => e.kind);
    expect(kinds).toEqual(['order.handover', 'return.completed']);
    // PostgreSQL: handed over, paid once, the return projected once with its reason, the slip queued once.
    await expect
      .poll(async () => (await serverOrder(orderId))?.status, { timeout: 30_000 })
      .toBe('handed-over');
    expect((await serverOrder(orderId))?.payment?.saleId).toBe(sale.saleId);
    await expect
      .poll(
        async () =>
          (
            await query<{ source_id: string; reason_code: string; quantity: number }>(
              `SELECT r.source_id, l.reason_code, l.quantity FROM returns r
                 JOIN return_lines l ON l.entry_id = r.entry_id WHERE r.source_id = $1`,
              [sale.saleId],
            )
          ).map((r) => [r.reason_code, Number(r.quantity)]),
        { timeout: 30_000 },
      )
      .toEqual([['refused-at-pickup', 1]]);
    const mails = await query<{ kind: string; recipient: string }>(
      'SELECT kind, recipient FROM order_messages WHERE order_id = $1',
      [orderId],
    );
    expect(mails).toEqual([{ kind: 'pickup-slip', recipient: 'web-880505@example.fr' }]);
    expect(pageErrors).toEqual([]);
  });

  it('an unknown card outcome at the desk: reloaded mid-charge, it asks the terminal and never charges again', async () => {
    const { orderId, pickupCode } = await importOrder('WEB-880606', 'Nina Petit', 0, { paid: false });
    await expect.poll(() => serverOrder(orderId), { timeout: 10_000 }).toBeDefined();
    const imported = await serverOrder(orderId);
    if (!imported) throw new Error('order not on the server');
    await writeServerOrder({ ...imported, status: 'ready-for-pickup' });
    await desk.waitInGroup('ready', 'WEB-880606');
    const authorisations = () => devices.terminal.charges().filter((c) => c.kind === 'authorization').length;
    const before = authorisations();

    await scan(`POS1:P:${pickupCode}`);
    await page.getByTestId('pickup-pay').waitFor();
    // The terminal takes the card, but its answer never comes: the desk is reloaded while it waits.
    devices.terminal.setScenario('timeout');
    await page.getByTestId('pickup-pay-card').click();
    await expect.poll(authorisations, { timeout: 20_000 }).toBe(before + 1);
    devices.terminal.setScenario('approve');
    await desk.open(agentUrl, '1234');

    // The order again: the desk asks the terminal about the payment it kept (again if the terminal is still busy).
    await scan(`POS1:P:${pickupCode}`);
    await page.getByTestId('pickup-handover-panel').waitFor();
    await expect
      .poll(
        async () => {
          if (await page.getByTestId('pickup-pay-paid').isVisible()) return 'paid';
          const check = page.getByTestId('pickup-pay-check');
          if ((await check.isVisible()) && (await check.isEnabled())) {
            await accessible();
            await check.click();
          }
          return 'waiting';
        },
        { timeout: 90_000, interval: 2_000 },
      )
      .toBe('paid');
    await shot('pay-recovered');
    expect(authorisations()).toBe(before + 1);
    const sales = (await tillDocuments<JournalEntry>(page, 'journal', 'pickup')).filter(
      (e) =>
        e.kind === 'sale.completed' && (e.payload as CompletedSale).clickCollectOrder?.orderId === orderId,
    );
    expect(sales).toHaveLength(1);
    const sale = sales[0]?.payload as CompletedSale | undefined;
    await expect
      .poll(async () => (await serverOrder(orderId))?.payment?.saleId, { timeout: 30_000 })
      .toBe(sale?.saleId);
    await page.getByTestId('pickup-back').click();
    expect(pageErrors).toEqual([]);
  });

  it('an order paid at the till: the desk sends the customer there, the cashier scans their QR and takes cash, the desk sees it paid', async () => {
    const { orderId, pickupCode } = await importOrder('WEB-880717', 'Zoé Lambert', 0, { paid: false });
    await expect.poll(() => serverOrder(orderId), { timeout: 10_000 }).toBeDefined();
    const imported = await serverOrder(orderId);
    if (!imported) throw new Error('order not on the server');
    await writeServerOrder({ ...imported, status: 'ready-for-pickup' });
    await desk.waitInGroup('ready', 'WEB-880717');
    const authorisations = devices.terminal.charges().length;
    await scan(`POS1:P:${pickupCode}`);
    await page.getByTestId('pickup-pay').waitFor();
    await flow.payAtTill();

    // The till: the cashier screen of the same store, in another tab.
    const tillPage = await context.newPage();
    tillPage.on('pageerror', (error) => pageErrors.push(error.message));
    try {
      await openSignedInCashier(tillPage, agentUrl);
      await new ShiftPage(tillPage).open({ float: { 1000: 10 } });
      const cashier = new CashierPage(tillPage, screens);
      await tillPage.getByTestId('barcode-input').fill(`POS1:P:${pickupCode}`);
      await tillPage.getByTestId('barcode-input').press('Enter');
      const summary = tillPage.getByTestId('pickup-order-summary');
      await summary.waitFor({ timeout: 15_000 });
      expect((await summary.textContent())?.replace(/[\u00a0\u202f]/g, ' ')).toContain(
        'Commande WEB-880717 à payer au retrait : 3 articles',
      );
      expect(await axeViolations(tillPage)).toEqual([]);
      await cashier.screenshot('pickup-till-order');
      await cashier.startPayment();
      await tillPage.getByTestId('pay-exact').click();
      await cashier.waitForSaleCompleted();
    } finally {
      await tillPage.close();
    }

    // The desk: paid once the till's sale has reached the server and the order came back with its payment.
    await page.getByTestId('pickup-pay-paid').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('pickup-pay-paid').textContent()).toMatch(
      /^Payée en magasin \(ticket PAR01-/,
    );
    await accessible();
    const paid = await serverOrder(orderId);
    // Paid by the till's sale (another till than this desk, P1), through the server.
    expect(paid?.payment?.receiptNumber).toMatch(/^PAR01-(?!P1-)/);
    const rows = await query<{ sale_id: string; total_minor: string }>(
      'SELECT sale_id, total_minor FROM sales WHERE sale_id = $1',
      [paid?.payment?.saleId],
    );
    expect(rows.map((r) => Number(r.total_minor))).toEqual([lamp.priceMinor * 2 + mug.priceMinor]);
    expect(devices.terminal.charges()).toHaveLength(authorisations);
    await page.getByTestId('pickup-back').click();
    expect(pageErrors).toEqual([]);
  });

  it('with the sync server down, hands over by scanning and returns an uncollected order to stock; both reach PostgreSQL and the export once the link is back', async () => {
    const { orderId, pickupCode } = await importOrder('WEB-880404', 'Jade Roux');
    // Placed 30 days ago but made ready 2 days ago: not overdue (10 days); another ready for 12 days is.
    const { orderId: uncollectedId } = await importOrder('WEB-880405', 'Noé Garnier', 30);
    const { orderId: recentId } = await importOrder('WEB-880406', 'Zoé Perrin', 30);
    await expect.poll(() => serverOrder(recentId), { timeout: 10_000 }).toBeDefined();
    const imported = await serverOrder(orderId);
    const uncollected = await serverOrder(uncollectedId);
    const recent = await serverOrder(recentId);
    if (!imported || !uncollected || !recent) throw new Error('orders not on the server');
    await writeServerOrder({ ...imported, status: 'ready-for-pickup' });
    const daysAgo = (days: number) => new Date(Date.now() - days * 24 * 3600_000).toISOString();
    await writeServerOrder({ ...uncollected, status: 'ready-for-pickup', readyAt: daysAgo(12) });
    await writeServerOrder({ ...recent, status: 'ready-for-pickup', readyAt: daysAgo(2) });
    await desk.waitInGroup('ready', 'WEB-880406');
    await desk.waitInGroup('overdue', 'WEB-880405');
    expect(await desk.listed()).toHaveLength(1);
    expect(await page.getByTestId('pickup-order-WEB-880406').count()).toBe(0);
    await desk.waitInGroup('ready', 'WEB-880404');

    await sync.stop();
    await expect
      .poll(async () => page.getByTestId('server-status').getAttribute('data-state'), { timeout: 30_000 })
      .toBe('offline');
    await scan(`POS1:P:${pickupCode}`);
    await page.getByTestId('pickup-handover-panel').waitFor();
    await scan(lamp.barcode);
    await scan(lamp.barcode);
    await scan(mug.barcode);
    await flow.waitCounted('l2', 1, 1);
    await flow.toSignature();
    await flow.sign();
    await flow.confirm();
    await shot('handover-done-offline');
    await flow.next();
    const [entry] = await deskHandovers(orderId);
    expect(entry?.payload.identification).toEqual({ method: 'pickup-code-scanned', pickupCode });
    await desk.waitInGroup('handed-over', 'WEB-880404');

    // Still offline: the clerk returns the order not collected for 12 days to stock, after confirming.
    await desk.waitInGroup('overdue', 'WEB-880405');
    await desk.openOrder('WEB-880405');
    await desk.askRestock();
    await shot('restock-confirm');
    expect(await desk.confirmRestock()).toBe(
      'Commande WEB-880405 remise en stock : rangez les articles en rayon.',
    );
    expect(await desk.orderStatus()).toBe('Remise en stock');
    await accessible();
    await page.getByTestId('pickup-back').click();
    await desk.waitInGroup('cancelled', 'WEB-880405');

    sync = await restartSync();
    await expect
      .poll(async () => (await serverOrder(orderId))?.status, { timeout: 60_000 })
      .toBe('handed-over');
    expect((await serverOrder(orderId))?.handovers.map((h) => h.id)).toEqual([entry?.payload.id]);
    await expect
      .poll(
        async () =>
          Number(
            (
              await query<{ n: string }>('SELECT count(*) AS n FROM order_handovers WHERE order_id = $1', [
                orderId,
              ])
            )[0]?.n,
          ),
        { timeout: 30_000 },
      )
      .toBe(2);
    await expect
      .poll(async () => (await serverOrder(uncollectedId))?.status, { timeout: 30_000 })
      .toBe('returned');
    // The export lists each change once: the offline handover and the return arrived with the push.
    expect(await exportedStatuses(orderId)).toEqual(['received', 'ready-for-pickup', 'handed-over']);
    expect(await exportedStatuses(uncollectedId)).toEqual(['received', 'ready-for-pickup', 'returned']);
    expect(pageErrors).toEqual([]);
  });

  it('two desks offline hand over the same order; once both sync, both list both handovers and the conflict in words, as PostgreSQL holds them', async () => {
    // A second desk: its own till (P2 of PAR01), agent, scanner and browser context.
    const code = await fetch(`${sync.url}/admin/v1/pairing-codes`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${TEST_ADMIN_TOKEN}`,
        'content-type': 'application/json',
        'x-till-protocol': '1',
      },
      body: JSON.stringify({ storeCode: 'PAR01', tillCode: 'P2' }),
    });
    expect(code.status).toBe(201);
    const { pairingCode } = (await code.json()) as { pairingCode: string };
    const otherDevices = await startTestDevices();
    const otherAgent = await startHardwareAgent({
      syncUrl: sync.url,
      pairingCodes: JSON.stringify({ pickup: pairingCode }),
      devices: otherDevices.configPath,
    });
    const otherContext = await browser.newContext({ viewport: { width: 1024, height: 768 } });
    const otherPage = await otherContext.newPage();
    otherPage.on('pageerror', (error) => pageErrors.push(error.message));
    const otherDesk = new PickupDeskPage(otherPage, screens);
    const otherFlow = new PickupFlowPage(otherPage);
    try {
      // Another clerk (Karim) at the other desk.
      await otherDesk.open(otherAgent.url, '2468');
      const { orderId, pickupCode } = await importOrder('WEB-880707', 'Rose Lambert');
      await expect.poll(() => serverOrder(orderId), { timeout: 10_000 }).toBeDefined();
      const imported = await serverOrder(orderId);
      if (!imported) throw new Error('order not on the server');
      await writeServerOrder({ ...imported, status: 'ready-for-pickup' });
      await desk.waitInGroup('ready', 'WEB-880707');
      await otherDesk.waitInGroup('ready', 'WEB-880707');
      const otherAccessible = async () => expect(await axeViolations(otherPage)).toEqual([]);
      await otherAccessible();

      await sync.stop();
      for (const p of [page, otherPage]) {
        await expect
          .poll(async () => p.getByTestId('server-status').getAttribute('data-state'), { timeout: 30_000 })
          .toBe('offline');
      }
      // The customer collects everything at this desk; someone else, at the other desk, hands the lamps over again.
      await scan(`POS1:P:${pickupCode}`);
      await page.getByTestId('pickup-handover-panel').waitFor();
      for (const item of [lamp, lamp, mug]) await scan(item.barcode);
      await flow.waitCounted('l2', 1, 1);
      await flow.toSignature();
      await flow.sign();
      await flow.confirm();
      await accessible();
      await flow.next();

      await otherDevices.devices.scanner.scan(`POS1:P:${pickupCode}`);
      await otherPage.getByTestId('pickup-handover-panel').waitFor();
      await otherDevices.devices.scanner.scan(lamp.barcode);
      await otherDevices.devices.scanner.scan(lamp.barcode);
      await otherFlow.waitCounted('l1', 2, 2);
      await otherFlow.reason('customer-comes-back');
      await otherAccessible();
      await otherFlow.toSignature();
      await otherFlow.sign();
      await otherAccessible();
      await otherFlow.confirm();
      await otherAccessible();
      await otherFlow.next();

      sync = await restartSync();
      // PostgreSQL: one order holding both handovers and the flag; the journal holds both entries.
      await expect
        .poll(async () => (await serverOrder(orderId))?.handovers.length ?? 0, { timeout: 60_000 })
        .toBe(2);
      const onServer = await serverOrder(orderId);
      expect(onServer?.status).toBe('handed-over');
      expect(onServer?.handoverConflict).toEqual({
        overHandedLines: [{ lineId: 'l1', ordered: 2, handedOver: 4 }],
        handoversAfterClosure: [],
      });
      const [mine] = await deskHandovers(orderId);
      const theirs = (
        await tillDocuments<JournalEntry & { payload: OrderHandover }>(otherPage, 'journal', 'pickup')
      ).find((e) => e.kind === 'order.handover' && e.payload.orderId === orderId);
      expect(onServer?.handovers.map((h) => h.id).sort()).toEqual(
        [mine?.payload.id, theirs?.payload.id].sort(),
      );
      await expect
        .poll(
          async () =>
            (await serverEntries<OrderHandover>('order.handover'))
              .filter((e) => e.payload.orderId === orderId)
              .map((e) => [e.tillId, e.payload.id])
              .sort(),
          { timeout: 30_000 },
        )
        .toEqual(
          [
            [mine?.tillId, mine?.payload.id],
            [theirs?.tillId, theirs?.payload.id],
          ].sort(),
        );
      expect(mine?.tillId).not.toBe(theirs?.tillId);

      // Both desks show the same result: both handovers, the conflict in words.
      const expectedConflict = [
        'Cette commande a été remise sur deux postes hors ligne : un responsable doit vérifier le stock et appeler le client.',
        `${lamp.name} : 4 remis, pour 2 en commande.`,
      ];
      for (const [d, p] of [
        [desk, page],
        [otherDesk, otherPage],
      ] as const) {
        await d.waitInGroup('handed-over', 'WEB-880707');
        await d.openOrder('WEB-880707');
        await expect.poll(() => d.conflict(), { timeout: 30_000 }).toEqual(expectedConflict);
        await expect.poll(async () => (await d.history()).length, { timeout: 30_000 }).toBe(2);
        const rows = await d.history();
        expect(rows.filter((r) => r.includes('Camille Martin'))).toHaveLength(1);
        expect(rows.filter((r) => r.includes('Karim Benali'))).toHaveLength(1);
        expect(rows.filter((r) => r.includes('ce poste'))).toHaveLength(1);
        expect(rows.filter((r) => /poste …[0-9a-f]{4}/.test(r))).toHaveLength(1);
        expect(rows.some((r) => r.includes(`2 × ${lamp.name}, 1 × ${mug.name}`))).toBe(true);
        expect(rows.some((r) => r.includes(`2 × ${lamp.name}`) && r.includes('Le client reviendra'))).toBe(
          true,
        );
        expect(await axeViolations(p)).toEqual([]);
      }
      await desk.screenshot('double-handover');
      // Each status once; "partly handed over" only when the other desk's partial push won the race.
      const statuses = await exportedStatuses(orderId);
      expect([
        ['received', 'ready-for-pickup', 'handed-over'],
        ['received', 'ready-for-pickup', 'partially-handed-over', 'handed-over'],
      ]).toContainEqual(statuses);
      expect(pageErrors).toEqual([]);
    } finally {
      await otherContext.close();
    }
  });
});
