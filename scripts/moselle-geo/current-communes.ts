// Joins the IGN polygons (Admin Express COG 2018: 727 Moselle communes) with today's official list
// (@etalab/decoupage-administratif: 725 communes, their population and EPCI). Communes merged since
// 2018 bring their polygons to the commune they joined: a 2018 code is today's commune, an old code
// a current commune lists in `anciensCodes`, or a delegated/associated commune's `chefLieu`.
// Anything else stops the generation with the code named, rather than drop a piece of the map.

export interface OfficialCommune {
  code: string;
  nom: string;
  type: string;
  population?: number;
  chefLieu?: string;
  anciensCodes?: string[];
}
export interface OfficialEpci {
  code: string;
  nom: string;
  membres: Array<{ code: string }>;
}
export interface CurrentCommune {
  insee: string;
  name: string;
  population: number;
  /** SIREN of its EPCI. */
  epci: string;
  /** The 2018 codes whose polygons make it up (its own first, when it had one). */
  pieces: string[];
}
export interface Epci {
  code: string;
  name: string;
}
export interface CommuneJoin {
  communes: CurrentCommune[];
  epcis: Epci[];
  /** 2018 code → today's INSEE code. */
  currentOf: Map<string, string>;
}

/**
 * `communes` and `epcis` are the official lists (any département: filtered to `departement` by
 * the caller's commune list); `pieces2018` the codes of the polygons at hand.
 */
export function joinCurrentCommunes(pieces2018: readonly string[], communes: readonly OfficialCommune[], epcis: readonly OfficialEpci[]): CommuneJoin {
  const current = new Map(communes.filter((c) => c.type === 'commune-actuelle').map((c) => [c.code, c]));
  const byOldCode = new Map<string, string>();
  for (const c of current.values()) for (const old of c.anciensCodes ?? []) byOldCode.set(old, c.code);
  const chefLieu = new Map(communes.filter((c) => c.type !== 'commune-actuelle' && c.chefLieu).map((c) => [c.code, c.chefLieu!]));

  const currentOf = new Map<string, string>();
  for (const code of pieces2018) {
    const target = current.has(code) ? code : (byOldCode.get(code) ?? chefLieu.get(code));
    if (target === undefined || !current.has(target)) throw new Error(`2018 commune ${code} matches no current commune (merged? add it to anciensCodes)`);
    currentOf.set(code, target);
  }

  const epciOf = new Map<string, string>();
  const used = new Map<string, string>();
  for (const e of epcis) {
    for (const m of e.membres) {
      if (!current.has(m.code)) continue;
      epciOf.set(m.code, e.code);
      used.set(e.code, e.nom);
    }
  }

  const piecesOf = new Map<string, string[]>();
  for (const [code, target] of currentOf) piecesOf.set(target, [...(piecesOf.get(target) ?? []), code]);
  const joined = [...current.values()]
    .map((c): CurrentCommune => {
      const pieces = piecesOf.get(c.code);
      if (!pieces) throw new Error(`commune ${c.code} (${c.nom}) has no polygon`);
      const epci = epciOf.get(c.code);
      if (!epci) throw new Error(`commune ${c.code} (${c.nom}) belongs to no EPCI`);
      return { insee: c.code, name: c.nom, population: c.population ?? 0, epci, pieces: pieces.sort((a, b) => (a === c.code ? -1 : b === c.code ? 1 : a.localeCompare(b))) };
    })
    .sort((a, b) => a.insee.localeCompare(b.insee));
  const epciList = [...used].map(([code, name]) => ({ code, name })).sort((a, b) => a.code.localeCompare(b.code));
  return { communes: joined, epcis: epciList, currentOf };
}
