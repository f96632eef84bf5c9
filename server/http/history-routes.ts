// GET /history: a probe's or a site's state bands and daily availability over a report period,
// from its stored state changes (bounded to the period and to its own probes) and the declared
// maintenance windows. Scoped like the reports: a référent only inside their collectivité.
import { dailyAvailability, siteBands, stateBands } from '../../src/domain/history.ts';
import { withWindows } from '../../src/domain/maintenance.ts';
import { historyQuerySchema, type History } from '../../src/protocol/history.ts';
import { ApiError, validate } from './api-error.ts';
import type { RouteDeps } from './api-deps.ts';
import { routeTable, type ApiRoute } from './api-route.ts';
import { principalOf, requireScope } from './auth.ts';
import { indexEstate } from '../../src/domain/estate-index.ts';
import { windowsByProbe, windowsOfPeriod } from './maintenance-report.ts';
import { intervalsByProbe } from './sla-reports.ts';
import { reportRequest } from './sla-routes.ts';
import { dayFloor, nextDay } from '../rollup/local-days.ts';
import type { Period } from '../../src/domain/availability.ts';

const seconds = (ms: number) => Math.round(ms / 1000);

/** The local days of a period, the first and last clipped to it. */
function daysOf(period: Period, timeZone: string): Period[] {
  const days: Period[] = [];
  for (let d = dayFloor(period.from, timeZone); d < period.to; d = nextDay(d, timeZone)) {
    days.push({ from: Math.max(d, period.from), to: Math.min(nextDay(d, timeZone), period.to) });
  }
  return days;
}

export function historyRoutes(deps: RouteDeps): ApiRoute[] {
  const api = routeTable();

  api.get('/history', async (request) => {
    const principal = principalOf(request);
    const { probeId, siteId, ...period } = validate(historyQuerySchema, request.query, 'query');
    if ((probeId === undefined) === (siteId === undefined)) throw new ApiError('bad-request', 'probeId: give either probeId or siteId', 'probeId');
    const view = indexEstate(deps.state.estate());
    const owner = probeId !== undefined ? view.probes.has(probeId) ? view.probeRef(probeId)?.collectiviteId : undefined : view.sites.get(siteId!)?.collectiviteId;
    const collectiviteId = requireScope(principal, owner, probeId !== undefined ? 'probe' : 'site');
    const r = reportRequest(deps, principal, { ...period, collectiviteId });
    const probeIds = probeId !== undefined ? [probeId] : (view.probesBySite.get(siteId!) ?? []).map((p) => p.id);
    const changes = probeIds.length > 0 ? await deps.storage.loadStateChanges(r.period.from, r.period.to, probeIds) : [];
    const windowsFor = windowsByProbe(await windowsOfPeriod(deps.storage, r.period, collectiviteId), view);
    const intervals = intervalsByProbe(changes, r.period, r.now);
    const perProbe = probeIds.map((id) => withWindows(intervals.get(id) ?? [], windowsFor(id)));
    // The future is not drawn: bands stop at now (the rest of the period is "no data").
    const drawn = { from: r.period.from, to: Math.max(r.period.from, Math.min(r.period.to, r.now)) };
    const bands = probeId !== undefined ? stateBands(perProbe[0]!, drawn) : siteBands(perProbe, drawn);
    const days = dailyAvailability(perProbe, daysOf(r.period, deps.calendar.settings.timeZone), deps.calendar.hoursFor(r.period.from, r.period.to));
    const answer: History = {
      subject: probeId !== undefined ? { kind: 'probe', id: probeId } : { kind: 'site', id: siteId! },
      from: r.period.from,
      to: r.period.to,
      target: deps.calendar.rules.availabilityTarget,
      probeCount: probeIds.length,
      bands,
      days: days.map(({ from, to, figures: f }) => ({
        from,
        to,
        ratio: f.ratio,
        upSeconds: seconds(f.upMs),
        downSeconds: seconds(f.downMs),
        maintenanceSeconds: seconds(f.maintenanceMs),
        unmeasuredSeconds: seconds(f.unmeasuredMs),
      })),
    };
    return answer;
  });
  return api.routes;
}
