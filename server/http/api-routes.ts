// The REST API of docs/api.md as one route table, in the order it is registered: what both
// runtimes serve (the gateway through fastify/register-api-routes.ts, the offline demo through
// mocks/msw/handlers.ts). A route added here is served by both, and is in the isolation tests.
import type { ApiDeps, RouteDeps } from './api-deps.ts';
import type { ApiRoute } from './api-route.ts';
import { alarmRoutes } from './alarm-routes.ts';
import { contributionRoutes } from './contribution-routes.ts';
import { estateRoutes } from './estate-routes.ts';
import { exportRoutes } from './export-routes.ts';
import { historyRoutes } from './history-routes.ts';
import { incidentRoutes } from './incident-routes.ts';
import { maintenanceRoutes } from './maintenance-routes.ts';
import { managedItRoutes } from './managed-it-routes.ts';
import { sessionRoutes } from './session-routes.ts';
import { reportRoutes } from './report-routes.ts';
import { slaRoutes } from './sla-routes.ts';

export function apiRoutes(deps: ApiDeps): ApiRoute[] {
  const routeDeps: RouteDeps = { ...deps, now: deps.now ?? (() => deps.state.now()) };
  return [sessionRoutes, estateRoutes, incidentRoutes, alarmRoutes, slaRoutes, historyRoutes, exportRoutes, reportRoutes, maintenanceRoutes, managedItRoutes, contributionRoutes].flatMap((routes) => routes(routeDeps));
}
