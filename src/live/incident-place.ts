// Where an incident is, in words people recognise: collectivité, site, equipment and probe names
// from the estate index. Names are data from the engine: render them as text only.
import type { Incident } from '../domain/model.ts';
import type { EstateIndex } from '../domain/estate-index.ts';

export interface IncidentPlace {
  collectivite: string;
  site: string;
  equipment: string;
  probe: string;
}

/** Falls back to ids when the estate has not arrived yet (or no longer holds the object). */
export function incidentPlace(index: EstateIndex, incident: Pick<Incident, 'collectiviteId' | 'siteId' | 'probeId'>): IncidentPlace {
  const probe = index.probes.get(incident.probeId);
  const equipment = probe ? index.equipment.get(probe.equipmentId) : undefined;
  return {
    collectivite: index.collectivites.get(incident.collectiviteId)?.name ?? incident.collectiviteId,
    site: index.sites.get(incident.siteId)?.name ?? incident.siteId,
    equipment: equipment?.name ?? '',
    probe: probe?.name ?? incident.probeId,
  };
}
