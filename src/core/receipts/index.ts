// Public surface of receipts: build a document from a sale or a return, then
// render it (receiptToPlainText here; ESC/POS in hardware/, HTML in the UI).
export { type PlainTextOptions, receiptToPlainText } from './plain-text';
export {
  isPrintable,
  PRINTER_CHARSETS,
  type PrinterCharset,
  printableCharacters,
  printerCharsetSchema,
  toPrintableText,
  withoutControls,
} from './printable-text';
export {
  type ReceiptContext,
  type ReceiptError,
  type ReturnReceiptContext,
  receiptContextSchema,
  returnReceiptContextSchema,
  type StoreHeader,
  storeHeaderSchema,
} from './receipt-context';
export {
  RECEIPT_DOCUMENT_FORMAT,
  RECEIPT_LOCALES,
  type ReceiptBlock,
  type ReceiptBlockOf,
  type ReceiptDocument,
  type ReceiptLocale,
  receiptBlockSchema,
  receiptDocumentSchema,
  receiptLocaleSchema,
} from './receipt-document';
export { RECEIPT_LABELS, type ReceiptLabels } from './receipt-labels';
export { buildReturnReceipt } from './return-receipt';
export { buildSaleReceipt } from './sale-receipt';
export {
  type Align,
  alignText,
  breakAtWidth,
  fitColumns,
  textWidth,
  truncateAtWord,
  wrapText,
} from './text-layout';
export { layoutVatTable } from './vat-table-layout';
