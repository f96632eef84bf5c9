import { useMutation, useQueryClient } from '@tanstack/react-query';
import { mutationKeys, queryKeys } from './query-keys.ts';
import { useApiClient } from './use-api-client.ts';
import { bulkActionResultSchema, type BulkAction } from '../protocol/rest.ts';

/**
 * POST /incidents/actions: one action on many incidents, one request (the desk's selection, a cause
 * row with its attached incidents). The incident lists are refetched; the live stream brings each
 * changed incident to every screen.
 */
export function useBulkAction() {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: mutationKeys.bulkAction(),
    mutationFn: (body: BulkAction) => client.post('/incidents/actions', body, bulkActionResultSchema),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.incidents.all() }),
  });
}
