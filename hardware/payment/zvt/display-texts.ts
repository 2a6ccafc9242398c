// What the terminal shows the customer (ZVT intermediate status, 04 FF), in
// the cashier's words: the till's progress line during a card payment. French
// is the till's language; English is kept beside it. Codes as listed in the
// specification's intermediate-status table.
type Words = { readonly fr: string; readonly en: string };

const TEXTS: ReadonlyMap<number, Words> = new Map([
  [0x00, { fr: 'Confirmation du montant sur le terminal', en: 'Confirm the amount on the terminal' }],
  [0x01, { fr: 'Le client saisit son code', en: 'Customer is entering the PIN' }],
  [0x02, { fr: 'Le client saisit son code', en: 'Customer is entering the PIN' }],
  [0x03, { fr: 'Carte non acceptée', en: 'Card not accepted' }],
  [0x04, { fr: 'Autorisation en cours…', en: 'Waiting for authorisation…' }],
  [0x05, { fr: 'Le terminal contacte la banque…', en: 'Terminal is contacting the bank…' }],
  [0x06, { fr: 'Le terminal contacte la banque…', en: 'Terminal is contacting the bank…' }],
  [0x07, { fr: 'Carte non acceptée', en: 'Card not accepted' }],
  [0x08, { fr: 'Carte inconnue', en: 'Card unknown' }],
  [0x09, { fr: 'Carte expirée', en: 'Card expired' }],
  [0x0a, { fr: 'Insérez ou présentez la carte', en: 'Insert or tap the card' }],
  [0x0b, { fr: 'Retirez la carte', en: 'Remove the card' }],
  [0x0c, { fr: 'Carte illisible', en: 'Card not readable' }],
  [0x0d, { fr: 'Erreur de traitement sur le terminal', en: 'Processing error on the terminal' }],
  [0x0e, { fr: 'Veuillez patienter…', en: 'Please wait…' }],
  [0x0f, { fr: 'Clôture automatique en cours…', en: 'Automatic end of day…' }],
  [0x10, { fr: 'Carte invalide', en: 'Invalid card' }],
  [0x15, { fr: 'Code erroné', en: 'Incorrect PIN' }],
  [0x17, { fr: 'Veuillez patienter…', en: 'Please wait…' }],
  [0x18, { fr: 'Nombre d’essais du code dépassé', en: 'PIN try limit exceeded' }],
  [0x1c, { fr: 'Paiement accepté', en: 'Payment approved' }],
  [0x1d, { fr: 'Paiement refusé', en: 'Payment declined' }],
]);

const OTHER: Words = { fr: 'Paiement en cours sur le terminal…', en: 'Payment in progress on the terminal…' };

/** The words for an intermediate status code; never the code itself. */
export function displayText(code: number, language: 'fr' | 'en' = 'fr'): string {
  return (TEXTS.get(code) ?? OTHER)[language];
}

// Why the terminal did not approve (result code, BMP 27 / 06 1E), in words.
const RESULTS: ReadonlyMap<number, Words> = new Map([
  [0x64, { fr: 'carte illisible', en: 'card not readable' }],
  [0x65, { fr: 'données de la carte absentes', en: 'card data missing' }],
  [0x66, { fr: 'erreur de traitement', en: 'processing error' }],
  [0x6c, { fr: 'annulé sur le terminal', en: 'aborted on the terminal' }],
  [0x6e, { fr: 'carte en opposition', en: 'card blocked' }],
  [0x6f, { fr: 'devise non acceptée', en: 'currency not accepted' }],
  [0x71, { fr: 'solde insuffisant', en: 'insufficient funds' }],
  [0x78, { fr: 'carte expirée', en: 'card expired' }],
  [0x79, { fr: 'carte pas encore valide', en: 'card not yet valid' }],
  [0x7a, { fr: 'carte inconnue', en: 'card unknown' }],
  [0x7d, { fr: 'erreur de communication avec la banque', en: 'communication error with the bank' }],
  [0x83, { fr: 'opération impossible sur ce terminal', en: 'not possible on this terminal' }],
  [0xc3, { fr: 'montant maximum dépassé', en: 'maximum amount exceeded' }],
  [0xc5, { fr: 'moyen de paiement non accepté', en: 'payment method not accepted' }],
]);
// 0x01-0x63 come from the card issuer's authorisation system.
const BY_BANK: Words = { fr: 'refusé par la banque', en: 'declined by the bank' };
const BY_TERMINAL: Words = { fr: 'refusé par le terminal', en: 'declined by the terminal' };

/** Why a card payment was not approved, from its ZVT result code; never the code itself. */
export function declineReason(resultCode: number, language: 'fr' | 'en' = 'fr'): string {
  const words = RESULTS.get(resultCode) ?? (resultCode >= 0x01 && resultCode <= 0x63 ? BY_BANK : BY_TERMINAL);
  return words[language];
}
