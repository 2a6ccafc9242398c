import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { productSchema } from '../../../src/core/catalog/product';
import type { JournalEntryOf } from '../../../src/core/journal/journal-entry';
import { journalEntrySchema, receiptNumberOf } from '../../../src/core/journal/journal-entry';
import {
  buildReturnReceipt,
  buildSaleReceipt,
  type ReceiptDocument,
  type ReceiptError,
  type ReceiptLocale,
  receiptToPlainText,
} from '../../../src/core/receipts';
import { DIGITAL_RECEIPT_PREFIX, parseDigitalReceiptToken } from '../../../src/core/receipts/digital-receipt';
import type { Result } from '../../../src/core/result';
import {
  storeSettingsId,
  storeSettingsSchema,
  storeSiretOf,
} from '../../../src/core/settings/store-settings';
import { staffMemberSchema } from '../../../src/core/staff/staff-member';
import type { Database } from '../db/database';

// The customer's digital receipt: the QR code the till shows after a sale
// opens this page. The address carries the sale entry's id and the first 128
// bits of its hash (src/core/receipts/digital-receipt.ts), so only the holder
// of the code can open it. A sale's receipt and a return's receipt (with the
// number of the sale it returns against) are both shown. Until the till's push has brought the entry, and
// for any code that does not match an entry, the page says "not yet
// available, try again in a moment" (404, Retry-After), which also tells a
// prober nothing. French by default; English with ?lang=en or an English
// Accept-Language. The receipt itself is the core's, as printed.

const RETRY_SECONDS = 10;

const WORDS = {
  'fr-FR': {
    lang: 'fr',
    title: 'Votre ticket',
    pendingTitle: 'Ticket pas encore disponible',
    pending:
      'Votre ticket n’est pas encore arrivé sur notre serveur. Réessayez dans un instant : cette page se recharge toute seule.',
    retry: 'Réessayer',
    configTitle: 'Ticket indisponible',
    config: 'Ce ticket ne peut pas être affiché pour le moment. Demandez un ticket papier en caisse.',
  },
  'en-GB': {
    lang: 'en',
    title: 'Your receipt',
    pendingTitle: 'Receipt not available yet',
    pending:
      'Your receipt has not reached our server yet. Try again in a moment: this page reloads by itself.',
    retry: 'Try again',
    configTitle: 'Receipt unavailable',
    config: 'This receipt cannot be shown right now. Ask for a paper receipt at the till.',
  },
} as const;

function localeOf(request: FastifyRequest<{ Querystring: { lang?: string } }>): ReceiptLocale {
  const lang = request.query.lang;
  if (lang === 'en') return 'en-GB';
  if (lang === 'fr') return 'fr-FR';
  const accepted = String(request.headers['accept-language'] ?? '')
    .split(',')[0]
    ?.trim()
    .toLowerCase();
  return accepted?.startsWith('en') ? 'en-GB' : 'fr-FR';
}

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch] ?? ch,
  );

function page(locale: ReceiptLocale, title: string, body: string, refresh = false): string {
  return `<!doctype html>
<html lang="${WORDS[locale].lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
${refresh ? `<meta http-equiv="refresh" content="${RETRY_SECONDS}">` : ''}
<title>${escapeHtml(title)}</title>
<style>
body{font-family:system-ui,sans-serif;margin:0;padding:1rem .5rem;background:#f3f4f6;color:#111827}
main{max-width:32rem;margin:0 auto;background:#fff;padding:1rem;border-radius:8px;box-shadow:0 1px 4px rgb(0 0 0/15%)}
h1{font-size:1.25rem;margin-top:0}
pre{font-size:clamp(8px,2.75vw,13px);line-height:1.35;overflow-x:auto;background:#fffef5;border:1px dashed #d1d5db;padding:.5rem;margin:0}
a.button{display:inline-block;padding:.6rem 1rem;background:#1d4ed8;color:#fff;border-radius:6px;text-decoration:none}
</style>
</head>
<body><main><h1>${escapeHtml(title)}</h1>${body}</main></body>
</html>`;
}

function sendPage(reply: FastifyReply, status: number, html: string): FastifyReply {
  return reply
    .code(status)
    .header('content-type', 'text/html; charset=utf-8')
    .header('cache-control', 'no-store')
    .header('referrer-policy', 'no-referrer')
    .header('x-robots-tag', 'noindex')
    .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'")
    .send(html);
}

function notYet(reply: FastifyReply, locale: ReceiptLocale, path: string): FastifyReply {
  const words = WORDS[locale];
  reply.header('retry-after', String(RETRY_SECONDS));
  return sendPage(
    reply,
    404,
    page(
      locale,
      words.pendingTitle,
      `<p data-state="pending">${escapeHtml(words.pending)}</p><p><a class="button" href="${escapeHtml(path)}">${escapeHtml(words.retry)}</a></p>`,
      true,
    ),
  );
}

