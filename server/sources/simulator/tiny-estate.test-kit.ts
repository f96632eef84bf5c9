// A hand-sized estate for the simulator's own tests: one collectivité, a town hall and a school,
// a few probes of each kind that matters. Test support only.
import type { Estate } from '../../../src/protocol/schemas.ts';
import type { StaffHours } from './sim-state.ts';

export function tinyEstate(): Estate {
  return {
    collectivites: [{ id: 'c-1', insee: '57001', name: 'Testville', epci: 'CC Test', lat: 49.1, lng: 6.2 }],
    sites: [
      { id: 'c-1-s1', collectiviteId: 'c-1', name: 'Mairie de Testville', kind: 'mairie', lat: 49.1, lng: 6.2 },
      { id: 'c-1-s2', collectiviteId: 'c-1', name: 'École du Centre', kind: 'ecole', lat: 49.101, lng: 6.201 },
    ],
    equipment: [
      { id: 'c-1-s1-e1', siteId: 'c-1-s1', name: 'Routeur Internet', kind: 'router' },
      { id: 'c-1-s1-e2', siteId: 'c-1-s1', name: 'Serveur de fichiers', kind: 'server' },
      { id: 'c-1-s1-e3', siteId: 'c-1-s1', name: 'Caméra parvis', kind: 'camera' },
      { id: 'c-1-s2-e1', siteId: 'c-1-s2', name: 'Routeur Internet', kind: 'router' },
    ],
    probes: [
      { id: 'internet', equipmentId: 'c-1-s1-e1', name: 'Accès Internet (fibre)', kind: 'internet', interval: 60 },
      { id: 'host', equipmentId: 'c-1-s1-e2', name: 'Ping serveur', kind: 'host', interval: 120 },
      { id: 'disk', equipmentId: 'c-1-s1-e2', name: 'Espace disque /srv', kind: 'disk', interval: 600 },
      { id: 'camera', equipmentId: 'c-1-s1-e3', name: 'État de la caméra', kind: 'camera', interval: 300 },
      { id: 'school-internet', equipmentId: 'c-1-s2-e1', name: 'Accès Internet (fibre)', kind: 'internet', interval: 60 },
      { id: 'school-link', equipmentId: 'c-1-s2-e1', name: 'Lien inter-site vers la mairie', kind: 'link', interval: 60 },
    ],
  };
}

/** Staff who are always at their desk: tests about checks need no calendar. */
export const ALWAYS_COVERED: StaffHours = { isCovered: () => true, nextCoveredInstant: (t) => t };
/** Staff who never come: tests about checks without any acknowledgement. */
export const NEVER_COVERED: StaffHours = { isCovered: () => false, nextCoveredInstant: (t) => t + 10 * 365 * 86_400_000 };
