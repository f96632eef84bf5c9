// Maintenance windows over REST: the current list of a scope (refetched whenever the live stream
// says a window changed), and support's schedule / cancel-or-end requests. The UI reports
// "enregistrée" only once the gateway answered with the stored window.
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { ApiClient } from '../../../api/api-client.ts';
import { queryKeys } from '../../../api/query-keys.ts';
import { useApiClient } from '../../../api/use-api-client.ts';
import { useLive } from '../../../live/use-live.ts';
import type { LiveStore } from '../../../live/live-store.ts';
import { maintenanceListSchema, maintenanceWindowSchema, type MaintenanceRequest } from '../../../protocol/maintenance.ts';

export const maintenancesQueryOptions = (client: ApiClient, collectiviteId: string | undefined) =>
  queryOptions({
    queryKey: queryKeys.maintenances.list(collectiviteId),
    queryFn: () => client.get('/maintenances', maintenanceListSchema, { collectiviteId }),
    staleTime: 60_000,
    refetchInterval: 5 * 60_000,
  });

const selectLastUpdate = (s: LiveStore) => s.lastMaintenanceUpdate;

/** Upcoming and running windows of one collectivité (or the whole scope), kept fresh by the live stream. */
export function useMaintenances(collectiviteId: string | undefined) {
  const client = useApiClient();
  const queryClient = useQueryClient();
  const lastUpdate = useLive('maintenances', selectLastUpdate);
  useEffect(() => {
    if (lastUpdate.length > 0) void queryClient.invalidateQueries({ queryKey: queryKeys.maintenances.all() });
  }, [lastUpdate, queryClient]);
  return useQuery(maintenancesQueryOptions(client, collectiviteId));
}

export function useScheduleMaintenance() {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: MaintenanceRequest) => client.post('/maintenances', request, maintenanceWindowSchema),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.maintenances.all() }),
  });
}

/** DELETE: cancels an upcoming window, ends a running one now. */
export function useEndMaintenance() {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => client.delete(`/maintenances/${encodeURIComponent(id)}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.maintenances.all() }),
  });
}