async function docOf(db: Database, collection: string, id: string): Promise<unknown> {
  const found = await db.query<{ doc: unknown }>(
    'SELECT doc FROM sync_documents WHERE collection = $1 AND id = $2 AND NOT deleted',
    [collection, id],
  );
  return found.rows[0]?.doc;
}

export async function digitalReceiptRoutes(app: FastifyInstance, options: { db: Database }): Promise<void> {
  const { db } = options;
  app.get<{ Params: { token: string }; Querystring: { lang?: string } }>(
    `${DIGITAL_RECEIPT_PREFIX}:token`,
    async (request, reply) => {
      const locale = localeOf(request);
      const path = `${DIGITAL_RECEIPT_PREFIX}${encodeURIComponent(request.params.token)}${
        request.query.lang ? `?lang=${encodeURIComponent(request.query.lang)}` : ''
      }`;
      const token = parseDigitalReceiptToken(request.params.token);
      if (!token) return notYet(reply, locale, path);
      const parsed = journalEntrySchema.safeParse(await docOf(db, 'journal', token.entryId));
      // Not arrived, another kind, or a key that does not match: the same answer for each.
      if (
        !parsed.success ||
        (parsed.data.kind !== 'sale.completed' && parsed.data.kind !== 'return.completed') ||
        !parsed.data.hash.startsWith(token.hashPrefix)
      )
        return notYet(reply, locale, path);
      const entry = parsed.data;
      const words = WORDS[locale];
      const rawSettings = await docOf(db, 'settings', storeSettingsId(entry.storeCode));
      const settings = storeSettingsSchema.safeParse(rawSettings);
      if (!settings.success) {
        // A configuration error (no valid SIRET...): refused, logged for the back office, never a made-up receipt.
        request.log.error(
          { storeCode: entry.storeCode, siret: rawSettings ? storeSiretOf(rawSettings as never) : null },
          'digital receipt refused: store settings invalid',
        );
        return sendPage(reply, 503, page(locale, words.configTitle, `<p>${escapeHtml(words.config)}</p>`));
      }
      const siret = storeSiretOf(settings.data);
      // The cashier's name as the till printed it; the staff id when the server no longer knows them.
      const staff = staffMemberSchema.safeParse(await docOf(db, 'staff', entry.payload.staffId));
      const vat = settings.data.legalIds
        .find((id) => id.startsWith('TVA'))
        ?.replace(/^TVA\s*/, '')
        .replace(/\s/g, '');
      const context = {
        store: {
          name: settings.data.storeName,
          addressLines: settings.data.addressLines,
          siret: siret.ok ? siret.value : '',
          vatNumber: vat && /^[A-Z]{2}[0-9A-Z]{2,13}$/.test(vat) ? vat : null,
        },
        receiptNumber: receiptNumberOf(entry) ?? '',
        entryHash: entry.hash,
        locale,
        cashierName: staff.success ? staff.data.displayName.slice(0, 64) : null,
        footerLines: settings.data.receiptFooter,
      };
      const receipt =
        entry.kind === 'sale.completed'
          ? await saleReceipt(db, entry, context)
          : await returnReceipt(db, entry, context);
      if (!receipt.ok) {
        request.log.error({ entryId: entry.id, error: receipt.error }, 'digital receipt could not be built');
        return sendPage(reply, 503, page(locale, words.configTitle, `<p>${escapeHtml(words.config)}</p>`));
      }
      const text = receiptToPlainText(receipt.value, 42);
      return sendPage(
        reply,
        200,
        page(locale, words.title, `<pre data-testid="digital-receipt">${escapeHtml(text)}</pre>`),
      );
    },
  );
}

type ReceiptBasics = Parameters<typeof buildSaleReceipt>[1];

async function saleReceipt(
  db: Database,
  entry: JournalEntryOf<'sale.completed'>,
  context: ReceiptBasics,
): Promise<Result<ReceiptDocument, ReceiptError>> {
  const productIds = [...new Set(entry.payload.lines.map((line) => line.productId))];
  const products = await db.query<{ doc: unknown }>(
    "SELECT doc FROM sync_documents WHERE collection = 'products' AND id = ANY($1::text[])",
    [productIds],
  );
  const legalGuaranteeProductIds = products.rows.flatMap((row) => {
    const product = productSchema.safeParse(row.doc);
    return product.success && product.data.legalGuarantee === true ? [product.data.id] : [];
  });
  return buildSaleReceipt(entry.payload, { ...context, legalGuaranteeProductIds });
}

/** A return's receipt names the sale returned against by its receipt number, as the till printed it. */
async function returnReceipt(
  db: Database,
  entry: JournalEntryOf<'return.completed'>,
  context: ReceiptBasics,
): Promise<Result<ReceiptDocument, ReceiptError>> {
  const { source } = entry.payload;
  const original =
    source.type === 'sale'
      ? await db.query<{ receipt_number: string }>('SELECT receipt_number FROM sales WHERE sale_id = $1', [
          source.id,
        ])
      : undefined;
  return buildReturnReceipt(entry.payload, {
    ...context,
    originalReceiptNumber: original?.rows[0]?.receipt_number ?? null,
  });
}
