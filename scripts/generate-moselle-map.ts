// Writes public/map/moselle-boundaries.json: what the map draws when it has no tiles (and the EPCI
// borders it draws over tiles) — the département outline, EPCI and commune borders simplified to
// MAP_TOLERANCE_M, and a name point for each EPCI and commune. From the IGN polygons committed in
// scripts/moselle-geo/source/ and @etalab/decoupage-administratif; the SPA fetches it after the
// first paint. Run: npm run generate:map
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { encodePolyline } from '../src/protocol/polyline.ts';
import { BOUNDARIES_FORMAT, BOUNDARIES_PATH, type BoundariesFile } from '../src/features/map/api/boundaries-file.ts';
import { buildTopology } from './moselle-geo/boundaries.ts';
import { joinCurrentCommunes } from './moselle-geo/current-communes.ts';
import { labelPoint } from './moselle-geo/label-point.ts';
import { IGN_ATTRIBUTION, readMoselleSources } from './moselle-geo/read-sources.ts';

/** Below a pixel up to zoom 13 (~13 m a pixel at 49° N); the source itself is drawn at about this. */
export const MAP_TOLERANCE_M = 20;

export function moselleBoundariesFile(): BoundariesFile {
  const sources = readMoselleSources();
  const join = joinCurrentCommunes(
    sources.ignCommunes.map((c) => c.code),
    sources.communes,
    sources.epcis,
  );
  const topology = buildTopology(sources.ignCommunes, join);
  const raw = topology.at(0);
  const drawn = topology.at(MAP_TOLERANCE_M);
  const encode = (lines: ReturnType<typeof topology.at>['outline']) => lines.map((line) => encodePolyline(line));
  return {
    format: BOUNDARIES_FORMAT,
    attribution: IGN_ATTRIBUTION,
    toleranceM: MAP_TOLERANCE_M,
    outline: encode(drawn.outline),
    epciBorders: encode(drawn.epciBorders),
    communeBorders: encode(drawn.communeBorders),
    epcis: join.epcis.map((e) => {
      const p = labelPoint(raw.epci(e.code));
      return [e.code, e.name, p.lat, p.lng];
    }),
    communes: join.communes.map((c) => {
      const p = labelPoint(raw.commune(c.insee));
      return [c.insee, c.name, p.lat, p.lng, c.population];
    }),
  };
}

/** The file as committed: one name or line a line. */
export const moselleBoundariesText = (file = moselleBoundariesFile()) => JSON.stringify(file).replace(/","|\],\[/g, (m) => `${m[0]}${m[1]}\n${m[2]}`) + '\n';
export const BOUNDARIES_TARGET = join(import.meta.dirname, '..', 'public', BOUNDARIES_PATH);

if (import.meta.url === `file://${process.argv[1]}`) {
  const file = moselleBoundariesFile();
  const text = moselleBoundariesText(file);
  mkdirSync(dirname(BOUNDARIES_TARGET), { recursive: true });
  writeFileSync(BOUNDARIES_TARGET, text);
  const lines = [file.outline, file.epciBorders, file.communeBorders].flat().length;
  console.log(`${file.communes.length} communes, ${file.epcis.length} EPCI, ${lines} lines, ${(text.length / 1024).toFixed(0)} KB → ${BOUNDARIES_TARGET}`);
}
