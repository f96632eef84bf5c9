// Shared HTTP reads. Each is a queryOptions factory (usable in loaders, prefetch and tests) plus a
// thin hook. Feature-specific reads live in their feature's api/ folder, built the same way.
import { queryOptions, useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { collectiviteSchema, equipmentSchema, probeSchema, probeStatusSchema, siteSchema, sourceHealthSchema } from '../protocol/schemas.ts';
import { calendarSchema, sessionSchema } from '../protocol/rest.ts';
import type { ApiClient } from './api-client.ts';
import { queryKeys } from './query-keys.ts';
import { useApiClient } from './use-api-client.ts';

export const meQueryOptions = (client: ApiClient) =>
  queryOptions({ queryKey: queryKeys.me(), queryFn: () => client.get('/me', sessionSchema.shape.user), staleTime: 5 * 60_000 });

export const calendarQueryOptions = (client: ApiClient) =>
  queryOptions({ queryKey: queryKeys.calendar(), queryFn: () => client.get('/calendar', calendarSchema), staleTime: 60 * 60_000 });

/** GET /health, read for the source's health only: for support it says why the source is stale. */
export const healthQueryOptions = (client: ApiClient) =>
  queryOptions({ queryKey: queryKeys.health(), queryFn: () => client.get('/health', z.object({ source: sourceHealthSchema })), staleTime: 0 });

export const collectivitesQueryOptions = (client: ApiClient) =>
  queryOptions({ queryKey: queryKeys.collectivites(), queryFn: () => client.get('/collectivites', z.array(collectiviteSchema)), staleTime: 10 * 60_000 });

export const siteDetailSchema = siteSchema.extend({
  equipment: z.array(equipmentSchema.extend({ probes: z.array(probeSchema.extend({ status: probeStatusSchema.optional() })) })),
});

export const siteDetailQueryOptions = (client: ApiClient, siteId: string) =>
  queryOptions({ queryKey: queryKeys.site(siteId), queryFn: () => client.get(`/sites/${encodeURIComponent(siteId)}`, siteDetailSchema) });

export function useMe() {
  return useQuery(meQueryOptions(useApiClient()));
}

export function useCalendar() {
  return useQuery(calendarQueryOptions(useApiClient()));
}

export function useCollectivites() {
  return useQuery(collectivitesQueryOptions(useApiClient()));
}
