// SLA figures of a scope (one collectivité, or all for support and kiosk) over a period:
// availability over covered hours, GTI compliance and running clocks (the contribution is in contribution-routes.ts).
import { z } from 'zod';
import { reportedWindows, windowsByProbe, windowsOfPeriod } from './maintenance-report.ts';
import { indexEstate, type EstateIndex } from '../../src/domain/estate-index.ts';
import { slaServiceOf } from '../../src/domain/service-sla.ts';
import { periodQuerySchema } from '../../src/protocol/rest.ts';
import { notFound, validate } from './api-error.ts';
import type { RouteDeps } from './api-deps.ts';
import { routeTable, type ApiRoute } from './api-route.ts';
import { listScope, principalOf } from './auth.ts';
import { findIncidents } from './incident-source.ts';
import { resolvePeriod } from './period.ts';
import { createReportCache, SETTLE_MS } from './report-cache.ts';
import { availabilityReport, gtiReport } from './sla-reports.ts';
import { reportFigures } from '../rollup/rolled-figures.ts';

export const reportQuerySchema = periodQuerySchema.extend({ collectiviteId: z.string().min(1).max(128).optional() });

/** Scope, period and calendar of a report request, checked. */
export function reportRequest(deps: RouteDeps, principal: ReturnType<typeof principalOf>, rawQuery: unknown) {
  const query = validate(reportQuerySchema, rawQuery, 'query');
  const collectiviteId = listScope(principal, query.collectiviteId);
  const view = indexEstate(deps.state.estate());
  if (collectiviteId !== undefined && !view.collectivites.has(collectiviteId)) throw notFound('collectivité');
  const now = deps.now();
  const period = resolvePeriod(query, now, deps.calendar.settings.timeZone, 'month')!;
  return { collectiviteId, scope: collectiviteId ?? 'all', view, now, period, hours: deps.calendar.hoursFor(period.from, period.to) };
}

/** Which service of the convention a probe serves (its kind, and the equipment it watches). */
export function serviceOfProbe(view: EstateIndex) {
  return (probeId: string) => {
    const probe = view.probes.get(probeId);
    return probe && slaServiceOf(probe.kind, view.equipment.get(probe.equipmentId)?.kind);
  };
}

/** A running period's availability is served again for this long (the SPA refreshes it every 5 min). */
export const RUNNING_REPORT_TTL_MS = 30_000;

export function slaRoutes(deps: RouteDeps): ApiRoute[] {
  const api = routeTable();
  const cache = createReportCache(200, { ttlMs: RUNNING_REPORT_TTL_MS, clock: () => performance.now() });

  api.get('/availability', async (request) => {
    const r = reportRequest(deps, principalOf(request), request.query);
    const final = r.period.to + SETTLE_MS <= r.now;
    return cache.get(deps.state.estate(), `availability|${r.scope}|${r.period.from}|${r.period.to}`, final, async () => {
      const windows = await windowsOfPeriod(deps.storage, r.period, r.collectiviteId);
      const probeIds = r.view.probeIdsIn(r.collectiviteId);
      const figures = await reportFigures(deps.storage, deps.calendar, { ...r, probeIds, wholeEstate: r.collectiviteId === undefined }, { windowsFor: windowsByProbe(windows, r.view) });
      const services = { serviceOf: serviceOfProbe(r.view), running: r.now < r.period.to };
      const report = availabilityReport(r.scope, r.period, figures, deps.calendar.rules, 5, services);
      return { ...report, maintenances: reportedWindows(windows, r.period, r.hours) };
    });
  });

  api.get('/gti', async (request) => {
    const r = reportRequest(deps, principalOf(request), request.query);
    const incidents = await findIncidents(deps.storage, deps.state, { collectiviteId: r.collectiviteId, period: r.period });
    return gtiReport(r.scope, r.period, incidents, r.now, r.hours, deps.calendar.rules);
  });

  return api.routes;
}
