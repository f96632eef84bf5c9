import { describe, expect, it } from 'vitest';
import { indexEstate } from '../../src/domain/estate-index.ts';
import type { Estate } from '../../src/domain/model.ts';
import type { MaintenanceWindow } from '../../src/domain/maintenance.ts';
import { noticeFor } from './maintenance-notices.ts';

const estate: Estate = {
  collectivites: [{ id: 'c1', insee: '57001', name: 'Hundling', lat: 49, lng: 7 }],
  sites: [
    { id: 's1', collectiviteId: 'c1', name: 'Mairie de Hundling', kind: 'mairie', lat: 49, lng: 7 },
    { id: 's2', collectiviteId: 'c1', name: 'École', kind: 'ecole', lat: 49, lng: 7 },
  ],
  equipment: [{ id: 'e2', siteId: 's2', name: 'Serveur', kind: 'server' }],
  probes: [{ id: 'p2', equipmentId: 'e2', name: 'Disque', kind: 'disk', interval: 60 }],
};
const index = indexEstate(estate);
const window: MaintenanceWindow = {
  id: 'w1',
  collectiviteId: 'c1',
  siteIds: ['s1'],
  equipmentIds: ['e2'],
  probeIds: ['p2'],
  start: 1_000,
  end: 2_000,
  nature: 'mise à jour du serveur',
  by: 'support',
  source: 'vigie',
  createdAt: 500,
};

describe('noticeFor', () => {
  it('announces a scheduled window with the names of the sites it covers, once each', () => {
    expect(noticeFor({ kind: 'scheduled', window }, index)).toEqual({
      collectiviteId: 'c1',
      windowId: 'w1',
      start: 1_000,
      end: 2_000,
      nature: 'mise à jour du serveur',
      sites: ['Mairie de Hundling', 'École'],
    });
  });

  it.each([
    ['edited', true],
    ['engine', true],
    ['cancelled', true],
    ['started', false],
    ['ended', false],
    ['finished', false],
  ] as const)('%s → notice: %s', (kind, noticed) => {
    const notice = noticeFor({ kind, window }, index);
    expect(notice !== undefined).toBe(noticed);
    if (kind === 'cancelled') expect(notice?.cancelled).toBe(true);
  });
});
