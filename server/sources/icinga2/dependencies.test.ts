import { describe, expect, it } from 'vitest';
import { foldProblems, parentsFrom, type PlacedProblem } from '../../../src/domain/root-cause.ts';
import type { IcingaClient, IcingaResponse, RequestOptions } from './icinga-client.ts';
import { DEPENDENCIES_PATH, fetchDependencies, readDependencies } from './dependencies.ts';

// What Icinga 2 answers for GET /v1/objects/dependencies (trimmed to the attributes asked for):
// a town hall's firewall is the parent of a school's router; a VPN service, of the school's file share.
const answer = {
  results: [
    {
      name: 'mairie-fw!ecole-rtr!via-mairie',
      type: 'Dependency',
      attrs: { parent_host_name: 'mairie-fw', parent_service_name: '', child_host_name: 'ecole-rtr', child_service_name: '' },
      joins: {},
      meta: {},
    },
    {
      name: 'ecole-nas!partage!vpn',
      type: 'Dependency',
      attrs: { parent_host_name: 'mairie-fw', parent_service_name: 'vpn-ipsec', child_host_name: 'ecole-nas', child_service_name: 'partage' },
    },
    // The same edge declared twice (apply rules overlap): kept once.
    { name: 'dup', type: 'Dependency', attrs: { parent_host_name: 'mairie-fw', parent_service_name: '', child_host_name: 'ecole-rtr', child_service_name: '' } },
    // Unusable: no parent, a "!" smuggled into a name, not an object at all.
    { name: 'broken', type: 'Dependency', attrs: { parent_host_name: '', child_host_name: 'x' } },
    { name: 'odd', type: 'Dependency', attrs: { parent_host_name: 'a!b', child_host_name: 'x' } },
    null,
  ],
};

class FakeClient implements IcingaClient {
  calls: Array<{ path: string; options?: RequestOptions }> = [];
  constructor(private readonly response: IcingaResponse) {}
  async request(_method: 'GET' | 'POST', path: string, options?: RequestOptions): Promise<IcingaResponse> {
    this.calls.push({ path, options });
    return this.response;
  }
  async openEventStream(): Promise<{ close(): void }> {
    throw new Error('not used');
  }
  destroy(): void {}
}

describe('Icinga 2 dependencies', () => {
  it('reads parent → child edges as probe ids, once each, skipping unusable objects', () => {
    expect(readDependencies(answer.results)).toEqual({
      dependencies: [
        { parent: 'mairie-fw!', child: 'ecole-rtr!' },
        { parent: 'mairie-fw!vpn-ipsec', child: 'ecole-nas!partage' },
      ],
      skipped: 3,
    });
  });

  it('asks the object API read-only for the four names, and refuses an answer that is not a result list', async () => {
    const client = new FakeClient({ status: 200, body: answer });
    expect((await fetchDependencies(client, 5_000)).dependencies).toHaveLength(2);
    expect(client.calls).toEqual([{ path: DEPENDENCIES_PATH, options: { body: { attrs: ['parent_host_name', 'parent_service_name', 'child_host_name', 'child_service_name'] }, timeoutMs: 5_000, readOnly: true } }]);
    await expect(fetchDependencies(new FakeClient({ status: 404, body: { error: 404, status: 'No objects found.' } }), 5_000)).rejects.toThrow(/HTTP 404.*No objects found/);
  });

  it('feeds the desk fold: the school behind the town hall firewall folds under it', () => {
    const T = Date.UTC(2026, 11, 3, 9, 0);
    const at = (probeId: string, siteId: string, state: PlacedProblem['state'], since = T): PlacedProblem => ({ probeId, siteId, collectiviteId: 'c1', kind: 'host', state, since });
    const problems = [at('mairie-fw!', 'c1:mairie', 'CRITICAL'), at('ecole-rtr!', 'c1:ecole', 'CRITICAL', T + 30_000), at('ecole-nas!partage', 'c1:ecole', 'UNKNOWN')];
    const groups = foldProblems(problems, () => undefined, undefined, parentsFrom(readDependencies(answer.results).dependencies));
    expect(groups.map((g) => [g.kind, g.id, g.dependents.map((d) => d.probeId)])).toEqual([['dependency', 'dep:mairie-fw!', ['ecole-rtr!']], ['single', 'probe:ecole-nas!partage', []]]);
  });
});
