import { encodeReceiptCode } from '../barcodes';
import type { VatTable } from '../sale/vat-table';
import { withoutControls } from './printable-text';
import type { ResolvedReceiptContext } from './receipt-context';
import type { ReceiptBlock, ReceiptBlockOf, ReceiptLocale } from './receipt-document';
import { formatPercent, formatSiret, formatTableAmount, formatWallClock } from './receipt-format';
import type { ReceiptLabels } from './receipt-labels';
import { type VatCodes, vatCodeOf } from './vat-codes';

// The parts a sale receipt and a refund receipt share: store header, the
// date/till/cashier lines, the VAT table and the receipt number with its QR
// code, footer and cut. Plus small constructors so the builders read as the
// receipt they produce.

type TextOptions = Partial<Pick<ReceiptBlockOf<'text'>, 'align' | 'bold' | 'size'>>;
type ColumnsOptions = Partial<Pick<ReceiptBlockOf<'columns'>, 'indent' | 'bold' | 'size'>>;

export const text = (content: string, options: TextOptions = {}): ReceiptBlockOf<'text'> => ({
  type: 'text',
  text: content,
  align: options.align ?? 'left',
  bold: options.bold ?? false,
  size: options.size ?? 'normal',
});

export const columns = (
  left: string,
  right: string,
  options: ColumnsOptions = {},
): ReceiptBlockOf<'columns'> => ({
  type: 'columns',
  left,
  right,
  indent: options.indent ?? 0,
  bold: options.bold ?? false,
  size: options.size ?? 'normal',
});

export const rule = (): ReceiptBlockOf<'rule'> => ({ type: 'rule' });
const logo = (assetId: string): ReceiptBlockOf<'logo'> => ({ type: 'logo', assetId });
const feed = (lines: number): ReceiptBlockOf<'feed'> => ({ type: 'feed', lines });
const cut = (): ReceiptBlockOf<'cut'> => ({ type: 'cut' });
const qrCode = (data: string): ReceiptBlockOf<'barcode'> => ({ type: 'barcode', symbology: 'qr', data });

/** Detail lines under an item (quantity × price, promotion, discount) sit two cells in. */
export const DETAIL_INDENT = 2;

/** "DUPLICATA n° 2": the banner of a reprint, with its count as the journal holds it. */
const duplicateBanner = (context: ResolvedReceiptContext, labels: ReceiptLabels): ReceiptBlock =>
  text(context.reprintCount === null ? labels.duplicate : labels.duplicateCount(context.reprintCount), {
    align: 'center',
    bold: true,
    size: 'double',
  });

/** How many hex digits of the entry's hash a receipt prints. */
export const FINGERPRINT_HEX_DIGITS = 16;

/** The first digits of the hash, in groups of four so they can be read out. */
export function fingerprintExcerpt(hash: string): string {
  return (hash.slice(0, FINGERPRINT_HEX_DIGITS).match(/.{1,4}/g) ?? []).join(' ');
}

/** Logo, store name, address, SIRET and VAT number, then DUPLICATA on a reprint. */
export function headerBlocks(context: ResolvedReceiptContext, labels: ReceiptLabels): ReceiptBlock[] {
  const { store } = context;
  return [
    ...(context.logoAssetId === null ? [] : [logo(context.logoAssetId)]),
    text(store.name, { align: 'center', bold: true, size: 'double-height' }),
    ...store.addressLines.map((line) => text(line, { align: 'center' })),
    text(`${labels.siret} ${formatSiret(store.siret)}`, { align: 'center' }),
    ...(store.vatNumber === null
      ? []
      : [text(`${labels.vatNumber} ${store.vatNumber}`, { align: 'center' })]),
    ...(context.duplicate ? [duplicateBanner(context, labels)] : []),
  ];
}

/** "09/10/2025 10:14   Caisse 03" and the cashier. */
export function whenAndWhoBlocks(
  at: string,
  tillCode: string,
  staffId: string,
  context: ResolvedReceiptContext,
  labels: ReceiptLabels,
): ReceiptBlock[] {
  const { date, time } = formatWallClock(at, context.locale);
  return [
    columns(`${date} ${time}`, labels.till(tillCode)),
    text(labels.cashier(context.cashierName ?? staffId)),
  ];
}

/**
 * The record's own VAT table, row for row: its figures already add up to the
 * total to the cent. Each rate carries its VAT code ("A 20 %"), the letter
 * printed beside the lines taxed at it.
 */
export function vatTableBlock(
  vat: VatTable,
  codes: VatCodes,
  locale: ReceiptLocale,
  labels: ReceiptLabels,
): ReceiptBlock {
  const amounts = (split: VatTable['total']) => ({
    net: formatTableAmount(split.net, locale),
    vat: formatTableAmount(split.vat, locale),
    gross: formatTableAmount(split.gross, locale),
  });
  return {
    type: 'vat-table',
    headings: labels.vatHeadings,
    rows: vat.rates.map((rate) => ({
      rateLabel: `${vatCodeOf(codes, rate.rateBps)} ${formatPercent(rate.rateBps, locale)}`,
      ...amounts(rate),
    })),
    total: { rateLabel: labels.vatTotal, ...amounts(vat.total) },
  };
}

/**
 * Each card slip on its own piece of paper after the till receipt: the
 * terminal's lines as it laid them out, controls removed so none reaches the
 * printer as a command. A payment the terminal gave no lines for prints nothing.
 */
export function terminalSlipBlocks(slips: readonly (readonly string[])[]): ReceiptBlock[] {
  return slips
    .filter((lines) => lines.length > 0)
    .flatMap((lines) => [
      ...lines.map(
        (line): ReceiptBlockOf<'preformatted'> => ({
          type: 'preformatted',
          text: withoutControls(line),
        }),
      ),
      cut(),
    ]);
}

/**
 * The NF525 block: the software and its version, and an excerpt of the hash
 * of the journal entry that sealed the record, so a receipt can be matched
 * to its entry in an audit. A reprint's count is in the DUPLICATA banner.
 */
export function nf525Blocks(context: ResolvedReceiptContext, labels: ReceiptLabels): ReceiptBlock[] {
  return [
    text(labels.software(context.software.name, context.software.version), { align: 'center' }),
    text(labels.fingerprint(fingerprintExcerpt(context.entryHash)), { align: 'center' }),
  ];
}

/** Receipt number and its QR code, the NF525 block, footer, DUPLICATA again on a reprint, cut. */
export function trailerBlocks(context: ResolvedReceiptContext, labels: ReceiptLabels): ReceiptBlock[] {
  const code = encodeReceiptCode(context.receiptNumber);
  return [
    text(labels.receiptNumber(context.receiptNumber), { align: 'center', bold: true }),
    // The context schema has checked the number, so the code always encodes; the guard keeps types honest.
    ...(code.ok ? [qrCode(code.value)] : []),
    ...nf525Blocks(context, labels),
    ...(context.footerLines.length > 0 ? [feed(1)] : []),
    ...context.footerLines.map((line) => text(line, { align: 'center' })),
    ...(context.duplicate ? [duplicateBanner(context, labels)] : []),
    cut(),
  ];
}
