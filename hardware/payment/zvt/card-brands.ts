// The card brand a receipt and the sale record show, from what the terminal
// reports: BMP 8B (the card's name as the terminal prints it) when it has a
// usable one, else BMP 8A, the ZVT card-type id (the specification's "List of
// ZVT card-type IDs"; the ids below as in Portalum/Portalum.Zvt BmpParser.cs).
// Brand names are proper names, the same in French and English.

const BY_ZVT_CARD_TYPE: ReadonlyMap<number, string> = new Map([
  [2, 'girocard'], // formerly "ec-card"
  [5, 'girocard'],
  [6, 'Mastercard'],
  [8, 'American Express'],
  [10, 'Visa'],
  [11, 'Visa Electron'],
  [12, 'Diners Club'],
  [13, 'V PAY'],
  [14, 'JCB'],
  [30, 'Geldkarte'],
  [46, 'Maestro'],
  [87, 'Bancontact'],
  [97, 'Alipay'],
  [196, 'Dankort'],
  [197, 'Visa/Dankort'],
  [198, 'UnionPay'],
  [232, 'Discover'],
]);

// Names terminals send in capitals, written as the brands write them.
const BY_NAME: ReadonlyMap<string, string> = new Map([
  ['CB', 'CB'],
  ['CARTE BANCAIRE', 'CB'],
  ['CARTES BANCAIRES', 'CB'],
  ['VISA', 'Visa'],
  ['VISA ELECTRON', 'Visa Electron'],
  ['MASTERCARD', 'Mastercard'],
  ['DEBIT MASTERCARD', 'Debit Mastercard'],
  ['MAESTRO', 'Maestro'],
  ['AMEX', 'American Express'],
  ['AMERICAN EXPRESS', 'American Express'],
  ['GIROCARD', 'girocard'],
  ['V PAY', 'V PAY'],
  ['VPAY', 'V PAY'],
  ['JCB', 'JCB'],
  ['DINERS', 'Diners Club'],
  ['UNIONPAY', 'UnionPay'],
]);

/** "Visa", "CB", "Debit Mastercard"…, or undefined when the terminal said nothing usable. */
export function cardBrandOf(cardType: number | undefined, cardName: string | undefined): string | undefined {
  const name = cardName?.replace(/\s+/g, ' ').trim();
  if (name) {
    const known = BY_NAME.get(name.toUpperCase());
    if (known) return known;
    if (/^[\p{L}\p{N}][\p{L}\p{N} &/.+-]{0,31}$/u.test(name)) return name;
  }
  return cardType === undefined ? undefined : BY_ZVT_CARD_TYPE.get(cardType);
}
