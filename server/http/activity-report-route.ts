// GET /managed-it/report.pdf: the managed-IT semester activity report of one collectivité (art. 7),
// the semester containing `from` (the current one by default). Scoped like every report: support
// any collectivité, a référent their own. The convention's standing is counted up to the semester's end.
import { z } from 'zod';
import { conventionStanding } from '../../src/domain/managed-it-convention.ts';
import { activityOf, conventionAtEnd } from '../managed-it/managed-it-activity.ts';
import type { ManagedItDesk } from '../managed-it/managed-it-desk.ts';
import { ApiError, validate } from './api-error.ts';
import type { RouteDeps } from './api-deps.ts';
import type { RouteTable } from './api-route.ts';
import { principalOf } from './auth.ts';
import { localDateTime } from './csv.ts';
import { localYearMonth } from './period.ts';
import { periodReport } from './period-report.ts';
import { download } from './report-routes.ts';
import { reportRequest } from './sla-routes.ts';

const querySchema = z.object({ collectiviteId: z.string().min(1).max(128).optional(), from: z.coerce.number().int().optional() });

export function addActivityReportRoute(api: RouteTable, deps: RouteDeps, desk: ManagedItDesk): void {
  api.route('GET', '/managed-it/report.pdf', async (request) => {
    const query = validate(querySchema, request.query, 'query');
    const r = reportRequest(deps, principalOf(request), { ...query, period: 'semester' });
    const documents = deps.documents;
    if (!documents?.activityReport) throw new ApiError('not-found', 'PDF documents are produced by the gateway only');
    const collectiviteId = r.collectiviteId;
    if (collectiviteId === undefined) throw new ApiError('bad-request', 'collectiviteId: an activity report is per collectivité', 'collectiviteId');
    const tz = deps.calendar.settings.timeZone;
    const store = deps.storage.managedIt;
    const [report, conventions, actions, tickets] = await Promise.all([
      periodReport(deps, r),
      store.loadConventions(collectiviteId),
      store.loadActions({ collectiviteId, to: r.period.to }),
      desk.tickets(collectiviteId),
    ]);
    const atEnd = conventionAtEnd(conventions, r.period);
    const convention = atEnd && { ...atEnd, standing: conventionStanding(atEnd, actions.filter((a) => a.conventionId === atEnd.id), Math.min(r.period.to, r.now) - 1) };
    const inPeriod = new Set(actions.filter((a) => a.at >= r.period.from).map((a) => a.id));
    // The semester's requests: opened in it, or answered by an action in it.
    const semesterTickets = tickets
      .filter((t) => t.createdAt < r.period.to && (t.createdAt >= r.period.from || t.actionIds.some((id) => inPeriod.has(id))))
      .sort((a, b) => a.createdAt - b.createdAt);
    const { year, month } = localYearMonth(r.period.from, tz);
    const pdf = await documents.activityReport({
      collectiviteName: r.view.collectivites.get(collectiviteId)?.name ?? collectiviteId,
      semester: `${month <= 6 ? '1er' : '2e'} semestre ${year}`,
      report,
      activity: activityOf(conventions, actions, r.period, tickets),
      convention,
      tickets: semesterTickets,
      timeZone: tz,
    });
    return download(`activite-infogerance-${collectiviteId}-${localDateTime(r.period.from, tz).slice(0, 7)}.pdf`, 'application/pdf', pdf);
  });
}
