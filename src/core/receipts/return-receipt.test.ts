import { describe, expect, it } from 'vitest';
import { eur, idSequence, unwrap } from '../cart/test-builders';
import type { CompletedReturn } from '../returns/completed-return';
import { createReturn } from '../returns/create-return';
import { exchangeAccountOf } from '../returns/exchange-account';
import { keepForExchange } from '../returns/exchange-credit';
import type { RefundPolicy } from '../returns/refund-policy';
import { returnableSourceFromSale } from '../returns/returnable-source';
import { anOnlineOrder, returnDetails, returning, WRONG_SIZE } from '../returns/test-builders';
import { receiptToPlainText } from './plain-text';
import { buildReturnReceipt } from './return-receipt';
import { aReceiptContext, theWorkedSale } from './test-builders';

const ORIGINAL_TENDERS: RefundPolicy = {
  type: 'original-tenders',
  voucherPortionTo: 'cash',
  storeCreditAccountId: null,
};

/**
 * Against the worked sale: one of the two T-shirts (wrong size) and the
 * newspaper (bought twice by mistake). The T-shirt line paid 19,35 for two,
 * split 9,68 + 9,67: the first unit back is 9,68. Total 13,18, unwound card
 * first (10,00), then cash (3,18). VAT: 20 % of 9,68 → 1,613 → 1,61, net 8,07;
 * 2,1 % of 3,50 → 0,07, net 3,43; totals 11,50 + 1,68 = 13,18.
 */
function aReturnOfTheWorkedSale(): CompletedReturn {
  const ids = idSequence(1_760_300_000_000);
  const source = returnableSourceFromSale(theWorkedSale());
  const [tshirts, , newspaper] = source.lines;
  return unwrap(
    createReturn({
      details: returnDetails(ids()),
      source,
      previousReturns: [],
      lines: [
        returning(tshirts?.lineId ?? '', 1, WRONG_SIZE),
        returning(newspaper?.lineId ?? '', 1, { code: 'other', note: 'Acheté en double\npar erreur' }, false),
      ],
      policy: ORIGINAL_TENDERS,
    }),
  );
}

describe('buildReturnReceipt', () => {
  it('fr-FR, 32 columns: the whole refund receipt', () => {
    const context = {
      ...aReceiptContext({ receiptNumber: 'PAR01-03-000131', logoAssetId: null }),
      originalReceiptNumber: 'PAR01-03-000123',
    };
    const receipt = unwrap(buildReturnReceipt(aReturnOfTheWorkedSale(), context));
    expect(receipt).toMatchObject({ kind: 'return', receiptNumber: 'PAR01-03-000131' });
    expect(receiptToPlainText(receipt, 32, { charset: 'iso-8859-15' })).toBe(
      [
        '         Maison Lenoir',
        '      12 rue des Archives',
        '          75004 Paris',
        '      Tél. 01 42 72 00 00',
        '    SIRET 123 456 782 00010',
        '      N° TVA FR32123456789',
        '--------------------------------',
        '         REMBOURSEMENT',
        '12/10/2025 16:00       Caisse 03',
        'Caissier : Camille',
        "Vente d'origine  PAR01-03-000123",
        '--------------------------------',
        'T-shirt coton bio       9,68 € A',
        '  Qté 1 - Mauvaise taille',
        'Quotidien Le Monde      3,50 € B',
        '  Qté 1 - Acheté en double par',
        '  erreur',
        '--------------------------------',
        'TOTAL REMBOURSÉ          13,18 €',
        'Remboursé sur carte      10,00 €',
        'Remboursé en espèces      3,18 €',
        '--------------------------------',
        'Taux           HT    TVA     TTC',
        'A 20 %       8,07   1,61    9,68',
        'B 2,1 %      3,43   0,07    3,50',
        'Total       11,50   1,68   13,18',
        '--------------------------------',
        "Nombre d'articles              2",
        '--------------------------------',
        '   Ticket n° PAR01-03-000131',
        '     POS1:R:PAR01-03-000131',
        '  Logiciel : Store Till 0.1.0',
        'Empreinte : 3f9a 2c4d 5e6f 7a8b',
        '',
        'Échange ou remboursement sous 30',
        '             jours',
        ' sur présentation de ce ticket.',
        "  L'équipe vous remercie... à",
        '           bientôt !',
      ].join('\n'),
    );
  });

  it('names the sale by its id when the original receipt number is not known', () => {
    const record = aReturnOfTheWorkedSale();
    const text = receiptToPlainText(
      unwrap(buildReturnReceipt(record, aReceiptContext({ receiptNumber: 'PAR01-03-000131' }))),
      42,
    );
    expect(text).toContain(`\nVente d'origine\n${record.source.id}\n`);
  });

  it('en-GB: an online order refunded on store credit', () => {
    const ids = idSequence(1_760_400_000_000);
    const record = unwrap(
      createReturn({
        details: returnDetails(ids()),
        source: anOnlineOrder(),
        previousReturns: [],
        lines: [returning('l2', 1)],
        policy: { type: 'store-credit', accountId: 'client-0042' },
      }),
    );
    const context = aReceiptContext({ locale: 'en-GB', receiptNumber: 'PAR01-03-000140', footerLines: [] });
    const text = receiptToPlainText(unwrap(buildReturnReceipt(record, context)), 42);
    expect(text).toContain(
      [
        '                  REFUND',
        '12/10/2025 16:00                   Till 03',
        'Cashier: Camille',
        'Online order                     WEB-10042',
        '------------------------------------------',
        'Ceinture cuir                     €19.90 A',
        '  Qty 1 - Changed mind',
        '------------------------------------------',
        'TOTAL REFUNDED                      €19.90',
        'Credited to store credit            €19.90',
        '  Account client-0042',
      ].join('\n'),
    );
  });

  it('an exchange: the part that paid the new articles shows as such, with no credit note or account', () => {
    const record = unwrap(
      keepForExchange(
        aReturnOfTheWorkedSale(),
        eur(500),
        exchangeAccountOf('0199e0c0-0000-7000-8000-000000000001'),
      ),
    );
    const text = receiptToPlainText(
      unwrap(buildReturnReceipt(record, aReceiptContext({ receiptNumber: 'PAR01-03-000131' }))),
      42,
    );
    expect(text).toContain(
      [
        'TOTAL REMBOURSÉ                    13,18 €',
        'Remboursé sur carte                 8,18 €',
        'Pour les articles échangés          1,82 €',
        'Pour les articles échangés          3,18 €',
      ].join('\n'),
    );
    expect(text).not.toMatch(/exchange|Compte|avoir/);
  });

  it('refuses a receipt number of another store', () => {
    const result = buildReturnReceipt(
      aReturnOfTheWorkedSale(),
      aReceiptContext({ receiptNumber: 'LYO02-03-000131' }),
    );
    expect(result.ok ? null : result.error.code).toBe('receipt-number-of-another-till');
  });
});
