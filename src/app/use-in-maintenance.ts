// Whether a declared maintenance window covers a probe right now, for the views that show probes
// (the site sheet): composed here because the map and maintenance features do not import each other.
import { useCallback } from 'react';
import { coversProbe, maintenancePhase } from '../domain/maintenance.ts';
import type { Probe } from '../domain/model.ts';
import { useMaintenances } from '../features/maintenance/api/maintenance-queries.ts';
import { useEstateIndex, useServerNow } from '../live/use-live.ts';

export function useInMaintenance(collectiviteId: string | undefined): (probe: Probe) => boolean {
  const windows = useMaintenances(collectiviteId).data?.items;
  const index = useEstateIndex();
  const now = useServerNow(30_000);
  return useCallback(
    (probe: Probe) => {
      const siteId = index.equipment.get(probe.equipmentId)?.siteId;
      const site = siteId === undefined ? undefined : index.sites.get(siteId);
      if (!site || !windows) return false;
      const ref = { probeId: probe.id, equipmentId: probe.equipmentId, siteId: site.id, collectiviteId: site.collectiviteId };
      return windows.some((w) => maintenancePhase(w, now) === 'running' && coversProbe(w, ref));
    },
    [windows, index, now],
  );
}
