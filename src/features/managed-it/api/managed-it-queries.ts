// Managed IT over REST: conventions with their balance, actions and tickets of a scope, and the
// support cell's / référent's writes. The UI says "enregistré" only once the gateway answered.
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ApiClient } from '../../../api/api-client.ts';
import { queryKeys } from '../../../api/query-keys.ts';
import { useApiClient } from '../../../api/use-api-client.ts';
import {
  actionListSchema,
  actionLoggedSchema,
  conventionListSchema,
  conventionWithStandingSchema,
  ticketListSchema,
  ticketSchema,
  type ActionRequest,
  type ConventionRequest,
  type TicketRequest,
} from '../../../protocol/managed-it.ts';
import type { AssistanceTicket } from '../../../domain/managed-it-convention.ts';

const keys = queryKeys.managedIt;

export const conventionsQueryOptions = (client: ApiClient, collectiviteId: string | undefined) =>
  queryOptions({ queryKey: keys.conventions(collectiviteId), queryFn: () => client.get('/managed-it/conventions', conventionListSchema, { collectiviteId }), staleTime: 60_000 });

export const actionsQueryOptions = (client: ApiClient, collectiviteId: string | undefined) =>
  queryOptions({ queryKey: keys.actions(collectiviteId), queryFn: () => client.get('/managed-it/actions', actionListSchema, { collectiviteId }), staleTime: 60_000 });

export const ticketsQueryOptions = (client: ApiClient, collectiviteId: string | undefined) =>
  queryOptions({ queryKey: keys.tickets(collectiviteId), queryFn: () => client.get('/managed-it/tickets', ticketListSchema, { collectiviteId }), staleTime: 30_000, refetchInterval: 5 * 60_000 });

export const useConventions = (collectiviteId: string | undefined) => useQuery(conventionsQueryOptions(useApiClient(), collectiviteId));
export const useManagedItActions = (collectiviteId: string | undefined) => useQuery(actionsQueryOptions(useApiClient(), collectiviteId));
export const useTickets = (collectiviteId: string | undefined) => useQuery(ticketsQueryOptions(useApiClient(), collectiviteId));

function useManagedItMutation<A, R>(send: (client: ApiClient, args: A) => Promise<R>) {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: (args: A) => send(client, args), onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.all() }) });
}

export const useLogAction = () => useManagedItMutation((client, request: ActionRequest) => client.post('/managed-it/actions', request, actionLoggedSchema));
export const useCreateConvention = () => useManagedItMutation((client, request: ConventionRequest) => client.post('/managed-it/conventions', request, conventionWithStandingSchema));
export const useCreateTicket = () => useManagedItMutation((client, request: TicketRequest) => client.post('/managed-it/tickets', request, ticketSchema));
export const useUpdateTicket = () =>
  useManagedItMutation((client, { id, status }: { id: string; status: AssistanceTicket['status'] }) => client.post(`/managed-it/tickets/${encodeURIComponent(id)}`, { status }, ticketSchema));
