import { useEffect, useState } from 'react';
import { flushReceiptMails, sendReceiptMail } from '../../data/receipt-mail-outbox';
import { newId } from '../../state/ids';
import { createPickupDeskStore } from '../../state/pickup-desk-store';
import { createPickupHandoverStore } from '../../state/pickup-handover-store';
import { createPickupListStore } from '../../state/pickup-list-store';
import { createPickupPaymentStore } from '../../state/pickup-payment-store';
import { pickupPaymentTillPort } from '../../state/pickup-payment-till-port';
import { createPickupPrepareStore } from '../../state/pickup-prepare-store';
import { createPickupRefusalLog } from '../../state/pickup-refusal-log';
import { returnRefusedAtPickup } from '../../state/pickup-refused-return';
import { createPickupReturnStore } from '../../state/pickup-return-store';
import { pickupTillPort } from '../../state/pickup-till-port';
import { createPinGuard } from '../../state/pin-guard';
import { createSessionLockStore } from '../../state/session-lock-store';
import { createSignInStore } from '../../state/sign-in-store';
import type { TillServices } from '../../state/till-services';
import { type Activity, useIdleLock } from '../../ui/staff/use-idle-lock';

/** Every flow of the pickup desk, made once over the till's services and wired together here. */
export function createPickupDesk(services: TillServices) {
  const port = pickupTillPort(services);
  const list = createPickupListStore(port);
  // Refusals are journaled under the person signed in at the desk.
  let staffId = (): string | null => null;
  const refusals = createPickupRefusalLog(() => port.now(), undefined, {
    journalRefusal: port.journalRefusal,
    journaledRefusals: port.journaledRefusals,
    newId: port.newId,
    staffId: () => staffId(),
  });
  const prepare = createPickupPrepareStore(port);
  const payment = createPickupPaymentStore(pickupPaymentTillPort(services));
  const handover = createPickupHandoverStore({
    port,
    refusals,
    isPaid: payment.isPaid,
    sendSlipMail: (mail) => sendReceiptMail(services.db, services.sync.request, mail),
    storeName: async () => (await services.db.settings.findOne().exec())?.toMutableJSON().storeName,
    returnRefused: (order, refused, by) =>
      returnRefusedAtPickup(
        { db: services.db, journal: services.journal, bridge: services.bridge, till: services.sync.identity },
        { order, refused, staffId: by, returnId: newId(), entryId: newId(), at: new Date().toISOString() },
      ),
  });
  const desk = createPickupDeskStore({ port, list, refusals, prepare, handover });
  staffId = () => desk.store.getState().staff?.id ?? null;
  // Wrong PINs count per person, whether typed to sign in or to unlock.
  const pinGuard = createPinGuard(services);
  const signIn = createSignInStore({ ...services, pinGuard }, desk.signInAs);
  // The desk locks by hand or after the store's idle time, as the till does: the order on screen stays
  // where it was, and only the same person (or a manager, who takes the desk over) PINs back in.
  const lock = createSessionLockStore(
    { ...services, pinGuard },
    { current: () => desk.store.getState().staff, resumeAs: (staff) => desk.resumeAs(staff) },
  );
  const restock = createPickupReturnStore(port);
  return { port, list, refusals, prepare, handover, payment, desk, signIn, lock, restock };
}
export type PickupDesk = ReturnType<typeof createPickupDesk>;

/** The desk is in use while any of its flows moves (a scan from the bridge counts, not only keys and touches). */
function deskActivity(parts: PickupDesk): Activity {
  return {
    subscribe(listener) {
      const stops = [
        parts.desk.store.subscribe(listener),
        parts.prepare.store.subscribe(listener),
        parts.handover.store.subscribe(listener),
      ];
      return () => {
        for (const stop of stops) stop();
      };
    },
  };
}

export function usePickupDesk(services: TillServices): PickupDesk {
  const [desk] = useState(() => createPickupDesk(services));
  const [activity] = useState(() => deskActivity(desk));
  useEffect(() => desk.list.start(), [desk]);
  // A desk locked before a reload stays locked.
  useEffect(() => void desk.lock.restore(), [desk]);
  useIdleLock(desk.lock, activity);
  useEffect(() => void desk.refusals.load(), [desk]);
  // Slips e-mailed while the link was down leave on the next pass (every 30 s).
  useEffect(() => {
    const pass = () => void flushReceiptMails(services.db, services.sync.request).catch(() => undefined);
    pass();
    const timer = setInterval(pass, 30_000);
    return () => clearInterval(timer);
  }, [services]);
  return desk;
}
