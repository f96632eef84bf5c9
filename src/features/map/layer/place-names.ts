// Which place names the map writes at a zoom, and where, without two names overlapping: the
// biggest places first (EPCIs before communes, then by population), each name kept only if its box
// is clear of those already placed. Pure: screen positions and text widths come from the caller.

export interface NameCandidate {
  name: string;
  /** Container pixel of the name's centre. */
  x: number;
  y: number;
  /** Bigger wins when two names would overlap. */
  rank: number;
  kind: 'epci' | 'commune';
}

export interface NameBox extends NameCandidate {
  width: number;
  height: number;
}

/** What a zoom level names: EPCIs while the whole département is in view, communes from closer. */
export function namesAtZoom(zoom: number): { epcis: boolean; minPopulation: number | null } {
  if (zoom < 10) return { epcis: true, minPopulation: null };
  if (zoom < 11) return { epcis: true, minPopulation: 2_000 };
  return { epcis: false, minPopulation: 0 };
}

/** A text box of `name` at `fontPx` (an estimate: no layout is read, so panning stays cheap). */
export function boxOf(candidate: NameCandidate, fontPx: number): NameBox {
  const em = candidate.kind === 'epci' ? 0.66 : 0.56;
  return { ...candidate, width: candidate.name.length * fontPx * em + fontPx * 0.8, height: fontPx * 1.5 };
}

const overlaps = (a: NameBox, b: NameBox) => Math.abs(a.x - b.x) * 2 < a.width + b.width && Math.abs(a.y - b.y) * 2 < a.height + b.height;

/** The names to write, biggest first, none overlapping another nor leaving the `width`×`height` view. */
export function placeNames(boxes: readonly NameBox[], width: number, height: number): NameBox[] {
  const inView = boxes.filter((b) => b.x - b.width / 2 >= 0 && b.y - b.height / 2 >= 0 && b.x + b.width / 2 <= width && b.y + b.height / 2 <= height);
  const placed: NameBox[] = [];
  for (const box of [...inView].sort((a, b) => b.rank - a.rank)) {
    if (!placed.some((p) => overlaps(p, box))) placed.push(box);
  }
  return placed;
}
