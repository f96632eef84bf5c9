// The semester report's raw data as CSV downloads: incidents and availability of a scope over a
// period. Same scope rules and figures as the JSON routes; format described in csv.ts.
import { gtiStatus } from '../../src/domain/gti.ts';
import type { RouteDeps } from './api-deps.ts';
import { routeTable, type ApiResponse, type ApiRoute } from './api-route.ts';
import { principalOf } from './auth.ts';
import { localDateTime, toCsv, type Cell } from './csv.ts';
import { findIncidents } from './incident-source.ts';
import { aggregateAvailability } from '../../src/domain/availability.ts';
import { reportFigures } from '../rollup/rolled-figures.ts';
import { windowsByProbe, windowsOfPeriod } from './maintenance-report.ts';
import { reportRequest } from './sla-routes.ts';

const minutes = (ms: number) => Math.round(ms / 600) / 100;
const percent = (ratio: number | null) => (ratio === null ? null : Math.round(ratio * 100_000) / 1000);

function sendCsv(name: string, csv: string): ApiResponse {
  return {
    status: 200,
    headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${name}"`, 'cache-control': 'no-store' },
    body: csv,
  };
}

const day = (t: number, tz: string) => localDateTime(t, tz).slice(0, 10);

export function exportRoutes(deps: RouteDeps): ApiRoute[] {
  const api = routeTable();
  const tz = deps.calendar.settings.timeZone;

  api.route('GET', '/export/incidents.csv', async (request) => {
    const r = reportRequest(deps, principalOf(request), request.query);
    const incidents = await findIncidents(deps.storage, deps.state, { collectiviteId: r.collectiviteId, period: r.period });
    const rows = incidents.map((i): Cell[] => {
      const gti = gtiStatus(i, r.now, r.hours, deps.calendar.rules);
      const probe = r.view.probes.get(i.probeId);
      return [
        i.id,
        i.collectiviteId,
        r.view.collectivites.get(i.collectiviteId)?.name,
        r.view.sites.get(i.siteId)?.name,
        probe?.name ?? i.probeId,
        i.severity,
        i.status,
        localDateTime(i.openedAt, tz),
        localDateTime(i.acknowledgedAt, tz),
        localDateTime(i.interventionAt, tz),
        localDateTime(i.resolvedAt, tz),
        localDateTime(i.closedAt, tz),
        localDateTime(gti.deadline, tz),
        gti.status,
      ];
    });
    const header = ['incident', 'collectivite_id', 'collectivite', 'site', 'sonde', 'gravite', 'statut', 'ouvert', 'acquitte', 'intervention', 'resolu', 'clos', 'echeance_gti', 'gti'];
    return sendCsv(`incidents-${r.scope}-${day(r.period.from, tz)}.csv`, toCsv(header, rows));
  });

  api.route('GET', '/export/availability.csv', async (request) => {
    const r = reportRequest(deps, principalOf(request), request.query);
    const probeIds = r.view.probeIdsIn(r.collectiviteId);
    const windows = await windowsOfPeriod(deps.storage, r.period, r.collectiviteId);
    const figures = await reportFigures(deps.storage, deps.calendar, { ...r, probeIds, wholeEstate: r.collectiviteId === undefined }, { windowsFor: windowsByProbe(windows, r.view) });
    const byCollectivite = new Map<string, string[]>();
    for (const id of probeIds) {
      const c = r.view.probeRef(id)?.collectiviteId ?? '';
      byCollectivite.set(c, [...(byCollectivite.get(c) ?? []), id]);
    }
    const rows: Cell[][] = [];
    const row = (kind: string, c: string, probeId: string, f: ReturnType<typeof aggregateAvailability>): Cell[] => {
      const probe = r.view.probes.get(probeId);
      const site = probe && r.view.sites.get(r.view.equipment.get(probe.equipmentId)?.siteId ?? '');
      return [kind, c, r.view.collectivites.get(c)?.name, site?.name, probe?.name, probeId || null, minutes(f.upMs), minutes(f.downMs), minutes(f.unmeasuredMs), minutes(f.maintenanceMs), percent(f.ratio), percent(f.coverage)];
    };
    for (const [c, ids] of byCollectivite) {
      rows.push(row('collectivite', c, '', aggregateAvailability(ids.map((id) => figures.get(id)!))));
      for (const id of ids) rows.push(row('sonde', c, id, figures.get(id)!));
    }
    const header = ['niveau', 'collectivite_id', 'collectivite', 'site', 'sonde', 'sonde_id', 'minutes_disponible', 'minutes_indisponible', 'minutes_non_mesurees', 'minutes_maintenance', 'disponibilite_pct', 'couverture_pct'];
    return sendCsv(`disponibilite-${r.scope}-${day(r.period.from, tz)}.csv`, toCsv(header, rows));
  });
  return api.routes;
}
