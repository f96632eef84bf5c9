// The maintenance windows a report covers: those that ran during the period in its scope (read
// from storage, so months back too), which probes each covers for availability, and the list the
// report shows with each window's covered hours inside the period (convention: maintenance time is
// out of the 96 %, and the collectivité sees which work it was).
import type { Period } from '../../src/domain/availability.ts';
import type { CoveredHours } from '../../src/domain/covered-hours.ts';
import type { EstateIndex } from '../../src/domain/estate-index.ts';
import { coversProbe, effectiveEnd, type MaintenanceWindow } from '../../src/domain/maintenance.ts';
import type { ReportedWindow } from '../../src/protocol/rest.ts';
import type { Storage } from '../ports.ts';

/** Windows of `collectiviteId` (all when undefined) that covered some of the period. */
export async function windowsOfPeriod(storage: Pick<Storage, 'maintenance'>, period: Period, collectiviteId: string | undefined): Promise<MaintenanceWindow[]> {
  const windows = await storage.maintenance.loadWindows({ endsFrom: period.from });
  return windows.filter((w) => (collectiviteId === undefined || w.collectiviteId === collectiviteId) && w.start < period.to && effectiveEnd(w) > Math.max(w.start, period.from));
}

/** The windows covering each probe, for availability (src/domain/maintenance.ts withWindows). */
export function windowsByProbe(windows: readonly MaintenanceWindow[], view: EstateIndex): (probeId: string) => MaintenanceWindow[] {
  if (windows.length === 0) return () => [];
  return (probeId) => {
    const ref = view.probeRef(probeId);
    const equipmentId = view.probes.get(probeId)?.equipmentId;
    if (!ref || equipmentId === undefined) return [];
    return windows.filter((w) => coversProbe(w, { ...ref, equipmentId }));
  };
}

export function reportedWindows(windows: readonly MaintenanceWindow[], period: Period, hours: CoveredHours): ReportedWindow[] {
  return windows.map((w) => {
    const end = effectiveEnd(w);
    const from = Math.max(w.start, period.from);
    const to = Math.min(end, period.to);
    return { id: w.id, collectiviteId: w.collectiviteId, start: w.start, end, nature: w.nature, source: w.source, coveredSeconds: to > from ? Math.round(hours.coveredMs(from, to) / 1000) : 0 };
  });
}
