// Writes server/sources/simulator/moselle-places.json: the 725 Moselle communes the simulator
// builds its estate on — INSEE code, name, population, EPCI (@etalab/decoupage-administratif) —
// with a point inside each commune (the pole of inaccessibility of its IGN polygon) and the
// polygon itself simplified to PLACES_TOLERANCE_M, so that the simulator can put every site inside
// its real commune. Communes merged since 2018 carry their old polygons. Run: npm run generate:places
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { encodePolyline } from '../src/protocol/polyline.ts';
import type { PlacesFile } from '../server/sources/simulator/places.ts';
import { buildTopology } from './moselle-geo/boundaries.ts';
import { joinCurrentCommunes } from './moselle-geo/current-communes.ts';
import { labelPoint } from './moselle-geo/label-point.ts';
import { IGN_ATTRIBUTION, readMoselleSources } from './moselle-geo/read-sources.ts';

/**
 * Coarse enough to keep the file small (the offline demo ships it), fine enough for a commune: the
 * simulator keeps sites this far plus SHAPE_MARGIN_M inside the simplified border, which puts
 * them inside the true one (every true border point is within this distance of the simplified one).
 */
export const PLACES_TOLERANCE_M = 120;

export function mosellePlacesFile(): PlacesFile {
  const sources = readMoselleSources();
  const join = joinCurrentCommunes(
    sources.ignCommunes.map((c) => c.code),
    sources.communes,
    sources.epcis,
  );
  const topology = buildTopology(sources.ignCommunes, join);
  const raw = topology.at(0);
  const simplified = topology.at(PLACES_TOLERANCE_M);
  const epciIndex = new Map(join.epcis.map((e, i) => [e.code, i]));
  return {
    generatedBy: 'scripts/generate-moselle-places.ts',
    sources: {
      communes: `@etalab/decoupage-administratif ${sources.decoupageVersion} — INSEE / DGCL`,
      boundaries: IGN_ATTRIBUTION,
    },
    shapeToleranceM: PLACES_TOLERANCE_M,
    epcis: join.epcis,
    communes: join.communes.map((c) => {
      const centre = labelPoint(raw.commune(c.insee));
      const shape = simplified.commune(c.insee).map((rings) => rings.map((ring) => encodePolyline(ring)));
      return [c.insee, c.name, c.population, epciIndex.get(c.epci)!, centre.lat, centre.lng, shape];
    }),
  };
}

/** The file as committed: one commune a line. */
export const mosellePlacesText = (file = mosellePlacesFile()) => JSON.stringify(file).replace(/\},\{|\]\]\],\[/g, (m) => `${m.slice(0, -1)}\n${m.slice(-1)}`) + '\n';
export const PLACES_TARGET = join(import.meta.dirname, '..', 'server', 'sources', 'simulator', 'moselle-places.json');

if (import.meta.url === `file://${process.argv[1]}`) {
  const file = mosellePlacesFile();
  const text = mosellePlacesText(file);
  writeFileSync(PLACES_TARGET, text);
  console.log(`${file.communes.length} communes, ${file.epcis.length} EPCI, ${(text.length / 1024).toFixed(0)} KB → ${PLACES_TARGET}`);
}
