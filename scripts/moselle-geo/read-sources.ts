// The generators' inputs, read from disk: the IGN commune polygons and département outline
// committed beside this file (source/, Licence Ouverte: see source/README.md) and the official
// commune and EPCI lists of @etalab/decoupage-administratif, filtered to Moselle.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { MultiPolygon, Polygon } from 'geojson';
import type { OfficialCommune, OfficialEpci } from './current-communes.ts';

export const DEPARTEMENT = '57';
/** The credit the Licence Ouverte asks for, shown in the map's attribution and in the README. */
export const IGN_ATTRIBUTION = '© IGN — Admin Express COG 2018, Licence Ouverte';

const root = join(import.meta.dirname, '..', '..');
const readJson = <T>(path: string): T => JSON.parse(readFileSync(path, 'utf8')) as T;
const decoupage = (file: string) => join(root, 'node_modules', '@etalab', 'decoupage-administratif', file);

export interface IgnCommune {
  code: string;
  name: string;
  geometry: Polygon | MultiPolygon;
}

export interface MoselleSources {
  ignCommunes: IgnCommune[];
  departement: Polygon | MultiPolygon;
  communes: OfficialCommune[];
  epcis: OfficialEpci[];
  decoupageVersion: string;
}

interface Collection<P> {
  features: Array<{ geometry: Polygon | MultiPolygon; properties: P }>;
}

export function readMoselleSources(): MoselleSources {
  const source = join(import.meta.dirname, 'source');
  const ign = readJson<Collection<{ code: string; nom: string }>>(join(source, 'communes-57-moselle.geojson'));
  const departement = readJson<Collection<unknown> | { geometry: Polygon | MultiPolygon }>(join(source, 'departement-57-moselle.geojson'));
  return {
    ignCommunes: ign.features.map((f) => ({ code: f.properties.code, name: f.properties.nom, geometry: f.geometry })),
    departement: 'features' in departement ? departement.features[0]!.geometry : departement.geometry,
    communes: readJson<Array<OfficialCommune & { departement: string }>>(decoupage('data/communes.json')).filter((c) => c.departement === DEPARTEMENT),
    epcis: readJson<OfficialEpci[]>(decoupage('data/epci.json')),
    decoupageVersion: readJson<{ version: string }>(decoupage('package.json')).version,
  };
}
