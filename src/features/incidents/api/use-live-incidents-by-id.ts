import type { Incident } from '../../../domain/model.ts';
import type { LiveStore } from '../../../live/live-store.ts';
import { useLive } from '../../../live/use-live.ts';

// The store keeps one Map and mutates it, so select it with the topic's version: a new version is a
// new value for React, and a reconciliation (incident-version.ts: each row shows the newer copy, the
// page's or the live store's) runs again on every live incident update.
const selectLiveIncidents = (s: LiveStore) => ({ byId: s.incidents, version: s.version('incidents') });
const sameVersion = (a: { version: number }, b: { version: number }) => a.version === b.version;

/** The live store's incidents by id, a new value per live incident update. */
export function useLiveIncidentsById(): { byId: ReadonlyMap<string, Incident>; version: number } {
  return useLive('incidents', selectLiveIncidents, sameVersion);
}
