import { useMutation, useQueryClient } from '@tanstack/react-query';
import { mutationKeys, queryKeys } from '../../../api/query-keys.ts';
import { useApiClient } from '../../../api/use-api-client.ts';
import { incidentSchema } from '../../../protocol/schemas.ts';
import type { OperatorAction } from '../../../protocol/rest.ts';

export interface IncidentActionRequest {
  incidentId: string;
  action: OperatorAction;
}

/**
 * POST /incidents/:id/actions, then the incident lists are refetched (the row's status moved). The
 * other reads an action changes (GTI figures, availability) belong to other features: the app
 * refetches them (src/app/cross-feature-invalidation.ts). The live stream brings the incident
 * itself to every other screen.
 */
export function useIncidentAction() {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: mutationKeys.incidentAction(),
    mutationFn: ({ incidentId, action }: IncidentActionRequest) =>
      client.post(`/incidents/${encodeURIComponent(incidentId)}/actions`, action, incidentSchema),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.incidents.all() }),
  });
}
