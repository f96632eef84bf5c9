// Availability and GTI reports from stored history: state changes become per-probe intervals,
// then the domain computes the figures. Nothing here decides a rule; it only assembles inputs.
import {
  aggregateAvailability,
  aggregateBy,
  errorBudgetMinutes,
  probeAvailability,
  worstProbes,
  type AvailabilityFigures,
  type Period,
  type StateInterval,
} from '../../src/domain/availability.ts';
import type { CoveredHours } from '../../src/domain/covered-hours.ts';
import { withWindows, type MaintenanceWindow } from '../../src/domain/maintenance.ts';
import { gtiCompliance, gtiStatus } from '../../src/domain/gti.ts';
import { isActive } from '../../src/domain/incident-rules.ts';
import type { Incident, Instant } from '../../src/domain/model.ts';
import type { SlaRules } from '../../src/domain/sla-rules.ts';
import { serviceStanding, SLA_SERVICES, type SlaService } from '../../src/domain/service-sla.ts';
import type { AvailabilityReport, GtiReport } from '../../src/protocol/rest.ts';
import type { StateChangeRow, Storage } from '../ports.ts';

/**
 * Per probe, the stretches of the period in each state. Each change lasts until the next one;
 * the last lasts until the period's end or `until` (now), whichever is first: the future is not
 * up time, it is not measured yet.
 */
export function intervalsByProbe(changes: readonly StateChangeRow[], period: Period, until: Instant): Map<string, StateInterval[]> {
  const end = Math.min(period.to, until);
  const byProbe = new Map<string, StateChangeRow[]>();
  for (const change of changes) {
    const list = byProbe.get(change.probeId);
    if (list) list.push(change);
    else byProbe.set(change.probeId, [change]);
  }
  const out = new Map<string, StateInterval[]>();
  for (const [probeId, list] of byProbe) {
    // Stable sort keeps storage order for changes at the same instant (the later one wins).
    list.sort((a, b) => a.at - b.at);
    const intervals: StateInterval[] = [];
    list.forEach((change, i) => {
      const from = Math.max(change.at, period.from);
      const to = Math.min(list[i + 1]?.at ?? end, end);
      if (to > from) intervals.push({ from, to, state: change.state, inDowntime: change.inDowntime });
    });
    out.set(probeId, intervals);
  }
  return out;
}

export function probeFigures(
  probeIds: readonly string[],
  changes: readonly StateChangeRow[],
  period: Period,
  now: Instant,
  hours: CoveredHours,
  windowsFor?: (probeId: string) => readonly MaintenanceWindow[],
): Map<string, AvailabilityFigures> {
  const intervals = intervalsByProbe(changes, period, now);
  // Declared windows count as maintenance whatever the engine's downtime flag said.
  const of = (id: string) => intervals.get(id) ?? [];
  return new Map(probeIds.map((id) => [id, probeAvailability(windowsFor ? withWindows(of(id), windowsFor(id)) : of(id), period, hours)]));
}

/** Probes per storage read and computation step of a long report (see probeFiguresInChunks). */
export const REPORT_PROBE_CHUNK = 2_000;

/**
 * Let timers, sockets and the live stream run before the next step: a macrotask, so Node's event
 * loop goes through its I/O poll first. setTimeout, not setImmediate: this module also answers the
 * offline demo's API in a browser tab, where setImmediate does not exist (eslint.config.js).
 */
export const nextTurn = () => new Promise<void>((resolve) => globalThis.setTimeout(resolve, 0));

export interface ChunkOptions {
  chunk?: number;
  yieldTurn?: () => Promise<void>;
  /** Declared maintenance windows covering a probe (maintenance-report.ts). */
  windowsFor?: (probeId: string) => readonly MaintenanceWindow[];
  /** Figures per service of the convention as well (the référent's SLA in words). */
  services?: ServiceGrouping;
}

export interface ServiceGrouping {
  /** The probe's service; undefined leaves it out of every service. */
  serviceOf: (probeId: string) => SlaService | undefined;
  /** The period is still running at report time. */
  running: boolean;
}

/**
 * probeFigures over the whole scope, `chunk` probes at a time: read their changes, compute, then
 * give the event loop a turn. A month of 48,000 probes is seconds of work (PGlite runs on this
 * thread); done in one go it held the live stream and new sockets' handshakes for that long.
 */
