// The hook between maintenance windows (#14) and the alarm channels (#15): each window change on
// the supervision bus becomes a notice for the alarm service, which announces a window once (again
// when rescheduled), notices its start, and never starts a cancelled one (maintenance-alarms.ts).
import type { MaintenanceNotice } from '../../src/domain/alarm-events.ts';
import type { EstateIndex } from '../../src/domain/estate-index.ts';
import type { MaintenanceChange } from '../maintenance/maintenance-book.ts';

/** The notice for one window change, or undefined for changes people are not told about. */
export function noticeFor(change: MaintenanceChange, index: EstateIndex): MaintenanceNotice | undefined {
  const { window, kind } = change;
  // "ended" (stopped early) and "finished" are not announced; "started" is noticed by the timer.
  if (kind === 'ended' || kind === 'finished' || kind === 'started') return undefined;
  const sites = [...new Set([...window.siteIds, ...window.equipmentIds.map((id) => index.equipment.get(id)?.siteId ?? ''), ...window.probeIds.map((id) => index.siteOfProbe.get(id) ?? '')])]
    .filter(Boolean)
    .map((id) => index.sites.get(id)?.name ?? id);
  return {
    collectiviteId: window.collectiviteId,
    windowId: window.id,
    start: window.start,
    end: window.end,
    nature: window.nature,
    sites,
    ...(kind === 'cancelled' && { cancelled: true }),
  };
}
