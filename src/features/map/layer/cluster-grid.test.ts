import { describe, expect, it } from 'vitest';
import { clusterSites, type PlacedSite } from './cluster-grid.ts';

describe('clusterSites', () => {
  it('never hides a down site in a healthy-looking cluster', () => {
    const sites: PlacedSite[] = Array.from({ length: 50 }, (_, i) => ({ id: `ok${i}`, x: 10 + (i % 7), y: 10 + (i % 5), state: 'OK' }));
    sites.splice(20, 0, { id: 'down', x: 12, y: 12, state: 'CRITICAL' });
    const [cluster] = clusterSites(sites, 60);
    expect(cluster?.worst).toBe('CRITICAL');
    expect(cluster?.counts).toMatchObject({ OK: 50, CRITICAL: 1, WARNING: 0 });
    expect(cluster?.ids).toHaveLength(51);
  });

  it('splits by grid cell and orders worst last', () => {
    const clusters = clusterSites(
      [
        { id: 'a', x: 10, y: 10, state: 'WARNING' },
        { id: 'b', x: 100, y: 10, state: 'OK' },
        { id: 'c', x: 110, y: 20, state: 'UNKNOWN' },
      ],
      60,
    );
    expect(clusters.map((c) => [c.ids.join(','), c.worst])).toEqual([
      ['b,c', 'UNKNOWN'],
      ['a', 'WARNING'],
    ]);
    expect(clusters[0]).toMatchObject({ x: 105, y: 15 });
  });
});
