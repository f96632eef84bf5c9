// @vitest-environment jsdom
// The map's render budget: however many delta batches arrive, the site layer is updated at most
// once per animation frame, only with the sites whose state changed — and React does not re-render.
import { act, cleanup, render } from '@testing-library/react';
import { Profiler } from 'react';
import { MapContainer } from 'react-leaflet';
import { afterEach, expect, it } from 'vitest';
import type { ProbeState } from '../../../domain/model.ts';
import { I18nProvider } from '../../../i18n/i18n-context.tsx';
import { FakeTransport } from '../../../live/fake-transport.ts';
import type { FrameScheduler } from '../../../live/frame-driver.ts';
import { LiveStoreProvider } from '../../../live/live-context.tsx';
import { deltaBatch, wireSnapshot, probeStatus } from '../../../live/live-fixtures.ts';
import { LiveStore } from '../../../live/live-store.ts';
import type { SiteLayer, SiteLayerOptions } from '../layer/site-layer.ts';
import { SiteMarkers } from './site-markers.tsx';

afterEach(cleanup);

it('updates the layer once per frame with only the changed site ids', () => {
  const transport = new FakeTransport();
  const store = new LiveStore({ transport });
  store.start();
  transport.connect();
  transport.emit('snapshot', wireSnapshot());

  const queue: Array<() => void> = [];
  const frames: FrameScheduler = { request: (cb) => queue.push(cb), cancel: () => {} };
  const tick = () => queue.splice(0).forEach((cb) => cb());

  const calls: Array<{ kind: 'init' | 'reset' | 'update' | 'dispose'; ids?: string[] }> = [];
  let options: SiteLayerOptions | undefined;
  const createLayer = (o: SiteLayerOptions): SiteLayer => {
    options = o;
    return {
      init: () => calls.push({ kind: 'init' }),
      reset: () => calls.push({ kind: 'reset' }),
      update: (ids) => calls.push({ kind: 'update', ids: [...ids].sort() }),
      select: () => {},
      dispose: () => calls.push({ kind: 'dispose' }),
      paints: 0,
    };
  };

  let commits = 0;
  const { unmount } = render(
    <I18nProvider locale="fr" storage={undefined}>
      <LiveStoreProvider store={store}>
        <Profiler id="map" onRender={() => (commits += 1)}>
          <MapContainer center={[49, 6.6]} zoom={9} style={{ width: 800, height: 600 }}>
            <SiteMarkers onSelectSite={() => {}} createLayer={createLayer} frames={frames} />
          </MapContainer>
        </Profiler>
      </LiveStoreProvider>
    </I18nProvider>,
  );
  expect(calls.map((c) => c.kind)).toEqual(['init', 'reset']);
  const commitsAfterMount = commits;

  // 500 batches within one frame, touching two sites; the third site never changes.
  const flip: ProbeState[] = ['CRITICAL', 'WARNING', 'OK'];
  act(() => {
    for (let seq = 1; seq <= 500; seq++) {
      transport.emit('deltas', deltaBatch(seq, [probeStatus('p-metz-cam', flip[seq % 3]!), probeStatus('p-boulay-disk', 'CRITICAL')]));
    }
  });
  expect(queue).toHaveLength(1);
  tick();
  expect(calls.slice(2)).toEqual([{ kind: 'update', ids: ['s-boulay-mairie', 's-metz-mairie'] }]);

  // Next frame: one more batch changing one site → one update with just that id.
  act(() => transport.emit('deltas', deltaBatch(501, [probeStatus('p-ecole-wan', 'UNKNOWN')])));
  tick();
  expect(calls.slice(3)).toEqual([{ kind: 'update', ids: ['s-metz-ecole'] }]);
  expect(options?.siteState('s-metz-ecole')).toBe('UNKNOWN');
  expect(options?.describeSite('s-metz-ecole')).toBe('École Jean Moulin (Metz) — Inconnu');

  // Planned work starts on the school (its state stays the same): the marker and its label change.
  act(() => transport.emit('deltas', deltaBatch(502, [{ ...probeStatus('p-ecole-wan', 'UNKNOWN'), inDowntime: true }])));
  tick();
  expect(calls.slice(4)).toEqual([{ kind: 'update', ids: ['s-metz-ecole'] }]);
  expect(options?.siteInMaintenance?.('s-metz-ecole')).toBe(true);
  expect(options?.describeSite('s-metz-ecole')).toBe('École Jean Moulin (Metz) — OK — en maintenance');
  expect(options?.describeCluster(3, 'CRITICAL', 1)).toBe('3 sites — pire état : Critique — 1 site en maintenance');

  // A frame with nothing new does not touch the layer, and React never re-rendered the map.
  tick();
  expect(calls).toHaveLength(5);
  expect(commits).toBe(commitsAfterMount);

  unmount();
  expect(calls.at(-1)?.kind).toBe('dispose');
});
