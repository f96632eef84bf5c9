// The period report (issue #18): for one collectivité or all, over any period, availability per
// service of the convention (service-sla.ts), per collectivité and per probe against the 96 % target, GTI compliance
// with each breach, incidents and maintenance windows, plus the calendar the figures used. The
// screen, the CSV tables and the PDF all read this one object, so they never disagree.
import { aggregateAvailability, aggregateBy, type AvailabilityFigures, worstProbes } from '../../src/domain/availability.ts';
import { gtiStatus, type GtiStatus } from '../../src/domain/gti.ts';
import type { Incident } from '../../src/domain/model.ts';
import { SLA_SERVICES } from '../../src/domain/service-sla.ts';
import type { PeriodReport, ReportFigures } from '../../src/protocol/rest.ts';
import { reportFigures } from '../rollup/rolled-figures.ts';
import type { RouteDeps } from './api-deps.ts';
import { localDateTime } from './csv.ts';
import { findIncidents } from './incident-source.ts';
import { reportedWindows, windowsByProbe, windowsOfPeriod } from './maintenance-report.ts';
import { serviceOfProbe, type reportRequest } from './sla-routes.ts';

/** Incidents listed in the JSON and PDF; the CSV export lists them all. */
export const REPORT_INCIDENT_LIMIT = 2_000;
/** Probes listed for all collectivités (the worst); one collectivité lists all of its probes. */
export const REPORT_WORST_PROBES = 50;

const seconds = (ms: number) => Math.round(ms / 1000);

export function figuresDto(f: AvailabilityFigures, target: number): ReportFigures {
  return {
    ratio: f.ratio,
    coverage: f.coverage,
    upSeconds: seconds(f.upMs),
    downSeconds: seconds(f.downMs),
    unmeasuredSeconds: seconds(f.unmeasuredMs),
    maintenanceSeconds: seconds(f.maintenanceMs),
    meetsTarget: f.ratio === null ? null : f.ratio >= target,
  };
}

type Request = ReturnType<typeof reportRequest>;

export interface PeriodReportOptions {
  /** Every probe even for all collectivités, and every incident (the CSV tables). */
  complete?: boolean;
}

export async function periodReport(deps: RouteDeps, r: Request, { complete = false }: PeriodReportOptions = {}): Promise<PeriodReport> {
  const target = deps.calendar.rules.availabilityTarget;
  const probeIds = r.view.probeIdsIn(r.collectiviteId);
  const windows = await windowsOfPeriod(deps.storage, r.period, r.collectiviteId);
  // Both read storage; on PostgreSQL they run side by side.
  const [figures, incidents] = await Promise.all([
    reportFigures(deps.storage, deps.calendar, { ...r, probeIds, wholeEstate: r.collectiviteId === undefined }, { windowsFor: windowsByProbe(windows, r.view) }),
    findIncidents(deps.storage, deps.state, { collectiviteId: r.collectiviteId, period: r.period }),
  ]);
  // One GTI computation per incident (walking the covered-hours calendar is the costly part).
  const gti = new Map(incidents.map((i) => [i.id, gtiStatus(i, r.now, r.hours, deps.calendar.rules)]));

  // The convention's services, as the référent's view counts them (one definition: service-sla.ts).
  const byService = aggregateBy(figures, serviceOfProbe(r.view));
  const services = SLA_SERVICES.filter((s) => byService.has(s)).map((service) => {
    const g = byService.get(service)!;
    return { service, probeCount: g.probeCount, ...figuresDto(g.figures, target) };
  });
  const collectivites =
    r.collectiviteId === undefined
      ? [...aggregateBy(figures, (id) => r.view.probeRef(id)?.collectiviteId ?? '')].map(([id, g]) => ({
          collectiviteId: id,
          name: r.view.collectivites.get(id)?.name ?? id,
          probeCount: g.probeCount,
          ...figuresDto(g.figures, target),
        }))
      : [];
  const listed = r.collectiviteId === undefined && !complete ? worstProbes(figures, REPORT_WORST_PROBES).map((p) => p.probeId) : [...figures.keys()];
  const siteOf = (probeId: string) => {
    const probe = r.view.probes.get(probeId);
    return r.view.sites.get(r.view.equipment.get(probe?.equipmentId ?? '')?.siteId ?? '');
  };
  const probes = listed.map((id) => ({
    probeId: id,
    name: r.view.probes.get(id)?.name ?? id,
    kind: r.view.probes.get(id)?.kind ?? 'service',
    siteName: siteOf(id)?.name ?? '',
    collectiviteId: r.view.probeRef(id)?.collectiviteId ?? '',
    ...figuresDto(figures.get(id)!, target),
  }));

  return {
    scope: r.scope,
    ...(r.collectiviteId !== undefined && { collectiviteId: r.collectiviteId, collectiviteName: r.view.collectivites.get(r.collectiviteId)?.name ?? r.collectiviteId }),
    from: r.period.from,
    to: r.period.to,
    generatedAt: r.now,
    target,
    total: figuresDto(aggregateAvailability(figures.values()), target),
    services,
    collectivites,
    probes,
    probesAreWorstOnly: r.collectiviteId === undefined && !complete,
    gti: gtiSection(r, incidents, gti, complete),
    incidents: (complete ? incidents : incidents.slice(0, REPORT_INCIDENT_LIMIT)).map((i) => ({
      id: i.id,
      collectiviteId: i.collectiviteId,
      siteName: r.view.sites.get(i.siteId)?.name ?? i.siteId,
      probeName: r.view.probes.get(i.probeId)?.name ?? i.probeId,
      severity: i.severity,
      status: i.status,
      openedAt: i.openedAt,
      ...(i.resolvedAt !== undefined && { resolvedAt: i.resolvedAt }),
      gti: gti.get(i.id)!.status,
    })),
    incidentsTruncated: !complete && incidents.length > REPORT_INCIDENT_LIMIT,
    maintenances: reportedWindows(windows, r.period, r.hours),
    calendar: { ...deps.calendar.dto(r.period.from), closedDates: closedDatesIn(deps, r) },
  };
}

