// Joins GeoNames places (names + coordinates) with the official list of Moselle communes (INSEE
// code, population, EPCI) — pure, so the committed generator stays a thin I/O shell around it.
// Communes GeoNames does not know are placed near the known communes of their own EPCI, flagged.

export interface GeoPlace {
  name: string;
  lat: number;
  lng: number;
}
export interface OfficialCommune {
  insee: string;
  name: string;
  population: number;
}
export interface OfficialEpci {
  code: string;
  name: string;
  members: string[];
}
export interface PlacedCommune {
  insee: string;
  name: string;
  population: number;
  epci: string;
  lat: number;
  lng: number;
  approximate: boolean;
}

/** Moselle area (km²) / number of communes: a rough commune footprint for spreading EPCIs. */
const KM2_PER_COMMUNE = 6_216 / 725;
const KM_PER_DEG_LAT = 111.2;
/** Two placed communes closer than this look stacked on the map. */
const MIN_SPACING_KM = 1.6;
const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));

/** Name key tolerant to accents, case, hyphens and apostrophes ("Lès" vs "les", "-" vs " "). */
export function placeKey(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

const round5 = (x: number) => Math.round(x * 1e5) / 1e5;

function distanceKm(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const dy = (a.lat - b.lat) * KM_PER_DEG_LAT;
  const dx = (a.lng - b.lng) * KM_PER_DEG_LAT * Math.cos((a.lat * Math.PI) / 180);
  return Math.hypot(dx, dy);
}

/**
 * Place every commune that belongs to one of `epcis`. Known ones keep their GeoNames position;
 * the others take successive points of a sunflower spiral around the centroid of their EPCI's
 * known communes (radius from the EPCI's size), skipping points too close to an already placed one.
 */
export function joinPlaces(geo: GeoPlace[], communes: OfficialCommune[], epcis: OfficialEpci[]): PlacedCommune[] {
  const geoByKey = new Map(geo.map((g) => [placeKey(g.name), g]));
  const communeByInsee = new Map(communes.map((c) => [c.insee, c]));
  const placed: PlacedCommune[] = [];
  for (const epci of [...epcis].sort((a, b) => a.code.localeCompare(b.code))) {
    const members = epci.members.flatMap((code) => communeByInsee.get(code) ?? []).sort((a, b) => a.insee.localeCompare(b.insee));
    const known = members.flatMap((c) => {
      const g = geoByKey.get(placeKey(c.name));
      return g ? [{ ...c, epci: epci.code, lat: round5(g.lat), lng: round5(g.lng), approximate: false }] : [];
    });
    const anchors = known.length > 0 ? known : placed; // an EPCI with no known commune: the whole département
    if (anchors.length === 0) throw new Error(`EPCI ${epci.code} has no known commune to place its members near`);
    const centre = {
      lat: anchors.reduce((s, c) => s + c.lat, 0) / anchors.length,
      lng: anchors.reduce((s, c) => s + c.lng, 0) / anchors.length,
    };
    const radiusKm = Math.sqrt((members.length * KM2_PER_COMMUNE) / Math.PI);
    const taken: Array<{ lat: number; lng: number }> = [...known];
    const unknown = members.filter((c) => !known.some((k) => k.insee === c.insee));
    const slots = Math.max(4 * unknown.length, 1);
    let slot = 0;
    const result = [...known];
    for (const c of unknown) {
      let point = centre;
      for (; slot < slots * 4; slot++) {
        const r = radiusKm * Math.sqrt((slot + 0.5) / slots);
        const candidate = {
          lat: centre.lat + (r * Math.sin(slot * GOLDEN_ANGLE)) / KM_PER_DEG_LAT,
          lng: centre.lng + (r * Math.cos(slot * GOLDEN_ANGLE)) / (KM_PER_DEG_LAT * Math.cos((centre.lat * Math.PI) / 180)),
        };
        point = candidate;
        if (taken.every((t) => distanceKm(t, candidate) >= MIN_SPACING_KM)) break;
      }
      slot++;
      taken.push(point);
      result.push({ ...c, epci: epci.code, lat: round5(point.lat), lng: round5(point.lng), approximate: true });
    }
    placed.push(...result);
  }
  return placed.sort((a, b) => a.insee.localeCompare(b.insee));
}
