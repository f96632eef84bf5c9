import { describe, expect, it } from 'vitest';
import { indexEstate } from '../../../domain/estate-index.ts';
import type { ProbeState } from '../../../domain/model.ts';
import { FIXTURE_ESTATE } from '../../../live/live-fixtures.ts';
import { countSitesByState, countSitesInMaintenance } from './map-legend.tsx';

// Metz has two sites (one CRITICAL, one OK), Boulay one (WARNING).
const states: Record<string, ProbeState> = { 's-metz-mairie': 'CRITICAL', 's-metz-ecole': 'OK', 's-boulay-mairie': 'WARNING' };
const store = { index: indexEstate(FIXTURE_ESTATE), siteState: (id: string) => states[id] ?? 'PENDING' };

describe('countSitesByState: the legend counts follow the collectivité filter', () => {
  it.each([
    ['all collectivités', undefined, { OK: 1, WARNING: 1, CRITICAL: 1, UNKNOWN: 0, PENDING: 0 }],
    ['Metz selected', 'c-metz', { OK: 1, WARNING: 0, CRITICAL: 1, UNKNOWN: 0, PENDING: 0 }],
    ['Boulay selected', 'c-boulay', { OK: 0, WARNING: 1, CRITICAL: 0, UNKNOWN: 0, PENDING: 0 }],
    ['an unknown collectivité', 'c-nowhere', { OK: 0, WARNING: 0, CRITICAL: 0, UNKNOWN: 0, PENDING: 0 }],
  ] as const)('%s', (_, collectiviteId, counts) => {
    expect(countSitesByState(store, collectiviteId)).toEqual(counts);
  });
});

describe('countSitesInMaintenance: the legend counts sites under planned work, following the filter', () => {
  const working = new Set(['s-metz-ecole', 's-boulay-mairie']);
  const withWork = { ...store, siteInMaintenance: (id: string) => working.has(id) };
  it.each([
    ['all collectivités', undefined, 2],
    ['Metz selected', 'c-metz', 1],
    ['an unknown collectivité', 'c-nowhere', 0],
  ] as const)('%s', (_, collectiviteId, count) => {
    expect(countSitesInMaintenance(withWork, collectiviteId)).toBe(count);
  });
});
