import { z } from 'zod';
import type { PosBridge } from '../core/bridge/pos-bridge';
import { cartSchema } from '../core/cart';
import { moneyRecordSchema } from '../core/money/money-record';
import { isSettled, tenderSchema } from '../core/sale';
import { saleLinksShape } from '../core/sale/sale-links';
import type { StaffMember } from '../core/staff/staff-member';
import { findJournalHead } from '../data/journal-writer';
import {
  readOpenSaleDocument,
  setAsideOpenSaleDocument,
  writeOpenSaleDocument,
} from '../data/open-sale-document';
import type { TillDatabase } from '../data/till-database';
import { t } from '../i18n/i18n';
import type { SaleKeeper, SaleState, SaleStore } from './sale-store';

// The open sale survives a reload or a crash of the renderer: its lines, the
// tenders taken (cash kept on the basket too), the card payment in progress
// and the cashier's session, in a local document of the till's database
// (open-sale-document.ts). PINs are never stored: only the staff id and times.
//
// Session rule: after a reload the cashier stays signed in only if the till
// was used within SESSION_IDLE_MS, the sign-in is younger than SESSION_MAX_MS,
// the clock did not go back, and the staff member is still active on this
// till. Otherwise the PIN is asked again and the sale goes on with whoever
// signs in: its money is never dropped.
//
// A card payment that was running is never sent again: once a cashier is
// signed in and the hardware host answers, the till asks the host's payment
// journal (payment.recover), which waits for a payment still on the terminal.

export const SESSION_IDLE_MS = 15 * 60_000;
export const SESSION_MAX_MS = 12 * 60 * 60_000;
/** Journal entries looked at to tell whether a settled payment was already journaled. */
const RECENT_ENTRIES = 20;

const savedSaleSchema = z.object({
  version: z.literal(1),
  session: z
    .object({
      staffId: z.string().min(1).max(64),
      signedInAt: z.iso.datetime({ offset: true }),
      lastActivityAt: z.iso.datetime({ offset: true }),
    })
    .nullable(),
  cart: cartSchema,
  startedAt: z.iso.datetime({ offset: true }).nullable(),
  /** Absent in sales kept before sales had an id from their first line. */
  saleId: z.string().min(1).max(64).nullable().optional(),
  payment: z
    .object({
      due: moneyRecordSchema,
      cashIncrementMinor: z.number().int().positive(),
      tenders: z.array(tenderSchema),
    })
    .nullable(),
  kept: z.array(tenderSchema),
  /** The card payment id sent (or about to be sent) to the terminal. */
  card: z.object({ paymentId: z.string().min(1).max(64) }).nullable(),
  cardSlips: z.array(z.array(z.string())),
  /** A kiosk order being paid, vouchers on the basket (absent in documents saved before them). */
  links: z.strictObject(saleLinksShape).optional(),
});
export type SavedSale = z.infer<typeof savedSaleSchema>;

/** What is stored for `state`; `lastActivityAt` moves only when the sale or session changed. */
export function savedSaleOf(state: SaleState, lastActivityAt: string): SavedSale {
  return {
    version: 1,
    session:
      state.staff && state.signedInAt
        ? { staffId: state.staff.id, signedInAt: state.signedInAt, lastActivityAt }
        : null,
    cart: state.cart,
    startedAt: state.startedAt ?? null,
    saleId: state.saleId ?? null,
    payment: state.payment
      ? {
          due: state.payment.due,
          cashIncrementMinor: state.payment.cashIncrementMinor,
          tenders: [...state.payment.tenders],
        }
      : null,
    kept: [...state.kept],
    card: state.card ? { paymentId: state.card.paymentId } : null,
    cardSlips: state.cardSlips.map((slip) => [...slip]),
    links: state.links,
  } as SavedSale;
}

/** Whether the saved session may go on without a PIN at `nowMs`. */
export function sessionStillOpen(session: NonNullable<SavedSale['session']>, nowMs: number): boolean {
  const last = Date.parse(session.lastActivityAt);
  const signedIn = Date.parse(session.signedInAt);
  return nowMs >= last && nowMs - last <= SESSION_IDLE_MS && nowMs - signedIn <= SESSION_MAX_MS;
}

/** Writes the open sale after every change, one write at a time, the latest state last. */
export function createOpenSaleKeeper(db: TillDatabase, now: () => number = Date.now): SaleKeeper {
  let queue: Promise<unknown> = Promise.resolve();
  let lastContent = '';
  let lastActivityAt = new Date(now()).toISOString();
  return {
    save(state) {
      const content = JSON.stringify(savedSaleOf(state, ''));
      if (content === lastContent) return queue.then(() => undefined);
      lastContent = content;
      lastActivityAt = new Date(now()).toISOString();
      const saved = savedSaleOf(state, lastActivityAt);
      const write = queue.then(() => writeOpenSaleDocument(db, saved));
      queue = write.catch(() => undefined);
      return write;
    },
  };
}

