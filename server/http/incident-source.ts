// Incidents for a query: stored history merged with the live state, which is fresher (storage is
// written in batches), so a just-acknowledged incident never shows its older stored version.
import { ownsRow } from '../../src/domain/incident-cause.ts';
import { isActive } from '../../src/domain/incident-rules.ts';
import type { Incident } from '../../src/domain/model.ts';
import type { Period } from '../../src/domain/availability.ts';
import type { IncidentQuery, Storage, SupervisionState } from '../ports.ts';

export interface IncidentFilter {
  collectiviteId?: string | undefined;
  siteId?: string | undefined;
  activeOnly?: boolean;
  /** Resolved or closed only (a référent's history). */
  endedOnly?: boolean;
  status?: Incident['status'] | undefined;
  period?: Period | undefined;
  /** The incidents attached to this cause incident. */
  causeId?: string | undefined;
  /** One row per cause: incidents attached to a cause in the list are left out (incident-cause.ts). */
  topLevel?: boolean;
}

function matches(incident: Incident, filter: IncidentFilter): boolean {
  if (filter.collectiviteId !== undefined && incident.collectiviteId !== filter.collectiviteId) return false;
  if (filter.siteId !== undefined && incident.siteId !== filter.siteId) return false;
  if (filter.activeOnly && !isActive(incident)) return false;
  if (filter.endedOnly && isActive(incident)) return false;
  if (filter.status !== undefined && incident.status !== filter.status) return false;
  if (filter.causeId !== undefined && incident.cause?.incidentId !== filter.causeId) return false;
  if (filter.topLevel && !ownsRow(incident, filter.collectiviteId)) return false;
  if (filter.period) {
    const end = incident.resolvedAt ?? incident.closedAt;
    if (incident.openedAt >= filter.period.to || (end !== undefined && end < filter.period.from)) return false;
  }
  return true;
}

const newestFirst = (a: Incident, b: Incident) => b.openedAt - a.openedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

function storageQuery(filter: IncidentFilter): IncidentQuery {
  return {
    ...(filter.collectiviteId !== undefined && { collectiviteId: filter.collectiviteId }),
    ...(filter.siteId !== undefined && { siteId: filter.siteId }),
    ...(filter.activeOnly && { activeOnly: true }),
    ...(filter.endedOnly && { endedOnly: true }),
    ...(filter.status !== undefined && { status: filter.status }),
    ...(filter.period && { from: filter.period.from, to: filter.period.to }),
    ...(filter.causeId !== undefined && { causeId: filter.causeId }),
    ...(filter.topLevel && { topLevel: true }),
  };
}

/** Every matching incident, newest first (reports and exports of one period). */
export async function findIncidents(storage: Storage, state: SupervisionState, filter: IncidentFilter): Promise<Incident[]> {
  const stored = await storage.loadIncidents(storageQuery(filter));
  // Filtered again: a storage without countIncidents may honour only part of the query.
  const byId = new Map(stored.filter((i) => matches(i, filter)).map((i) => [i.id, i]));
  for (const live of state.incidents()) {
    if (matches(live, filter)) byId.set(live.id, live);
    else byId.delete(live.id); // the live version moved out of the filter (e.g. resolved)
  }
  return [...byId.values()].sort(newestFirst);
}

export interface IncidentPage {
  items: Incident[];
  total: number;
}

/**
 * One page, paginated by the database when it can (countIncidents), so a long history is never
 * loaded whole. Live incidents (fresher than storage, which is written in batches) are merged in
 * exactly: storage is asked for the others, over a window wide enough for the live ones to shift.
 */
export async function pageIncidents(storage: Storage, state: SupervisionState, filter: IncidentFilter, page: number, pageSize: number): Promise<IncidentPage> {
  const start = (page - 1) * pageSize;
  const end = start + pageSize;
  if (!storage.countIncidents) {
    const all = await findIncidents(storage, state, filter);
    return { items: all.slice(start, end), total: all.length };
  }
  const liveAll = [...state.incidents()];
  const live = liveAll.filter((i) => matches(i, filter)).sort(newestFirst);
  const query: IncidentQuery = { ...storageQuery(filter), excludeIds: liveAll.map((i) => i.id) };
  // A stored row at index k lands at k + (live ones before it), so rows [start - |live|, end) suffice.
  const from = Math.max(0, start - live.length);
  const [storedTotal, window] = await Promise.all([storage.countIncidents(query), storage.loadIncidents({ ...query, offset: from, limit: end - from })]);
  const placed: Array<{ at: number; incident: Incident }> = [];
  window.forEach((stored, j) => placed.push({ at: from + j + live.filter((l) => newestFirst(l, stored) < 0).length, incident: stored }));
  live.forEach((incident, index) => {
    const after = window.findIndex((stored) => newestFirst(incident, stored) < 0);
    // Before the window (which starts past row 0): its position is below `start`, off this page.
    if (after === 0 && from > 0) return;
    const storedBefore = after >= 0 ? from + after : window.length === end - from ? Infinity : from + window.length;
    placed.push({ at: storedBefore + index, incident });
  });
  const items = placed.filter((p) => p.at >= start && p.at < end).sort((a, b) => a.at - b.at).map((p) => p.incident);
  return { items, total: storedTotal + live.length };
}

/** One incident by id: live state first, else stored history. */
export async function findIncident(storage: Storage, state: SupervisionState, id: string): Promise<Incident | undefined> {
  const live = state.incident(id);
  if (live) return live;
  if (storage.loadIncident) return storage.loadIncident(id);
  return (await storage.loadIncidents({})).find((i) => i.id === id);
}

/**
 * How many incidents matching `filter` each of `items` holds as their cause (a cause row's "+N"):
 * counted by the database per cause when it can, live ones (fresher) counted from memory.
 */
export async function countAttached(storage: Storage, state: SupervisionState, filter: IncidentFilter, items: readonly Incident[]): Promise<Record<string, number>> {
  const causes = items.filter((i) => !i.cause?.incidentId);
  const counts: Record<string, number> = {};
  if (causes.length === 0) return counts;
  const liveAll = [...state.incidents()];
  await Promise.all(
    causes.map(async (cause) => {
      const byCause = { ...filter, causeId: cause.id };
      let n = liveAll.filter((i) => matches(i, byCause)).length;
      if (storage.countIncidents) n += await storage.countIncidents({ ...storageQuery(byCause), excludeIds: liveAll.map((i) => i.id) });
      else n = (await findIncidents(storage, state, byCause)).length;
      if (n > 0) counts[cause.id] = n;
    }),
  );
  return counts;
}
