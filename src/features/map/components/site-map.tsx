// The map, mounted once. Tiles are decoration: when they fail (offline wall, blocked server) the
// sites stay on a plain background and a notice says so.
import 'leaflet/dist/leaflet.css';
import { useEffect, useMemo, useRef, useState } from 'react';
import { MapContainer, TileLayer, useMap } from 'react-leaflet';
import L from 'leaflet';
import { useMessages } from '../../../i18n/locale-context.ts';
import type { EstateIndex } from '../../../domain/estate-index.ts';
import { useEstateIndex } from '../../../live/use-live.ts';
import { resolveTileConfig, type TileConfig } from '../api/tile-config.ts';
import { mapMessages } from '../map-messages.ts';
import { MapCorner } from './map-corner.tsx';
import { MoselleBackdrop } from './moselle-backdrop.tsx';
import { PositionsCredit } from './positions-credit.tsx';
import { SiteMarkers } from './site-markers.tsx';

const MOSELLE_CENTER: [number, number] = [49.04, 6.66];

/** Leaflet handlers and controls off: nothing to drag, zoom, focus or click. */
const READ_ONLY = {
  zoomControl: false,
  dragging: false,
  scrollWheelZoom: false,
  doubleClickZoom: false,
  touchZoom: false,
  boxZoom: false,
  keyboard: false,
} as const;

const TILE_NOTICE_BANNER =
  'pointer-events-none absolute top-2 left-1/2 z-[1000] w-max max-w-[calc(100%-7rem)] -translate-x-1/2 rounded bg-slate-900/90 px-3 py-1.5 text-center text-xs text-amber-200 shadow sm:text-sm';
const TILE_NOTICE_DISCREET = 'pointer-events-none absolute top-0 left-0 z-[1000] max-w-[75%] rounded-br bg-slate-900/80 px-1.5 py-0.5 text-[0.6rem] leading-tight text-slate-300';

export interface SiteMapProps {
  onSelectSite?(siteId: string): void;
  /** Ringed on the map, and brought into view when off screen. */
  selectedSiteId?: string;
  /** Fit the view to this collectivité's sites (référent, /c/:id). */
  focusCollectiviteId?: string;
  tiles?: TileConfig;
  className?: string;
  /**
   * false: a display watched from across the room (the wall) — no zoom buttons, no dragging, no
   * click or hover, the view kept fitted to the focus when the box resizes, and the tile notice as
   * a corner note rather than a banner. Default true.
   */
  interactive?: boolean;
  /** Markers drawn this much larger (the wall scales with its screen). Default 1. */
  markerScale?: number;
}

export function SiteMap({ onSelectSite, selectedSiteId, focusCollectiviteId, tiles, className = '', interactive = true, markerScale = 1 }: SiteMapProps) {
  const m = useMessages(mapMessages);
  const config = useMemo(() => tiles ?? resolveTileConfig(), [tiles]);
  const [tilesFailed, setTilesFailed] = useState(config.url === null);
  const loaded = useRef(false);
  const tileEvents = useMemo(
    () => ({
      tileload: () => {
        loaded.current = true;
        setTilesFailed(false);
      },
      tileerror: () => {
        if (!loaded.current) setTilesFailed(true);
      },
    }),
    [],
  );

  return (
    <section aria-label={m.mapLabel} className={`relative isolate overflow-hidden bg-slate-800 ${className}`}>
      <MapContainer
        center={MOSELLE_CENTER}
        zoom={9}
        minZoom={7}
        maxZoom={18}
        className="h-full w-full !bg-slate-800"
        attributionControl
        {...(interactive ? {} : READ_ONLY)}
      >
        {config.url && <TileLayer url={config.url} attribution={config.attribution} eventHandlers={tileEvents} />}
        <MoselleBackdrop plain={tilesFailed} />
        <MapCorner position="bottomright">
          <PositionsCredit />
        </MapCorner>
        <SiteMarkers onSelectSite={onSelectSite} selectedSiteId={selectedSiteId} interactive={interactive} markerScale={markerScale} />
        <FitToSites collectiviteId={focusCollectiviteId} keepFitted={!interactive} />
      </MapContainer>
      {tilesFailed && (
        <p role="status" className={interactive ? TILE_NOTICE_BANNER : TILE_NOTICE_DISCREET}>
          {m.tilesUnavailable}
        </p>
      )}
    </section>
  );
}

/**
 * Fits the view once the estate arrives, and again when the focus changes — not on every snapshot.
 * `keepFitted` (a map nobody pans): also after the box changes size, e.g. when the wall's layout
 * settles or switches between a collectivité and the whole scope.
 */
function FitToSites({ collectiviteId, keepFitted }: { collectiviteId: string | undefined; keepFitted: boolean }) {
  const map = useMap();
  const index = useEstateIndex();
  const fittedFor = useRef<string | null>(null);
  const latest = useRef({ index, collectiviteId });
  useEffect(() => {
    latest.current = { index, collectiviteId };
    const key = collectiviteId ?? '*';
    if (index.sites.size === 0 || fittedFor.current === key) return;
    if (fitView(map, index, collectiviteId)) fittedFor.current = key;
  }, [map, index, collectiviteId]);
  useEffect(() => {
    if (!keepFitted || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => {
      map.invalidateSize({ animate: false });
      fitView(map, latest.current.index, latest.current.collectiviteId);
    });
    observer.observe(map.getContainer());
    return () => observer.disconnect();
  }, [map, keepFitted]);
  return null;
}

function fitView(map: L.Map, index: EstateIndex, collectiviteId: string | undefined): boolean {
  const sites = collectiviteId ? (index.sitesByCollectivite.get(collectiviteId) ?? []) : [...index.sites.values()];
  if (sites.length === 0) return false;
  const bounds = L.latLngBounds(sites.map((s) => [s.lat, s.lng] as [number, number]));
  map.fitBounds(bounds.pad(0.15), { maxZoom: collectiviteId ? 14 : 11, animate: false });
  return true;
}
