import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ApiClient } from '../../../api/api-client.ts';
import { queryKeys } from '../../../api/query-keys.ts';
import { useApiClient } from '../../../api/use-api-client.ts';
import { useLiveSnapshotReady } from '../../../live/use-live.ts';
import { gtiReportSchema } from '../../../protocol/rest.ts';

export type GtiPeriod = 'month' | 'semester';

export interface GtiReportQuery {
  /** Absent: every collectivité in the caller's scope. */
  collectiviteId?: string;
  period: GtiPeriod;
}

export function gtiReportQueryOptions(client: ApiClient, { collectiviteId, period }: GtiReportQuery) {
  return queryOptions({
    queryKey: queryKeys.gti.report(collectiviteId, period),
    queryFn: () => client.get('/gti', gtiReportSchema, { period, ...(collectiviteId ? { collectiviteId } : {}) }),
    staleTime: 60_000,
    refetchInterval: 5 * 60_000,
  });
}

/** Asked once the live snapshot is in: the map paints first, the reports follow. */
export function useGtiReport(query: GtiReportQuery) {
  const ready = useLiveSnapshotReady();
  return useQuery({ ...gtiReportQueryOptions(useApiClient(), query), enabled: ready });
}
