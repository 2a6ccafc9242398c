import { createStore } from 'zustand/vanilla';
import type { StoreSaleIncident } from '../core/returns/store-sale';
import type { StaffRole } from '../core/staff/staff-member';

// Double returns seen by the till (a line of one sale returned on two tills
// while offline): the server records an incident when the second return
// arrives and brings it back on the sale in the store's feed. This store
// lists them for the supervisor or manager signed in, until one marks them seen.

export interface ReturnIncident {
  readonly incidentId: number;
  readonly saleId: string;
  readonly receiptNumber: string;
  readonly soldAt: string;
  readonly recordedAt: string;
  readonly lines: StoreSaleIncident['lines'];
  readonly returns: StoreSaleIncident['returns'];
}

export interface ReturnIncidentsState {
  /** Every incident on the feed's sales, newest first. */
  readonly incidents: readonly ReturnIncident[];
  /** Incident ids marked as seen on this till. */
  readonly seen: readonly number[];
}

/** What the store needs from the data layer (src/data/return-incidents.ts over the till's database). */
export interface ReturnIncidentServices {
  watchFlaggedSales(
    listener: (
      sales: readonly {
        saleId: string;
        receiptNumber: string;
        soldAt: string;
        incidents: readonly StoreSaleIncident[];
      }[],
    ) => void,
  ): () => void;
  readSeenIncidents(): Promise<number[]>;
  markIncidentsSeen(ids: readonly number[]): Promise<void>;
}

export const createReturnIncidentsStore = () =>
  createStore<ReturnIncidentsState>()(() => ({ incidents: [], seen: [] }));
export type ReturnIncidentsStore = ReturnType<typeof createReturnIncidentsStore>;

/** Keeps the store in step with the feed; returns the function that stops it. */
export function startReturnIncidents(
  store: ReturnIncidentsStore,
  services: ReturnIncidentServices,
): () => void {
  void services.readSeenIncidents().then((seen) => store.setState({ seen }));
  return services.watchFlaggedSales((sales) => {
    const incidents = sales
      .flatMap((sale) =>
        sale.incidents.map((incident) => ({
          incidentId: incident.incidentId,
          saleId: sale.saleId,
          receiptNumber: sale.receiptNumber,
          soldAt: sale.soldAt,
          recordedAt: incident.recordedAt,
          lines: incident.lines,
          returns: incident.returns,
        })),
      )
      .sort((a, b) => Date.parse(b.recordedAt) - Date.parse(a.recordedAt) || b.incidentId - a.incidentId);
    store.setState({ incidents });
  });
}

/** Who is shown double returns: the people who can act on them. */
export const SEES_RETURN_INCIDENTS: readonly StaffRole[] = ['supervisor', 'manager'];

/** The incidents to show `role` now: none to a cashier, the ones not yet marked seen to a supervisor or manager. */
export function incidentsToShow(state: ReturnIncidentsState, role: StaffRole | undefined): ReturnIncident[] {
  if (!role || !SEES_RETURN_INCIDENTS.includes(role)) return [];
  const seen = new Set(state.seen);
  return state.incidents.filter((incident) => !seen.has(incident.incidentId));
}

/** Marks an incident as seen on this till (the back office still has it). */
export async function markIncidentSeen(
  store: ReturnIncidentsStore,
  services: Pick<ReturnIncidentServices, 'markIncidentsSeen'>,
  incidentId: number,
): Promise<void> {
  store.setState((state) => ({ seen: [...new Set([...state.seen, incidentId])] }));
  await services.markIncidentsSeen([incidentId]);
}