/** Met and breached as gtiCompliance counts them (deadline or stop inside the period), with each breach. */
function gtiSection(r: Request, incidents: readonly Incident[], gti: ReadonlyMap<string, GtiStatus>, complete: boolean): PeriodReport['gti'] {
  const inPeriod = (t: number) => t >= r.period.from && t < r.period.to;
  let met = 0;
  const breaches: PeriodReport['gti']['breaches'] = [];
  for (const i of incidents) {
    const s = gti.get(i.id)!;
    if (s.status === 'met' && inPeriod(s.stoppedAt ?? s.deadline)) met++;
    else if (s.status === 'breached' && inPeriod(s.deadline))
      breaches.push({
        incidentId: i.id,
        collectiviteId: i.collectiviteId,
        siteName: r.view.sites.get(i.siteId)?.name ?? i.siteId,
        probeName: r.view.probes.get(i.probeId)?.name ?? i.probeId,
        openedAt: i.openedAt,
        deadline: s.deadline,
        ...(s.stoppedAt !== undefined && { stoppedAt: s.stoppedAt }),
        lateSeconds: seconds(Math.max(0, -s.coveredMsLeft)),
      });
  }
  breaches.sort((a, b) => a.deadline - b.deadline || (a.incidentId < b.incidentId ? -1 : 1));
  const breached = breaches.length;
  // The JSON and the PDF list the first ones (by deadline); the CSV lists them all.
  return { compliance: met + breached > 0 ? met / (met + breached) : null, met, breached, breaches: complete ? breaches : breaches.slice(0, REPORT_INCIDENT_LIMIT) };
}

/** Closed dates (holidays and extra closed days) inside the period, for the report's footer. */
function closedDatesIn(deps: RouteDeps, r: Request): string[] {
  const dto = deps.calendar.dto(r.period.from);
  const later = deps.calendar.dto(r.period.to - 1);
  const tz = deps.calendar.settings.timeZone;
  const fromDay = localDateTime(r.period.from, tz).slice(0, 10);
  const toDay = localDateTime(r.period.to, tz).slice(0, 10);
  return [...new Set([...dto.closedDates, ...later.closedDates])].filter((d) => d >= fromDay && d < toDay).sort();
}
