import { useQuery } from '@tanstack/react-query';
import { queryKeys } from '../../../api/query-keys.ts';
import { useApiClient } from '../../../api/use-api-client.ts';
import { incidentSchema } from '../../../protocol/schemas.ts';

/** GET /incidents/:id: one incident, for its deep link. 403/404 are answers, not retried. */
export function useIncident(id: string) {
  const client = useApiClient();
  return useQuery({
    queryKey: queryKeys.incidents.one(id),
    queryFn: () => client.get(`/incidents/${encodeURIComponent(id)}`, incidentSchema),
    retry: (count, error) => count < 2 && !(error instanceof Error && 'status' in error && [403, 404].includes((error as { status: number }).status)),
  });
}
