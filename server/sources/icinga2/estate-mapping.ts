// Icinga hosts and services → Vigie's collectivité / site / equipment / probe, through custom vars
// on each host (see docs/icinga2.md). Pure. An object that cannot be mapped is listed with a reason.
import {
  EQUIPMENT_KINDS,
  PROBE_KINDS,
  SITE_KINDS,
  type Collectivite,
  type EquipmentKind,
  type Instant,
  type ProbeKind,
  type ProbeStatus,
  type SiteKind,
} from '../../../src/domain/model.ts';
import type { Estate } from '../../../src/protocol/schemas.ts';
import type { UnmappedEngineObject } from '../../../src/protocol/source.ts';
import { objectResultSchema, type IcingaObject } from './icinga-shapes.ts';
import { probeIdOf, siteIdOf } from './probe-ids.ts';
import { statusFromObject } from './probe-status.ts';

export interface UnmappedObject extends UnmappedEngineObject {
  type: 'Host' | 'Service' | 'Unknown';
}

/** What the source remembers per probe to follow stream events. */
export interface ProbeBinding {
  type: 'Host' | 'Service';
  kind: ProbeKind;
}

export interface EstateMapping {
  estate: Estate;
  statuses: ProbeStatus[];
  unmapped: UnmappedObject[];
  probes: Map<string, ProbeBinding>;
}

type Vars = Record<string, unknown>;
const ID_MAX = 128;

const text = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v.trim() : typeof v === 'number' ? String(v) : undefined);
const num = (v: unknown): number | undefined => {
  const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
  return Number.isFinite(n) ? n : undefined;
};
const oneOf = <T extends string>(values: readonly T[], v: unknown): T | undefined => (values as readonly unknown[]).includes(v) ? (v as T) : undefined;
const ignored = (vars: Vars) => vars.vigie_ignore === true || vars.vigie_ignore === 'true';

export function mapIcingaObjects(hostResults: unknown[], serviceResults: unknown[], at: Instant): EstateMapping {
  const out: EstateMapping = { estate: { collectivites: [], sites: [], equipment: [], probes: [] }, statuses: [], unmapped: [], probes: new Map() };
  const collectivites = new Map<string, Collectivite & { explicitPosition: boolean }>();
  const sites = new Map<string, Estate['sites'][number]>();
  const hosts = new Set<string>();

  const addProbe = (id: string, equipmentId: string, name: string, kind: ProbeKind, object: IcingaObject) => {
    out.estate.probes.push({ id, equipmentId, name: name.slice(0, 300), kind, interval: Math.max(1, Math.round(object.attrs.check_interval ?? 60)) });
    out.statuses.push(statusFromObject(id, object, kind, at));
    out.probes.set(id, { type: object.type, kind });
  };

  for (const host of parseAll(hostResults, out.unmapped).sort(byName)) {
    const vars = host.attrs.vars ?? {};
    if (ignored(vars)) continue;
    const problem = hostProblem(host.name, vars);
    if (problem) {
      out.unmapped.push({ type: 'Host', name: host.name, reason: problem });
      continue;
    }
    const collectiviteId = text(vars.collectivite)!;
    const siteId = siteIdOf(collectiviteId, text(vars.site)!);
    const lat = num(vars.lat)!;
    const lng = num(vars.lng)!;
    let collectivite = collectivites.get(collectiviteId);
    if (!collectivite) {
      const cLat = num(vars.collectivite_lat);
      const cLng = num(vars.collectivite_lng);
      const explicitPosition = cLat !== undefined && cLng !== undefined && Math.abs(cLat) <= 90 && Math.abs(cLng) <= 180;
      collectivite = {
        id: collectiviteId,
        insee: (text(vars.collectivite_insee) ?? (/^\d[\dAB]\d{3}$/.test(collectiviteId) ? collectiviteId : '')).slice(0, 16),
        name: (text(vars.collectivite_name) ?? collectiviteId).slice(0, 200),
        lat: explicitPosition ? cLat! : lat,
        lng: explicitPosition ? cLng! : lng,
        explicitPosition,
      };
      const epci = text(vars.collectivite_epci);
      if (epci) collectivite.epci = epci.slice(0, 200);
      collectivites.set(collectiviteId, collectivite);
    }
    if (!sites.has(siteId)) {
      const kind: SiteKind = oneOf(SITE_KINDS, vars.site_kind) ?? 'autre';
      sites.set(siteId, { id: siteId, collectiviteId, name: (text(vars.site_name) ?? text(vars.site)!).slice(0, 200), kind, lat, lng });
    }
    const equipmentKind = vars.equipment_kind as EquipmentKind;
    out.estate.equipment.push({ id: host.name, siteId, name: (host.attrs.display_name || host.name).slice(0, 200), kind: equipmentKind });
    hosts.add(host.name);
    const hostProbeKind = oneOf(PROBE_KINDS, vars.probe_kind) ?? 'host';
    addProbe(probeIdOf(host.name), host.name, host.attrs.display_name || host.name, hostProbeKind, host);
  }

  for (const service of parseAll(serviceResults, out.unmapped).sort(byName)) {
    const vars = service.attrs.vars ?? {};
    if (ignored(vars)) continue;
    const hostName = service.attrs.host_name ?? service.joins?.host?.name ?? service.name.split('!')[0]!;
    const shortName = service.name.slice(hostName.length + 1);
    
    const kind = vars.probe_kind === undefined ? 'service' : oneOf(PROBE_KINDS, vars.probe_kind);
    const id = probeIdOf(hostName, shortName);
    const reason = !hosts.has(hostName)
      ? `host "${hostName}" is not mapped`
      : !kind
        ? `vars.probe_kind must be one of ${PROBE_KINDS.join(', ')}`
        : id.length > ID_MAX
          ? `name longer than ${ID_MAX - 1} characters`
          : undefined;
    if (reason) {
      out.unmapped.push({ type: 'Service', name: service.name, reason });
      continue;
    }
    addProbe(id, hostName, service.attrs.display_name || shortName, kind!, service);
  }

  out.estate.sites = [...sites.values()];
  out.estate.collectivites = [...collectivites.values()].map(({ explicitPosition, ...c }) => (explicitPosition ? c : centred(c, out.estate.sites)));
  return out;
}

