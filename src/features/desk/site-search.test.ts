import { describe, expect, it } from 'vitest';
import { indexEstate } from '../../domain/estate-index.ts';
import type { Estate } from '../../domain/model.ts';
import { searchSites } from './site-search.ts';

const estate: Estate = {
  collectivites: [
    { id: 'c1', insee: '1', name: 'Château-Salins', lat: 0, lng: 0 },
    { id: 'c2', insee: '2', name: 'Metz', lat: 0, lng: 0 },
  ],
  sites: [
    { id: 's1', collectiviteId: 'c1', name: 'Mairie', kind: 'mairie', lat: 0, lng: 0 },
    { id: 's2', collectiviteId: 'c2', name: 'École Jules Ferry', kind: 'ecole', lat: 0, lng: 0 },
    { id: 's3', collectiviteId: 'c2', name: 'Mairie', kind: 'mairie', lat: 0, lng: 0 },
  ],
  equipment: [],
  probes: [],
};
const index = indexEstate(estate);
const ids = (q: string, limit?: number) => searchSites(index, q, limit).map((h) => h.siteId);

describe('searchSites', () => {
  it.each([
    ['chateau', ['s1']],
    ['mairie', ['s1', 's3']],
    ['metz mairie', ['s3']],
    ['ecole', ['s2']],
    ['metz', ['s2', 's3']],
    ['', []],
    ['lyon', []],
  ])('%j', (q, want) => {
    expect(ids(q)).toEqual(want);
  });

  it('puts sites of a commune starting with the first word first, and stops at the limit', () => {
    expect(ids('m')).toEqual(['s2', 's3', 's1']);
    expect(ids('m', 2)).toEqual(['s2', 's3']);
  });
});
