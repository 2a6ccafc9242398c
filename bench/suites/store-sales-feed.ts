import { gzipSync } from 'node:zlib';
import { priceCart } from '../../src/core/cart';
import type { Product } from '../../src/core/catalog/product';
import { appendEntry } from '../../src/core/journal/append-entry';
import type { ChainHead, JournalEntry } from '../../src/core/journal/journal-entry';
import { plusDays, type StoreSale, storeSaleOf } from '../../src/core/returns/store-sale';
import { addTender, startPayment } from '../../src/core/sale';
import type { CompletedSale } from '../../src/core/sale/completed-sale';
import { PROTOCOL_HEADER, SYNC_PROTOCOL_VERSION } from '../../src/core/sync/protocol';
import { buildApp } from '../../sync-server/src/app';
import { migrate } from '../../sync-server/src/db/migrate';
import { openPglite } from '../../sync-server/src/db/pglite-database';
import { generateFrenchCatalog } from '../../sync-server/src/demo/french-catalog';
import { emptyResult, round, type SuiteResult } from '../lib/metrics';
import {
  benchCart,
  benchIdGenerator,
  cashTender,
  completeBenchSale,
  type SaleTill,
  unwrap,
} from '../lib/sales';

// The size of the store sales feed (issue 12, "Returns and exchanges"): what
// every till of a store pulls so it can find another till's sale offline.
// A store of 10 tills, 300 sales per till per day, 3-4 lines each, 30 days:
// 90,000 documents. Two measurements:
//  1. through the real sync server (PGlite): 10 tills push a sample day each,
//     a new till pulls the `sales` collection page by page as a till does;
//     its bytes per sale are the server's real documents;
//  2. the full window, the same documents built by the same core function
//     the server uses (storeSaleOf), serialised as the same pull pages of
//     2,000, with a share of sales carrying returns: bytes and documents,
//     raw (the server sends JSON uncompressed today) and gzip-compressed
//     page by page (what a compressing proxy or @fastify/compress would send).

export const FEED = { tills: 10, salesPerTillPerDay: 300, days: 30, pageSize: 2_000 } as const;
/** Sales per till pushed through the server for the sample (one page of pulls for 10 tills at 150). */
const SAMPLE_SALES_PER_TILL = Number(process.env.BENCH_FEED_SAMPLE ?? 150);
/** Share of sales with a return (one line, one unit): their documents carry a return id and a count. */
const RETURNED_SHARE = 0.03;

const TERMINAL_REF = (n: number) => `${String(100000 + (n % 899999))}-${String(n % 10000).padStart(4, '0')}`;

/** Sale `n` of a till at `at`: 3 or 4 lines (weighed ones by weight), paid by card (with the terminal's data), cash, or voucher then card. */
function realisticSale(
  n: number,
  products: readonly Product[],
  till: SaleTill,
  newId: () => string,
  at: string,
): CompletedSale {
  const cart = benchCart(n, products, newId, { lines: 3 + (n % 2), offset: till.tillCode.length * 101 });
  const total = priceCart(cart).totals.total;
  let payment = startPayment(total);
  const kind = n % 20;
  if (kind === 0 && total.minor > 1_000) {
    payment = unwrap(
      addTender(payment, {
        type: 'voucher',
        tenderId: newId(),
        amount: { minor: 1_000, currency: 'EUR' },
        code: `BON-2026-${String(n).padStart(5, '0')}`,
        faceValue: { minor: 1_000, currency: 'EUR' },
      }),
    );
  }
  const left = { minor: total.minor - (kind === 0 && total.minor > 1_000 ? 1_000 : 0), currency: 'EUR' };
  payment = unwrap(
    addTender(
      payment,
      kind % 3 === 2
        ? cashTender(left, newId)
        : {
            type: 'card',
            tenderId: newId(),
            amount: left,
            terminal: {
              terminalId: 'TPE-0001',
              transactionRef: TERMINAL_REF(n),
              authorisationCode: 'A1B2C3',
              maskedPan: '************1234',
              scheme: 'CB',
            },
          },
    ),
  );
  return completeBenchSale(cart, payment, till, newId, at);
}

