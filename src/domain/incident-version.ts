// Which copy of an incident is the newer one. The gateway's reducer bumps `version` on every change
// (incidents.ts), so the copies a client holds — pushed by the live stream, read in a REST page —
// are reconciled by one rule, as Excalidraw reconciles elements by version: the higher one wins.
import type { Incident } from './model.ts';

/**
 * The copy to keep of one incident: the higher version; on a tie `incoming`, the copy just
 * received (the gateway says the same thing twice, or replaced a change storage refused).
 */
export function reconcileIncident(held: Incident | undefined, incoming: Incident): Incident {
  return held !== undefined && held.version > incoming.version ? held : incoming;
}

/** A page of incidents, each replaced by the copy held elsewhere (the live store) when that one is newer. */
export function reconcileIncidents(page: readonly Incident[], held: ReadonlyMap<string, Incident>): Incident[] {
  return page.map((incident) => {
    const other = held.get(incident.id);
    return other === undefined ? incident : reconcileIncident(incident, other);
  });
}

/**
 * An incident as stored, versioned: rows written before versions existed get the version the
 * reducer would have given them — it then opened with two timeline entries at version 1 ('opened'
 * and an unconditional 'notified', removed since alarms exist) and added one entry per change.
 */
export function withVersion(stored: Omit<Incident, 'version'> & { version?: number }): Incident {
  if (typeof stored.version === 'number' && Number.isSafeInteger(stored.version) && stored.version > 0) return stored as Incident;
  return { ...stored, version: Math.max(1, stored.timeline.length - 1) };
}
