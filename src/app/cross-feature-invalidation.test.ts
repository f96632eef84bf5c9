import { describe, expect, it } from 'vitest';
import { mutationKeys, queryKeys } from '../api/query-keys.ts';
import { createQueryClient } from './app-services.ts';

function setup() {
  const client = createQueryClient();
  const keys = {
    gti: queryKeys.gti.report('c-metz', 'month'),
    availability: queryKeys.availability.report(undefined, 'semester'),
    incidents: queryKeys.incidents.list({ status: 'active' }),
    site: queryKeys.site('s-1'),
  };
  for (const key of Object.values(keys)) client.setQueryData(key, { cached: true });
  const invalidated = () => Object.entries(keys).flatMap(([name, key]) => (client.getQueryState(key)?.isInvalidated ? [name] : []));
  const run = (mutationKey: readonly unknown[], fail = false) =>
    client
      .getMutationCache()
      .build(client, { mutationKey, mutationFn: async () => (fail ? Promise.reject(new Error('refused')) : 'ok'), retry: false })
      .execute(undefined)
      .catch(() => undefined);
  return { invalidated, run };
}

describe('cross-feature invalidation (the app QueryClient)', () => {
  it('an incident action refetches GTI and availability reports (the incidents feature refetches its own lists)', async () => {
    const { invalidated, run } = setup();
    await run(mutationKeys.incidentAction());
    expect(invalidated()).toEqual(['gti', 'availability']);
  });

  it('a failed action, or another mutation, refetches nothing', async () => {
    const { invalidated, run } = setup();
    await run(mutationKeys.incidentAction(), true);
    await run(['sessions', 'open']);
    expect(invalidated()).toEqual([]);
  });
});
