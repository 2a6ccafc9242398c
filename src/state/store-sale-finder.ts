import { err, ok } from '../core/result';
import { findReturnableSale, type OnlineSaleLookup } from '../data/returnable-sales';
import type { TillDatabase } from '../data/till-database';
import { saleLookupErrorWords } from '../i18n/error-words';
import type { FindStoreSale } from './return-find';

/**
 * The return flow's way to the store's other tills' sales: the store sales
 * feed on this till, then the server for older ones (returnable-sales.ts);
 * a miss comes back in the cashier's words.
 */
export function storeSaleFinder(db: TillDatabase, online?: OnlineSaleLookup): FindStoreSale {
  return async ({ localOnly, ...query }) => {
    const found = await findReturnableSale(db, query, localOnly ? undefined : online);
    if (!found.ok) return err(saleLookupErrorWords(found.error));
    const { source, receiptNumber, alreadyReturned, alreadyRefunded } = found.value;
    return ok({ source, receiptNumber, alreadyReturned, alreadyRefunded });
  };
}
