// After one feature's mutation succeeds, the reads of other features it changes are refetched.
// Features never import each other, so a feature refetches only its own reads; the app knows which
// other reads an action touches and says it here, once, in the QueryClient's mutation cache.
import { matchMutation, MutationCache, type QueryClient, type QueryKey } from '@tanstack/react-query';
import { mutationKeys, queryKeys } from '../api/query-keys.ts';

export interface InvalidationRule {
  /** Mutations whose key starts with this one. */
  mutation: QueryKey;
  /** Query keys (prefixes) to refetch after such a mutation succeeded. */
  refetch: readonly QueryKey[];
}

export const CROSS_FEATURE_RULES: readonly InvalidationRule[] = [
  // An acknowledgement, an intervention or a closure changes GTI figures (an intervention stops the
  // clock) and availability; the incidents feature refetches its own lists itself.
  { mutation: mutationKeys.incidentAction(), refetch: [queryKeys.gti.all(), queryKeys.availability.all()] },
  { mutation: mutationKeys.bulkAction(), refetch: [queryKeys.gti.all(), queryKeys.availability.all()] },
];

/**
 * The mutation cache of the app's QueryClient. The refetches start when the mutation succeeds and
 * run beside the feature's own: its confirmation does not wait for slower reports.
 */
export function crossFeatureInvalidation(client: () => QueryClient, rules: readonly InvalidationRule[] = CROSS_FEATURE_RULES): MutationCache {
  return new MutationCache({
    onSuccess: (_data, _variables, _context, mutation) => {
      for (const rule of rules) {
        if (!matchMutation({ mutationKey: rule.mutation }, mutation)) continue;
        for (const queryKey of rule.refetch) void client().invalidateQueries({ queryKey });
      }
    },
  });
}
