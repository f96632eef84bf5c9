// Vigie's maintenance windows as Icinga 2 downtimes, and Icinga's own downtimes as Vigie windows.
// Pure: what to schedule and remove so Icinga holds exactly Vigie's current windows, and which
// downtimes someone created in Icinga itself. The I/O is downtime-sync.ts.
//
// Decisions:
// - A Vigie window becomes fixed downtimes from its start to its (effective) end, author = who
//   declared it, comment = the nature of the work followed by the marker `[vigie:<window id>]`,
//   which is how a downtime is matched back to its window (and never mistaken for an engine one).
// - A site covers every host of the site, an equipment its host: host downtimes with all_services
//   (Icinga 2.13 creates one child service downtime per service, `parent` = the host downtime).
//   A probe is its own object: a host's own check is a host downtime without all_services, a
//   service a service downtime. Services of a host already covered are not scheduled twice.
// - Icinga downtimes cannot be edited: a window whose downtimes differ from what it should have
//   (edited dates or targets) has them all removed and scheduled again.
// - A downtime without the marker was created in Icinga: one Vigie window (source "engine") per
//   top-level downtime, its children folded in; a host downtime with children covers the
//   equipment, without children the host's own check. Downtimes of objects Vigie does not map are
//   left out. A flexible downtime is shown over the span it may run in (start to end).
import { effectiveEnd, type MaintenanceWindow } from '../../../src/domain/maintenance.ts';
import type { Instant } from '../../../src/domain/model.ts';
import type { Estate } from '../../../src/protocol/schemas.ts';
import { z } from 'zod';
import { icingaRefOf, probeIdOf } from './probe-ids.ts';

/** A downtime as read from /v1/objects/downtimes (the attributes Vigie asks for). */
export const downtimeSchema = z.object({
  name: z.string(),
  attrs: z.object({
    /** The short name (a UUID); the object's full name is `host[!service]!<name>`. */
    name: z.string(),
    host_name: z.string(),
    service_name: z.string().catch(''),
    author: z.string().catch(''),
    comment: z.string().catch(''),
    start_time: z.number(),
    end_time: z.number(),
    entry_time: z.number().catch(0),
    fixed: z.boolean().catch(true),
    /** Full name of the host downtime that created this one (all_services), '' otherwise. */
    parent: z.string().catch(''),
  }),
});
export type IcingaDowntime = z.infer<typeof downtimeSchema>;

export const DOWNTIME_ATTRS = ['name', 'host_name', 'service_name', 'author', 'comment', 'start_time', 'end_time', 'entry_time', 'fixed', 'parent'] as const;

export type DowntimeTarget = { type: 'Host'; host: string; allServices: boolean } | { type: 'Service'; host: string; service: string };

export interface ScheduleCall {
  windowId: string;
  body: Record<string, unknown>;
}

export interface DowntimePlan {
  /** Vigie window ids whose downtimes are removed (all of them, matched by marker). */
  remove: string[];
  schedule: ScheduleCall[];
}

/** The marker ends the comment; a nature that quotes one is neutralised so it can never pose as it. */
const MARKER = /\[vigie:([^\]\s]{1,128})\]\s*$/;

export function vigieMarker(windowId: string): string {
  return `[vigie:${windowId}]`;
}

/** The Vigie window a downtime was pushed for, if its comment ends with the marker. */
export function windowIdIn(comment: string): string | undefined {
  return MARKER.exec(comment)?.[1];
}

export function downtimeComment(window: MaintenanceWindow): string {
  return `${window.nature.trim().replaceAll('[vigie:', '(vigie:')} ${vigieMarker(window.id)}`;
}

/** The Icinga objects a window covers, in the estate the source mapped. */
export function downtimeTargets(window: MaintenanceWindow, estate: Estate): DowntimeTarget[] {
  const sites = new Set(window.siteIds);
  const hosts = new Set(window.equipmentIds.filter((id) => estate.equipment.some((e) => e.id === id)));
  for (const equipment of estate.equipment) if (sites.has(equipment.siteId)) hosts.add(equipment.id);
  const targets: DowntimeTarget[] = [...hosts].sort().map((host) => ({ type: 'Host', host, allServices: true }));
  const known = new Set(estate.probes.map((p) => p.id));
  for (const probeId of [...new Set(window.probeIds)].sort()) {
    const ref = icingaRefOf(probeId);
    if (!ref || !known.has(probeId) || hosts.has(ref.host)) continue;
    targets.push(ref.type === 'Host' ? { type: 'Host', host: ref.host, allServices: false } : { type: 'Service', host: ref.host, service: ref.service });
  }
  return targets;
}

/** The schedule-downtime request for one target of a window (epoch seconds, fixed). */
export function scheduleBody(window: MaintenanceWindow, target: DowntimeTarget): Record<string, unknown> {
  const common = {
    author: window.by,
    comment: downtimeComment(window),
    start_time: Math.floor(window.start / 1000),
    end_time: Math.ceil(effectiveEnd(window) / 1000),
    fixed: true,
  };
  return target.type === 'Host'
    ? { type: 'Host', host: target.host, all_services: target.allServices, ...common }
    : { type: 'Service', service: `${target.host}!${target.service}`, ...common };
}

