import { describe, expect, it } from 'vitest';
import type { ProbeStatus } from '../domain/model.ts';
import { indexEstate } from '../domain/estate-index.ts';
import { FIXTURE_ESTATE, probeStatus } from './live-fixtures.ts';
import { SiteStates, siteUnderMaintenance, siteWorstState } from './site-states.ts';

// s-metz-mairie holds p-metz-disk and p-metz-cam; s-metz-ecole p-ecole-wan; s-boulay-mairie p-boulay-disk.
const index = indexEstate(FIXTURE_ESTATE);
const byProbe = (...statuses: ProbeStatus[]) => new Map(statuses.map((s) => [s.probeId, s]));
const allOk = () => byProbe(...FIXTURE_ESTATE.probes.map((p) => probeStatus(p.id, 'OK')));

describe('siteWorstState', () => {
  const maintenance = { ...probeStatus('p-metz-cam', 'CRITICAL'), inDowntime: true };
  it.each([
    ['the worst of its probes', byProbe(probeStatus('p-metz-disk', 'WARNING'), probeStatus('p-metz-cam', 'CRITICAL')), 's-metz-mairie', 'CRITICAL'],
    ['PENDING for a probe not checked yet', byProbe(probeStatus('p-metz-disk', 'OK')), 's-metz-mairie', 'PENDING'],
    ['a probe in maintenance counts as OK', byProbe(probeStatus('p-metz-disk', 'OK'), maintenance), 's-metz-mairie', 'OK'],
    ['PENDING for a site without probes', allOk(), 's-unknown', 'PENDING'],
  ] as const)('%s', (_, statuses, siteId, expected) => {
    expect(siteWorstState(index, statuses, siteId)).toBe(expected);
  });
});

describe('SiteStates', () => {
  it('rebuilds every site after a snapshot and says "reset" once', () => {
    const sites = new SiteStates();
    expect(sites.state('s-metz-mairie')).toBe('PENDING');
    sites.rebuild(index, byProbe(probeStatus('p-ecole-wan', 'UNKNOWN')));
    expect([sites.state('s-metz-ecole'), sites.state('s-metz-mairie')]).toEqual(['UNKNOWN', 'PENDING']);
    expect(sites.drainChanges()).toEqual({ reset: true, siteIds: new Set() });
    expect(sites.drainChanges()).toEqual({ reset: false, siteIds: new Set() });
  });

  it('after a batch, records only the sites whose worst state moved', () => {
    const statuses = allOk();
    const sites = new SiteStates();
    sites.rebuild(index, statuses);
    sites.drainChanges();
    const changes = [probeStatus('p-metz-cam', 'CRITICAL'), probeStatus('p-boulay-disk', 'OK'), probeStatus('p-not-in-estate', 'CRITICAL')];
    for (const status of changes) statuses.set(status.probeId, status);
    sites.apply(index, statuses, changes);
    expect(sites.state('s-metz-mairie')).toBe('CRITICAL');
    expect(sites.drainChanges()).toEqual({ reset: false, siteIds: new Set(['s-metz-mairie']) });

    const worse = [probeStatus('p-metz-disk', 'WARNING')]; // CRITICAL stays the worst
    statuses.set('p-metz-disk', worse[0]!);
    sites.apply(index, statuses, worse);
    expect(sites.drainChanges().siteIds.size).toBe(0);
  });

  it('tells which sites planned work covers, and reports a site whose maintenance starts or ends (same colour)', () => {
    const statuses = allOk();
    const sites = new SiteStates();
    sites.rebuild(index, statuses);
    sites.drainChanges();
    expect(sites.inMaintenance('s-metz-mairie')).toBe(false);
    const inWork = [{ ...probeStatus('p-metz-cam', 'OK'), inDowntime: true }];
    statuses.set('p-metz-cam', inWork[0]!);
    sites.apply(index, statuses, inWork);
    expect([sites.inMaintenance('s-metz-mairie'), sites.state('s-metz-mairie')]).toEqual([true, 'OK']);
    expect(sites.drainChanges().siteIds).toEqual(new Set(['s-metz-mairie']));
    const over = [probeStatus('p-metz-cam', 'OK')];
    statuses.set('p-metz-cam', over[0]!);
    sites.apply(index, statuses, over);
    expect(sites.inMaintenance('s-metz-mairie')).toBe(false);
    expect(sites.drainChanges().siteIds).toEqual(new Set(['s-metz-mairie']));
    sites.rebuild(index, byProbe({ ...probeStatus('p-boulay-disk', 'CRITICAL'), inDowntime: true }));
    expect(sites.inMaintenance('s-boulay-mairie')).toBe(true);
  });

  it('agrees with reading every site afresh, whatever the batches (worse, better, maintenance, the worst getting better)', () => {
    const states = ['OK', 'WARNING', 'CRITICAL', 'UNKNOWN', 'PENDING'] as const;
    let seed = 7;
    const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
    const statuses = allOk();
    const sites = new SiteStates();
    sites.rebuild(index, statuses);
    for (let batch = 0; batch < 300; batch++) {
      const changes = Array.from({ length: 1 + Math.floor(random() * 4) }, () => {
        const probe = FIXTURE_ESTATE.probes[Math.floor(random() * FIXTURE_ESTATE.probes.length)]!;
        return { ...probeStatus(probe.id, states[Math.floor(random() * states.length)]!), inDowntime: random() < 0.1 };
      });
      for (const status of changes) statuses.set(status.probeId, status);
      sites.apply(index, statuses, changes);
      for (const siteId of index.sites.keys()) {
          expect(sites.state(siteId)).toBe(siteWorstState(index, statuses, siteId));
          expect(sites.inMaintenance(siteId)).toBe(siteUnderMaintenance(index, statuses, siteId));
        }
    }
  });
});
