// The yearly contribution of a scope (GET /contribution): probes in use, pack, euros per year.
import { queryOptions, useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import type { ApiClient } from '../../../api/api-client.ts';
import { queryKeys } from '../../../api/query-keys.ts';
import { useApiClient } from '../../../api/use-api-client.ts';
import { contributionSchema } from '../../../protocol/rest.ts';

export const contributionQueryOptions = (client: ApiClient) =>
  queryOptions({ queryKey: queryKeys.contribution(), queryFn: () => client.get('/contribution', z.array(contributionSchema)), staleTime: 10 * 60_000 });

export const useContribution = () => useQuery(contributionQueryOptions(useApiClient()));
