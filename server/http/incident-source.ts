// Incidents for a query: stored history merged with the live state, which is fresher (storage is
// written in batches), so a just-acknowledged incident never shows its older stored version.
import { isActive } from '../../src/domain/incident-rules.ts';
import type { Incident } from '../../src/domain/model.ts';
import type { Period } from '../../src/domain/availability.ts';
import type { Storage, SupervisionState } from '../ports.ts';

export interface IncidentFilter {
  collectiviteId?: string | undefined;
  activeOnly?: boolean;
  period?: Period | undefined;
}

function matches(incident: Incident, filter: IncidentFilter): boolean {
  if (filter.collectiviteId !== undefined && incident.collectiviteId !== filter.collectiviteId) return false;
  if (filter.activeOnly && !isActive(incident)) return false;
  if (filter.period) {
    const end = incident.resolvedAt ?? incident.closedAt;
    if (incident.openedAt >= filter.period.to || (end !== undefined && end < filter.period.from)) return false;
  }
  return true;
}

export async function findIncidents(storage: Storage, state: SupervisionState, filter: IncidentFilter): Promise<Incident[]> {
  const stored = await storage.loadIncidents({
    ...(filter.collectiviteId !== undefined && { collectiviteId: filter.collectiviteId }),
    ...(filter.activeOnly && { activeOnly: true }),
    ...(filter.period && { from: filter.period.from, to: filter.period.to }),
  });
  const byId = new Map(stored.map((i) => [i.id, i]));
  for (const live of state.incidents()) {
    if (matches(live, filter)) byId.set(live.id, live);
    else byId.delete(live.id); // the live version moved out of the filter (e.g. resolved)
  }
  return [...byId.values()].sort((a, b) => b.openedAt - a.openedAt || (a.id < b.id ? -1 : 1));
}

/** One incident by id: live state first, else stored history. */
export async function findIncident(storage: Storage, state: SupervisionState, id: string): Promise<Incident | undefined> {
  const live = state.incident(id);
  if (live) return live;
  if (storage.loadIncident) return storage.loadIncident(id);
  return (await storage.loadIncidents({})).find((i) => i.id === id);
}
