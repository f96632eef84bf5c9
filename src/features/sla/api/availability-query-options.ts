import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ApiClient } from '../../../api/api-client.ts';
import { queryKeys } from '../../../api/query-keys.ts';
import { useApiClient } from '../../../api/use-api-client.ts';
import { useLiveSnapshotReady } from '../../../live/use-live.ts';
import { availabilityReportSchema } from '../../../protocol/rest.ts';

export type SlaPeriod = 'month' | 'semester';

export interface AvailabilityQuery {
  /** Absent: the aggregate over every collectivité in the caller's scope. */
  collectiviteId?: string;
  period: SlaPeriod;
  /** An instant inside a past period (sla-periods.ts); absent: the running one. */
  anchor?: number | undefined;
}

export function availabilityQueryOptions(client: ApiClient, { collectiviteId, period, anchor }: AvailabilityQuery) {
  return queryOptions({
    queryKey: queryKeys.availability.report(collectiviteId, anchor === undefined ? period : `${period}@${anchor}`),
    queryFn: () =>
      client.get('/availability', availabilityReportSchema, { period, ...(collectiviteId ? { collectiviteId } : {}), ...(anchor !== undefined ? { from: anchor } : {}) }),
    // Availability moves slowly (minutes over a month): refresh in the background, not per event.
    staleTime: 60_000,
    refetchInterval: 5 * 60_000,
  });
}

/** Asked once the live snapshot is in: the map paints first, the reports follow. */
export function useAvailability(query: AvailabilityQuery) {
  const ready = useLiveSnapshotReady();
  return useQuery({ ...availabilityQueryOptions(useApiClient(), query), enabled: ready });
}
