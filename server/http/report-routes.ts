// The period report of issue #18 as JSON (the reports screen), as CSV tables (one per table of the
// screen, French spreadsheet format by default) and as a PDF for one collectivité. Scope, period
// and calendar come from reportRequest, like every report: a référent gets their own only.
import { managedItActivity } from '../managed-it/managed-it-activity.ts';
import { z } from 'zod';
import type { PeriodReport } from '../../src/protocol/rest.ts';
import { ApiError, validate } from './api-error.ts';
import type { RouteDeps } from './api-deps.ts';
import { routeTable, type ApiResponse, type ApiRoute } from './api-route.ts';
import { principalOf } from './auth.ts';
import { localDateTime, toCsv, type Cell, type CsvFormat } from './csv.ts';
import { periodReport } from './period-report.ts';
import { SERVICE_NAMES } from './service-names.ts';
import { reportQuerySchema, reportRequest } from './sla-routes.ts';

export const REPORT_TABLES = ['services', 'collectivites', 'probes', 'gti-breaches', 'incidents', 'maintenances'] as const;
export type ReportTable = (typeof REPORT_TABLES)[number];

const csvQuerySchema = reportQuerySchema.extend({
  separator: z.enum(['semicolon', 'comma']).default('semicolon'),
  bom: z.enum(['1', '0']).default('1'),
});

const percent = (ratio: number | null) => (ratio === null ? null : Math.round(ratio * 100_000) / 1000);
const minutes = (s: number) => Math.round(s / 0.6) / 100;
const figureCells = (f: PeriodReport['total']): Cell[] => [percent(f.ratio), percent(f.coverage), minutes(f.upSeconds), minutes(f.downSeconds), minutes(f.unmeasuredSeconds), minutes(f.maintenanceSeconds), f.meetsTarget === null ? null : f.meetsTarget ? 'oui' : 'non'];
const FIGURE_HEADER = ['disponibilite_pct', 'couverture_pct', 'minutes_disponible', 'minutes_indisponible', 'minutes_non_mesurees', 'minutes_maintenance', 'objectif_atteint'];

/** Header and rows of one table of the report (same names as the screen's tables). */
export function reportTable(report: PeriodReport, table: ReportTable, timeZone: string): { header: string[]; rows: Cell[][] } {
  const at = (t: number | undefined) => localDateTime(t, timeZone);
  switch (table) {
    case 'services':
      return { header: ['service', 'sondes', ...FIGURE_HEADER], rows: report.services.map((s) => [SERVICE_NAMES[s.service], s.probeCount, ...figureCells(s)]) };
    case 'collectivites':
      return { header: ['collectivite_id', 'collectivite', 'sondes', ...FIGURE_HEADER], rows: report.collectivites.map((c) => [c.collectiviteId, c.name, c.probeCount, ...figureCells(c)]) };
    case 'probes':
      return { header: ['collectivite_id', 'site', 'sonde', 'sonde_id', 'type_sonde', ...FIGURE_HEADER], rows: report.probes.map((p) => [p.collectiviteId, p.siteName, p.name, p.probeId, p.kind, ...figureCells(p)]) };
    case 'gti-breaches':
      return {
        header: ['incident', 'collectivite_id', 'site', 'sonde', 'ouvert', 'echeance_gti', 'arret_horloge', 'retard_minutes_couvertes'],
        rows: report.gti.breaches.map((b) => [b.incidentId, b.collectiviteId, b.siteName, b.probeName, at(b.openedAt), at(b.deadline), at(b.stoppedAt), minutes(b.lateSeconds)]),
      };
    case 'incidents':
      return {
        header: ['incident', 'collectivite_id', 'site', 'sonde', 'gravite', 'statut', 'ouvert', 'resolu', 'gti'],
        rows: report.incidents.map((i) => [i.id, i.collectiviteId, i.siteName, i.probeName, i.severity, i.status, at(i.openedAt), at(i.resolvedAt), i.gti]),
      };
    case 'maintenances':
      return { header: ['maintenance', 'collectivite_id', 'debut', 'fin', 'nature', 'origine', 'minutes_couvertes'], rows: report.maintenances.map((m) => [m.id, m.collectiviteId, at(m.start), at(m.end), m.nature, m.source, minutes(m.coveredSeconds)]) };
  }
}

export const download = (name: string, contentType: string, body: unknown): ApiResponse => ({
  status: 200,
  headers: { 'content-type': contentType, 'content-disposition': `attachment; filename="${name}"`, 'cache-control': 'no-store' },
  body,
});

export function reportRoutes(deps: RouteDeps): ApiRoute[] {
  const api = routeTable();
  const tz = deps.calendar.settings.timeZone;
  const day = (t: number) => localDateTime(t, tz).slice(0, 10);

  api.get('/reports/period', async (request) => periodReport(deps, reportRequest(deps, principalOf(request), request.query)));

  api.route('GET', '/export/report/:table', async (request) => {
    const { table } = validate(z.object({ table: z.string().regex(/^[a-z-]+\.csv$/).max(40) }), request.params, 'params');
    const name = table.slice(0, -4) as ReportTable;
    if (!REPORT_TABLES.includes(name)) throw new ApiError('not-found', `table: one of ${REPORT_TABLES.join(', ')}`, 'table');
    const query = validate(csvQuerySchema, request.query, 'query');
    const { separator, bom, ...rest } = query;
    const r = reportRequest(deps, principalOf(request), rest);
    const report = await periodReport(deps, r, { complete: true });
    const { header, rows } = reportTable(report, name, tz);
    const format: CsvFormat = { separator: separator === 'comma' ? ',' : ';', bom: bom === '1' };
    return download(`${name}-${r.scope}-${day(r.period.from)}.csv`, 'text/csv; charset=utf-8', toCsv(header, rows, format));
  });

  api.route('GET', '/reports/period.pdf', async (request) => {
    const r = reportRequest(deps, principalOf(request), request.query);
    const documents = deps.documents;
    if (!documents) throw new ApiError('not-found', 'PDF documents are produced by the gateway only');
    if (r.collectiviteId === undefined) throw new ApiError('bad-request', 'collectiviteId: a PDF report is per collectivité', 'collectiviteId');
    const report = await periodReport(deps, r);
    const managedIt = await (documents.managedIt ?? managedItActivity(deps.storage.managedIt))(r.collectiviteId, r.period);
    const pdf = await documents.periodReport(report, { timeZone: tz, ...(managedIt && { managedIt }) });
    return download(`rapport-${r.collectiviteId}-${day(r.period.from)}-${day(r.period.to - 1)}.pdf`, 'application/pdf', pdf);
  });
  return api.routes;
}
