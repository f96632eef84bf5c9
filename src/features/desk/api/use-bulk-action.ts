import { useMutation, useQueryClient } from '@tanstack/react-query';
import { mutationKeys, queryKeys } from '../../../api/query-keys.ts';
import { useApiClient } from '../../../api/use-api-client.ts';
import { bulkActionResultSchema, type BulkAction } from '../../../protocol/rest.ts';

/**
 * POST /incidents/actions: one action on many incidents, one request. The incident lists are
 * refetched; the live stream brings each changed incident to every screen.
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
