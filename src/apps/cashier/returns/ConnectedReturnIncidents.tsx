import { useEffect, useMemo, useState } from 'react';
import type { StaffRole } from '../../../core/staff/staff-member';
import { returnIncidentServices } from '../../../data/return-incidents';
import type { TillDatabase } from '../../../data/till-database';
import {
  createReturnIncidentsStore,
  markIncidentSeen,
  startReturnIncidents,
} from '../../../state/return-incidents';
import { ReturnIncidents } from './ReturnIncidents';

/** The double-returns banner over the till's database: mounted once in the cashier screen. */
export function ConnectedReturnIncidents({ db, role }: { db: TillDatabase; role: StaffRole | undefined }) {
  const [store] = useState(createReturnIncidentsStore);
  const services = useMemo(() => returnIncidentServices(db), [db]);
  useEffect(() => startReturnIncidents(store, services), [store, services]);
  return (
    <ReturnIncidents store={store} role={role} onSeen={(id) => void markIncidentSeen(store, services, id)} />
  );
}
