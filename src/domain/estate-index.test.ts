import { describe, expect, it } from 'vitest';
import { EMPTY_ESTATE_INDEX, indexEstate, sameEstate } from './estate-index.ts';
import type { Estate } from './model.ts';

// Two collectivités; c-metz has two sites, one with two pieces of equipment. Plus the dangling
// cases a source may send: equipment on an unknown site, a probe on unknown equipment.
function estate(): Estate {
  return {
    collectivites: [
      { id: 'c-metz', insee: '57463', name: 'Metz', lat: 49.12, lng: 6.18 },
      { id: 'c-boulay', insee: '57097', name: 'Boulay-Moselle', lat: 49.18, lng: 6.49 },
    ],
    sites: [
      { id: 's-mairie', collectiviteId: 'c-metz', name: 'Mairie', kind: 'mairie', lat: 49.12, lng: 6.18 },
      { id: 's-ecole', collectiviteId: 'c-metz', name: 'École', kind: 'ecole', lat: 49.11, lng: 6.19 },
      { id: 's-boulay', collectiviteId: 'c-boulay', name: 'Mairie de Boulay', kind: 'mairie', lat: 49.18, lng: 6.49 },
    ],
    equipment: [
      { id: 'e-srv', siteId: 's-mairie', name: 'SRV', kind: 'server' },
      { id: 'e-cam', siteId: 's-mairie', name: 'Caméra', kind: 'camera' },
      { id: 'e-box', siteId: 's-ecole', name: 'Box', kind: 'router' },
      { id: 'e-nas', siteId: 's-boulay', name: 'NAS', kind: 'nas' },
      { id: 'e-lost', siteId: 's-gone', name: 'Orphelin', kind: 'switch' },
    ],
    probes: [
      { id: 'p-disk', equipmentId: 'e-srv', name: 'Disque', kind: 'disk', interval: 60 },
      { id: 'p-cam', equipmentId: 'e-cam', name: 'Image', kind: 'camera', interval: 60 },
      { id: 'p-wan', equipmentId: 'e-box', name: 'Internet', kind: 'internet', interval: 60 },
      { id: 'p-vol', equipmentId: 'e-nas', name: 'Volume', kind: 'disk', interval: 60 },
      { id: 'p-lost-site', equipmentId: 'e-lost', name: 'Port', kind: 'link', interval: 60 },
      { id: 'p-lost-eq', equipmentId: 'e-none', name: 'Ping', kind: 'host', interval: 60 },
    ],
  };
}

describe('indexEstate', () => {
  const index = indexEstate(estate());

  it('finds everything by id and lists children in estate order', () => {
    expect(index.collectivites.get('c-boulay')?.name).toBe('Boulay-Moselle');
    expect(index.sites.get('s-ecole')?.collectiviteId).toBe('c-metz');
    expect(index.equipment.get('e-cam')?.siteId).toBe('s-mairie');
    expect(index.probes.get('p-lost-eq')?.name).toBe('Ping'); // known, though placed nowhere
    expect(index.sitesByCollectivite.get('c-metz')?.map((s) => s.id)).toEqual(['s-mairie', 's-ecole']);
    expect(index.equipmentBySite.get('s-mairie')?.map((e) => e.id)).toEqual(['e-srv', 'e-cam']);
    expect(index.probesByEquipment.get('e-srv')?.map((p) => p.id)).toEqual(['p-disk']);
    expect(index.probesBySite.get('s-mairie')?.map((p) => p.id)).toEqual(['p-disk', 'p-cam']);
  });

  it.each([
    ['p-cam', { probeId: 'p-cam', siteId: 's-mairie', collectiviteId: 'c-metz' }],
    ['p-vol', { probeId: 'p-vol', siteId: 's-boulay', collectiviteId: 'c-boulay' }],
    ['p-lost-site', undefined],
    ['p-lost-eq', undefined],
    ['nope', undefined],
  ] as const)('places probe %s at %j', (probeId, ref) => {
    expect(index.probeRef(probeId)).toEqual(ref);
    expect(index.siteOfProbe.get(probeId)).toBe(ref?.siteId);
  });

  it('gives the same ref object on every call (the gateway asks per event)', () => {
    expect(index.probeRef('p-disk')).toBe(index.probeRef('p-disk'));
  });

  it.each([
    ['c-metz', 'c-metz'],
    ['s-ecole', 'c-metz'],
    ['e-nas', 'c-boulay'],
    ['p-wan', 'c-metz'],
    ['e-lost', undefined],
    ['p-lost-site', undefined],
    ['p-lost-eq', undefined],
    ['unknown', undefined],
  ] as const)('the owner of %s is %s', (id, owner) => expect(index.collectiviteOf(id)).toBe(owner));

  it('lists placed probe ids per collectivité and for the whole estate', () => {
    expect(index.probeIdsIn('c-metz')).toEqual(['p-disk', 'p-cam', 'p-wan']);
    expect(index.probeIdsIn('c-boulay')).toEqual(['p-vol']);
    expect(index.probeIdsIn('c-unknown')).toEqual([]);
    expect(index.probeIdsIn()).toEqual(['p-disk', 'p-cam', 'p-wan', 'p-vol']);
  });

  it('is built once per estate object, afresh for a new one', () => {
    const e = estate();
    expect(indexEstate(e)).toBe(indexEstate(e));
    expect(indexEstate(estate())).not.toBe(indexEstate(e));
    expect(indexEstate(e).estate).toBe(e);
  });

  it('the empty index answers every question with nothing', () => {
    expect(EMPTY_ESTATE_INDEX.sites.size).toBe(0);
    expect(EMPTY_ESTATE_INDEX.probeRef('p')).toBeUndefined();
    expect(EMPTY_ESTATE_INDEX.probeIdsIn()).toEqual([]);
  });
});

describe('sameEstate', () => {
  it('tells a resync with the same content from a changed estate', () => {
    expect(sameEstate(undefined, estate())).toBe(false);
    expect(sameEstate(estate(), estate())).toBe(true);
    const moved = estate();
    moved.sites[0]!.lat = 49.2;
    expect(sameEstate(estate(), moved)).toBe(false);
  });
});
