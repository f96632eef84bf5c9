// Incidents: filtered, paginated lists; one incident; operator actions, one at a time or in bulk
// (the support cell acknowledging a storm's incidents with one comment). Support may do every
// action, a référent may only comment on incidents of their collectivité, the kiosk only reads.
import { bulkActionSchema, incidentQuerySchema, operatorActionSchema, type BulkActionResult, type OperatorAction } from '../../src/protocol/rest.ts';
import { canSee, StorageRefusedError, StorageUnavailableError, type Principal } from '../ports.ts';
import { ApiError, forbidden, notFound, validate } from './api-error.ts';
import type { RouteDeps } from './api-deps.ts';
import { routeTable, TEXT_BODY_LIMIT, type ApiRoute } from './api-route.ts';
import { listScope, principalOf, requireScope } from './auth.ts';
import { idParamsSchema } from './estate-routes.ts';
import { countAttached, findIncident, pageIncidents } from './incident-source.ts';
import { causeForReader } from '../../src/domain/incident-cause.ts';
import { resolvePeriod } from './period.ts';

export function incidentRoutes(deps: RouteDeps): ApiRoute[] {
  const api = routeTable();
  const timeZone = deps.calendar.settings.timeZone;

  api.get('/incidents', async (request) => {
    const query = validate(incidentQuerySchema, request.query, 'query');
    const collectiviteId = listScope(principalOf(request), query.collectiviteId);
    // A cause row of another collectivité cannot be expanded by a référent (its id is not theirs to know).
    if (query.causeId !== undefined) requireScope(principalOf(request), (await findIncident(deps.storage, deps.state, query.causeId))?.collectiviteId, 'incident');
    const period = resolvePeriod(query, deps.now(), timeZone);
    const { items, total } = await pageIncidents(
      deps.storage,
      deps.state,
      {
        collectiviteId,
        siteId: query.siteId,
        activeOnly: query.status === 'active',
        endedOnly: query.status === 'ended',
        status: query.status === 'active' || query.status === 'ended' ? undefined : query.status,
        period,
        causeId: query.causeId,
        topLevel: query.grouping === 'cause',
      },
      query.page,
      query.pageSize,
    );
    const reader = readerOf(principalOf(request));
    const attached = query.grouping === 'cause' ? await countAttached(deps.storage, deps.state, { collectiviteId, activeOnly: query.status === 'active', endedOnly: query.status === 'ended', period }, items) : {};
    return { items: items.map((i) => causeForReader(i, reader)), total, page: query.page, pageSize: query.pageSize, ...(Object.keys(attached).length ? { attached } : {}) };
  });

  api.get('/incidents/:id', async (request) => {
    const { id } = validate(idParamsSchema, request.params, 'params');
    const incident = await findIncident(deps.storage, deps.state, id);
    requireScope(principalOf(request), incident?.collectiviteId, 'incident');
    return incident && causeForReader(incident, readerOf(principalOf(request)));
  });

  // Declared before /incidents/:id/actions so "actions" is never read as an incident id.
  api.post('/incidents/actions', { bodyLimit: TEXT_BODY_LIMIT }, async (request) => {
    const principal = principalOf(request);
    if (principal.role !== 'support') throw new ApiError('forbidden', 'bulk actions are for the support cell', 'action');
    const { incidentIds, action } = validate(bulkActionSchema, request.body, 'body');
    // All at once: the write queue confirms them in one flush instead of one per incident.
    const results = await Promise.all([...new Set(incidentIds)].map((id) => actOne(deps, principal, id, action)));
    return { results } satisfies BulkActionResult;
  });

  api.post('/incidents/:id/actions', { bodyLimit: TEXT_BODY_LIMIT }, async (request) => {
    const principal = principalOf(request);
    const { id } = validate(idParamsSchema, request.params, 'params');
    if (principal.role === 'kiosk') throw forbidden();
    const incident = deps.state.incident(id) ?? (await findIncident(deps.storage, deps.state, id));
    requireScope(principal, incident?.collectiviteId, 'incident');
    const action = validate(operatorActionSchema, request.body, 'body');
    if (principal.role === 'referent' && action.action !== 'comment') throw new ApiError('forbidden', 'a référent may only comment', 'action');
    const result = await deps.state.act(id, action, principal.login).catch((error: unknown) => {
      throw notStored(error);
    });
    if (result.refused) throw new ApiError(result.refused === 'no-incident' ? 'not-found' : 'conflict', result.refused);
    if (!result.incident) throw notFound('incident');
    return causeForReader(result.incident, readerOf(principal));
  });
  return api.routes;
}

/** The collectivité a reader is limited to (a référent), whose view of causes is cut (incident-cause.ts). */
function readerOf(principal: Principal): string | undefined {
  return principal.role === 'referent' ? (principal.collectiviteId ?? '') : undefined;
}

/** One incident of a bulk action: each recorded (or refused) exactly as a single action would be. */
async function actOne(deps: RouteDeps, principal: Principal, incidentId: string, action: OperatorAction): Promise<BulkActionResult['results'][number]> {
  try {
    const incident = deps.state.incident(incidentId) ?? (await findIncident(deps.storage, deps.state, incidentId));
    if (!incident) return { incidentId, ok: false, code: 'not-found', message: 'no-incident' };
    if (!canSee(principal, incident.collectiviteId)) return { incidentId, ok: false, code: 'forbidden', message: 'outside your scope' };
    const result = await deps.state.act(incidentId, action, principal.login);
    if (result.refused || !result.incident) return { incidentId, ok: false, code: result.refused === 'no-incident' || !result.incident ? 'not-found' : 'conflict', message: result.refused ?? 'no-incident' };
    return { incidentId, ok: true, incident: result.incident };
  } catch (error) {
    const failure = notStored(error);
    if (failure instanceof ApiError) return { incidentId, ok: false, code: failure.code, message: failure.message };
    throw error;
  }
}

/** An action whose rows did not reach the disk is answered as such, never confirmed. */
function notStored(error: unknown): unknown {
  if (error instanceof StorageRefusedError) {
    return new ApiError('internal', 'action not recorded: the database refused it; support can see it in the dead letters (GET /health)');
  }
  if (error instanceof StorageUnavailableError) {
    return new ApiError('internal', 'action not confirmed: storage is not answering; it stays queued and is written when storage answers');
  }
  return error;
}
