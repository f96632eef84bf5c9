import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { ApiClient } from '../../../api/api-client.ts';
import { queryKeys } from '../../../api/query-keys.ts';
import { useApiClient } from '../../../api/use-api-client.ts';
import { periodReportSchema } from '../../../protocol/rest.ts';

export function periodReportQueryOptions(client: ApiClient, query: Record<string, string | number>) {
  return queryOptions({
    queryKey: queryKeys.reports.period(query),
    queryFn: () => client.get('/reports/period', periodReportSchema, query),
    staleTime: 60_000,
  });
}

/** The report of the selected period; the previous one stays on screen while the next loads. */
export function usePeriodReport(query: Record<string, string | number>) {
  return useQuery({ ...periodReportQueryOptions(useApiClient(), query), placeholderData: keepPreviousData });
}
