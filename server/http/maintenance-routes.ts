// Declared maintenance: list and read windows (support and the kiosk all of them, a référent only
// their collectivité's), schedule, edit before start, and cancel or end now (support only). Every
// refusal says why: dates (400), targets outside the collectivité (400), scope (403), state (409).
import { maintenancePhase, type MaintenanceWindow } from '../../src/domain/maintenance.ts';
import { maintenanceQuerySchema, maintenanceRequestSchema, type MaintenanceRequest } from '../../src/protocol/maintenance.ts';
import type { Principal } from '../ports.ts';
import { StorageRefusedError } from '../ports.ts';
import { MaintenanceRefusal } from '../maintenance/maintenance-book.ts';
import { ApiError, validate } from './api-error.ts';
import type { RouteDeps } from './api-deps.ts';
import { ok, routeTable, TEXT_BODY_LIMIT, type ApiRoute } from './api-route.ts';
import { listScope, principalOf, requireScope } from './auth.ts';
import { idParamsSchema } from './estate-routes.ts';

export function maintenanceRoutes(deps: RouteDeps): ApiRoute[] {
  const api = routeTable();
  const book = () => deps.state.maintenance;

  api.get('/maintenances', async (request) => {
    const query = validate(maintenanceQuerySchema, request.query, 'query');
    const collectiviteId = listScope(principalOf(request), query.collectiviteId);
    const now = deps.now();
    // Current windows are all in memory; past ones may only be in storage.
    const source = query.phase === 'current' || query.phase === 'upcoming' || query.phase === 'running' ? book().all() : await deps.storage.maintenance.loadWindows();
    const items = source.filter((w) => (collectiviteId === undefined || w.collectiviteId === collectiviteId) && inPhase(w, query.phase, now));
    return { items };
  });

  api.get('/maintenances/:id', async (request) => {
    const { id } = validate(idParamsSchema, request.params, 'params');
    const window = book().get(id) ?? (await deps.storage.maintenance.loadWindows()).find((w) => w.id === id);
    requireScope(principalOf(request), window?.collectiviteId, 'maintenance window');
    return window;
  });

  api.route(
    'POST',
    '/maintenances',
    async (request) => {
      const principal = scheduler(request);
      const body = checkedRequest(deps, principal, validate(maintenanceRequestSchema, request.body, 'body'));
      return { status: 201, body: await refusals(() => book().schedule(body, principal.login)) };
    },
    { bodyLimit: TEXT_BODY_LIMIT },
  );

  api.post('/maintenances/:id', { bodyLimit: TEXT_BODY_LIMIT }, async (request) => {
    const principal = scheduler(request);
    const { id } = validate(idParamsSchema, request.params, 'params');
    requireScope(principal, book().get(id)?.collectiviteId, 'maintenance window');
    const body = checkedRequest(deps, principal, validate(maintenanceRequestSchema, request.body, 'body'));
    return refusals(() => book().edit(id, body, principal.login));
  });

  api.route('DELETE', '/maintenances/:id', async (request) => {
    const principal = scheduler(request);
    const { id } = validate(idParamsSchema, request.params, 'params');
    requireScope(principal, book().get(id)?.collectiviteId, 'maintenance window');
    return ok(await refusals(() => book().end(id)));
  });

  return api.routes;
}

function inPhase(window: MaintenanceWindow, phase: string, now: number): boolean {
  const actual = maintenancePhase(window, now);
  if (phase === 'all') return true;
  if (phase === 'current') return actual === 'upcoming' || actual === 'running';
  return actual === phase;
}

/** Only support schedules, edits and ends windows. */
function scheduler(request: { principal?: Principal | undefined }): Principal {
  const principal = principalOf(request);
  if (principal.role === 'referent') throw new ApiError('forbidden', 'a référent cannot schedule maintenance; ask the support cell');
  if (principal.role !== 'support') throw new ApiError('forbidden', 'only the support cell schedules maintenance');
  return principal;
}

/** The collectivité exists and is the caller's to manage; every target belongs to it; at least one target. */
function checkedRequest(deps: RouteDeps, principal: Principal, body: MaintenanceRequest): MaintenanceRequest {
  const estate = deps.state.estate();
  if (!estate.collectivites.some((c) => c.id === body.collectiviteId)) throw new ApiError('bad-request', 'collectiviteId: unknown collectivité', 'collectiviteId');
  requireScope(principal, body.collectiviteId, 'collectivité');
  if (body.siteIds.length + body.equipmentIds.length + body.probeIds.length === 0) {
    throw new ApiError('bad-request', 'siteIds: name at least one site, equipment or probe the work covers', 'siteIds');
  }
  for (const field of ['siteIds', 'equipmentIds', 'probeIds'] as const) {
    for (const id of body[field]) {
      if (deps.state.collectiviteOf(id) !== body.collectiviteId) throw new ApiError('bad-request', `${field}: ${id} is not in collectivité ${body.collectiviteId}`, field);
    }
  }
  return body;
}

async function refusals<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof MaintenanceRefusal) {
      const code = error.code === 'not-found' ? 'not-found' : error.code === 'already-started' || error.code === 'already-over' || error.code === 'engine-owned' ? 'conflict' : 'bad-request';
      throw new ApiError(code, error.message, code === 'bad-request' ? (error.code === 'in-the-past' ? 'start' : 'end') : undefined);
    }
    if (error instanceof StorageRefusedError) throw new ApiError('internal', 'maintenance window not recorded: the database refused it');
    throw error;
  }
}
