// The alarm service's reads and writes: its health (from GET /health, refreshed every 30 s), the
// recipients the caller may manage, saving one. A save is confirmed only by the gateway's answer.
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import type { ApiClient } from '../../../api/api-client.ts';
import { queryKeys } from '../../../api/query-keys.ts';
import { useApiClient } from '../../../api/use-api-client.ts';
import { alarmHealthDtoSchema, deadLettersDtoSchema, recipientSchema, retriedDtoSchema, type RecipientInput } from '../../../protocol/alarms.ts';

const healthSchema = z.object({ alarms: alarmHealthDtoSchema.optional() });

export const alarmHealthQueryOptions = (client: ApiClient) =>
  queryOptions({ queryKey: queryKeys.alarms.health(), queryFn: async () => (await client.get('/health', healthSchema)).alarms ?? null, refetchInterval: 30_000, staleTime: 15_000 });

export const recipientsQueryOptions = (client: ApiClient) =>
  queryOptions({ queryKey: queryKeys.alarms.recipients(), queryFn: () => client.get('/alarms/recipients', z.array(recipientSchema)) });

export function useAlarmHealth() {
  return useQuery(alarmHealthQueryOptions(useApiClient()));
}

export function useRecipients() {
  return useQuery(recipientsQueryOptions(useApiClient()));
}

export function useSaveRecipient() {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: string; input: Partial<RecipientInput> }) => client.post(`/alarms/recipients/${encodeURIComponent(id)}`, input, recipientSchema),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.alarms.recipients() }),
  });
}

export function useRemoveRecipient() {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => client.delete(`/alarms/recipients/${encodeURIComponent(id)}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.alarms.recipients() }),
  });
}

/** Support's list of given-up deliveries (refreshed with the health badge's rhythm). */
export function useDeadLetters() {
  const client = useApiClient();
  return useQuery({ queryKey: queryKeys.alarms.deadLetters(), queryFn: () => client.get('/alarms/dead-letters', deadLettersDtoSchema), refetchInterval: 30_000 });
}

export function useRetryDeadLetters() {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (ids: string[]) => client.post('/alarms/dead-letters/retry', { ids }, retriedDtoSchema),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.alarms.all() }),
  });
}
