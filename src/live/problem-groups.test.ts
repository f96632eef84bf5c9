import { describe, expect, it } from 'vitest';
import { FakeTransport } from './fake-transport.ts';
import { deltaBatch, FIXTURE_ESTATE, probeStatus, wireSnapshot } from './live-fixtures.ts';
import { LiveStore } from './live-store.ts';
import { selectProblemGroups } from './problem-groups.ts';

// Declared in the engine: the town-hall camera records to the town-hall server, and Boulay's NAS
// replicates through it too. The server's check is the parent of both.
const DECLARED = [
  { parent: 'p-metz-disk', child: 'p-metz-cam' },
  { parent: 'p-metz-disk', child: 'p-boulay-disk' },
];

function storeWith(dependencies?: typeof DECLARED) {
  const transport = new FakeTransport();
  const store = new LiveStore({ transport, clock: () => 100_000 });
  store.start();
  transport.connect();
  transport.emit('snapshot', wireSnapshot({ estate: { ...FIXTURE_ESTATE, ...(dependencies && { dependencies }) } }));
  // The server fails, the camera a minute later, Boulay's NAS stops answering.
  transport.emit('deltas', deltaBatch(1, [probeStatus('p-metz-disk', 'CRITICAL', 60_000), probeStatus('p-metz-cam', 'CRITICAL', 120_000), probeStatus('p-boulay-disk', 'UNKNOWN', 130_000)]));
  return { store, transport };
}

const shape = (store: LiveStore, collectiviteId?: string) =>
  selectProblemGroups(store, collectiviteId).map((g) => ({ id: g.id, kind: g.kind, causes: g.causes.map((p) => p.probeId), dependents: g.dependents.map((p) => p.probeId) }));

describe('the desk folds by the estate’s declared dependencies', () => {
  it('folds the children failing with their parent under it, one group for the cause', () => {
    expect(shape(storeWith(DECLARED).store)).toEqual([{ id: 'dep:p-metz-disk', kind: 'dependency', causes: ['p-metz-disk'], dependents: ['p-metz-cam', 'p-boulay-disk'] }]);
  });

  it('without declared dependencies, each problem stays its own row', () => {
    expect(shape(storeWith().store).map((g) => g.id).sort()).toEqual(['probe:p-boulay-disk', 'probe:p-metz-cam', 'probe:p-metz-disk']);
  });

  it('a child already failing long before its parent is not folded under it', () => {
    const { store, transport } = storeWith(DECLARED);
    // The server fails again an hour after the camera went down (a new state, a new `since`).
    transport.emit('deltas', deltaBatch(2, [probeStatus('p-metz-disk', 'CRITICAL', 3_720_000)]));
    expect(shape(store)).toEqual([{ id: 'dep:p-metz-disk', kind: 'dependency', causes: ['p-metz-disk'], dependents: ['p-boulay-disk'] }, { id: 'probe:p-metz-cam', kind: 'single', causes: ['p-metz-cam'], dependents: [] }]);
  });

  it('a collectivité’s desk folds its own probes only', () => {
    expect(shape(storeWith(DECLARED).store, 'c-metz')).toEqual([{ id: 'dep:p-metz-disk', kind: 'dependency', causes: ['p-metz-disk'], dependents: ['p-metz-cam'] }]);
  });
});
