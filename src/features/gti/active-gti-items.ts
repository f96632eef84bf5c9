// The incidents whose GTI clock matters now (open, acknowledged or under intervention), with names.
import type { Incident } from '../../domain/model.ts';
import { isActive } from '../../domain/incident-rules.ts';
import type { EstateIndex } from '../../live/estate-index.ts';
import { incidentPlace } from '../../live/incident-place.ts';
import type { OpenGtiItem } from './components/open-gti-list.tsx';

export function activeGtiItems(incidents: readonly Incident[], index: EstateIndex, collectiviteId?: string): OpenGtiItem[] {
  return incidents
    .filter((i) => isActive(i) && (collectiviteId === undefined || i.collectiviteId === collectiviteId))
    .map((incident) => ({ incident, place: incidentPlace(index, incident) }));
}
