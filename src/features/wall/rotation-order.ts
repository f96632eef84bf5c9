// Which collectivités the wall cycles through: those with an active incident, the most severe
// first (critical before warning), then by name so the order is stable between updates.
import type { Incident } from '../../domain/model.ts';
import { isActive } from '../../domain/incident-rules.ts';

export function rotationOrder(incidents: readonly Incident[], nameOf: (collectiviteId: string) => string): string[] {
  const critical = new Map<string, boolean>();
  for (const incident of incidents) {
    if (!isActive(incident)) continue;
    critical.set(incident.collectiviteId, (critical.get(incident.collectiviteId) ?? false) || incident.severity === 'CRITICAL');
  }
  return [...critical.keys()].sort(
    (a, b) => Number(critical.get(b)) - Number(critical.get(a)) || nameOf(a).localeCompare(nameOf(b), 'fr'),
  );
}
