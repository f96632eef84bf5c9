// Every site in scope drawn on ONE canvas over the map, Grafana-Geomap style: an object with
// init / reset / update / dispose, driven imperatively (at most once per animation frame by the
// frame driver), never re-rendered by React. The canvas is repainted whole — a few thousand shapes
// cost about a millisecond — and what is budgeted is the number of repaints, not their size. It
// keeps no copy of the sites' states: each paint reads them from the live store (`siteState`).
import L from 'leaflet';
import { stateSeverity, type ProbeState, type Site } from '../../../domain/model.ts';
import { clusterSites, type PlacedSite } from './cluster-grid.ts';
import { drawClusterMarker } from './draw-cluster.ts';
import type { KeyTarget } from './site-keyboard.ts';
import { createSitePointing, type SitePointing } from './site-pointing.ts';
import { drawMaintenanceRing, drawStateMarker, MAINTENANCE_STYLE, STATE_STYLE } from './state-style.ts';

export interface SiteLayerOptions {
  sites(): Iterable<Site>;
  /** The site's state now (the store's, O(1)): read at every paint. */
  siteState(siteId: string): ProbeState;
  /** Planned work covers the site now (read at every paint): its marker gets the maintenance ring. */
  siteInMaintenance?(siteId: string): boolean;
  onSelectSite(siteId: string): void;
  /** Text shown on hover and keyboard focus (set as textContent, never HTML). */
  describeSite(siteId: string): string;
  /** `inMaintenance`: how many of the group's sites planned work covers. */
  describeCluster(count: number, worst: ProbeState, inMaintenance: number): string;
  /** At or above this zoom every site is drawn on its own. */
  clusterBelowZoom?: number;
  cellSize?: number;
  /** What the keys do on the map (shown while it has the keyboard focus). */
  keyboardHint?(): string;
  /** false: drawn only — no hover text, no click or key handlers (a wall nobody touches). Default true. */
  interactive?: boolean;
  /** Markers, clusters and cluster cells drawn this much larger (a wall read from afar). Default 1. */
  markerScale?: number;
}

export interface SiteLayer {
  init(map: L.Map): void;
  /** The set of sites may have changed (snapshot): re-read everything and repaint. */
  reset(): void;
  /** These sites changed state (the store already says so): repaint once. */
  update(siteIds: ReadonlySet<string>): void;
  /** Ring the selected site (undefined: none). */
  select(siteId: string | undefined): void;
  dispose(): void;
  /** Repaints so far (for the render budget and for debugging). */
  readonly paints: number;
}

type HitTarget = KeyTarget;