const bytes = (text: string) => Buffer.byteLength(text, 'utf8');

/** One pull page as the server serialises it. */
const page = (documents: readonly unknown[], seq: number) =>
  JSON.stringify({ documents, checkpoint: { seq }, remaining: documents.length === FEED.pageSize ? 1 : 0 });

/** 1. Through the server: 10 tills push a sample each, a new till pulls the feed. */
async function throughTheServer(products: readonly Product[]) {
  const db = await openPglite(undefined);
  await migrate(db);
  const server = await buildApp({
    db,
    config: {
      corsOrigins: true,
      logLevel: 'silent',
      adminToken: 'bench-admin-token-0123456789',
      shopApiKey: undefined,
    },
  });
  const { app } = server;
  const protocol = { [PROTOCOL_HEADER]: String(SYNC_PROTOCOL_VERSION) };
  const enrol = async (tillCode: string) => {
    const code = await app.inject({
      method: 'POST',
      url: '/admin/v1/pairing-codes',
      headers: { authorization: 'Bearer bench-admin-token-0123456789' },
      payload: { storeCode: 'PAR01', tillCode },
    });
    const enrolled = await app.inject({
      method: 'POST',
      url: '/sync/v1/enrol',
      headers: protocol,
      payload: { pairingCode: code.json().pairingCode, deviceName: `caisse ${tillCode}` },
    });
    const { tillId, credential } = enrolled.json() as { tillId: string; credential: string };
    const token = await app.inject({
      method: 'POST',
      url: '/sync/v1/token',
      headers: { ...protocol, authorization: `Bearer ${tillId}.${credential}` },
    });
    return {
      tillId,
      tillCode,
      headers: { ...protocol, authorization: `Bearer ${token.json().accessToken}` },
    };
  };
  try {
    const now = Date.now();
    for (let t = 1; t <= FEED.tills; t++) {
      const till = await enrol(String(t).padStart(2, '0'));
      const newId = benchIdGenerator(1000 + t);
      const identity = { storeCode: 'PAR01', tillCode: till.tillCode, tillId: till.tillId };
      let head: ChainHead | null = null;
      const entries: JournalEntry[] = [];
      for (let n = 0; n < SAMPLE_SALES_PER_TILL; n++) {
        const at = new Date(now - (SAMPLE_SALES_PER_TILL - n) * 60_000).toISOString();
        const sale = realisticSale(n, products, identity, newId, at);
        const appended = appendEntry(
          head,
          { kind: 'sale.completed', payload: sale, id: newId(), recordedAt: at },
          identity,
        );
        if (!appended.ok) throw new Error(JSON.stringify(appended.error));
        entries.push(appended.value.entry);
        head = { sequence: appended.value.entry.sequence, hash: appended.value.entry.hash };
      }
      const pushed = await app.inject({
        method: 'POST',
        url: '/sync/v1/journal/push',
        headers: till.headers,
        payload: entries.map((entry) => ({
          assumedMasterState: null,
          newDocumentState: { ...entry, _deleted: false },
        })),
      });
      if (pushed.statusCode !== 200) throw new Error(`push: ${pushed.statusCode} ${pushed.body}`);
    }
    const reader = await enrol('11');
    let checkpoint = 0;
    let raw = 0;
    let gzip = 0;
    let documents = 0;
    for (;;) {
      const pulled = await app.inject({
        method: 'GET',
        url: `/sync/v1/sales/pull?checkpoint=${checkpoint}&limit=${FEED.pageSize}`,
        headers: reader.headers,
      });
      raw += bytes(pulled.body);
      gzip += gzipSync(pulled.body).length;
      const body = pulled.json() as { documents: unknown[]; checkpoint: { seq: number } };
      documents += body.documents.length;
      checkpoint = body.checkpoint.seq;
      if (body.documents.length < FEED.pageSize) break;
    }
    return { documents, raw, gzip };
  } finally {
    await server.close();
    await db.close();
  }
}

