// @vitest-environment jsdom
// The canvas layer on a real Leaflet map (jsdom has no layout or canvas: sizes are stubbed and the
// 2D context records calls). Checks clustering by zoom, repaint counts, click-to-select and that
// hover text is set as text.
import L from 'leaflet';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import type { ProbeState, Site } from '../../../domain/model.ts';
import { createSiteLayer } from './site-layer.ts';

const EVIL = '<img src=x onerror=alert(1)>';
const sites: Site[] = [
  { id: 'a', collectiviteId: 'c', name: EVIL, kind: 'mairie', lat: 49.1, lng: 6.17 },
  { id: 'b', collectiviteId: 'c', name: 'École', kind: 'ecole', lat: 49.1005, lng: 6.1705 },
  { id: 'far', collectiviteId: 'd', name: 'Loin', kind: 'mairie', lat: 49.3, lng: 6.6 },
];

let container: HTMLDivElement;
let texts: string[];
/** Canvas calls that draw the maintenance ring: setLineDash with a pattern, then stroke in its colour. */
let dashed: number;

beforeEach(() => {
  vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(800);
  vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(600);
  texts = [];
  dashed = 0;
  const ctx = new Proxy({} as Record<string | symbol, unknown>, {
    get: (target, key) =>
      key === 'fillText'
        ? (t: string) => texts.push(t)
        : key === 'setLineDash'
          ? (pattern: number[]) => (dashed += pattern.length > 0 ? 1 : 0)
          : key in target
            ? target[key]
            : () => {},
    set: (target, key, value) => ((target[key] = value), true),
  });
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(ctx as unknown as CanvasRenderingContext2D);
  container = document.createElement('div');
  document.body.append(container);
});

afterEach(() => {
  container.remove();
  vi.restoreAllMocks();
});

function setup(zoom: number, interactive?: boolean, working: ReadonlySet<string> = new Set()) {
  const map = L.map(container, { center: [49.1, 6.17], zoom, zoomAnimation: false, fadeAnimation: false });
  const state: Record<string, ProbeState> = { a: 'CRITICAL', b: 'OK', far: 'OK' };
  const onSelectSite = vi.fn();
  const siteState = vi.fn((id: string) => state[id]!);
  const layer = createSiteLayer({
    sites: () => sites,
    siteState,
    siteInMaintenance: (id) => working.has(id),
    onSelectSite,
    describeSite: (id) => `${sites.find((s) => s.id === id)!.name} — ${state[id]}${working.has(id) ? ' — en maintenance' : ''}`,
    describeCluster: (n, worst, inMaintenance) => `${n} sites, ${worst}${inMaintenance ? `, ${inMaintenance} en maintenance` : ''}`,
    interactive,
  });
  layer.init(map);
  return { map, layer, state, onSelectSite, siteState };
}

function mouse(map: L.Map, type: 'click' | 'mousemove', latlng: L.LatLngExpression) {
  const containerPoint = map.latLngToContainerPoint(latlng);
  map.fire(type, { latlng: L.latLng(latlng), containerPoint, layerPoint: map.containerPointToLayerPoint(containerPoint) });
}

it('clusters neighbours when zoomed out, showing the count', () => {
  setup(9);
  expect(texts).toContain('2'); // a + b in one cluster; 'far' drawn alone
});

it('draws every site alone when zoomed in, and selects one on click', () => {
  const { map, onSelectSite } = setup(16);
  expect(texts).toEqual([]);
  mouse(map, 'click', [49.1, 6.17]);
  expect(onSelectSite).toHaveBeenCalledWith('a');
});

it('repaints once per update, drawing the states the store holds (the layer keeps no copy)', () => {
  const { map, layer, state, siteState } = setup(9);
  const before = layer.paints;
  siteState.mockClear();
  state.a = 'OK';
  state.b = 'WARNING';
  layer.update(new Set(['b']));
  expect(layer.paints).toBe(before + 1);
  // One read per site per paint, from the store's O(1) map.
  expect(siteState.mock.calls.map(([id]) => id).sort()).toEqual(['a', 'b', 'far']);
  mouse(map, 'mousemove', [49.10025, 6.17025]);
  expect(container.querySelector('.vigie-site-tooltip')!.textContent).toBe('2 sites, WARNING');
});

it('puts hover text in as text, never markup', () => {
  const { map } = setup(16);
  mouse(map, 'mousemove', [49.1, 6.17]);
  const tooltip = container.querySelector('.vigie-site-tooltip')!;
  expect(tooltip.hasAttribute('hidden')).toBe(false);
  expect(tooltip.textContent).toBe(`${EVIL} — CRITICAL`);
  expect(container.querySelector('img')).toBeNull();
});

it('when not interactive (the wall), draws the same but neither selects nor shows hover text', () => {
  const { map, layer, onSelectSite } = setup(16, false);
  expect(layer.paints).toBeGreaterThan(0);
  mouse(map, 'click', [49.1, 6.17]);
  mouse(map, 'mousemove', [49.1, 6.17]);
  expect(onSelectSite).not.toHaveBeenCalled();
  expect(container.querySelector('.vigie-site-tooltip')).toBeNull();
  layer.dispose();
  expect(container.querySelector('canvas')).toBeNull();
});

it('reaches a site with the arrows and opens it with Enter; Escape lets go (keyboard, no pointer)', () => {
  const { map, onSelectSite } = setup(16);
  const key = (k: string) => map.getContainer().dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true }));
  const label = () => container.querySelector<HTMLElement>('.vigie-site-tooltip')!;
  const live = () => container.querySelector('[role="status"]')!.textContent;
  // The worst site (a, CRITICAL) takes the focus first; b lies to its north-east.
  expect(key('ArrowRight')).toBe(false); // handled: Leaflet does not pan
  expect(label().hidden).toBe(false);
  expect(label().textContent).toBe(`${EVIL} — CRITICAL`);
  expect(live()).toBe(`${EVIL} — CRITICAL`);
  key('ArrowUp');
  expect(label().textContent).toBe('École — OK');
  key('Enter');
  expect(onSelectSite).toHaveBeenCalledWith('b');
  expect(key('ArrowUp')).toBe(true); // nothing further north: left to Leaflet, which pans
  key('Escape');
  expect(label().hidden).toBe(true);
  expect(live()).toBe('');
});

it('rings a site under planned work with the dashed maintenance ring, and says so in its label (sites and groups)', () => {
  const { map } = setup(16, true, new Set(['b']));
  expect(dashed).toBe(1); // b only: a and far are not in maintenance
  mouse(map, 'mousemove', [49.1005, 6.1705]);
  expect(container.querySelector('.vigie-site-tooltip')!.textContent).toBe('École — OK — en maintenance');
  map.remove();
  container.remove();
  container = document.createElement('div');
  document.body.append(container);
  const zoomedOut = setup(9, true, new Set(['b']));
  expect(dashed).toBe(2); // the group holding b gets the ring too
  mouse(zoomedOut.map, 'mousemove', [49.10025, 6.17025]);
  expect(container.querySelector('.vigie-site-tooltip')!.textContent).toBe('2 sites, CRITICAL, 1 en maintenance');
});

it.each([16, 9])('draws no maintenance ring when no site is under planned work (zoom %i)', (zoom) => {
  setup(zoom);
  expect(dashed).toBe(0);
});