/**
 * Finds the sale this till had open, puts it back into `sale`, then keeps it
 * stored on every change. Returns the unsubscribe.
 */
export async function restoreOpenSale(
  sale: SaleStore,
  keeper: SaleKeeper,
  db: TillDatabase,
  bridge: PosBridge | undefined,
  now: () => number = Date.now,
): Promise<() => void> {
  const stored = await readOpenSaleDocument(db);
  const parsed = savedSaleSchema.safeParse(stored);
  if (stored !== undefined && !parsed.success) await setAsideOpenSaleDocument(db, stored);
  const pending = parsed.success ? await putBack(sale, parsed.data, db, now()) : undefined;
  const stopSaving = sale.store.subscribe((state) => void keeper.save(state));
  const stopRecovering = pending ? recoverWhenReady(sale, bridge, pending) : () => undefined;
  return () => {
    stopSaving();
    stopRecovering();
  };
}

/** Puts the saved sale back; says what is left to settle: a card to recover, or a paid sale to journal. */
async function putBack(
  sale: SaleStore,
  saved: SavedSale,
  db: TillDatabase,
  nowMs: number,
): Promise<'card' | 'settled' | undefined> {
  const staff =
    saved.session && sessionStillOpen(saved.session, nowMs)
      ? await activeStaff(db, saved.session.staffId)
      : undefined;
  let payment = saved.payment;
  // Settled, then the renderer stopped: if its sale is in the journal it is done.
  if (
    payment &&
    !saved.card &&
    isSettled(payment) &&
    (await journaled(
      db,
      payment.tenders.map((t) => t.tenderId),
    ))
  )
    payment = null;
  const done = saved.payment !== null && payment === null;
  sale.restore({
    staff,
    signedInAt: staff ? saved.session?.signedInAt : undefined,
    cart: done ? { ...saved.cart, lines: [] } : saved.cart,
    startedAt: done ? undefined : (saved.startedAt ?? undefined),
    saleId: done ? undefined : (saved.saleId ?? undefined),
    payment: payment ?? undefined,
    kept: saved.kept,
    cardSlips: saved.cardSlips,
    links: done ? {} : (saved.links ?? {}),
    card: saved.card
      ? {
          paymentId: saved.card.paymentId,
          phase: 'outcome-unknown',
          message: t('openSale.cardInterrupted'),
        }
      : undefined,
  });
  if (saved.card) return 'card';
  return payment && isSettled(payment) ? 'settled' : undefined;
}

async function activeStaff(db: TillDatabase, staffId: string): Promise<SaleState['staff']> {
  const member = (await db.staff.findOne(staffId).exec())?.toMutableJSON() as StaffMember | undefined;
  return member?.active ? { id: member.id, displayName: member.displayName, role: member.role } : undefined;
}

async function journaled(db: TillDatabase, tenderIds: readonly string[]): Promise<boolean> {
  const head = await findJournalHead(db);
  if (!head) return false;
  const recent = await db.journal
    .find({ selector: { sequence: { $gt: Math.max(0, head.sequence - RECENT_ENTRIES) } } })
    .exec();
  return recent.some((entry) => {
    const tenders = (entry.payload as { tenders?: { tenderId: string }[] }).tenders ?? [];
    return entry.kind === 'sale.completed' && tenders.some((t) => tenderIds.includes(t.tenderId));
  });
}

/**
 * A card payment interrupted by the reload is asked about once a cashier is
 * signed in (the sale completes in someone's name) and the host answers; a
 * settled payment not yet journaled is journaled then.
 */
function recoverWhenReady(
  sale: SaleStore,
  bridge: PosBridge | undefined,
  pending: 'card' | 'settled',
): () => void {
  let hostUp = bridge === undefined;
  let asked = false;
  const tryNow = () => {
    if (asked || !sale.store.getState().staff || !hostUp) return;
    asked = true;
    void (pending === 'card' ? sale.checkCardPayment() : sale.finishRestored());
  };
  const stopHost = bridge?.onHostConnection((connected) => {
    hostUp = connected;
    tryNow();
  });
  const stopStore = sale.store.subscribe(tryNow);
  tryNow();
  return () => {
    stopHost?.();
    stopStore();
  };
}