export function createSiteLayer(options: SiteLayerOptions): SiteLayer {
  const clusterBelowZoom = options.clusterBelowZoom ?? 12;
  const scale = options.markerScale ?? 1;
  const cellSize = (options.cellSize ?? 56) * scale;
  const interactive = options.interactive ?? true;
  let map: L.Map | undefined;
  let canvas: HTMLCanvasElement | undefined;
  let pointing: SitePointing | undefined;
  let sites: Site[] = [];
  let targets: HitTarget[] = [];
  let paints = 0;
  let selected: string | undefined;
  // World-pixel positions only change with the zoom or the set of sites, not while panning.
  let projected: { zoom: number; points: Array<{ id: string; x: number; y: number }> } | undefined;
  const inMaintenance = (id: string) => options.siteInMaintenance?.(id) ?? false;

  /** One site's marker (with the maintenance ring under planned work); returns its hit radius. */
  function drawSite(ctx: CanvasRenderingContext2D, id: string, state: ProbeState, x: number, y: number): number {
    drawStateMarker(ctx, state, x, y, scale);
    const r = STATE_STYLE[state].radius * scale;
    if (!inMaintenance(id)) return r + 4;
    drawMaintenanceRing(ctx, x, y, r, scale);
    return r + (MAINTENANCE_STYLE.gap + MAINTENANCE_STYLE.width) * scale + 2;
  }

  function paint() {
    if (!map || !canvas) return;
    paints += 1;
    const size = map.getSize();
    const dpr = window.devicePixelRatio || 1;
    if (canvas.width !== size.x * dpr || canvas.height !== size.y * dpr) {
      canvas.width = size.x * dpr;
      canvas.height = size.y * dpr;
      canvas.style.width = `${size.x}px`;
      canvas.style.height = `${size.y}px`;
    }
    const ctx = canvas.getContext('2d');
    targets = [];
    if (!ctx) return;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, size.x, size.y);

    const zoom = map.getZoom();
    // World pixel of the container's top-left corner: pixel origin shifted by how far the pane was dragged.
    const origin = map.getPixelOrigin().add(map.containerPointToLayerPoint([0, 0]));
    if (projected?.zoom !== zoom) {
      const z = map;
      projected = { zoom, points: sites.map((site) => ({ id: site.id, ...pick(z.project([site.lat, site.lng], zoom)) })) };
    }
    const placed: PlacedSite[] = projected.points.map((p) => ({ ...p, state: options.siteState(p.id) }));
    const margin = 40;
    const visible = (x: number, y: number) => x > -margin && y > -margin && x < size.x + margin && y < size.y + margin;

    if (zoom >= clusterBelowZoom) {
      placed.sort((a, b) => stateSeverity(a.state) - stateSeverity(b.state));
      for (const s of placed) {
        const x = s.x - origin.x;
        const y = s.y - origin.y;
        if (!visible(x, y)) continue;
        targets.push({ x, y, r: drawSite(ctx, s.id, s.state, x, y), ids: [s.id], worst: s.state });
      }
      ringSelected(ctx, origin, zoom);
      pointing?.afterPaint(ctx);
      return;
    }
    for (const c of clusterSites(placed, cellSize)) {
      const x = c.x - origin.x;
      const y = c.y - origin.y;
      if (!visible(x, y)) continue;
      if (c.ids.length === 1) {
        targets.push({ x, y, r: drawSite(ctx, c.ids[0]!, c.worst, x, y), ids: c.ids, worst: c.worst });
      } else {
        const r = drawClusterMarker(ctx, c, x, y, scale);
        if (c.ids.some(inMaintenance)) drawMaintenanceRing(ctx, x, y, r, scale);
        targets.push({ x, y, r, ids: c.ids, worst: c.worst });
      }
    }
    ringSelected(ctx, origin, zoom);
    pointing?.afterPaint(ctx);
  }

  const describe = (t: HitTarget) => (t.ids.length === 1 ? options.describeSite(t.ids[0]!) : options.describeCluster(t.ids.length, t.worst, t.ids.filter(inMaintenance).length));

  /** Enter on a site or a click: open it; on a group: zoom until it splits. */
  function activate(target: HitTarget) {
    if (!map) return;
    if (target.ids.length === 1) return options.onSelectSite(target.ids[0]!);
    const members = sites.filter((s) => target.ids.includes(s.id));
    map.fitBounds(L.latLngBounds(members.map((s) => [s.lat, s.lng] as [number, number])).pad(0.3), { maxZoom: clusterBelowZoom + 1 });
  }

  function ringSelected(ctx: CanvasRenderingContext2D, origin: L.Point, zoom: number) {
    const site = selected === undefined ? undefined : sites.find((s) => s.id === selected);
    if (!site || !map) return;
    const p = map.project([site.lat, site.lng], zoom);
    ctx.beginPath();
    ctx.arc(p.x - origin.x, p.y - origin.y, 15, 0, Math.PI * 2);
    ctx.lineWidth = 3;
    ctx.strokeStyle = '#38bdf8';
    ctx.stroke();
  }

  function hideDuringZoom() {
    if (canvas) canvas.style.visibility = 'hidden';
  }
  function showAfterZoom() {
    if (canvas) canvas.style.visibility = '';
    paint();
  }

  return {
    init(target) {
      map = target;
      const container = target.getContainer();
      canvas = L.DomUtil.create('canvas', 'vigie-site-canvas', container);
      Object.assign(canvas.style, { position: 'absolute', top: '0', left: '0', zIndex: '450', pointerEvents: 'none' });
      canvas.setAttribute('aria-hidden', 'true');
      target.on('move resize viewreset', paint);
      target.on('zoomstart', hideDuringZoom);
      target.on('zoomend', showAfterZoom);
      if (interactive) {
        pointing = createSitePointing({
          map: target,
          targets: () => targets,
          describe,
          activate,
          repaint: paint,
          keyboardHint: () => options.keyboardHint?.() ?? '',
        });
      }
      this.reset();
    },
    reset() {
      sites = [...options.sites()];
      projected = undefined;
      paint();
    },
    update() {
      paint();
    },
    select(siteId) {
      selected = siteId;
      paint();
    },
    dispose() {
      map?.off('move resize viewreset', paint);
      map?.off('zoomstart', hideDuringZoom);
      map?.off('zoomend', showAfterZoom);
      pointing?.dispose();
      canvas?.remove();
      map = undefined;
      canvas = undefined;
      pointing = undefined;
    },
    get paints() {
      return paints;
    },
  };
}

function pick(p: L.Point): { x: number; y: number } {
  return { x: p.x, y: p.y };
}
