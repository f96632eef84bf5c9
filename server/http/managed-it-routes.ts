// Managed IT (infogérance, docs/api.md): conventions and actions are written by the support cell
// only; a référent reads their collectivité's conventions, balance, actions and tickets, and opens
// tickets for it. Refusals say why: dates or fields (400), scope (403), no convention / used up (409).
import { z } from 'zod';
import {
  actionListSchema,
  actionRequestSchema,
  conventionRequestSchema,
  managedItQuerySchema,
  ticketRequestSchema,
  ticketUpdateSchema,
} from '../../src/protocol/managed-it.ts';
import { indexEstate } from '../../src/domain/estate-index.ts';
import { createManagedItDesk, ManagedItRefusal } from '../managed-it/managed-it-desk.ts';
import { StorageRefusedError, type Principal } from '../ports.ts';
import { addActivityReportRoute } from './activity-report-route.ts';
import { ApiError, notFound, validate } from './api-error.ts';
import type { RouteDeps } from './api-deps.ts';
import { routeTable, TEXT_BODY_LIMIT, type ApiRoute } from './api-route.ts';
import { listScope, principalOf, requireScope } from './auth.ts';
import { idParamsSchema } from './estate-routes.ts';

const actionQuerySchema = managedItQuerySchema.extend({
  from: z.coerce.number().int().nonnegative().optional(),
  to: z.coerce.number().int().nonnegative().optional(),
});

export function managedItRoutes(deps: RouteDeps): ApiRoute[] {
  const api = routeTable();
  const desk = createManagedItDesk({
    store: deps.storage.managedIt,
    now: deps.now,
    incidentCollectivite: async (id) => (deps.state.incident(id) ?? (await deps.storage.loadIncident?.(id)))?.collectiviteId,
  });
  /** The scope of a list: the asked collectivité (which must exist) or the caller's own / all. */
  const scopeOf = (request: { principal?: Principal; query: unknown }) => {
    const { collectiviteId } = validate(managedItQuerySchema, request.query, 'query');
    const scope = listScope(principalOf(request), collectiviteId);
    if (scope !== undefined && !indexEstate(deps.state.estate()).collectivites.has(scope)) throw notFound('collectivité');
    return scope;
  };
  const knownCollectivite = (principal: Principal, collectiviteId: string) => {
    if (!deps.state.estate().collectivites.some((c) => c.id === collectiviteId)) throw new ApiError('bad-request', 'collectiviteId: unknown collectivité', 'collectiviteId');
    requireScope(principal, collectiviteId, 'collectivité');
  };

  api.get('/managed-it/conventions', async (request) => ({ items: await desk.conventions(scopeOf(request)) }));

  api.route(
    'POST',
    '/managed-it/conventions',
    async (request) => {
      const principal = supportOnly(request, 'edit a convention');
      const body = validate(conventionRequestSchema, request.body, 'body');
      knownCollectivite(principal, body.collectiviteId);
      return { status: 201, body: await refusals(() => desk.createConvention(body, principal.login)) };
    },
    { bodyLimit: TEXT_BODY_LIMIT },
  );

  api.get('/managed-it/actions', async (request) => {
    const query = validate(actionQuerySchema, request.query, 'query');
    const scope = scopeOf(request);
    return actionListSchema.parse({ items: await desk.actions(scope, query.from, query.to) });
  });

  api.route(
    'POST',
    '/managed-it/actions',
    async (request) => {
      const principal = supportOnly(request, 'log an action');
      const body = validate(actionRequestSchema, request.body, 'body');
      knownCollectivite(principal, body.collectiviteId);
      return { status: 201, body: await refusals(() => desk.logAction(body, principal.login)) };
    },
    { bodyLimit: TEXT_BODY_LIMIT },
  );

  api.get('/managed-it/tickets', async (request) => ({ items: await desk.tickets(scopeOf(request)) }));

  api.route(
    'POST',
    '/managed-it/tickets',
    async (request) => {
      const principal = principalOf(request);
      if (principal.role !== 'referent' && principal.role !== 'support') throw new ApiError('forbidden', 'only a référent or the support cell opens an assistance request');
      const body = validate(ticketRequestSchema, request.body, 'body');
      const collectiviteId = listScope(principal, body.collectiviteId);
      if (collectiviteId === undefined) throw new ApiError('bad-request', 'collectiviteId: required for the support cell', 'collectiviteId');
      knownCollectivite(principal, collectiviteId);
      return { status: 201, body: await refusals(() => desk.createTicket(collectiviteId, body, principal.login)) };
    },
    { bodyLimit: TEXT_BODY_LIMIT },
  );

  api.post('/managed-it/tickets/:id', {}, async (request) => {
    const principal = principalOf(request);
    const { id } = validate(idParamsSchema, request.params, 'params');
    requireScope(principal, await desk.ticketCollectivite(id), 'ticket');
    supportOnly(request, 'change a ticket’s status');
    const body = validate(ticketUpdateSchema, request.body, 'body');
    return refusals(() => desk.updateTicket(id, body.status));
  });

  addActivityReportRoute(api, deps, desk);
  return api.routes;
}

/** Conventions, actions and ticket statuses are the support cell's. */
function supportOnly(request: { principal?: Principal | undefined }, what: string): Principal {
  const principal = principalOf(request);
  if (principal.role === 'referent') throw new ApiError('forbidden', `a référent cannot ${what}; ask the support cell`);
  if (principal.role !== 'support') throw new ApiError('forbidden', `only the support cell can ${what}`);
  return principal;
}

async function refusals<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof ManagedItRefusal) throw new ApiError(error.code, error.message, error.field);
    if (error instanceof StorageRefusedError) throw new ApiError('internal', 'not recorded: the database refused it');
    throw error;
  }
}
