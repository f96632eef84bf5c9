import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { ApiClient } from '../../../api/api-client.ts';
import { queryKeys } from '../../../api/query-keys.ts';
import { useApiClient } from '../../../api/use-api-client.ts';
import { incidentPageSchema } from '../../../protocol/rest.ts';

export const INCIDENT_STATUS_FILTERS = ['active', 'all', 'open', 'acknowledged', 'in-progress', 'resolved', 'closed'] as const;
export type IncidentStatusFilter = (typeof INCIDENT_STATUS_FILTERS)[number];

export const INCIDENT_PERIODS = ['all', 'month', 'semester', 'year'] as const;
export type IncidentPeriod = (typeof INCIDENT_PERIODS)[number];

export interface IncidentFilters {
  /** Absent: every collectivité in the caller's scope. */
  collectiviteId?: string;
  /** One site only (the référent's site filter). */
  siteId?: string;
  /** `ended`: resolved or closed (the référent's history). */
  status: IncidentStatusFilter | 'ended';
  period: IncidentPeriod;
  /** An explicit [from, to) instead of `period` (the référent's past 12 months). */
  range?: { from: number; to: number };
  /** `cause`: one row per cause, attached incidents counted under it (domain/incident-cause.ts). */
  grouping?: 'cause';
  /** The incidents attached to this cause incident. */
  causeId?: string;
  page: number;
  pageSize: number;
}

export const DEFAULT_INCIDENT_FILTERS: IncidentFilters = { status: 'active', period: 'all', page: 1, pageSize: 20 };

export function incidentsQueryOptions(client: ApiClient, filters: IncidentFilters) {
  return queryOptions({
    queryKey: queryKeys.incidents.list(filters),
    queryFn: () =>
      client.get('/incidents', incidentPageSchema, {
        collectiviteId: filters.collectiviteId,
        siteId: filters.siteId,
        status: filters.status === 'all' ? undefined : filters.status,
        period: filters.period === 'all' || filters.range ? undefined : filters.period,
        from: filters.range?.from,
        to: filters.range?.to,
        grouping: filters.grouping,
        causeId: filters.causeId,
        page: filters.page,
        pageSize: filters.pageSize,
      }),
    // Keep the current page on screen while the next one loads (no flash of "loading").
    placeholderData: keepPreviousData,
    staleTime: 15_000,
  });
}

export function useIncidentPage(filters: IncidentFilters) {
  return useQuery(incidentsQueryOptions(useApiClient(), filters));
}
