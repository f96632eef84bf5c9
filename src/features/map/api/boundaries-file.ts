// The Moselle boundaries file (public/map/moselle-boundaries.json, written by
// scripts/generate-moselle-map.ts): the département outline, EPCI and commune borders as encoded
// polylines, and where to write each EPCI's and commune's name. Fetched after the first paint so
// it never weighs on the initial bundle, validated here like any other input.
import { z } from 'zod';
import { decodePolyline } from '../../../protocol/polyline.ts';
import { complete, type Steps } from '../../../domain/steps.ts';
import { inSlices } from '../../../live/slices.ts';

export const BOUNDARIES_FORMAT = 'vigie-moselle-boundaries/1';
/** Where the SPA finds the file (Vite copies public/ to the root of the build). */
export const BOUNDARIES_PATH = 'map/moselle-boundaries.json';

const polylines = z.array(z.string().max(200_000)).max(10_000);
const lat = z.number().min(-90).max(90);
const lng = z.number().min(-180).max(180);

export const boundariesFileSchema = z.object({
  format: z.literal(BOUNDARIES_FORMAT),
  attribution: z.string().min(1).max(200),
  toleranceM: z.number().nonnegative(),
  outline: polylines,
  epciBorders: polylines,
  communeBorders: polylines,
  /** [SIREN, name, lat, lng] */
  epcis: z.array(z.tuple([z.string(), z.string().max(200), lat, lng])).max(1_000),
  /** [INSEE, name, lat, lng, population] */
  communes: z.array(z.tuple([z.string(), z.string().max(200), lat, lng, z.number().int().nonnegative()])).max(50_000),
});
export type BoundariesFile = z.infer<typeof boundariesFileSchema>;

/** [lat, lng], Leaflet's order. */
export type LatLngPair = [number, number];

export interface PlaceName {
  name: string;
  lat: number;
  lng: number;
  /** Bigger places win when two names would overlap. */
  rank: number;
}

export interface MoselleBoundaries {
  attribution: string;
  outline: LatLngPair[][];
  epciBorders: LatLngPair[][];
  communeBorders: LatLngPair[][];
  epciNames: PlaceName[];
  communeNames: PlaceName[];
}

/** Polylines decoded between two steps (a commune border: ~20 points). */
const LINES_PER_STEP = 64;

function* toLatLng(lines: readonly string[]): Steps<LatLngPair[][]> {
  const decoded: LatLngPair[][] = [];
  for (const line of lines) {
    decoded.push(decodePolyline(line).map(([x, y]): LatLngPair => [y, x]));
    if (decoded.length % LINES_PER_STEP === 0) yield;
  }
  return decoded;
}

/** Validates and decodes the file; throws with the reason when it is not one. */
export function decodeBoundaries(json: unknown): MoselleBoundaries {
  return complete(decodeBoundariesInSteps(json));
}

/**
 * decodeBoundaries in steps (domain/steps.ts): ~20,000 points decoded at once were a 30–65 ms task,
 * and the file may arrive while a storm is on screen.
 */
export function* decodeBoundariesInSteps(json: unknown): Steps<MoselleBoundaries> {
  const file = boundariesFileSchema.parse(json);
  yield;
  return {
    attribution: file.attribution,
    outline: yield* toLatLng(file.outline),
    epciBorders: yield* toLatLng(file.epciBorders),
    communeBorders: yield* toLatLng(file.communeBorders),
    epciNames: file.epcis.map(([, name, lat, lng]) => ({ name, lat, lng, rank: 0 })),
    communeNames: file.communes.map(([, name, lat, lng, population]) => ({ name, lat, lng, rank: population })),
  };
}

/** Fetches and decodes the file; `base` is the app's base URL (import.meta.env.BASE_URL). */
export async function loadBoundaries(base = '/', fetcher: typeof fetch = fetch): Promise<MoselleBoundaries> {
  const response = await fetcher(`${base}${BOUNDARIES_PATH}`);
  if (!response.ok) throw new Error(`${BOUNDARIES_PATH}: HTTP ${response.status}`);
  return inSlices(decodeBoundariesInSteps(await response.json()));
}
