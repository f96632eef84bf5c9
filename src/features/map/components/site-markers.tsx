// Bridges the live store to the canvas site layer. Mounted once inside the MapContainer; after that
// React is out of the loop: the frame driver hands changed site ids to the layer once per frame.
import { useEffect, useRef, useState } from 'react';
import { useMap } from 'react-leaflet';
import { common } from '../../../i18n/common.ts';
import { useMessages } from '../../../i18n/locale-context.ts';
import { createFrameDriver, type FrameScheduler } from '../../../live/frame-driver.ts';
import { useLiveStoreInstance } from '../../../live/live-context.tsx';
import { createSiteLayer, type SiteLayer, type SiteLayerOptions } from '../layer/site-layer.ts';
import { mapMessages } from '../map-messages.ts';

/** Zoom at which a selected site is shown on its own (sites are clustered below 12). */
const SITE_ZOOM = 13;

export interface SiteMarkersProps {
  onSelectSite?(siteId: string): void;
  selectedSiteId?: string;
  /** false: markers are drawn only, nothing reacts to the pointer (the wall). */
  interactive?: boolean;
  /** Markers drawn this much larger (read once, when the layer is created). */
  markerScale?: number;
  /** Injected in tests: a fake layer and fake animation frames. */
  createLayer?: (options: SiteLayerOptions) => SiteLayer;
  frames?: FrameScheduler;
}

export function SiteMarkers({ onSelectSite, selectedSiteId, interactive = true, markerScale = 1, createLayer = createSiteLayer, frames }: SiteMarkersProps) {
  const map = useMap();
  const store = useLiveStoreInstance();
  const m = useMessages(mapMessages);
  const states = useMessages(common).state;
  // Latest callbacks and labels without re-creating the layer when they change.
  const latest = useRef({ onSelectSite, m, states });
  const [layer, setLayer] = useState<SiteLayer | undefined>(undefined);
  useEffect(() => {
    latest.current = { onSelectSite, m, states };
  });

  useEffect(() => {
    const layer = createLayer({
      sites: () => store.index.sites.values(),
      siteState: (id) => store.siteState(id),
      siteInMaintenance: (id) => store.siteInMaintenance(id),
      onSelectSite: (id) => latest.current.onSelectSite?.(id),
      describeSite: (id) => {
        const site = store.index.sites.get(id);
        const town = site ? store.index.collectivites.get(site.collectiviteId)?.name : undefined;
        const work = store.siteInMaintenance(id) ? ` — ${latest.current.m.siteInMaintenance}` : '';
        return `${site?.name ?? id}${town ? ` (${town})` : ''} — ${latest.current.states[store.siteState(id)]}${work}`;
      },
      describeCluster: (count, worst, inMaintenance) => latest.current.m.clusterLabel(count, latest.current.states[worst], inMaintenance),
      keyboardHint: () => latest.current.m.keyboardHint,
      interactive,
      markerScale,
    });
    layer.init(map);
    const stop = createFrameDriver(store, layer, frames);
    setLayer(layer);
    return () => {
      stop();
      layer.dispose();
    };
  }, [map, store, createLayer, frames, interactive, markerScale]);

  useEffect(() => {
    layer?.select(selectedSiteId);
    const site = selectedSiteId ? store.index.sites.get(selectedSiteId) : undefined;
    if (!site) return;
    // Bring the site out of its cluster and into view; leave the view alone if it already shows it.
    // On a phone the site panel is a bottom sheet (up to 70 % of the map): only the top part counts.
    const size = map.getSize();
    const sheet = size.x < 640;
    const shown =
      map.getBounds().pad(-0.1).contains([site.lat, site.lng]) && (!sheet || map.latLngToContainerPoint([site.lat, site.lng]).y < size.y * 0.3 - 12);
    if (map.getZoom() < SITE_ZOOM || !shown) {
      map.setView([site.lat, site.lng], Math.max(map.getZoom(), SITE_ZOOM), { animate: false });
      // Lift the site into the part the bottom sheet leaves visible.
      if (sheet) map.panBy([0, size.y * 0.3], { animate: false });
    }
  }, [layer, selectedSiteId, map, store]);

  return null;
}