/** Why a host cannot be mapped, or undefined when its vars are complete. */
function hostProblem(name: string, vars: Vars): string | undefined {
  if (name.length + 1 > ID_MAX) return `name longer than ${ID_MAX - 1} characters`;
  if (!text(vars.collectivite)) return 'vars.collectivite is missing';
  if (!text(vars.site)) return 'vars.site is missing';
  if (siteIdOf(text(vars.collectivite)!, text(vars.site)!).length > ID_MAX) return 'vars.collectivite + vars.site longer than 127 characters';
  const lat = num(vars.lat);
  const lng = num(vars.lng);
  if (lat === undefined || lng === undefined) return 'vars.lat / vars.lng are missing or not numbers';
  if (Math.abs(lat) > 90 || Math.abs(lng) > 180) return 'vars.lat / vars.lng are out of range';
  if (!oneOf(EQUIPMENT_KINDS, vars.equipment_kind)) return `vars.equipment_kind must be one of ${EQUIPMENT_KINDS.join(', ')}`;
  if (vars.probe_kind !== undefined && !oneOf(PROBE_KINDS, vars.probe_kind)) return `vars.probe_kind must be one of ${PROBE_KINDS.join(', ')}`;
  return undefined;
}

/** A collectivité without its own coordinates sits at the centre of its sites. */
function centred(c: Collectivite, sites: Estate['sites']): Collectivite {
  const own = sites.filter((s) => s.collectiviteId === c.id);
  return { ...c, lat: mean(own.map((s) => s.lat)), lng: mean(own.map((s) => s.lng)) };
}

const mean = (xs: number[]) => Math.round((xs.reduce((a, b) => a + b, 0) / xs.length) * 1e6) / 1e6;
const byName = (a: IcingaObject, b: IcingaObject) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

function parseAll(results: unknown[], unmapped: UnmappedObject[]): IcingaObject[] {
  const objects: IcingaObject[] = [];
  for (const result of results) {
    const parsed = objectResultSchema.safeParse(result);
    if (parsed.success) objects.push(parsed.data);
    else {
      const r = result as { name?: unknown; type?: unknown } | null;
      const type = r?.type === 'Host' || r?.type === 'Service' ? r.type : 'Unknown';
      unmapped.push({ type, name: String(r?.name ?? '?').slice(0, 300), reason: `unexpected shape: ${parsed.error.issues[0]?.path.join('.')} ${parsed.error.issues[0]?.message}` });
    }
  }
  return objects;
}
