// An estate for root-cause tests: collectivités c1–c3 in the EPCI "cc", c4 in none; one site each
// ("Mairie N") with an Internet access (p-cN-net), an NVR (p-cN-nvr) and a camera (p-cN-cam) declared
// behind the NVR, as Icinga 2 `Dependency` objects would say.
import type { Estate } from '../../src/protocol/schemas.ts';

export function areaCutEstate(): Estate {
  const e: Estate = { collectivites: [], sites: [], equipment: [], probes: [], dependencies: [] };
  for (let n = 1; n <= 4; n++) {
    const c = `c${n}`;
    e.collectivites.push({ id: c, insee: `57${String(n).padStart(3, '0')}`, name: `Commune ${n}`, lat: 49, lng: 6, ...(n < 4 ? { epci: 'cc' } : {}) });
    e.sites.push({ id: `s-${c}`, collectiviteId: c, name: `Mairie ${n}`, kind: 'mairie', lat: 49, lng: 6 });
    e.equipment.push({ id: `e-${c}`, siteId: `s-${c}`, name: `Routeur ${n}`, kind: 'router' });
    e.probes.push(
      { id: `p-${c}-net`, equipmentId: `e-${c}`, name: `Accès Internet ${n}`, kind: 'internet', interval: 60 },
      { id: `p-${c}-nvr`, equipmentId: `e-${c}`, name: `Enregistreur ${n}`, kind: 'host', interval: 60 },
      { id: `p-${c}-cam`, equipmentId: `e-${c}`, name: `Caméra ${n}`, kind: 'camera', interval: 60 },
    );
    e.dependencies!.push({ parent: `p-${c}-nvr`, child: `p-${c}-cam` });
  }
  return e;
}
