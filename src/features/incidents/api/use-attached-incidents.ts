import { useQuery } from '@tanstack/react-query';
import { useApiClient } from '../../../api/use-api-client.ts';
import { incidentsQueryOptions, type IncidentFilters } from './incidents-query-options.ts';

/** Most attached incidents one cause row lists (the bulk action route takes at most 500). */
export const ATTACHED_PAGE = 500;

/** The incidents attached to a cause, under the list's filters; fetched only when `enabled`. */
export function useAttachedIncidents(causeId: string, filters: IncidentFilters, enabled: boolean) {
  const options = incidentsQueryOptions(useApiClient(), { ...filters, grouping: undefined, causeId, page: 1, pageSize: ATTACHED_PAGE });
  return useQuery({ ...options, enabled, placeholderData: undefined });
}
