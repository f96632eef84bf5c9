// An engine's messages (estate, statuses, actions, health) with every text field made storable and
// within the contract's limits (see text.ts). Used by the gateway where any source hands it data,
// and by the simulator to check its messages against the contract. Objects come back unchanged
// (same reference) when nothing had to be repaired, so the common case allocates nothing.
import type { ProbeDependency, ProbeStatus } from '../domain/model.ts';
import { MAX_DEPENDENCIES, type Estate, type SourceHealth } from './schemas.ts';
import type { SourceAction } from './source.ts';
import { cleanEngineText } from './text.ts';

/** The contract's limits (schemas.ts) for the text an engine sends. */
export const ENGINE_TEXT_LIMITS = { id: 128, insee: 16, name: 200, probeName: 300, output: 4096, by: 100, comment: 2000, source: 64, detail: 500 } as const;

/** Told the path of each field that had to be repaired, e.g. `status.output`. */
export type OnRepair = (field: string) => void;

const ignore: OnRepair = () => {};

/** FNV-1a, 32 bits: enough to keep two long ids apart once cut. Pure, runs in the browser too. */
function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return hash.toString(16).padStart(8, '0');
}

/** Ids are repaired like text but, when too long, end with a hash of the whole id so two stay distinct. */
export function cleanEngineId(id: string): string {
  const max = ENGINE_TEXT_LIMITS.id;
  const clean = cleanEngineText(id, Number.MAX_SAFE_INTEGER);
  if (clean.length <= max) return clean;
  const suffix = `…${fnv1a(id)}`;
  let end = max - suffix.length;
  const last = clean.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--; // keep a pair whole
  return clean.slice(0, end) + suffix;
}

function repairer(onRepair: OnRepair) {
  let changed = false;
  const text = (value: string, max: number, field: string) => {
    const out = cleanEngineText(value, max);
    if (out !== value) {
      changed = true;
      onRepair(field);
    }
    return out;
  };
  const id = (value: string, field: string) => {
    const out = cleanEngineId(value);
    if (out !== value) {
      changed = true;
      onRepair(field);
    }
    return out;
  };
  /** Something that could not be repaired was left out. */
  const drop = (field: string) => {
    changed = true;
    onRepair(field);
  };
  return { text, id, drop, changed: () => changed };
}

/** Every status of a storm goes through here: written out, without the repairer's closures. */
export function repairStatus(status: ProbeStatus, onRepair: OnRepair = ignore): ProbeStatus {
  const probeId = cleanEngineId(status.probeId);
  const output = cleanEngineText(status.output, ENGINE_TEXT_LIMITS.output);
  if (probeId === status.probeId && output === status.output) return status;
  if (probeId !== status.probeId) onRepair('status.probeId');
  if (output !== status.output) onRepair('status.output');
  return { ...status, probeId, output };
}

export function repairAction(action: SourceAction, onRepair: OnRepair = ignore): SourceAction {
  const r = repairer(onRepair);
  const probeId = r.id(action.probeId, 'action.probeId');
  const by = r.text(action.by, ENGINE_TEXT_LIMITS.by, 'action.by');
  const comment = action.comment === undefined ? undefined : r.text(action.comment, ENGINE_TEXT_LIMITS.comment, 'action.comment');
  if (!r.changed()) return action;
  return { ...action, probeId, by, ...(comment !== undefined && { comment }) };
}

export function repairHealth(health: SourceHealth, onRepair: OnRepair = ignore): SourceHealth {
  const r = repairer(onRepair);
  const source = r.text(health.source, ENGINE_TEXT_LIMITS.source, 'health.source');
  const detail = health.detail === undefined ? undefined : r.text(health.detail, ENGINE_TEXT_LIMITS.detail, 'health.detail');
  if (!r.changed()) return health;
  return { ...health, source, ...(detail !== undefined && { detail }) };
}

export function repairEstate(estate: Estate, onRepair: OnRepair = ignore): Estate {
  const r = repairer(onRepair);
  const { name, probeName, insee } = ENGINE_TEXT_LIMITS;
  const repaired: Estate = {
    collectivites: estate.collectivites.map((c) => {
      const out = { ...c, id: r.id(c.id, 'collectivite.id'), insee: r.text(c.insee, insee, 'collectivite.insee'), name: r.text(c.name, name, 'collectivite.name') };
      if (c.epci !== undefined) out.epci = r.text(c.epci, name, 'collectivite.epci');
      return out;
    }),
    sites: estate.sites.map((s) => ({ ...s, id: r.id(s.id, 'site.id'), collectiviteId: r.id(s.collectiviteId, 'site.collectiviteId'), name: r.text(s.name, name, 'site.name') })),
    equipment: estate.equipment.map((e) => ({ ...e, id: r.id(e.id, 'equipment.id'), siteId: r.id(e.siteId, 'equipment.siteId'), name: r.text(e.name, name, 'equipment.name') })),
    probes: estate.probes.map((p) => ({ ...p, id: r.id(p.id, 'probe.id'), equipmentId: r.id(p.equipmentId, 'probe.equipmentId'), name: r.text(p.name, probeName, 'probe.name') })),
  };
  if (estate.dependencies) {
    const dependencies = repairDependencies(estate.dependencies, repaired.probes, r.id);
    if (dependencies.length !== estate.dependencies.length) r.drop('estate.dependencies');
    if (dependencies.length > 0) repaired.dependencies = dependencies;
  }
  return r.changed() ? repaired : estate;
}

/**
 * Declared dependencies the contract accepts: both ends probes of the estate, not the same probe,
 * at most MAX_DEPENDENCIES of them (a configuration naming objects Vigie does not map loses those).
 */
function repairDependencies(edges: readonly ProbeDependency[], probes: readonly { id: string }[], id: (value: string, field: string) => string): ProbeDependency[] {
  const probeIds = new Set(probes.map((p) => p.id));
  const kept: ProbeDependency[] = [];
  for (const edge of edges) {
    if (kept.length === MAX_DEPENDENCIES) break;
    const parent = id(edge.parent, 'dependency.parent');
    const child = id(edge.child, 'dependency.child');
    if (parent !== child && probeIds.has(parent) && probeIds.has(child)) kept.push(parent === edge.parent && child === edge.child ? edge : { parent, child });
  }
  return kept;
}
