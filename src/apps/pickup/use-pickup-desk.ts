import { useEffect, useState } from 'react';
import { createPickupDeskStore } from '../../state/pickup-desk-store';
import { createPickupHandoverStore } from '../../state/pickup-handover-store';
import { createPickupListStore } from '../../state/pickup-list-store';
import { createPickupPrepareStore } from '../../state/pickup-prepare-store';
import { createPickupRefusalLog } from '../../state/pickup-refusal-log';
import { pickupTillPort } from '../../state/pickup-till-port';
import { createSignInStore } from '../../state/sign-in-store';
import type { TillServices } from '../../state/till-services';

/** Every flow of the pickup desk, made once over the till's services and wired together here. */
export function createPickupDesk(services: TillServices) {
  const port = pickupTillPort(services);
  const list = createPickupListStore(port);
  const refusals = createPickupRefusalLog(() => port.now());
  const prepare = createPickupPrepareStore(port);
  const handover = createPickupHandoverStore({ port, refusals });
  const desk = createPickupDeskStore({ port, list, refusals, prepare, handover });
  const signIn = createSignInStore(services, desk.signInAs);
  return { port, list, refusals, prepare, handover, desk, signIn };
}
export type PickupDesk = ReturnType<typeof createPickupDesk>;

export function usePickupDesk(services: TillServices): PickupDesk {
  const [desk] = useState(() => createPickupDesk(services));
  useEffect(() => desk.list.start(), [desk]);
  return desk;
}
