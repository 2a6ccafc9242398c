import { describe, expect, it } from 'vitest';
import { unwrap } from '../cart/test-builders';
import { receiptToPlainText } from './plain-text';
import { buildSaleReceipt } from './sale-receipt';
import { aReceiptContext, TSHIRT, theWorkedSale } from './test-builders';

// The worked sale (see theWorkedSale), written out in full at 42 columns.
// Figures checked by hand:
//   T-shirts 2 × 12,90 = 25,80, second at −50 %: −6,45; Comté 0,456 kg × 24,90
//   = 11,3544 → 11,35; newspaper 3,50. Total 25,80 − 6,45 + 11,35 + 3,50 = 34,20.
//   Paid 10,00 card + 30,00 cash − 5,80 change = 34,20.
//   VAT per rate (docs/tax-rounding.md): 20 % on 19,35 → 3,225 → 3,23, net 16,12;
//   5,5 % on 11,35 → 0,5917 → 0,59, net 10,76; 2,1 % on 3,50 → 0,0720 → 0,07,
//   net 3,43. Totals 30,31 + 3,89 = 34,20.
// Every line carries its VAT code (A 20 %, B 5,5 %, C 2,1 %: highest rate
// first) and its quantity × unit price; the T-shirt is flagged for the legal
// guarantee. The NF525 block follows the receipt number.

describe('sale receipt, whole text', () => {
  it('fr-FR, 42 columns, for an ISO-8859-15 printer', () => {
    const receipt = unwrap(
      buildSaleReceipt(theWorkedSale(), aReceiptContext({ legalGuaranteeProductIds: [TSHIRT.id] })),
    );
    expect(receiptToPlainText(receipt, 42, { charset: 'iso-8859-15' })).toBe(
      [
        '              Maison Lenoir',
        '           12 rue des Archives',
        '               75004 Paris',
        '           Tél. 01 42 72 00 00',
        '         SIRET 123 456 782 00010',
        '           N° TVA FR32123456789',
        '------------------------------------------',
        '09/10/2025 10:14                 Caisse 03',
        'Caissier : Camille',
        '------------------------------------------',
        'T-shirt coton bio                25,80 € A',
        '  2 x 12,90 €',
        '  Garantie légale de conformité : 2 ans',
        '  2e T-shirt à -50 %               -6,45 €',
        'Comté 18 mois                    11,35 € B',
        '  0,456 kg x 24,90 €/kg',
        'Quotidien Le Monde                3,50 € C',
        '  1 x 3,50 €',
        '------------------------------------------',
        'TOTAL TTC                          34,20 €',
        'Carte bancaire                     10,00 €',
        '  CB ************4242',
        'Espèces                            30,00 €',
        'Rendu                               5,80 €',
        '------------------------------------------',
        'Taux             HT        TVA         TTC',
        'A 20 %        16,12       3,23       19,35',
        'B 5,5 %       10,76       0,59       11,35',
        'C 2,1 %        3,43       0,07        3,50',
        'Total         30,31       3,89       34,20',
        '------------------------------------------',
        "Nombre d'articles                        4",
        'Vous avez économisé                 6,45 €',
        '------------------------------------------',
        '        Ticket n° PAR01-03-000123',
        '          POS1:R:PAR01-03-000123',
        '       Logiciel : Store Till 0.1.0',
        '     Empreinte : 3f9a 2c4d 5e6f 7a8b',
        '',
        '  Échange ou remboursement sous 30 jours',
        '      sur présentation de ce ticket.',
        "  L'équipe vous remercie... à bientôt !",
      ].join('\n'),
    );
  });

  it('en-GB, 42 columns, a reprint for a Windows-1252 printer', () => {
    const context = aReceiptContext({
      locale: 'en-GB',
      duplicate: true,
      reprintCount: 2,
      cashierName: null,
      footerLines: ['Exchange or refund within 30 days', 'with this receipt.', 'Thank you – see you soon!'],
    });
    const receipt = unwrap(buildSaleReceipt(theWorkedSale(), context));
    expect(receiptToPlainText(receipt, 42, { charset: 'windows-1252' })).toBe(
      [
        '              Maison Lenoir',
        '           12 rue des Archives',
        '               75004 Paris',
        '           Tél. 01 42 72 00 00',
        '         SIRET 123 456 782 00010',
        '          VAT no. FR32123456789',
        '             DUPLICATE no. 2',
        '------------------------------------------',
        '09/10/2025 10:14                   Till 03',
        'Cashier: cashier-7',
        '------------------------------------------',
        'T-shirt coton bio                 €25.80 A',
        '  2 x €12.90',
        '  2e T-shirt à -50 %                -€6.45',
        'Comté 18 mois                     €11.35 B',
        '  0.456 kg x €24.90/kg',
        'Quotidien Le Monde                 €3.50 C',
        '  1 x €3.50',
        '------------------------------------------',
        'TOTAL                               €34.20',
        'Card                                €10.00',
        '  CB ************4242',
        'Cash                                €30.00',
        'Change                               €5.80',
        '------------------------------------------',
        'Rate            Net        VAT       Gross',
        'A 20%         16.12       3.23       19.35',
        'B 5.5%        10.76       0.59       11.35',
        'C 2.1%         3.43       0.07        3.50',
        'Total         30.31       3.89       34.20',
        '------------------------------------------',
        'Items                                    4',
        'You saved                            €6.45',
        '------------------------------------------',
        '       Receipt no. PAR01-03-000123',
        '          POS1:R:PAR01-03-000123',
        '        Software: Store Till 0.1.0',
        '     Fingerprint: 3f9a 2c4d 5e6f 7a8b',
        '',
        '    Exchange or refund within 30 days',
        '            with this receipt.',
        // Windows-1252 has the en dash (0x96), so it stays.
        '        Thank you – see you soon!',
        '             DUPLICATE no. 2',
      ].join('\n'),
    );
  });
});
