// The Moselle drawn from open data under the sites: the département filled and outlined, EPCI and
// commune borders, and place names that fit the zoom. Over tiles only the outline and the EPCI
// borders are drawn (the tiles have the rest); without tiles ("plain") everything is, so the map
// still reads as the Moselle. Canvas-rendered in its own pane below the site canvas; names are
// text nodes (never HTML) in a pane of their own, recomputed when the view settles.
import L from 'leaflet';
import type { MoselleBoundaries } from '../api/boundaries-file.ts';
import type { Steps } from '../../../domain/steps.ts';
import { runInSlices } from '../../../live/slices.ts';
import { boxOf, namesAtZoom, placeNames, type NameBox, type NameCandidate } from './place-names.ts';

export interface BoundariesLayer {
  /** true: no tiles behind, draw the whole backdrop with names. */
  setPlain(plain: boolean): void;
  dispose(): void;
}

const LINES_PANE = 'vigie-boundaries';
/** Commune borders projected per task (~2,000 points). */
const COMMUNE_LINES_PER_PART = 100;
const NAMES_PANE = 'vigie-place-names';

const STYLE = {
  plain: {
    land: { color: '#cbd5e1', weight: 2.5, opacity: 0.9, fillColor: '#334155', fillOpacity: 1 },
    epci: { color: '#94a3b8', weight: 1.5, opacity: 0.85 },
    commune: { color: '#64748b', weight: 0.75, opacity: 0.7 },
  },
  tiles: {
    land: { color: '#1e293b', weight: 2.5, opacity: 0.8, fillOpacity: 0 },
    epci: { color: '#1e293b', weight: 1.25, opacity: 0.55, dashArray: '4 4' },
  },
} as const;

const NAME_CLASS = {
  epci: 'absolute whitespace-nowrap -translate-x-1/2 -translate-y-1/2 text-[0.7rem] font-semibold uppercase tracking-wide text-slate-300/90 [text-shadow:0_0_3px_#0f172a,0_0_2px_#0f172a]',
  commune: 'absolute whitespace-nowrap -translate-x-1/2 -translate-y-1/2 text-[0.75rem] text-slate-200/90 [text-shadow:0_0_3px_#0f172a,0_0_2px_#0f172a]',
};

/** `fontPx`: the names' size in CSS pixels (the wall's rem is larger). */
export function createBoundariesLayer(map: L.Map, data: MoselleBoundaries, fontPx = 12): BoundariesLayer {
  for (const [name, z] of [[LINES_PANE, '250'], [NAMES_PANE, '260']] as const) {
    const pane = map.getPane(name) ?? map.createPane(name);
    pane.style.zIndex = z;
    pane.style.pointerEvents = 'none';
  }
  const namesPane = map.getPane(NAMES_PANE)!;
  namesPane.classList.add('leaflet-zoom-hide');
  namesPane.setAttribute('aria-hidden', 'true');
  const renderer = L.canvas({ pane: LINES_PANE, padding: 0.3 });
  const common = { renderer, interactive: false, pane: LINES_PANE, smoothFactor: 1 };
  const land = L.polygon(data.outline, { ...common, ...STYLE.plain.land });
  const epci = L.polyline(data.epciBorders, { ...common, ...STYLE.plain.epci });
  // Leaflet projects every point of a layer when it is added: the 700 commune borders in one layer
  // were one 50–90 ms task. They go in parts, one part per task (slices.ts), drawn under the EPCI
  // borders as before (the canvas draws in the order layers were added).
  const communes: L.Polyline[] = [];
  const group = L.layerGroup([land]).addTo(map);
  let plain = true;
  function* addParts(): Steps<void> {
    for (let start = 0; start < data.communeBorders.length; start += COMMUNE_LINES_PER_PART) {
      const part = L.polyline(data.communeBorders.slice(start, start + COMMUNE_LINES_PER_PART), { ...common, ...STYLE.plain.commune });
      communes.push(part);
      if (plain) group.addLayer(part);
      yield;
    }
    group.addLayer(epci);
  }
  const stopParts = runInSlices(addParts(), () => undefined);

  const candidates: Array<NameCandidate & { lat: number; lng: number; population: number }> = [
    ...data.epciNames.map((p) => ({ ...p, x: 0, y: 0, kind: 'epci' as const, rank: Number.MAX_SAFE_INTEGER, population: 0 })),
    ...data.communeNames.map((p) => ({ ...p, x: 0, y: 0, kind: 'commune' as const, population: p.rank })),
  ];

  function writeNames() {
    namesPane.replaceChildren();
    if (!plain) return;
    const rule = namesAtZoom(map.getZoom());
    const size = map.getSize();
    const boxes: NameBox[] = [];
    for (const c of candidates) {
      if (c.kind === 'epci' ? !rule.epcis : rule.minPopulation === null || c.population < rule.minPopulation) continue;
      const p = map.latLngToContainerPoint([c.lat, c.lng]);
      // A commune's name under its point: the simulator's town hall stands on that very point.
      boxes.push(boxOf({ ...c, x: p.x, y: c.kind === 'commune' ? p.y + fontPx * 1.2 : p.y }, fontPx));
    }
    for (const box of placeNames(boxes, size.x, size.y)) {
      const el = document.createElement('span');
      el.className = NAME_CLASS[box.kind];
      el.textContent = box.name;
      L.DomUtil.setPosition(el, map.containerPointToLayerPoint([box.x, box.y]));
      namesPane.append(el);
    }
  }

  function restyle() {
    const style = plain ? STYLE.plain : STYLE.tiles;
    land.setStyle(style.land);
    epci.setStyle(style.epci);
    for (const part of communes) {
      if (plain && !group.hasLayer(part)) group.addLayer(part);
      if (!plain) group.removeLayer(part);
    }
    writeNames();
  }

  map.on('moveend zoomend resize', writeNames);
  writeNames();
  return {
    setPlain(next) {
      if (next === plain) return;
      plain = next;
      restyle();
    },
    dispose() {
      stopParts();
      map.off('moveend zoomend resize', writeNames);
      group.remove();
      namesPane.replaceChildren();
    },
  };
}
