// Moselle's borders as a topology (topojson-server): each stretch of border between two communes
// is one arc, stored once. Simplifying the arcs (not the polygons) keeps neighbours' borders
// identical, and the three kinds of line the map draws fall out of one partition of the arcs:
// the département's outline (arcs with a commune on one side only), EPCI borders (communes of two
// EPCIs on either side) and commune borders inside an EPCI. Merged communes (2018 → today) and
// EPCIs are dissolved the same way: topojson-client's merge drops the arcs shared inside a group.
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { merge, mesh } from 'topojson-client';
import { topology } from 'topojson-server';
import type { GeometryCollection, GeometryObject, Topology } from 'topojson-specification';
import type { LngLat } from '../../src/protocol/polyline.ts';
import type { CommuneJoin } from './current-communes.ts';
import type { IgnCommune } from './read-sources.ts';
import { simplifyLine } from './simplify.ts';

interface PieceProps {
  code2018: string;
  insee: string;
  epci: string;
}
type Pieces = GeometryCollection<PieceProps>;
type Piece = GeometryObject<PieceProps>;

/** Rings of one polygon, outer first (GeoJSON order). */
export type Rings = LngLat[][];

export interface Boundaries {
  /** The département's outline. */
  outline: LngLat[][];
  /** Borders between two EPCIs (the outline excluded). */
  epciBorders: LngLat[][];
  /** Borders between two communes of the same EPCI. */
  communeBorders: LngLat[][];
  /** Today's commune (its 2018 pieces dissolved), as polygons. */
  commune(insee: string): Rings[];
  /** An EPCI, its communes dissolved, as polygons. */
  epci(code: string): Rings[];
}

export interface BoundaryTopology {
  /** The borders with arcs simplified to `toleranceM` metres (0: as in the source). */
  at(toleranceM: number): Boundaries;
}

export function buildTopology(ign: readonly IgnCommune[], join: CommuneJoin): BoundaryTopology {
  const epciOf = new Map(join.communes.map((c) => [c.insee, c.epci]));
  const features = ign.map((c) => {
    const insee = join.currentOf.get(c.code);
    if (insee === undefined) throw new Error(`no current commune for 2018 code ${c.code}`);
    return { type: 'Feature' as const, geometry: c.geometry, properties: { code2018: c.code, insee, epci: epciOf.get(insee)! } };
  });
  const collection: FeatureCollection<Polygon | MultiPolygon, PieceProps> = { type: 'FeatureCollection', features };
  const raw = topology({ communes: collection }) as unknown as Topology<{ communes: Pieces }>;
  const pieces = raw.objects.communes.geometries as Piece[];
  const props = (p: unknown) => (p as Piece).properties as PieceProps;
  const byCommune = groupBy(pieces, (p) => props(p).insee);
  const byEpci = groupBy(pieces, (p) => props(p).epci);

  return {
    at(toleranceM) {
      const topo: Topology<{ communes: Pieces }> =
        toleranceM > 0 ? { ...raw, arcs: raw.arcs.map((arc) => simplifyLine(arc as unknown as LngLat[], toleranceM) as Array<[number, number]>) } : raw;
      const lines = (filter: (a: PieceProps, b: PieceProps) => boolean) =>
        mesh(topo, topo.objects.communes, (a, b) => filter(props(a), props(b))).coordinates as unknown as LngLat[][];
      const dissolve = (group: Piece[] | undefined) =>
        group ? (merge(topo, group as unknown as Parameters<typeof merge>[1]).coordinates as unknown as Rings[]) : [];
      return {
        outline: lines((a, b) => a === b),
        epciBorders: lines((a, b) => a !== b && a.epci !== b.epci),
        communeBorders: lines((a, b) => a !== b && a.epci === b.epci && a.insee !== b.insee),
        commune: (insee) => dissolve(byCommune.get(insee)),
        epci: (code) => dissolve(byEpci.get(code)),
      };
    },
  };
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}

/** Polygon area in km² (shoelace on a local projection; holes subtract). */
export function areaKm2(polygons: readonly Rings[]): number {
  const kx = 111.32 * Math.cos((49 * Math.PI) / 180);
  const ky = 111.32;
  let total = 0;
  for (const rings of polygons) {
    rings.forEach((ring, r) => {
      let sum = 0;
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) sum += ring[j]![0] * kx * ring[i]![1] * ky - ring[i]![0] * kx * ring[j]![1] * ky;
      total += (r === 0 ? 1 : -1) * Math.abs(sum / 2);
    });
  }
  return total;
}
