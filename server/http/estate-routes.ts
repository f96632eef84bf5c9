// The estate as the caller may see it: collectivités, a collectivité's sites, a site's equipment
// and probes with their current status, one probe. Lists are filtered; ids outside scope are 403.
import { z } from 'zod';
import { indexEstate } from '../../src/domain/estate-index.ts';
import { canSee } from '../ports.ts';
import { publicSourceHealth } from '../stream/public-health.ts';
import { validate } from './api-error.ts';
import type { RouteDeps } from './api-deps.ts';
import { routeTable, type ApiRoute } from './api-route.ts';
import { principalOf, requireScope } from './auth.ts';
import { alarmHealthFor } from './alarm-health.ts';

export const idParamsSchema = z.object({ id: z.string().min(1).max(128) });

export function estateRoutes(deps: RouteDeps): ApiRoute[] {
  const api = routeTable();
  const view = () => indexEstate(deps.state.estate());
  const withStatus = <P extends { id: string }>(probe: P) => ({ ...probe, status: deps.state.status(probe.id) ?? null });

  api.get('/health', async (request) => {
    const principal = principalOf(request);
    const unmapped = (deps.state as { unmappedProbeIds?: () => string[] }).unmappedProbeIds?.() ?? [];
    const engineObjects = (deps.state as { unmappedEngineObjects?: () => Array<{ type: string; name: string; reason: string }> }).unmappedEngineObjects?.() ?? [];
    const support = principal.role === 'support';
    // Unmapped engine objects belong to no collectivité: only the support cell needs their names.
    // Why the source is stale (the classified problem and the engine's words) is the support cell's to fix.
    return {
      source: support ? deps.state.sourceHealth() : publicSourceHealth(deps.state.sourceHealth()),
      now: deps.now(),
      unmapped: support ? { count: unmapped.length, probeIds: unmapped.slice(0, 200) } : { count: unmapped.length },
      engineObjects: support ? { count: engineObjects.length, objects: engineObjects.slice(0, 200) } : { count: engineObjects.length },
      // Rows the database refused (docs/storage.md) and engine text repaired to be storable: support's to act on.
      ...(deps.alarms && { alarms: alarmHealthFor(await deps.alarms.health(), support, deps.now()) }),
      ...(support && {
        storage: { deadLetters: await deps.storage.countDeadLetters() },
        engineText: { repaired: (deps.state as { engineTextRepairs?: () => number }).engineTextRepairs?.() ?? 0 },
      }),
    };
  });

  api.get('/collectivites', async (request) => {
    const principal = principalOf(request);
    return deps.state.estate().collectivites.filter((c) => canSee(principal, c.id));
  });

  api.get('/collectivites/:id', async (request) => {
    const { id } = validate(idParamsSchema, request.params, 'params');
    const v = view();
    requireScope(principalOf(request), v.collectivites.has(id) ? id : undefined, 'collectivité');
    return { ...v.collectivites.get(id), sites: v.sitesByCollectivite.get(id) ?? [] };
  });

  api.get('/sites/:id', async (request) => {
    const { id } = validate(idParamsSchema, request.params, 'params');
    const v = view();
    const site = v.sites.get(id);
    requireScope(principalOf(request), site?.collectiviteId, 'site');
    return {
      ...site,
      equipment: (v.equipmentBySite.get(id) ?? []).map((e) => ({ ...e, probes: (v.probesByEquipment.get(e.id) ?? []).map(withStatus) })),
    };
  });

  api.get('/probes/:id', async (request) => {
    const { id } = validate(idParamsSchema, request.params, 'params');
    const v = view();
    const probe = v.probes.get(id);
    requireScope(principalOf(request), probe && v.probeRef(id)?.collectiviteId, 'probe');
    return withStatus(probe!);
  });
  return api.routes;
}
