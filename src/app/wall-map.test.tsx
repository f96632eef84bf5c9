// @vitest-environment jsdom
// The wall's map is mounted once: rotating to another collectivité, and on to a calm spell with
// nothing open, re-fits the same map (one site layer init, one Leaflet container) instead of
// re-creating it — the soak bench watches the wall's heap, DOM and listeners.
import { act, cleanup, render, screen } from '@testing-library/react';
import L from 'leaflet';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { createFeatureHarness, makeIncident, smallEstate } from '../test/feature-harness.tsx';
import { WallPage } from './wall-page.tsx';

const layers = vi.hoisted(() => ({ inits: 0, disposes: 0, interactive: [] as Array<boolean | undefined> }));
vi.mock('../features/map/layer/site-layer.ts', () => ({
  createSiteLayer: (options: { interactive?: boolean }) => {
    layers.interactive.push(options.interactive);
    return {
      init: () => void (layers.inits += 1),
      reset: () => {},
      update: () => {},
      select: () => {},
      dispose: () => void (layers.disposes += 1),
      paints: 0,
    };
  },
}));

let fits: L.LatLngBounds[];

beforeEach(() => {
  vi.useFakeTimers({ now: Date.UTC(2026, 2, 2, 9) });
  // jsdom has no layout: give the map a size so fitBounds picks a real zoom.
  vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(800);
  vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(600);
  fits = [];
  const fitBounds = L.Map.prototype.fitBounds;
  vi.spyOn(L.Map.prototype, 'fitBounds').mockImplementation(function (this: L.Map, bounds, options) {
    fits.push(bounds instanceof L.LatLngBounds ? bounds : L.latLngBounds(bounds));
    return fitBounds.call(this, bounds, options);
  });
  Object.assign(layers, { inits: 0, disposes: 0, interactive: [] });
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
  vi.restoreAllMocks();
});

const focusName = () => screen.getByRole('heading', { level: 2 }).textContent;
const mapContainers = () => document.querySelectorAll('.leaflet-container');
const fittedOn = (lat: number, lng: number) => fits.at(-1)!.contains([lat, lng]);

it('re-fits the one map on each rotation and to the whole scope when nothing is open, without remounting it', () => {
  const h = createFeatureHarness();
  render(<WallPage search="?rotate=20" />, { wrapper: h.Wrapper });
  act(() =>
    h.snapshot(smallEstate(), [
      makeIncident({ id: 'i1', collectiviteId: 'c-thionville', severity: 'WARNING' }),
      makeIncident({ id: 'i2', collectiviteId: 'c-metz', severity: 'CRITICAL' }),
    ]),
  );
  expect(focusName()).toBe('Metz');
  const container = mapContainers()[0];
  expect(mapContainers()).toHaveLength(1);
  expect(layers.inits).toBe(1);
  expect(layers.interactive).toEqual([false]);
  expect(fittedOn(49.12, 6.18) && !fittedOn(49.36, 6.17)).toBe(true);
  // Read-only: no zoom buttons, nothing focusable by keyboard.
  expect(document.querySelector('.leaflet-control-zoom')).toBeNull();
  expect(container?.getAttribute('tabindex')).toBeNull();

  act(() => {
    h.heartbeat();
    vi.advanceTimersByTime(20_000);
  });
  expect(focusName()).toBe('Thionville');
  expect(fittedOn(49.36, 6.17) && !fittedOn(49.12, 6.18)).toBe(true);

  act(() => {
    h.heartbeat();
    vi.advanceTimersByTime(20_000);
  });
  expect(focusName()).toBe('Metz');

  // Everything resolves: the same map shows the whole scope.
  act(() =>
    h.incidents([
      makeIncident({ id: 'i1', collectiviteId: 'c-thionville', status: 'resolved', resolvedAt: Date.now() }),
      makeIncident({ id: 'i2', collectiviteId: 'c-metz', status: 'resolved', resolvedAt: Date.now() }),
    ]),
  );
  expect(screen.getByText('Aucun incident en cours')).toBeTruthy();
  expect(fittedOn(49.12, 6.18) && fittedOn(49.36, 6.17)).toBe(true);

  expect(fits).toHaveLength(4);
  expect(layers.inits).toBe(1);
  expect(layers.disposes).toBe(0);
  expect(mapContainers()).toHaveLength(1);
  expect(mapContainers()[0]).toBe(container);
});
