import { z } from 'zod';
import { createStore } from 'zustand/vanilla';
import { activeLines, cartSchema, priceCart, unitsOf } from '../core/cart';
import { moneyRecordSchema } from '../core/money/money-record';
import { readParkedSalesDocument, writeParkedSalesDocument } from '../data/parked-sales-document';
import type { TillDatabase } from '../data/till-database';
import { t } from '../i18n/i18n';
import { newId } from './ids';
import { parkedLines, resumedLines } from './sale-display';
import { holdsMoney, type SaleStore } from './sale-store';

// Park the open sale (the customer forgot something) and ring up the next
// one; resume it later on the same till, after a restart too. A parked sale
// holds its basket only: a sale with money on it (cash kept, a card charged)
// cannot be parked, because that money belongs to the sale in the drawer.

export const parkedSaleSchema = z.object({
  id: z.string().min(1).max(64),
  parkedAt: z.iso.datetime({ offset: true }),
  staffId: z.string().min(1).max(64),
  staffName: z.string().max(200),
  cart: cartSchema,
  startedAt: z.iso.datetime({ offset: true }).nullable(),
  saleId: z.string().min(1).max(64).nullable(),
  /** Pieces, and one per weighed or labelled item. */
  itemCount: z.number().int().min(0),
  total: moneyRecordSchema,
});
export type ParkedSale = z.infer<typeof parkedSaleSchema>;

export interface ParkedSalesState {
  /** Oldest first. */
  readonly parked: readonly ParkedSale[];
  readonly loaded: boolean;
}

export function createParkedSales(db: TillDatabase, sale: SaleStore, now: () => Date = () => new Date()) {
  const store = createStore<ParkedSalesState>()(() => ({ parked: [], loaded: false }));
  let queue: Promise<unknown> = Promise.resolve();
  /** One change of the stored list at a time, the screen's list following it. */
  const change = <T>(step: (parked: readonly ParkedSale[]) => Promise<T>): Promise<T> => {
    const run = queue.then(() => step(store.getState().parked));
    queue = run.catch(() => undefined);
    return run;
  };
  const save = async (parked: readonly ParkedSale[]) => {
    await writeParkedSalesDocument(db, parked);
    store.setState({ parked });
  };

  return {
    store,

    /** Reads the parked sales kept on this till; an entry this version cannot read is left out. */
    load(): Promise<void> {
      return change(async () => {
        const stored = await readParkedSalesDocument(db);
        const parked = stored.flatMap((value) => {
          const parsed = parkedSaleSchema.safeParse(value);
          return parsed.success ? [parsed.data] : [];
        });
        store.setState({ parked, loaded: true });
      });
    },

    /** Parks the open sale and leaves an empty basket; says why when it cannot. */
    park(): Promise<boolean> {
      return change(async (parked) => {
        const state = sale.store.getState();
        if (!state.staff) return false;
        if (holdsMoney(state)) {
          sale.tell(t('saleEdit.parked.moneyTaken'));
          return false;
        }
        if (state.payment) {
          sale.tell(t('saleEdit.parked.paying'));
          return false;
        }
        const lines = activeLines(state.cart);
        if (lines.length === 0 || (state.completed && state.cart.lines.length === 0)) {
          sale.tell(t('saleEdit.parked.empty'));
          return false;
        }
        const entry: ParkedSale = parkedSaleSchema.parse({
          id: newId(),
          parkedAt: now().toISOString(),
          staffId: state.staff.id,
          staffName: state.staff.displayName,
          cart: state.cart,
          startedAt: state.startedAt ?? null,
          saleId: state.saleId ?? null,
          itemCount: lines.reduce((n, l) => n + unitsOf(l.measure), 0),
          total: priceCart(state.cart).totals.total,
        });
        // Stored first: a crash after this leaves the sale parked (and maybe still open), never lost.
        await save([...parked, entry]);
        const swapped = sale.swapBasket(
          { cart: await sale.freshCart(), startedAt: undefined, saleId: undefined },
          state.cart,
        );
        if (!swapped) {
          await save(parked);
          sale.tell(t('saleEdit.parked.changed'));
          return false;
        }
        sale.show(parkedLines());
        return true;
      });
    },

    /** Puts a parked sale back as the open sale; the basket must be empty first. */
    resume(id: string): Promise<boolean> {
      return change(async (parked) => {
        const entry = parked.find((p) => p.id === id);
        const state = sale.store.getState();
        if (!entry || !state.staff) return false;
        const open = state.completed ? [] : activeLines(state.cart);
        if (open.length > 0 || holdsMoney(state) || state.payment) {
          sale.tell(t('saleEdit.parked.basketNotEmpty'));
          return false;
        }
        const swapped = sale.swapBasket({
          cart: entry.cart,
          startedAt: entry.startedAt ?? undefined,
          saleId: entry.saleId ?? undefined,
        });
        if (!swapped) {
          sale.tell(t('saleEdit.parked.basketNotEmpty'));
          return false;
        }
        await save(parked.filter((p) => p.id !== id));
        sale.show(resumedLines(entry.cart));
        return true;
      });
    },
  };
}

export type ParkedSales = ReturnType<typeof createParkedSales>;