export async function probeFiguresInChunks(
  probeIds: readonly string[],
  loadChanges: (probeIds: string[]) => Promise<StateChangeRow[]>,
  period: Period,
  now: Instant,
  hours: CoveredHours,
  { chunk = REPORT_PROBE_CHUNK, yieldTurn = nextTurn, windowsFor }: ChunkOptions = {},
): Promise<Map<string, AvailabilityFigures>> {
  const figures = new Map<string, AvailabilityFigures>();
  for (let i = 0; i < probeIds.length; i += chunk) {
    const ids = probeIds.slice(i, i + chunk);
    const changes = await loadChanges(ids);
    for (const [id, f] of probeFigures(ids, changes, period, now, hours, windowsFor)) figures.set(id, f);
    await yieldTurn();
  }
  return figures;
}

/** The probes of a report and when it is computed (see reportRequest in sla-routes.ts). */
export interface ScopeRequest {
  probeIds: readonly string[];
  period: Period;
  now: Instant;
  hours: CoveredHours;
}

/**
 * Every probe's figures, read from storage one chunk of probes at a time. Each read carries the
 * chunk's ids, so it also brings each of those probes' last change before `from` (its state at the
 * start): a report holds one chunk's rows at a time, never the whole scope × period.
 */
export function scopeFigures(storage: Pick<Storage, 'loadStateChanges'>, r: ScopeRequest, options?: ChunkOptions): Promise<Map<string, AvailabilityFigures>> {
  const load = (ids: string[]) => storage.loadStateChanges(r.period.from, r.period.to, ids);
  return probeFiguresInChunks(r.probeIds, load, r.period, r.now, r.hours, options);
}

/** GET /availability's computation: the stored history of a scope, chunk by chunk, then the report. */
export async function scopeAvailabilityReport(
  storage: Pick<Storage, 'loadStateChanges'>,
  r: ScopeRequest & { scope: string },
  rules: SlaRules,
  options?: ChunkOptions,
): Promise<AvailabilityReport> {
  return availabilityReport(r.scope, r.period, await scopeFigures(storage, r, options), rules, 5, options?.services);
}

const seconds = (ms: number) => Math.round(ms / 1000);

export function availabilityReport(
  scope: string,
  period: Period,
  perProbe: Map<string, AvailabilityFigures>,
  rules: SlaRules,
  worstCount = 5,
  services?: ServiceGrouping,
): AvailabilityReport {
  const total = aggregateAvailability(perProbe.values());
  return {
    ...(services && { services: serviceFigures(perProbe, rules, services) }),
    scope,
    from: period.from,
    to: period.to,
    target: rules.availabilityTarget,
    upSeconds: seconds(total.upMs),
    downSeconds: seconds(total.downMs),
    unmeasuredSeconds: seconds(total.unmeasuredMs),
    maintenanceSeconds: seconds(total.maintenanceMs),
    ratio: total.ratio,
    coverage: total.coverage,
    errorBudgetMinutes: Math.round(errorBudgetMinutes(total, rules.availabilityTarget) * 100) / 100,
    probeCount: perProbe.size,
    worst: worstProbes(perProbe, worstCount).map((p) => ({ probeId: p.probeId, ratio: p.figures.ratio, downSeconds: seconds(p.figures.downMs) })),
  };
}

/** Each service with probes in the scope: its aggregate figures and standing (service-sla.ts). */
function serviceFigures(perProbe: Map<string, AvailabilityFigures>, rules: SlaRules, { serviceOf, running }: ServiceGrouping): NonNullable<AvailabilityReport['services']> {
  const groups = aggregateBy(perProbe, serviceOf);
  return SLA_SERVICES.filter((s) => groups.has(s)).map((service) => {
    const { probeCount, figures } = groups.get(service)!;
    const standing = serviceStanding(figures, probeCount, { target: rules.availabilityTarget, running });
    return { service, probeCount, ratio: figures.ratio, downSeconds: seconds(figures.downMs), outcome: standing.outcome, marginSeconds: standing.marginMs / 1000 };
  });
}

export function gtiReport(scope: string, period: Period, incidents: readonly Incident[], now: Instant, hours: CoveredHours, rules: SlaRules): GtiReport {
  const { compliance, met, breached } = gtiCompliance(incidents, period, now, hours, rules);
  // Running clocks: active incidents nobody has started working on yet.
  const open = incidents
    .filter((i) => isActive(i) && i.interventionAt === undefined)
    .map((i) => {
      const s = gtiStatus(i, now, hours, rules);
      return { incidentId: i.id, start: s.start, deadline: s.deadline, status: s.status, coveredSecondsLeft: seconds(s.coveredMsLeft) };
    })
    .sort((a, b) => a.deadline - b.deadline);
  return { scope, from: period.from, to: period.to, compliance, met, breached, open };
}
