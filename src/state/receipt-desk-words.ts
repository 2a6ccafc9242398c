// The words of the receipt question and of the digital receipt on the
// cashier screen, French (default) and English, until src/i18n takes them.

export interface ReceiptDeskWords {
  readonly question: string;
  readonly paper: string;
  readonly qr: string;
  readonly none: string;
  readonly declined: string;
  readonly printLater: string;
  readonly duplicate: (alreadyPrinted: number) => string;
  readonly qrAlt: string;
  readonly qrCaption: string;
  readonly exceptions: Readonly<
    Record<'legal-guarantee' | 'card-refund' | 'card-cancelled' | 'collection-ticket', string>
  >;
  readonly duplicateNotJournalled: string;
  readonly noSettingsYet: string;
  /** The pole display (2 x 20) while the QR code is on screen. */
  readonly displayScanQr: { readonly upper: string; readonly lower: string };
}

export const RECEIPT_DESK_WORDS: Readonly<Record<'fr-FR' | 'en-GB', ReceiptDeskWords>> = {
  'fr-FR': {
    question: 'Ticket ?',
    paper: 'Papier',
    qr: 'QR code',
    none: 'Non',
    declined: 'Pas de ticket papier.',
    printLater: 'Imprimer le ticket',
    duplicate: (n) => `Imprimer un duplicata${n > 0 ? ` (déjà ${n})` : ''}`,
    qrAlt: 'QR code du ticket numérique',
    qrCaption: 'Scannez pour ouvrir votre ticket (disponible dans un instant).',
    exceptions: {
      'legal-guarantee': 'Ticket imprimé d’office : il porte la garantie légale de conformité',
      'card-refund': 'Ticket imprimé d’office : remboursement par carte',
      'card-cancelled': 'Ticket imprimé d’office : paiement carte annulé',
      'collection-ticket': 'Ticket imprimé d’office : nécessaire au retrait',
    },
    duplicateNotJournalled: 'Duplicata non enregistré au journal : rien n’a été imprimé',
    noSettingsYet: 'Paramètres du magasin pas encore reçus : ticket non émis',
    displayScanQr: { upper: 'Ticket : scannez QR', lower: 'ou demandez papier' },
  },
  'en-GB': {
    question: 'Receipt?',
    paper: 'Paper',
    qr: 'QR code',
    none: 'No',
    declined: 'No paper receipt.',
    printLater: 'Print the receipt',
    duplicate: (n) => `Print a duplicate${n > 0 ? ` (${n} so far)` : ''}`,
    qrAlt: 'QR code of the digital receipt',
    qrCaption: 'Scan to open your receipt (available in a moment).',
    exceptions: {
      'legal-guarantee': 'Receipt printed by law: it carries the legal guarantee of conformity',
      'card-refund': 'Receipt printed by law: card refund',
      'card-cancelled': 'Receipt printed by law: cancelled card payment',
      'collection-ticket': 'Receipt printed by law: needed to collect the goods',
    },
    duplicateNotJournalled: 'Duplicate not recorded in the journal: nothing was printed',
    noSettingsYet: 'Store settings not received yet: no receipt issued',
    displayScanQr: { upper: 'Receipt: scan the QR', lower: 'or ask for paper' },
  },
};
