import { useQuery } from '@tanstack/react-query';
import { useApiClient } from '../../../api/use-api-client.ts';
import { historySchema } from '../../../protocol/history.ts';

export type HistorySubject = { kind: 'probe' | 'site'; id: string; name: string };

/** GET /history of one probe or site for a report query (period + from, or from/to). */
export function useHistory(subject: HistorySubject, period: Record<string, string | number>) {
  const client = useApiClient();
  const query = { ...period, [subject.kind === 'probe' ? 'probeId' : 'siteId']: subject.id };
  return useQuery({
    queryKey: ['history', subject.kind, subject.id, period],
    queryFn: () => client.get('/history', historySchema, query),
    staleTime: 60_000,
  });
}