/** What a window's downtimes look like, to compare what Icinga holds with what it should. */
function signature(start: number, end: number, keys: Iterable<string>): string {
  return `${start}-${end}:${[...keys].sort().join(',')}`;
}

function wantedSignature(window: MaintenanceWindow, targets: DowntimeTarget[], estate: Estate): string {
  const body = (t: DowntimeTarget) => scheduleBody(window, t);
  const first = targets[0] ? body(targets[0]) : { start_time: 0, end_time: 0 };
  const hasServices = (host: string) => estate.probes.some((p) => p.equipmentId === host && icingaRefOf(p.id)?.type === 'Service');
  const keys = targets.map((t) => (t.type === 'Service' ? `${t.host}!${t.service}` : t.allServices && hasServices(t.host) ? `${t.host}+` : t.host));
  return signature(first.start_time as number, first.end_time as number, keys);
}

function heldSignature(downtimes: IcingaDowntime[]): string {
  const parents = new Set(downtimes.filter((d) => d.attrs.parent).map((d) => d.attrs.parent));
  const top = downtimes.filter((d) => !d.attrs.parent);
  const keys = top.map((d) => (d.attrs.service_name ? `${d.attrs.host_name}!${d.attrs.service_name}` : parents.has(d.name) ? `${d.attrs.host_name}+` : d.attrs.host_name));
  const times = new Set(top.map((d) => `${d.attrs.start_time}-${d.attrs.end_time}`));
  if (times.size !== 1) return `mixed:${keys.join(',')}`;
  return signature(top[0]!.attrs.start_time, top[0]!.attrs.end_time, keys);
}

/**
 * What to remove and schedule so Icinga holds exactly `windows` (Vigie's upcoming and running
 * ones): downtimes already there as they should be are left alone, so pushing twice (a reconnect,
 * a gateway restart) schedules nothing twice.
 */
export function planDowntimes(windows: readonly MaintenanceWindow[], held: readonly IcingaDowntime[], estate: Estate): DowntimePlan {
  const heldByWindow = new Map<string, IcingaDowntime[]>();
  for (const downtime of held) {
    const id = windowIdIn(downtime.attrs.comment);
    if (id !== undefined) heldByWindow.set(id, [...(heldByWindow.get(id) ?? []), downtime]);
  }
  const plan: DowntimePlan = { remove: [], schedule: [] };
  const wanted = new Set<string>();
  for (const window of windows) {
    const targets = downtimeTargets(window, estate);
    if (targets.length === 0) continue;
    wanted.add(window.id);
    const mine = heldByWindow.get(window.id) ?? [];
    if (mine.length > 0 && heldSignature(mine) === wantedSignature(window, targets, estate)) continue;
    if (mine.length > 0) plan.remove.push(window.id);
    for (const target of targets) plan.schedule.push({ windowId: window.id, body: scheduleBody(window, target) });
  }
  for (const id of heldByWindow.keys()) if (!wanted.has(id)) plan.remove.push(id);
  return plan;
}

/** Downtimes created in Icinga itself (no Vigie marker), as Vigie windows with source "engine". */
export function engineWindows(held: readonly IcingaDowntime[], estate: Estate, sourceName: string): MaintenanceWindow[] {
  const siteOf = new Map(estate.equipment.map((e) => [e.id, e.siteId]));
  const collectiviteOf = new Map(estate.sites.map((s) => [s.id, s.collectiviteId]));
  const probes = new Set(estate.probes.map((p) => p.id));
  const children = new Map<string, IcingaDowntime[]>();
  for (const d of held) if (d.attrs.parent) children.set(d.attrs.parent, [...(children.get(d.attrs.parent) ?? []), d]);
  const out: MaintenanceWindow[] = [];
  for (const downtime of held) {
    const { attrs } = downtime;
    if (attrs.parent || windowIdIn(attrs.comment) !== undefined) continue;
    const siteId = siteOf.get(attrs.host_name);
    const collectiviteId = siteId === undefined ? undefined : collectiviteOf.get(siteId);
    const probeId = probeIdOf(attrs.host_name, attrs.service_name || undefined);
    if (collectiviteId === undefined || !probes.has(probeId)) continue;
    const wholeHost = !attrs.service_name && (children.get(downtime.name)?.length ?? 0) > 0;
    out.push({
      id: `engine:${sourceName}:${attrs.name}`.slice(0, 128),
      collectiviteId,
      siteIds: [],
      equipmentIds: wholeHost ? [attrs.host_name] : [],
      probeIds: wholeHost ? [] : [probeId],
      start: instant(attrs.start_time),
      end: instant(attrs.end_time),
      nature: attrs.comment.trim() || 'Maintenance déclarée dans le moteur',
      by: attrs.author,
      source: 'engine',
      createdAt: instant(attrs.entry_time || attrs.start_time),
    });
  }
  return out.sort((a, b) => a.start - b.start || a.id.localeCompare(b.id));
}

function instant(seconds: number): Instant {
  return Math.max(0, Math.round(seconds * 1000));
}
