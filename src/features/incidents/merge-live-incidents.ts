// The REST page says which incidents match the filters; the live stream knows their latest state.
// Showing the live version keeps a row's status and history current between refetches.
import type { Incident } from '../../domain/model.ts';

export function mergeLiveIncidents(page: readonly Incident[], live: ReadonlyMap<string, Incident>): Incident[] {
  return page.map((incident) => {
    const fresher = live.get(incident.id);
    return fresher && fresher.timeline.length >= incident.timeline.length ? fresher : incident;
  });
}
