// Which alarm events an incident change produces, and the names they carry. Called by the gateway
// for each incident the reducer changed, so the events can be written in the same transaction as
// the incident itself. Keys are deterministic (incident id, version, kind): the same change always
// yields the same keys, so an event written twice (a retried batch, a replayed history) is stored once.
import type { AlarmEvent, AlarmSubject, MaintenanceFacts } from './alarm-model.ts';
import type { EstateIndex } from './estate-index.ts';
import type { Incident, Instant } from './model.ts';
import { isActive } from './incident-rules.ts';
import { alarmsFollowCause } from './incident-cause.ts';

/** The names an alarm about this probe shows, from the estate (undefined parts are left out). */
export function alarmSubject(index: EstateIndex, probeId: string, output?: string): AlarmSubject | undefined {
  const probe = index.probes.get(probeId);
  const equipment = probe && index.equipment.get(probe.equipmentId);
  const site = equipment && index.sites.get(equipment.siteId);
  const collectivite = site && index.collectivites.get(site.collectiviteId);
  if (!probe || !equipment || !site || !collectivite) return undefined;
  return {
    collectivite: collectivite.name,
    site: site.name,
    equipment: equipment.name,
    probe: probe.name,
    probeKind: probe.kind,
    ...(output ? { output: output.slice(0, 300) } : {}),
  };
}

/** The instant of the change that made `next`: its newest timeline entry. */
function changedAt(next: Incident): Instant {
  return next.timeline.at(-1)?.at ?? next.openedAt;
}

/**
 * Events for one reducer change from `previous` (this probe's incident before, if any) to `next`.
 * Operator actions and deliveries produce none; a reopening that also worsens the severity is one
 * 'reopened' event at the new severity.
 */
export function incidentAlarmEvents(previous: Incident | undefined, next: Incident, subject: AlarmSubject): AlarmEvent[] {
  // A dependent attached to its cause when it opened: the cause's alarm speaks for it.
  if (alarmsFollowCause(next)) return [];
  const base = { collectiviteId: next.collectiviteId, probeId: next.probeId, incidentId: next.id, severity: next.severity, subject };
  if (!previous || previous.id !== next.id) {
    return [{ ...base, key: `${next.id}:opened`, kind: 'opened', at: next.openedAt }];
  }
  const at = changedAt(next);
  if (!isActive(previous) && isActive(next)) return [{ ...base, key: `${next.id}:v${next.version}:reopened`, kind: 'reopened', at }];
  if (isActive(previous) && next.status === 'resolved') return [{ ...base, key: `${next.id}:v${next.version}:resolved`, kind: 'resolved', at }];
  if (isActive(next) && previous.severity === 'WARNING' && next.severity === 'CRITICAL') {
    return [{ ...base, key: `${next.id}:escalated`, kind: 'escalated', at }];
  }
  return [];
}

/** A GTI clock crossing into at-risk or breached: once per incident and state, whenever seen. */
export function gtiAlarmEvent(incident: Incident, state: 'at-risk' | 'breached', at: Instant, deadline: Instant, subject: AlarmSubject): AlarmEvent {
  const kind = state === 'at-risk' ? 'gti-at-risk' : 'gti-breached';
  return {
    key: `${incident.id}:${kind}`,
    kind,
    at,
    collectiviteId: incident.collectiviteId,
    probeId: incident.probeId,
    incidentId: incident.id,
    severity: incident.severity,
    subject,
    deadline,
  };
}

/**
 * The maintenance input of the alarm service: one declared window as the maintenance feature
 * publishes it (docs/alarms.md, "Maintenance windows"). `revision` changes whenever the dates or
 * the nature change, so a rescheduled window is announced again.
 */
export interface MaintenanceNotice {
  collectiviteId: string;
  windowId: string;
  start: Instant;
  end: Instant;
  nature: string;
  /** Site names concerned; empty for the whole collectivité. */
  sites: string[];
  cancelled?: boolean;
}

function maintenanceFacts(notice: MaintenanceNotice): MaintenanceFacts {
  return { windowId: notice.windowId, start: notice.start, end: notice.end, nature: notice.nature, sites: notice.sites };
}

/** The announcement of a window, keyed by its dates so a rescheduled window is announced again. */
export function maintenanceAnnounced(notice: MaintenanceNotice, at: Instant, collectivite: string): AlarmEvent {
  return {
    key: `maintenance:${notice.windowId}:announced:${notice.start}-${notice.end}`,
    kind: 'maintenance-announced',
    at,
    collectiviteId: notice.collectiviteId,
    subject: { collectivite },
    maintenance: maintenanceFacts(notice),
  };
}

/** How late a 'starting' notice may still go out after the window began (a gateway that was down). */
export const MAINTENANCE_STARTING_GRACE_MS = 30 * 60_000;

/** The 'starting' notice of a window, due from its start until the grace has passed. */
export function maintenanceStarting(notice: MaintenanceNotice, now: Instant, collectivite: string): AlarmEvent | undefined {
  if (notice.cancelled || now < notice.start || now >= notice.end || now - notice.start > MAINTENANCE_STARTING_GRACE_MS) return undefined;
  return {
    key: `maintenance:${notice.windowId}:starting:${notice.start}`,
    kind: 'maintenance-starting',
    at: notice.start,
    collectiviteId: notice.collectiviteId,
    subject: { collectivite },
    maintenance: maintenanceFacts(notice),
  };
}
