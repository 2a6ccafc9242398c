import type { ReturnReason } from '../returns/return-reason';
import type { ReceiptLocale } from './receipt-document';

// The words printed on a receipt, per locale. Apostrophes are ASCII so the
// labels print as written on any code page. French typography wants a
// no-break space before ":" and "!"; U+00A0 is in both printer code pages.

type ReasonCode = ReturnReason['code'];

export interface ReceiptLabels {
  readonly duplicate: string;
  /** "DUPLICATA n° 2": the reprint count, as journalled. */
  readonly duplicateCount: (count: number) => string;
  readonly software: (name: string, version: string) => string;
  /** The excerpt of the journal entry's hash that sealed the sale or return. */
  readonly fingerprint: (excerpt: string) => string;
  /** Under a line whose product carries the legal guarantee of conformity. */
  readonly legalGuarantee: string;
  /** "1 x 3,50 €": quantity and unit price, under every line. */
  readonly quantityTimesPrice: (quantity: string, unitPrice: string) => string;
  /** Under a line whose price was changed at the till: the price it replaced, and why. */
  readonly priceOverride: (originalPrice: string, reason: string) => string;
  readonly refundTitle: string;
  readonly siret: string;
  readonly vatNumber: string;
  readonly till: (tillCode: string) => string;
  readonly cashier: (name: string) => string;
  readonly subtotal: string;
  readonly lineDiscount: string;
  readonly basketDiscount: string;
  readonly total: string;
  readonly totalRefunded: string;
  readonly vatHeadings: {
    readonly rateLabel: string;
    readonly net: string;
    readonly vat: string;
    readonly gross: string;
  };
  readonly vatTotal: string;
  readonly cash: string;
  readonly card: string;
  readonly voucher: string;
  readonly voucherFaceValue: string;
  readonly storeCredit: string;
  /** A sale paid with the articles brought back in an exchange. */
  readonly exchangeTender: string;
  readonly account: (accountId: string) => string;
  readonly change: string;
  readonly cashRounding: string;
  readonly refundCash: string;
  readonly refundCard: string;
  readonly refundStoreCredit: string;
  /** The part of a return's refund that paid the new articles of an exchange. */
  readonly refundExchange: string;
  readonly itemCount: string;
  readonly savings: string;
  readonly receiptNumber: (receiptNumber: string) => string;
  readonly originalSale: string;
  readonly onlineOrder: string;
  readonly returnedQuantity: (quantity: number) => string;
  readonly returnReasons: Readonly<Record<ReasonCode, string>>;
}

const NBSP = '\u00A0';

const FRENCH: ReceiptLabels = {
  duplicate: 'DUPLICATA',
  duplicateCount: (count) => `DUPLICATA n° ${count}`,
  software: (name, version) => `Logiciel${NBSP}: ${name} ${version}`,
  fingerprint: (excerpt) => `Empreinte${NBSP}: ${excerpt}`,
  legalGuarantee: `Garantie légale de conformité${NBSP}: 2 ans`,
  quantityTimesPrice: (quantity, unitPrice) => `${quantity} x ${unitPrice}`,
  priceOverride: (originalPrice, reason) => `Prix modifié, au lieu de ${originalPrice} (${reason})`,
  refundTitle: 'REMBOURSEMENT',
  siret: 'SIRET',
  vatNumber: 'N° TVA',
  till: (tillCode) => `Caisse ${tillCode}`,
  cashier: (name) => `Caissier${NBSP}: ${name}`,
  subtotal: 'Sous-total',
  lineDiscount: 'Remise',
  basketDiscount: 'Remise sur le ticket',
  total: 'TOTAL TTC',
  totalRefunded: 'TOTAL REMBOURSÉ',
  vatHeadings: { rateLabel: 'Taux', net: 'HT', vat: 'TVA', gross: 'TTC' },
  vatTotal: 'Total',
  cash: 'Espèces',
  card: 'Carte bancaire',
  voucher: "Bon d'achat",
  voucherFaceValue: 'Valeur du bon',
  storeCredit: 'Avoir',
  exchangeTender: 'Articles rendus (échange)',
  account: (accountId) => `Compte ${accountId}`,
  change: 'Rendu',
  cashRounding: 'Arrondi espèces',
  refundCash: 'Remboursé en espèces',
  refundCard: 'Remboursé sur carte',
  refundStoreCredit: 'Crédité sur avoir',
  refundExchange: 'Pour les articles échangés',
  itemCount: "Nombre d'articles",
  savings: 'Vous avez économisé',
  receiptNumber: (n) => `Ticket n° ${n}`,
  originalSale: "Vente d'origine",
  onlineOrder: 'Commande en ligne',
  returnedQuantity: (quantity) => `Qté ${quantity}`,
  returnReasons: {
    damaged: 'Endommagé',
    'wrong-size': 'Mauvaise taille',
    'changed-mind': "Changement d'avis",
    defective: 'Défectueux',
    'not-as-described': 'Non conforme',
    'refused-at-pickup': 'Refusé au retrait',
    other: 'Autre',
  },
};

const BRITISH: ReceiptLabels = {
  duplicate: 'DUPLICATE',
  duplicateCount: (count) => `DUPLICATE no. ${count}`,
  software: (name, version) => `Software: ${name} ${version}`,
  fingerprint: (excerpt) => `Fingerprint: ${excerpt}`,
  legalGuarantee: 'Legal guarantee of conformity: 2 years',
  quantityTimesPrice: (quantity, unitPrice) => `${quantity} x ${unitPrice}`,
  priceOverride: (originalPrice, reason) => `Price changed, was ${originalPrice} (${reason})`,
  refundTitle: 'REFUND',
  siret: 'SIRET',
  vatNumber: 'VAT no.',
  till: (tillCode) => `Till ${tillCode}`,
  cashier: (name) => `Cashier: ${name}`,
  subtotal: 'Subtotal',
  lineDiscount: 'Discount',
  basketDiscount: 'Basket discount',
  total: 'TOTAL',
  totalRefunded: 'TOTAL REFUNDED',
  vatHeadings: { rateLabel: 'Rate', net: 'Net', vat: 'VAT', gross: 'Gross' },
  vatTotal: 'Total',
  cash: 'Cash',
  card: 'Card',
  voucher: 'Voucher',
  voucherFaceValue: 'Voucher value',
  storeCredit: 'Store credit',
  exchangeTender: 'Goods returned (exchange)',
  account: (accountId) => `Account ${accountId}`,
  change: 'Change',
  cashRounding: 'Cash rounding',
  refundCash: 'Refunded in cash',
  refundCard: 'Refunded to card',
  refundStoreCredit: 'Credited to store credit',
  refundExchange: 'Towards the exchanged goods',
  itemCount: 'Items',
  savings: 'You saved',
  receiptNumber: (n) => `Receipt no. ${n}`,
  originalSale: 'Original sale',
  onlineOrder: 'Online order',
  returnedQuantity: (quantity) => `Qty ${quantity}`,
  returnReasons: {
    damaged: 'Damaged',
    'wrong-size': 'Wrong size',
    'changed-mind': 'Changed mind',
    defective: 'Defective',
    'not-as-described': 'Not as described',
    'refused-at-pickup': 'Refused at pickup',
    other: 'Other',
  },
};

export const RECEIPT_LABELS: Readonly<Record<ReceiptLocale, ReceiptLabels>> = {
  'fr-FR': FRENCH,
  'en-GB': BRITISH,
};
