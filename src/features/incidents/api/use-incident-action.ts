import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useApiClient } from '../../../api/use-api-client.ts';
import { incidentSchema } from '../../../protocol/schemas.ts';
import type { OperatorAction } from '../../../protocol/rest.ts';

export interface IncidentActionRequest {
  incidentId: string;
  action: OperatorAction;
}

/**
 * POST /incidents/:id/actions. Afterwards every read an action can change is refetched: the list,
 * GTI figures (an intervention stops the clock) and availability. The live stream brings the
 * incident itself to every other screen.
 */
export function useIncidentAction() {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ incidentId, action }: IncidentActionRequest) =>
      client.post(`/incidents/${encodeURIComponent(incidentId)}/actions`, action, incidentSchema),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ['incidents'] }),
        queryClient.invalidateQueries({ queryKey: ['gti'] }),
        queryClient.invalidateQueries({ queryKey: ['availability'] }),
      ]),
  });
}
