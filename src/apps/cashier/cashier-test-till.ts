import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { createTillDatabase, type TillDatabase } from '../../data/till-database';
import { CASHIER, memoryTillServices, YAOURT } from '../../state/sale-test-till';
import type { TillServices } from '../../state/till-services';
import { tillToasts } from '../../ui/kit/toast-store';
import { type CashierFlows, createCashierFlows } from './use-cashier-flows';

/** For tests: the cashier screen's real flows over a till in memory, with one product, the cashier signed in. */
export async function openCashierTill(name: string): Promise<{ db: TillDatabase; flows: CashierFlows }> {
  const db = await createTillDatabase(`${name}-${Math.random()}`, getRxStorageMemory());
  await db.catalog.put([YAOURT]);
  await db.staff.insert(CASHIER);
  const services = { ...memoryTillServices(db), searchProducts: async () => [] } as unknown as TillServices;
  const flows = createCashierFlows(services);
  await flows.sale.signIn('1234');
  return { db, flows };
}

export async function closeCashierTill(db: TillDatabase): Promise<void> {
  tillToasts.clear();
  await db.close();
}
