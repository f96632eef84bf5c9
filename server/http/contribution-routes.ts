// The yearly supervision contribution (convention de services numériques, annex 2 art. 3: 1 € per
// probe in use, pack of 100 then pools of 50, called in the second semester): the list per
// collectivité (support all, référent own), its CSV for the finance team with the total, and the
// "appel à contribution" PDF of one collectivité.
import { z } from 'zod';
import { yearlyContribution } from '../../src/domain/contribution.ts';
import { indexEstate } from '../../src/domain/estate-index.ts';
import { canSee, type Principal } from '../ports.ts';
import { ApiError, notFound, validate } from './api-error.ts';
import type { RouteDeps } from './api-deps.ts';
import { routeTable, type ApiRoute } from './api-route.ts';
import { listScope, principalOf } from './auth.ts';
import { toCsv } from './csv.ts';
import { localYearMonth } from './period.ts';
import { download } from './report-routes.ts';

const querySchema = z.object({ collectiviteId: z.string().min(1).max(128).optional() });

export interface ContributionRow {
  collectiviteId: string;
  name: string;
  probesInUse: number;
  packSize: number;
  eurosPerYear: number;
}

/** Each visible collectivité of the scope with its probes in use (the estate now) and what it pays. */
export function contributionRows(deps: RouteDeps, principal: Principal, asked: string | undefined): ContributionRow[] {
  const scope = listScope(principal, asked);
  const view = indexEstate(deps.state.estate());
  if (scope !== undefined && !view.collectivites.has(scope)) throw notFound('collectivité');
  return deps.state
    .estate()
    .collectivites.filter((c) => (scope === undefined ? canSee(principal, c.id) : c.id === scope))
    .map((c) => {
      const probesInUse = view.probeIdsIn(c.id).length;
      return { collectiviteId: c.id, name: c.name, probesInUse, ...yearlyContribution(probesInUse) };
    });
}

export function contributionRoutes(deps: RouteDeps): ApiRoute[] {
  const api = routeTable();
  const tz = () => deps.calendar.settings.timeZone;
  const rowsOf = (request: { principal?: Principal; query: unknown }) => contributionRows(deps, principalOf(request), validate(querySchema, request.query, 'query').collectiviteId);

  api.get('/contribution', async (request) => rowsOf(request).map(({ name: _name, ...row }) => row));

  api.route('GET', '/export/contribution.csv', async (request) => {
    const rows = rowsOf(request);
    const year = localYearMonth(deps.now(), tz()).year;
    const total = rows.reduce((sum, r) => ({ probes: sum.probes + r.probesInUse, pack: sum.pack + r.packSize, euros: sum.euros + r.eurosPerYear }), { probes: 0, pack: 0, euros: 0 });
    const csv = toCsv(
      ['annee', 'collectivite_id', 'collectivite', 'sondes_en_service', 'pack_souscrit', 'euros_par_an'],
      [...rows.map((r) => [year, r.collectiviteId, r.name, r.probesInUse, r.packSize, r.eurosPerYear]), [year, 'TOTAL', `${rows.length} collectivités`, total.probes, total.pack, Math.round(total.euros * 100) / 100]],
    );
    return download(`contribution-${year}.csv`, 'text/csv; charset=utf-8', csv);
  });

  api.route('GET', '/contribution/appel.pdf', async (request) => {
    const query = validate(querySchema, request.query, 'query');
    const principal = principalOf(request);
    const documents = deps.documents;
    if (!documents?.contributionCall) throw new ApiError('not-found', 'PDF documents are produced by the gateway only');
    const scope = listScope(principal, query.collectiviteId);
    if (scope === undefined) throw new ApiError('bad-request', 'collectiviteId: an appel à contribution is per collectivité', 'collectiviteId');
    const [row] = contributionRows(deps, principal, scope);
    const now = deps.now();
    const year = localYearMonth(now, tz()).year;
    const pdf = await documents.contributionCall({ ...row!, year, issuedAt: now, timeZone: tz() });
    return download(`appel-contribution-${row!.collectiviteId}-${year}.pdf`, 'application/pdf', pdf);
  });
  return api.routes;
}