/** 2. The full window: 90,000 documents built by the server's own function, in pull pages. */
function fullWindow(products: readonly Product[]) {
  const total = FEED.tills * FEED.salesPerTillPerDay * FEED.days;
  const start = Date.parse('2026-11-01T08:00:00.000Z');
  let raw = 0;
  let gzip = 0;
  let documents = 0;
  let pageDocs: StoreSale[] = [];
  let seq = 0;
  let tombstone = 0;
  const flush = () => {
    const text = page(
      pageDocs.map((doc) => ({ ...doc, _deleted: false })),
      seq,
    );
    raw += bytes(text);
    gzip += gzipSync(text).length;
    pageDocs = [];
  };
  for (let t = 1; t <= FEED.tills; t++) {
    const till = { storeCode: 'PAR01', tillCode: String(t).padStart(2, '0') };
    const newId = benchIdGenerator(2000 + t);
    const returnId = benchIdGenerator(3000 + t);
    for (let n = 0; n < FEED.salesPerTillPerDay * FEED.days; n++) {
      const day = Math.floor(n / FEED.salesPerTillPerDay);
      const at = new Date(start + day * 86_400_000 + (n % FEED.salesPerTillPerDay) * 120_000).toISOString();
      const sale = realisticSale(n, products, till, newId, at);
      let doc = storeSaleOf({ ...till, sequence: n + 1 }, sale, plusDays(at, FEED.days));
      if ((n * 37) % 100 < RETURNED_SHARE * 100) {
        doc = {
          ...doc,
          lines: doc.lines.map((line, i) => (i === 0 ? { ...line, returned: 1 } : line)),
          returnIds: [returnId()],
        };
      }
      if (documents === 0) {
        tombstone = bytes(
          JSON.stringify({
            ...doc,
            lines: [],
            payments: [],
            returnIds: [],
            incidents: [],
            incidentCount: 0,
            _deleted: true,
          }),
        );
      }
      pageDocs.push(doc);
      documents++;
      seq++;
      if (pageDocs.length === FEED.pageSize) flush();
    }
  }
  if (pageDocs.length > 0) flush();
  if (documents !== total) throw new Error(`built ${documents} of ${total}`);
  return { documents, raw, gzip, tombstone };
}

export async function runStoreSalesFeed(): Promise<SuiteResult> {
  const result = emptyResult();
  const products = generateFrenchCatalog();
  const server = await throughTheServer(products);
  const full = fullWindow(products);
  const mb = (n: number) => round(n / 1_000_000, 1);
  const perSale = (n: number, docs: number) => Math.round(n / docs);
  result.metrics.push(
    { name: 'returns.store_sales_feed_10tills_30d.bytes', value: full.raw, unit: 'bytes' },
    { name: 'returns.store_sales_feed_10tills_30d.gzip_bytes', value: full.gzip, unit: 'bytes' },
    { name: 'returns.store_sales_feed_10tills_30d.documents', value: full.documents, unit: 'documents' },
    {
      name: 'returns.store_sales_feed.server_bytes_per_sale',
      value: perSale(server.raw, server.documents),
      unit: 'bytes',
    },
  );
  result.notes.push(
    `full window: ${full.documents} documents in ${Math.ceil(full.documents / FEED.pageSize)} pulls of ${FEED.pageSize}: ${mb(full.raw)} MB raw (${perSale(full.raw, full.documents)} B/sale), ${mb(full.gzip)} MB gzip (${perSale(full.gzip, full.documents)} B/sale)`,
    `through the server (${server.documents} sales of ${FEED.tills} tills pushed, pulled by an 11th till): ${perSale(server.raw, server.documents)} B/sale raw, ${perSale(server.gzip, server.documents)} B/sale gzip`,
    `steady state per store-day: ${FEED.tills * FEED.salesPerTillPerDay} new documents (~${mb(FEED.tills * FEED.salesPerTillPerDay * perSale(full.raw, full.documents))} MB raw) and as many tombstones of ${full.tombstone} B`,
  );
  return result;
}
